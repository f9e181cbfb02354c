package energy.algebra.cumulant;

import static energy.algebra.cumulant.CumulantsTest.assertClose;
import static energy.algebra.cumulant.CumulantsTest.assertSame;
import static energy.algebra.cumulant.CumulantsTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.NotApplicable;
import energy.algebra.Symja;
import energy.algebra.cumulant.UnitPrior.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

class UnitPriorTest {
  static final ISymbol B = new Symbol("b", Context.DUMMY);
  static final ISymbol A = new Symbol("a", Context.DUMMY);
  static final ISymbol T = new Symbol("t", Context.DUMMY);

  static double at(IExpr e, double b) {
    return Symja.eval(F.N(F.ReplaceAll(e, F.Rule(B, F.num(b))))).evalf();
  }

  /** ln Z(x) of the unit, computed without overflow. */
  static double logZ(Kind kind, double x) {
    return switch (kind) {
      case SPIN -> Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x))); // ln(e^x + e^-x)
      case BINARY -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); // ln(1 + e^x)
      case GAUSSIAN -> throw new AssertionError();
    };
  }

  /** The n-th derivative at 0 by second-order central differences, Richardson-extrapolated thrice. */
  static double derivative(DoubleUnaryOperator f, int n, double h) {
    double[] d = new double[4];
    for (int i = 0; i < 4; i++) d[i] = central(f, n, h / (1 << i));
    for (int level = 1; level < 4; level++) {
      double factor = Math.pow(4, level);
      for (int i = 0; i < 4 - level; i++) d[i] = (factor * d[i + 1] - d[i]) / (factor - 1);
    }
    return d[0];
  }

  static double central(DoubleUnaryOperator f, int n, double h) {
    double m2 = f.applyAsDouble(-2 * h), m1 = f.applyAsDouble(-h), z = f.applyAsDouble(0);
    double p1 = f.applyAsDouble(h), p2 = f.applyAsDouble(2 * h);
    return switch (n) {
      case 1 -> (p1 - m1) / (2 * h);
      case 2 -> (p1 - 2 * z + m1) / (h * h);
      case 3 -> (p2 - 2 * p1 + 2 * m1 - m2) / (2 * h * h * h);
      case 4 -> (p2 - 4 * p1 + 6 * z - 4 * m1 + m2) / (h * h * h * h);
      default -> throw new IllegalArgumentException();
    };
  }

  @Test
  void spinAndBinaryMatchFiniteDifferences() {
    Random rnd = random("spinAndBinaryMatchFiniteDifferences");
    for (Kind kind : List.of(Kind.SPIN, Kind.BINARY)) {
      List<IExpr> kappa = UnitPrior.cumulants(kind, 4, B, null);
      for (int trial = 0; trial < 5; trial++) {
        double b = -3 + 6 * rnd.nextDouble();
        for (int n = 1; n <= 4; n++) {
          double fd = derivative(t -> logZ(kind, b + t), n, 0.2);
          assertClose(fd, at(kappa.get(n - 1), b), 1e-7);
        }
      }
    }
  }

  /** Moments by summing over the unit's states, through cumulantsFromMoments, at n ≤ 8. */
  @Test
  void spinAndBinaryMatchDirectSummation() {
    Random rnd = random("spinAndBinaryMatchDirectSummation");
    int n = 8;
    for (Kind kind : List.of(Kind.SPIN, Kind.BINARY)) {
      double[] states = kind == Kind.SPIN ? new double[] {-1, 1} : new double[] {0, 1};
      List<IExpr> kappa = UnitPrior.cumulants(kind, n, B, null);
      for (int trial = 0; trial < 5; trial++) {
        double b = -2 + 4 * rnd.nextDouble();
        double z = 0;
        for (double s : states) z += Math.exp(b * s);
        List<IExpr> mu = new ArrayList<>();
        for (int m = 1; m <= n; m++) {
          double sum = 0;
          for (double s : states) sum += Math.pow(s, m) * Math.exp(b * s);
          mu.add(F.num(sum / z));
        }
        List<IExpr> fromMoments = Cumulants.cumulantsFromMoments(mu);
        for (int m = 1; m <= n; m++)
          assertClose(fromMoments.get(m - 1).evalf(), at(kappa.get(m - 1), b), 1e-9);
      }
    }
  }

  /** Exactly: spin moments are 1 (even n) and tanh b (odd n); binary moments are all σ(b). */
  @Test
  void spinAndBinaryMatchExactMoments() {
    int n = 8;
    List<IExpr> spin = new ArrayList<>(), binary = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      spin.add(m % 2 == 1 ? F.Tanh(B) : F.C1);
      binary.add(F.LogisticSigmoid(B));
    }
    List<IExpr> ks = Cumulants.cumulantsFromMoments(spin), kb = Cumulants.cumulantsFromMoments(binary);
    List<IExpr> us = UnitPrior.cumulants(Kind.SPIN, n, B, null), ub = UnitPrior.cumulants(Kind.BINARY, n, B, null);
    for (int m = 0; m < n; m++) {
      assertSame(ks.get(m), us.get(m));
      assertSame(kb.get(m), ub.get(m));
    }
    assertEquals(UnitPrior.cumulant(Kind.SPIN, 6, B, null), us.get(5));
  }

  /** κₙ is a polynomial in tanh b: no Sech, no Cosh, no derivatives left. */
  @Test
  void spinCumulantsArePolynomialsInTanh() {
    IExpr k7 = UnitPrior.cumulant(Kind.SPIN, 7, B, null);
    IExpr replaced = Symja.eval(F.ReplaceAll(k7, F.Rule(F.Tanh(B), T)));
    assertTrue(replaced.isPolynomial(T) && replaced.isFree(B), replaced::toString);
    // κ₄ at b = 0 is −2 (the spin's excess kurtosis is −2).
    assertEquals(F.ZZ(-2), Symja.eval(F.ReplaceAll(UnitPrior.cumulant(Kind.SPIN, 4, B, null), F.Rule(B, F.C0))));
  }

  @Test
  void seriesOfTheCgfGivesTheCumulants() {
    Random rnd = random("seriesOfTheCgfGivesTheCumulants");
    for (Kind kind : List.of(Kind.SPIN, Kind.BINARY)) {
      IExpr k = UnitPrior.cgf(kind, B, null, T);
      List<IExpr> kappa = UnitPrior.cumulants(kind, 6, B, null);
      double b = -2 + 4 * rnd.nextDouble();
      double factorial = 1;
      for (int n = 1; n <= 6; n++) {
        factorial *= n;
        IExpr coefficient = Symja.eval(F.SeriesCoefficient(k, F.List(T, F.C0, F.ZZ(n))));
        assertClose(factorial * at(coefficient, b), at(kappa.get(n - 1), b), 1e-9);
      }
      // K(0) = 0.
      assertTrue(Symja.eval(F.ReplaceAll(k, F.Rule(T, F.C0))).isZero());
    }
  }

  @Test
  void gaussianCumulantsStopAtTwo() {
    List<IExpr> kappa = UnitPrior.cumulants(Kind.GAUSSIAN, 6, B, A);
    assertSame(F.Divide(B, A), kappa.get(0));
    assertSame(F.Power(A, F.CN1), kappa.get(1));
    for (int n = 3; n <= 6; n++) assertTrue(kappa.get(n - 1).isZero());
    IExpr k = UnitPrior.cgf(Kind.GAUSSIAN, B, A, T);
    IExpr expected = F.Plus(F.Times(B, T, F.Power(A, F.CN1)), F.Times(F.Sqr(T), F.Power(F.Times(F.C2, A), F.CN1)));
    assertTrue(Symja.together(F.Subtract(k, expected)).isZero(), k::toString);
    assertEquals(1, UnitPrior.conditions(Kind.GAUSSIAN, A).size());
    assertEquals(0, UnitPrior.conditions(Kind.GAUSSIAN, F.C2).size());
  }

  /** Gaussian moments (Isserlis) of mean b/a and variance 1/a, through cumulantsFromMoments. */
  @Test
  void gaussianMomentsGiveTheSameCumulants() {
    int n = 7;
    IExpr mean = F.Divide(B, A), var = F.Power(A, F.CN1);
    List<IExpr> mu = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      List<IExpr> terms = new ArrayList<>();
      long doubleFactorial = 1;
      for (int j = 0; 2 * j <= m; j++) {
        if (j > 0) doubleFactorial *= 2L * j - 1;
        terms.add(F.Times(F.ZZ(Cumulants.binomial(m, 2 * j)), F.ZZ(doubleFactorial), F.Power(mean, F.ZZ(m - 2 * j)), F.Power(var, F.ZZ(j))));
      }
      mu.add(Symja.expand(F.Plus(terms.toArray(new IExpr[0]))));
    }
    List<IExpr> fromMoments = Cumulants.cumulantsFromMoments(mu);
    List<IExpr> kappa = UnitPrior.cumulants(Kind.GAUSSIAN, n, B, A);
    for (int m = 0; m < n; m++) assertSame(kappa.get(m), Symja.together(fromMoments.get(m)));
  }

  /** K(t) against ln ∫ e^{−(a/2)u² + (b+t)u} du by the trapezoid rule. */
  @Test
  void gaussianCgfMatchesQuadrature() {
    Random rnd = random("gaussianCgfMatchesQuadrature");
    for (int trial = 0; trial < 5; trial++) {
      double a = 0.5 + 2 * rnd.nextDouble(), b = -1 + 2 * rnd.nextDouble(), t = -1 + 2 * rnd.nextDouble();
      double expected = logGaussianZ(a, b + t) - logGaussianZ(a, b);
      IExpr k = UnitPrior.cgf(Kind.GAUSSIAN, F.num(b), F.num(a), F.num(t));
      assertClose(expected, Symja.eval(F.N(k)).evalf(), 1e-9);
    }
  }

  static double logGaussianZ(double a, double b) {
    double center = b / a, width = 12 / Math.sqrt(a), h = width / 4000, sum = 0;
    // Shifted by the peak value so nothing overflows; the trapezoid rule is spectrally exact here.
    double peak = b * b / (2 * a);
    for (int i = -4000; i <= 4000; i++) {
      double u = center + i * h;
      sum += Math.exp(-0.5 * a * u * u + b * u - peak);
    }
    return peak + Math.log(sum * h);
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> UnitPrior.cumulants(Kind.GAUSSIAN, 2, B, null));
    assertThrows(IllegalArgumentException.class, () -> UnitPrior.cumulants(Kind.SPIN, 2, B, A));
    assertThrows(IllegalArgumentException.class, () -> UnitPrior.cumulants(Kind.SPIN, 0, B, null));
    NotApplicable e = assertThrows(NotApplicable.class, () -> UnitPrior.cgf(Kind.GAUSSIAN, B, F.CN1, T));
    assertTrue(e.getMessage().contains("not normalizable"), e.getMessage());
    assertThrows(NotApplicable.class, () -> UnitPrior.cumulants(Kind.GAUSSIAN, 2, B, F.C0));
  }
}
