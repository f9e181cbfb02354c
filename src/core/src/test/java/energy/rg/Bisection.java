package energy.rg;

import java.util.function.DoubleUnaryOperator;

/** Test-only helpers: a fixed point of a one-coupling recursion and its thermal exponent. */
final class Bisection {
  private Bisection() {}

  /** The root of K' − K in (lo, hi), where it changes sign. */
  static double fixedPoint(DoubleUnaryOperator f, double lo, double hi) {
    double glo = f.applyAsDouble(lo) - lo;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi), g = f.applyAsDouble(mid) - mid;
      if ((g > 0) == (glo > 0)) {
        lo = mid;
        glo = g;
      } else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** y = ln(dK'/dK) / ln b at k (central difference). */
  static double exponent(DoubleUnaryOperator f, double k, double b) {
    double e = 1e-6;
    double slope = (f.applyAsDouble(k + e) - f.applyAsDouble(k - e)) / (2 * e);
    return Math.log(slope) / Math.log(b);
  }
}
