package energy.diag;

import java.util.ArrayList;
import java.util.List;

/** The text of one input, with its display path and line table (for positions in diagnostics). */
public final class Source {
  private final String path;
  private final String text;
  private final int[] lineStarts;
  /** Added to every reported line: the text starts at line {@code firstLine} of its document. */
  private final int lineOffset;

  /**
   * @param text the input; a lone carriage return (old Mac line ends) is read as a line feed,
   *     which keeps every offset, so lines are counted alike by the lexer and the diagnostics
   */
  public Source(String path, String text) {
    this(path, text, 1);
  }

  /**
   * A piece of a larger document (a block of a Markdown file, a statement typed at a prompt)
   * whose first line is line {@code firstLine} there, so diagnostics point into the document.
   */
  public Source(String path, String text, int firstLine) {
    this.path = path;
    this.lineOffset = firstLine - 1;
    this.text = text.indexOf('\r') < 0 ? text : text.replaceAll("\r(?!\n)", "\n");
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < this.text.length(); i++) {
      if (this.text.charAt(i) == '\n') starts.add(i + 1);
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** 1-based line of a 0-based character offset. */
  public int line(int offset) {
    int lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1 + lineOffset;
  }

  /** 1-based column of a 0-based character offset. */
  public int column(int offset) {
    return offset - lineStarts[line(offset) - lineOffset - 1] + 1;
  }

  /** The text of a 1-based line, without its line terminator. */
  public String lineText(int line) {
    line -= lineOffset;
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') end--;
    return text.substring(start, Math.max(start, end));
  }
}
