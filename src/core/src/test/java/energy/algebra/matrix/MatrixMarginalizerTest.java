package energy.algebra.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.NotApplicable;
import energy.algebra.Symja;
import energy.numeric.NumericFunction;
import energy.numeric.Quadrature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Marginalization in matrix notation, at sizes 1…3 and random values, against independent
 * numerics: brute-force enumeration of the summed units, and quadrature over the integrated ones.
 */
class MatrixMarginalizerTest {
  static final Size N = Size.of("n"), M = Size.of("m");
  static final ISymbol BETA = new Symbol("beta", Context.DUMMY), C = new Symbol("c", Context.DUMMY), D = new Symbol("d", Context.DUMMY);
  static final MatrixExpr.Named V = MatrixExpr.vector("v", N), H = MatrixExpr.vector("h", M), A = MatrixExpr.vector("a", N),
      B = MatrixExpr.vector("b", M), Y = MatrixExpr.vector("y", M);
  static final MatrixExpr.Named W = MatrixExpr.matrix("W", N, M), K = MatrixExpr.matrix("K", M, M);

  static IExpr form(MatrixExpr... factors) {
    return MatrixForms.expand(MatrixExpr.multiply(factors));
  }

  /** E(v, h) = −b·h − vᵀWh + c a·v + d hᵀh (the last a constant for spins). */
  static IExpr rbm(boolean spin) {
    List<IExpr> t = new ArrayList<>();
    t.add(F.Negate(form(MatrixExpr.transpose(B), H)));
    t.add(F.Negate(form(MatrixExpr.transpose(V), W, H)));
    t.add(F.Times(C, form(MatrixExpr.transpose(A), V)));
    if (spin) t.add(F.Times(D, form(MatrixExpr.transpose(H), H)));
    return Symja.eval(F.Plus(t.toArray(new IExpr[0])));
  }

  @Test
  void unitSumsMatchEnumeration() {
    long seed = RandomMatrices.seed("unitSumsMatchEnumeration");
    Random rnd = new Random(seed);
    for (int round = 0; round < 24; round++) {
      boolean spin = round % 2 == 0;
      int n = 1 + rnd.nextInt(3), m = 1 + rnd.nextInt(3);
      Map<String, Integer> sizes = Map.of("n", n, "m", m);
      Map<String, Double> values = new HashMap<>();
      for (String s : List.of("c", "d")) values.put(s, 2 * rnd.nextDouble() - 1);
      values.put("beta", 0.5 + 1.5 * rnd.nextDouble());
      for (int i = 1; i <= n; i++) {
        values.put("v[" + i + "]", rnd.nextBoolean() ? 1.0 : -1.0);
        values.put("a[" + i + "]", 2 * rnd.nextDouble() - 1);
        for (int j = 1; j <= m; j++) values.put("W[" + i + "," + j + "]", 2 * rnd.nextDouble() - 1);
      }
      for (int j = 1; j <= m; j++) values.put("b[" + j + "]", 2 * rnd.nextDouble() - 1);
      IExpr energy = rbm(spin);
      MatrixMarginalizer.Result r = MatrixMarginalizer.sum(energy, H, spin, BETA);
      double marginal = value(r.energy(), sizes, values);
      double beta = values.get("beta");
      // Brute force: Z(v) = Σ_h e^{−βE(v,h)} over all 2^m states.
      double z = 0;
      for (int state = 0; state < (1 << m); state++) {
        for (int j = 1; j <= m; j++) {
          boolean on = ((state >> (j - 1)) & 1) == 1;
          values.put("h[" + j + "]", on ? 1.0 : spin ? -1.0 : 0.0);
        }
        z += Math.exp(-beta * value(energy, sizes, values));
      }
      double expected = -Math.log(z) / beta;
      String what = (spin ? "spins" : "binary") + " n=" + n + " m=" + m + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(r.energy());
      assertTrue(RandomMatrices.close(expected, marginal), what + ": expected " + expected + " got " + marginal);
    }
  }

  @Test
  void binaryUnitsCoupledToEachOtherAreRejected() {
    IExpr e = Symja.eval(F.Plus(form(MatrixExpr.transpose(H), K, H), F.Negate(form(MatrixExpr.transpose(B), H))));
    assertThrows(NotApplicable.class, () -> MatrixMarginalizer.sum(e, H, false, BETA));
    assertThrows(NotApplicable.class, () -> MatrixMarginalizer.sum(e, H, true, BETA));
  }

  /**
   * H(y) = ½ yᵀy + ½ c yᵀKᵀKy − vᵀWy − b·y + d (b·y)(a'·y)… with a second linear form built from
   * W: the product of two forms linear in y is a quadratic term too.
   */
  static IExpr gaussian() {
    MatrixExpr.Named g = MatrixExpr.vector("g", M);
    List<IExpr> t = new ArrayList<>();
    t.add(F.Times(F.C1D2, form(MatrixExpr.transpose(Y), Y)));
    t.add(F.Times(F.C1D2, C, form(MatrixExpr.transpose(Y), MatrixExpr.transpose(K), K, Y)));
    t.add(F.Negate(form(MatrixExpr.transpose(V), W, Y)));
    t.add(F.Negate(form(MatrixExpr.transpose(B), Y)));
    t.add(F.Times(D, form(MatrixExpr.transpose(B), Y), form(MatrixExpr.transpose(g), Y)));
    return Symja.eval(F.Plus(t.toArray(new IExpr[0])));
  }

  @Test
  void gaussianIntegralMatchesQuadrature() {
    long seed = RandomMatrices.seed("gaussianIntegralMatchesQuadrature");
    Random rnd = new Random(seed);
    IExpr energy = gaussian();
    MatrixMarginalizer.Result r = MatrixMarginalizer.integrate(energy, Y, BETA);
    assertEquals(1, r.positiveDefinite().size(), "M = 𝟙 + cKᵀK + d(bgᵀ + gbᵀ) is not known positive: " + r.positiveDefinite());
    int checked = 0;
    for (int round = 0; checked < 12 && round < 200; round++) {
      int n = 1 + rnd.nextInt(3), m = 1 + rnd.nextInt(3);
      Map<String, Integer> sizes = Map.of("n", n, "m", m);
      Map<String, Double> values = new HashMap<>();
      values.put("c", rnd.nextDouble());
      values.put("d", 0.3 * (2 * rnd.nextDouble() - 1));
      values.put("beta", 0.5 + 1.5 * rnd.nextDouble());
      for (int i = 1; i <= n; i++) {
        values.put("v[" + i + "]", rnd.nextBoolean() ? 1.0 : -1.0);
        for (int j = 1; j <= m; j++) values.put("W[" + i + "," + j + "]", 2 * rnd.nextDouble() - 1);
      }
      for (int j = 1; j <= m; j++) {
        values.put("b[" + j + "]", 2 * rnd.nextDouble() - 1);
        values.put("g[" + j + "]", 2 * rnd.nextDouble() - 1);
        for (int k = 1; k <= m; k++) values.put("K[" + j + "," + k + "]", 2 * rnd.nextDouble() - 1);
      }
      if (!positiveDefinite(r.positiveDefinite().get(0), sizes, values)) continue;
      double beta = values.get("beta");
      // −β·H(y) with everything but y numeric, compiled for the quadrature.
      Instantiation partial = new Instantiation(sizes, Instantiation.BRACKETS, s -> values.containsKey(s.getSymbolName()) ? F.num(values.get(s.getSymbolName())) : s);
      IExpr h = partial.scalar(energy);
      List<ISymbol> ys = new ArrayList<>();
      for (int j = 1; j <= m; j++) ys.add(partial.component("y", j));
      NumericFunction logWeight = NumericFunction.compile(Symja.eval(F.Times(F.num(-beta), h)), ys);
      double expected = -Quadrature.logIntegrate(m, logWeight::apply) / beta;
      double actual = value(r.energy(), sizes, values);
      String what = "n=" + n + " m=" + m + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(r.energy());
      assertTrue(Math.abs(expected - actual) <= 1e-8 * Math.max(1, Math.abs(expected)), what + ": quadrature " + expected + " vs " + actual);
      checked++;
    }
    assertEquals(12, checked, "too few positive-definite draws");
  }

  @Test
  void noQuadraticTermIsADivergentIntegral() {
    IExpr e = Symja.eval(F.Negate(form(MatrixExpr.transpose(B), Y)));
    NotApplicable x = assertThrows(NotApplicable.class, () -> MatrixMarginalizer.integrate(e, Y, BETA));
    assertTrue(x.getMessage().contains("diverges"), x.getMessage());
  }

  @Test
  void cubicIsRejected() {
    IExpr yy = form(MatrixExpr.transpose(Y), Y);
    IExpr e = Symja.eval(F.Times(yy, form(MatrixExpr.transpose(B), Y)));
    assertThrows(NotApplicable.class, () -> MatrixMarginalizer.integrate(e, Y, BETA));
  }

  static boolean positiveDefinite(MatrixExpr m, Map<String, Integer> sizes, Map<String, Double> values) {
    Instantiation inst = new Instantiation(sizes, Instantiation.BRACKETS, s -> values.containsKey(s.getSymbolName()) ? F.num(values.get(s.getSymbolName())) : s);
    IExpr[][] a = inst.entries(m);
    // Sylvester: every leading minor positive.
    for (int k = 1; k <= a.length; k++) {
      IExpr[][] minor = new IExpr[k][k];
      for (int i = 0; i < k; i++) System.arraycopy(a[i], 0, minor[i], 0, k);
      IExpr[] rows = new IExpr[k];
      for (int i = 0; i < k; i++) rows[i] = F.List(minor[i]);
      if (RandomMatrices.number(F.Det(F.List(rows))) <= 1e-6) return false;
    }
    return true;
  }

  static double value(IExpr e, Map<String, Integer> sizes, Map<String, Double> values) {
    Instantiation inst =
        new Instantiation(sizes, Instantiation.BRACKETS, s -> {
          Double v = values.get(s.getSymbolName());
          if (v == null) throw new AssertionError("no value for " + s);
          return F.num(v);
        });
    return RandomMatrices.number(F.N(inst.scalar(e)));
  }
}
