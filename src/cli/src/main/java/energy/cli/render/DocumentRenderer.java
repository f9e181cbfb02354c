package energy.cli.render;

import energy.diag.Source;
import java.util.List;

/** A whole document: its text with every energy block replaced by the block's rendered results. */
public final class DocumentRenderer {
  private DocumentRenderer() {}

  public static String render(Syntax syntax, Source document, BlockRenderer renderer) {
    List<Block> blocks = Block.find(syntax, document);
    List<BlockRenderer.Rendered> rendered = renderer.render(blocks);
    String text = document.text();
    StringBuilder out = new StringBuilder(text.length() * 2);
    int line = 0, offset = 0;
    for (BlockRenderer.Rendered r : rendered) {
      while (line < r.block().open()) {
        int next = lineEnd(text, offset);
        out.append(text, offset, next);
        offset = next;
        line++;
      }
      while (line <= r.block().close()) {
        offset = lineEnd(text, offset);
        line++;
      }
      if (r.block().options().source()) syntax.source(out, r.block().code());
      for (BlockRenderer.Result result : r.results()) syntax.math(out, result.math());
      trimBlankLine(out, text, offset);
    }
    out.append(text, offset, text.length());
    return out.toString();
  }

  /** The offset just past the line starting at {@code offset} (past its line feed). */
  private static int lineEnd(String text, int offset) {
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** Writers end their output with a blank line; keep it only where the document had none. */
  private static void trimBlankLine(StringBuilder out, String text, int offset) {
    boolean documentHasOne = offset >= text.length() || text.charAt(offset) == '\n' || text.startsWith("\r\n", offset);
    if (documentHasOne && out.length() >= 2 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n')
      out.setLength(out.length() - 1);
  }
}
