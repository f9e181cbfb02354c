package energy.algebra.cumulant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.algebra.Symja;
import energy.algebra.cumulant.UnitPrior.Kind;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A unit with no field (b = 0 exactly, e.g. {@code cumulant 2 of v in E} where E does not mention
 * v) has the uniform prior. Found by the fuzzer: the constant term of the polynomial in tanh b was
 * built as tanh(0)⁰ = 0⁰, so κ₂ of a spin came out Indeterminate (and Symja printed a warning on
 * stdout). Expected values come from enumerating the uniform prior's moments and the
 * moment-to-cumulant recursion, not from the code under test.
 */
class ZeroFieldPriorTest {
  @Test
  void cumulantsOfAUnitWithoutFieldAreThoseOfTheUniformPrior() {
    for (Kind kind : new Kind[] {Kind.SPIN, Kind.BINARY}) {
      double[] values = kind == Kind.SPIN ? new double[] {-1, 1} : new double[] {0, 1};
      double[] kappa = uniformCumulants(values, 6);
      for (int n = 1; n <= 6; n++) {
        IExpr k = UnitPrior.cumulant(kind, n, F.C0, null);
        double got = Symja.eval(F.N(k)).evalf();
        assertEquals(kappa[n], got, 1e-12, kind + " κ" + n + " at b = 0: " + k);
      }
    }
  }

  /** κ₁…κ_max of the uniform distribution on the values: moments by enumeration, then κₙ = μₙ − Σ C(n−1, m−1) κₘ μₙ₋ₘ. */
  static double[] uniformCumulants(double[] values, int max) {
    double[] mu = new double[max + 1], kappa = new double[max + 1];
    for (int n = 0; n <= max; n++) {
      for (double v : values) mu[n] += Math.pow(v, n);
      mu[n] /= values.length;
    }
    for (int n = 1; n <= max; n++) {
      double k = mu[n];
      for (int m = 1; m < n; m++) k -= binomial(n - 1, m - 1) * kappa[m] * mu[n - m];
      kappa[n] = k;
    }
    return kappa;
  }

  static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) b = b * (n - k + i) / i;
    return b;
  }
}
