package energy.cli.render;

import energy.diag.Source;
import energy.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * One energy block of a document.
 *
 * @param code the block's text, each line ending in a line feed
 * @param firstLine the document's line (1-based) of the code's first line
 * @param at the block's opening (for messages about the block as a whole)
 * @param open, close the document's line indices (0-based) of the opening and closing lines
 */
public record Block(String code, int firstLine, Options options, Span at, int open, int close) {

  /** The energy blocks of a document, in order; an unclosed block is a positioned error. */
  public static List<Block> find(Syntax syntax, Source document) {
    String text = document.text();
    List<String> lines = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (int start = 0; start <= text.length(); ) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (nl < 0 && start == text.length()) break;
      starts.add(start);
      lines.add(text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
      start = end + 1;
    }
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = syntax.open.matcher(lines.get(i));
      if (!m.matches()) continue;
      Span at = new Span(document, starts.get(i), starts.get(i) + lines.get(i).stripTrailing().length());
      int body = syntax.bodyStart(lines, i);
      if (body < 0)
        throw Options.error(at, "an energy block without its body", "follow the attribute line with a '----' line, the model, and '----'");
      String optionsText = syntax.options(m);
      Options options = Options.parse(document, starts.get(i) + (optionsText == null ? 0 : syntax.optionsStart(m)), optionsText);
      StringBuilder code = new StringBuilder();
      int j = body;
      while (j < lines.size() && !syntax.closes(m, lines.get(j))) code.append(syntax.codeLine(m, lines.get(j++))).append('\n');
      if (j == lines.size())
        throw Options.error(at, "this energy block is not closed", "close it with " + syntax.closing(m) + " on a line of its own");
      blocks.add(new Block(code.toString(), body + 1, options, at, i, j));
      i = j;
    }
    return blocks;
  }
}
