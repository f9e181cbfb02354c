package energy.algebra;

/** Sizes written for error messages: 2.1·10⁷, 6.4 GB. */
public final class Sizes {
  private Sizes() {}

  /** A count: exact below 10⁴, else with two significant digits times a power of ten. */
  public static String count(double n) {
    if (n < 1e4) return String.valueOf(Math.round(n));
    int exp = (int) Math.floor(Math.log10(n));
    double mantissa = n / Math.pow(10, exp);
    if (mantissa >= 9.95) {
      mantissa /= 10;
      exp++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f·10%s", mantissa, superscript(exp));
  }

  /** A number of bytes in kB, MB, GB or TB. */
  public static String bytes(double b) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (b >= 1000 && u < units.length - 1) {
      b /= 1000;
      u++;
    }
    return String.format(java.util.Locale.ROOT, b < 10 ? "%.1f %s" : "%.0f %s", b, units[u]);
  }

  private static String superscript(int n) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) s.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
    return s.toString();
  }
}
