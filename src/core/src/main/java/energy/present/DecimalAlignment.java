package energy.present;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers of one table column aligned on their decimal points, in every format the same way:
 * each cell is right-aligned and padded after its last digit to the column's longest fraction,
 * with blanks as wide as digits (spaces in text, {@code \phantom} in LaTeX). This needs no
 * package ({@code dcolumn}, {@code siunitx}) and works in KaTeX's {@code array}, which has no
 * {@code @{}} column separators. A cell that is not a plain decimal (−∞, a dash) is padded as
 * an integer.
 */
final class DecimalAlignment {
  private DecimalAlignment() {}

  private static final Pattern DECIMAL = Pattern.compile("[-−]?[0-9]+(\\.[0-9]+)?");

  /** For each cell, the padding that follows it: a point (when it has none) and digits. */
  static List<String> padding(List<String> cells) {
    int widest = 0;
    for (String c : cells) widest = java.lang.Math.max(widest, fraction(c));
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      int f = fraction(c);
      out.add(f == 0 && widest > 0 ? "." + "0".repeat(widest - 1) : "0".repeat(widest - f));
    }
    return out;
  }

  /** The length of a plain decimal's fraction with its point, 0 for anything else. */
  private static int fraction(String cell) {
    if (!DECIMAL.matcher(cell).matches()) return 0;
    int point = cell.indexOf('.');
    return point < 0 ? 0 : cell.length() - point;
  }
}
