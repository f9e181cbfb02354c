package energy.print;

import org.matheclipse.core.interfaces.IExpr;

/**
 * Knobs shared by both printers.
 *
 * @param significantDigits digits kept when printing inexact numbers
 * @param maxInlineExponent widest LaTeX exponent, in points as set in the superscript ({@link
 *     TexWidth#superscriptWidth}), still written as {@code e^{…}}; wider ones become {@code
 *     \exp(…)}, which stays readable where a superscript would not. 72pt (an inch, a fifth of the
 *     line) is what the former limit of 16 characters came to on average: every example prints as before
 * @param units symbols of the model's units: a physicist writes them after the couplings and
 *     outside a fraction, −\frac{A_{11} A_{21}}{1 - B^{2}} x_{1} x_{2}
 * @param names how the model's user names print ({@link Notation.Names}): which print
 *     literally because their usual print is taken, and whether a user name takes e or i
 * @param order the order of a sum's terms ({@link TermOrder}), from the model's declarations
 */
record PrintSettings(int significantDigits, double maxInlineExponent, java.util.Set<IExpr> units, Notation.Names names, TermOrder order) {
  static final PrintSettings DEFAULTS = new PrintSettings(6, 72, java.util.Set.of(), Notation.Names.NONE, TermOrder.NONE);

  PrintSettings withUnits(java.util.Collection<? extends IExpr> units) {
    return new PrintSettings(significantDigits, maxInlineExponent, java.util.Set.copyOf(units), names, order);
  }

  /** The model's user names, in declaration order; call after {@link #withUnits}, as the order ranks units after parameters. */
  PrintSettings withNames(java.util.Collection<String> userNames) {
    return new PrintSettings(significantDigits, maxInlineExponent, units, Notation.Names.of(userNames), TermOrder.of(units, userNames));
  }
}
