package energy.cli.render;

import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import energy.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block's options, from a fence's info string, an environment's optional argument or an
 * attribute list: {@code show="H1,H0"} (which results, by name; default: those the block
 * computes), {@code hide} (none), {@code source} (keep the block's text before its results),
 * {@code check} (verify the results numerically at build time). Words are separated by spaces
 * or commas; a list of names is quoted or braced. Pandoc's attribute forms mean the same:
 * {@code .check} and {@code check=true} are {@code check}.
 *
 * @param show the names to show, each with its position; null for the block's own results
 * @param check where {@code check} was written, null when it was not
 */
public record Options(List<Name> show, boolean source, Span check, boolean steps) {
  public record Name(String name, Span span) {}

  static final Options DEFAULT = new Options(null, false, null, false);
  private static final Pattern WORD = Pattern.compile("([A-Za-z][\\w-]*)(?:=(\"[^\"]*\"|\\{[^}]*\\}|[^\\s,]*))?");
  private static final String KNOWN = "options are show=NAME or show=\"NAME1,NAME2\", hide, source, steps and check";

  /** Parses {@code text}, which starts at {@code offset} of {@code source} (for positioned errors). */
  public static Options parse(Source source, int offset, String text) {
    if (text == null || text.isBlank()) return DEFAULT;
    List<Name> show = null;
    boolean source_ = false, steps = false;
    Span check = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      // Pandoc's attributes: .check is a class, check=true a flag.
      if (Character.isWhitespace(c) || c == ',' || (c == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)))) {
        i++;
        continue;
      }
      Matcher m = WORD.matcher(text).region(i, text.length());
      if (!m.lookingAt()) throw error(source, offset + i, offset + i + 1, "unexpected '" + c + "' in the block's options", KNOWN);
      Span at = new Span(source, offset + m.start(), offset + m.end());
      String key = m.group(1), value = m.group(2);
      switch (key) {
        case "show" -> {
          if (value == null || value.isEmpty()) throw error(at, "'show' needs the names of results, e.g. show=H0", KNOWN);
          boolean quoted = value.startsWith("\"") || value.startsWith("{");
          String names = quoted ? value.substring(1, value.length() - 1) : value;
          int base = offset + m.start(2) + (quoted ? 1 : 0);
          if (show == null) show = new ArrayList<>();
          Matcher n = Pattern.compile("[^\\s,]+").matcher(names);
          while (n.find()) show.add(new Name(n.group(), new Span(source, base + n.start(), base + n.end())));
        }
        case "hide" -> show = new ArrayList<>();
        case "source" -> source_ = true;
        case "steps" -> steps = true;
        case "check" -> check = at;
        default -> throw error(at, "unknown block option '" + key + "'", KNOWN);
      }
      if (value != null && !key.equals("show") && !value.equals("true") && !value.equals("\"true\"")) throw error(at, "the option '" + key + "' takes no value", KNOWN);
      i = m.end();
    }
    return new Options(show == null ? null : List.copyOf(show), source_, check, steps);
  }

  static CompileException error(Source source, int start, int end, String message, String hint) {
    return error(new Span(source, start, end), message, hint);
  }

  static CompileException error(Span at, String message, String hint) {
    return new CompileException(new Diagnostic(at, message, hint));
  }
}
