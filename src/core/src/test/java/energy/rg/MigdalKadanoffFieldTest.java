package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.rg.flow.FixedPoint;
import energy.rg.flow.FlowAnalysis;
import energy.rg.flow.FlowResult;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Migdal–Kadanoff in a field: each bond carries K s_i s_j + (h/2d)(s_i + s_j) and is moved with
 * its field, then the chains are decimated exactly.
 */
class MigdalKadanoffFieldTest {
  static final Symbol K = new Symbol("K", Context.DUMMY), H = new Symbol("h", Context.DUMMY);

  /** h = 0 reproduces the step without a field: K′ and g to rounding, h′ = 0. */
  @Test
  void zeroFieldIsTheStepWithoutField() {
    long seed = 7001L;
    Random random = new Random(seed);
    for (int d = 2; d <= 3; d++)
      for (int b : new int[] {2, 3, 4, 5, 33, 1000}) {
        Recursion withField = MigdalKadanoff.step(K, H, d, b), without = MigdalKadanoff.step(K, d, b);
        for (int i = 0; i < 3; i++) {
          double k = (0.05 + 0.6 * random.nextDouble()) / Math.pow(b, d - 1);
          double[] image = withField.apply(k, 0);
          String at = "seed " + seed + " d=" + d + " b=" + b + " K=" + k;
          assertEquals(without.apply(k)[0], image[0], 1e-12, at);
          assertEquals(0, image[1], 1e-12, at);
          assertEquals(without.constantPerSite(k), withField.constantPerSite(k, 0), 1e-10, at);
        }
      }
  }

  /** K′, h′/d and the chains' share of g against T^b of the moved chain, in doubles, any b. */
  @Test
  void movedChainAgainstTransferMatrix() {
    long seed = 7002L;
    Random random = new Random(seed);
    for (int d = 1; d <= 3; d++)
      for (int b : new int[] {2, 3, 4, 5, 7, 33, 1000, ChainDecimation.MAX_SCALE}) {
        Recursion r = MigdalKadanoff.step(K, H, d, b);
        for (int i = 0; i < 3; i++) {
          double p = Math.pow(b, d - 1);
          double[] v = {(-1 + 2.5 * random.nextDouble()) / p, d * (-1 + 2 * random.nextDouble()) / p};
          double err = RgChecks.migdalKadanoffTransferError(r, d, v);
          assertTrue(err < 1e-10, "seed " + seed + " d=" + d + " b=" + b + " K, h = " + v[0] + ", " + v[1] + ": " + err);
        }
      }
  }

  /**
   * The independent route: the square torus of 3b × 3b sites with every bond moved literally
   * onto its kept line (with its share of the field), summed exactly over all other spins (the
   * chains' and the isolated ones), projected on every monomial of the 3 × 3 kept spins.
   */
  @Test
  void squareAgainstTheMovedLatticeByEnumeration() {
    long seed = 7003L;
    Random random = new Random(seed);
    double worst = 0;
    for (int b = 2; b <= 3; b++) {
      Recursion r = MigdalKadanoff.step(K, H, 2, b);
      for (int i = 0; i < 3; i++) {
        double[] v = {(-1 + 2.5 * random.nextDouble()) / b, -1 + 2 * random.nextDouble()};
        double err = RgChecks.migdalKadanoffLatticeError(r, v);
        worst = Math.max(worst, err);
        assertTrue(err < 1e-10, "seed " + seed + " b=" + b + " K, h = " + v[0] + ", " + v[1] + ": " + err);
      }
    }
    System.out.printf("MK in a field vs the moved 6x6 and 9x9 tori, seed %d: max monomial error %.2e%n", seed, worst);
  }

  /** Other ways of moving the field are caught: all of it onto the chains, or none of the bulk's. */
  @Test
  void aWrongFieldBookkeepingIsCaught() {
    Recursion r = MigdalKadanoff.step(K, H, 2, 2);
    double[] v = {0.2, 0.3};
    assertTrue(RgChecks.migdalKadanoffLatticeError(r, v) < 1e-10);
    // h′ with the field of every chain site doubled (b^{d−1}h instead of b^{d−1}h/d per chain).
    Recursion doubled = MigdalKadanoff.step(K, H, 2, 2);
    IExpr hImage = doubled.images().get(1).replaceAll(x -> x.equals(H) ? F.Times(F.C2, H) : F.NIL).orElse(doubled.images().get(1));
    Recursion bad = new Recursion(r.scheme(), r.couplings(), r.classes(), List.of(r.images().get(0), hImage), r.constantPerSite(), r.scale(), Map.of(), Map.of());
    assertTrue(RgChecks.migdalKadanoffLatticeError(bad, v) > 1e-3);
    // The constant without the isolated spins' ln 2.
    Recursion noBulk = new Recursion(r.scheme(), r.couplings(), r.classes(), r.images(), F.Subtract(r.constantPerSite(), F.Log(F.C2)), r.scale(), Map.of(), Map.of());
    assertTrue(RgChecks.migdalKadanoffLatticeError(noBulk, v) > 1e-3);
  }

  /**
   * d = 2, b = 2: the flow finds (K*, 0) with the thermal eigenvalue 2 tanh 4K* and the magnetic
   * one dh′/dh = 2(1 + tanh 4K*) (h′ = 2h + ln[cosh(4K+h)/cosh(4K−h)], differentiated by hand).
   */
  @Test
  void squareFlowHasThermalAndMagneticEigenvalues() {
    Recursion r = MigdalKadanoff.step(K, H, 2, 2);
    FlowResult flow = FlowAnalysis.analyze(new energy.rg.flow.Recursion(r.couplings(), r.images(), 2, 1, 2));
    double ks = Bisection.fixedPoint(x -> Math.log(Math.cosh(4 * x)) / 2, 0.1, 1.0);
    FixedPoint critical = null;
    for (FixedPoint p : flow.fixedPoints())
      if (Math.abs(p.coordinates().get(0) - ks) < 1e-8) critical = p;
    assertNotNull(critical, "no fixed point at K* = " + ks + ": " + flow.fixedPoints());
    assertEquals(0, critical.coordinates().get(1), 1e-12);
    double t = Math.tanh(4 * ks);
    double yT = Math.log(2 * t) / Math.log(2), yH = Math.log(2 * (1 + t)) / Math.log(2);
    List<Double> ys = critical.eigenvalues().stream().map(e -> Math.log(e.re()) / Math.log(2)).sorted().toList();
    System.out.printf("MK square b=2 in a field: K* = %.12f, y_T = %.6f, y_H = %.6f (exact 2D Ising: 1, 15/8)%n", ks, yT, yH);
    assertEquals(yT, ys.get(0), 1e-8);
    assertEquals(yH, ys.get(1), 1e-8);
    assertEquals(yH, critical.yH(), 1e-8);
  }

  /**
   * Odd b maps antiferromagnets to antiferromagnets, so the flow also has fixed points at K* < 0
   * (and pairs with h* ≠ 0); the exponents belong to the ferromagnetic one at h* = 0. Its K*
   * solves tanh K = tanh³ 3K, its λ_T and λ_H are central differences of K′(K, 0) and h′(K*, h).
   */
  @Test
  void oddScaleExponentsAreTheFerromagnets() {
    Recursion r = MigdalKadanoff.step(K, H, 2, 3);
    FlowResult flow = FlowAnalysis.analyze(new energy.rg.flow.Recursion(r.couplings(), r.images(), 3, 1, 2));
    assertTrue(flow.fixedPoints().stream().anyMatch(p -> p.coordinate(0) < 0 && p.nu() != null), flow.fixedPoints().toString());
    double ks = Bisection.fixedPoint(x -> atanh(Math.pow(Math.tanh(3 * x), 3)), 0.1, 1.0);
    FixedPoint c = flow.critical();
    assertEquals(ks, c.coordinate(0), 1e-9);
    assertEquals(0, c.coordinate(1), 1e-12);
    double e = 1e-5;
    double lambdaT = (atanh(Math.pow(Math.tanh(3 * (ks + e)), 3)) - atanh(Math.pow(Math.tanh(3 * (ks - e)), 3))) / (2 * e);
    double lambdaH = (r.apply(ks, e)[1] - r.apply(ks, -e)[1]) / (2 * e);
    System.out.printf("MK square b=3 in a field: K* = %.12f, y_T = %.6f, y_H = %.6f%n", ks, Math.log(lambdaT) / Math.log(3), Math.log(lambdaH) / Math.log(3));
    assertEquals(1 / (Math.log(lambdaT) / Math.log(3)), c.nu(), 1e-6);
    assertEquals(Math.log(lambdaH) / Math.log(3), c.yH(), 1e-6);
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
