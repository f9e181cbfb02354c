package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.rg.flow.FixedPoint;
import energy.rg.flow.FlowAnalysis;
import energy.rg.flow.FlowResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The block-spin step of Niemeijer and van Leeuwen with a field, to first order: the field acts
 * inside the blocks (exactly), the inter-block bonds to first order.
 */
class CumulantFieldTest {
  static final Symbol K = new Symbol("K", Context.DUMMY), H = new Symbol("h", Context.DUMMY);
  static final ReducedHamiltonian TRI_H = ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.TRIANGULAR, K, H);

  /**
   * The hand derivation. A block with majority + is +++ (weight e^{3K+3h}) or has one − (three
   * ways, e^{−K+h}): z₊ = e^{3K+3h} + 3e^{−K+h}, z₋(h) = z₊(−h), and a site's average
   * m₊ = (e^{3K+3h} + e^{−K+h})/z₊, m₋(h) = −m₊(−h). With m(σ') = E + Oσ', each of the 2 bonds
   * between neighbouring blocks gives K(E + Oσ_I)(E + Oσ_J); a block has 6 neighbours, so
   * K′ = 2KO², h′ = ½ ln(z₊/z₋) + 12KEO, g = ½ ln(z₊z₋) + 6KE².
   */
  static double[] byHand(double k, double h) {
    double zp = z(k, h), zm = z(k, -h);
    double mp = m(k, h), mm = -m(k, -h);
    double e = (mp + mm) / 2, o = (mp - mm) / 2;
    return new double[] {2 * k * o * o, 0.5 * Math.log(zp / zm) + 12 * k * e * o, 0.5 * Math.log(zp * zm) + 6 * k * e * e};
  }

  static double z(double k, double h) {
    return Math.exp(3 * k + 3 * h) + 3 * Math.exp(-k + h);
  }

  static double m(double k, double h) {
    return (Math.exp(3 * k + 3 * h) + Math.exp(-k + h)) / z(k, h);
  }

  @Test
  void recursionIsTheHandDerivation() {
    Recursion r = CumulantExpansion.step(TRI_H, Blocking.triangles(), 1);
    assertEquals(List.of(K, H), r.couplings());
    long seed = 14L;
    Random random = new Random(seed);
    System.out.println("field recursion vs hand derivation, seed " + seed);
    for (int i = 0; i < 20; i++) {
      double k = -0.5 + 1.5 * random.nextDouble(), h = -1 + 2 * random.nextDouble();
      double[] want = byHand(k, h), got = r.apply(k, h);
      assertEquals(want[0], got[0], 1e-12, "K' at " + k + ", " + h);
      assertEquals(want[1], got[1], 1e-12, "h' at " + k + ", " + h);
      assertEquals(want[2], r.constantPerSite(k, h), 1e-12, "g at " + k + ", " + h);
    }
  }

  /**
   * y_H at the first-order fixed point, against λ_H = ∂h′/∂h = 3φ + 12Kφc at h = 0 (φ = m₊(0),
   * c = ∂m₊/∂h = (3e^{3K} + e^{−K})/z − 3φ²) with K* from 2φ(K*)² = 1 by bisection, and against
   * central differences of the compiled recursion.
   */
  @Test
  void magneticExponentAtTheFixedPoint() {
    double ks = Bisection.fixedPoint(k -> 2 * k * m(k, 0) * m(k, 0), 0.05, 1.5);
    double phi = m(ks, 0), z = z(ks, 0);
    double c = (3 * Math.exp(3 * ks) + Math.exp(-ks)) / z - 3 * phi * phi;
    double lambdaH = 3 * phi + 12 * ks * phi * c;
    double yH = Math.log(lambdaH) / Math.log(Math.sqrt(3));
    Recursion r = CumulantExpansion.step(TRI_H, Blocking.triangles(), 1);
    double d = 1e-5;
    double fd = (r.apply(ks, d)[1] - r.apply(ks, -d)[1]) / (2 * d);
    assertEquals(lambdaH, fd, 1e-8);
    FlowResult flow = FlowAnalysis.analyze(new energy.rg.flow.Recursion(r.couplings(), r.images(), r.scale(), 1, 2));
    FixedPoint p = flow.critical();
    assertNotNull(p);
    System.out.printf("NvL order 1 with field: K* = %.12f, lambda_H = %.10f, y_H = %.10f (flow: %s)%n", ks, lambdaH, yH, p.yH());
    assertEquals(ks, p.coordinate(0), 1e-10);
    assertEquals(0, p.coordinate(1), 1e-12);
    assertEquals(yH, p.yH(), 1e-9);
    assertEquals(0.882202645931, 1 / p.nu(), 1e-9); // unchanged by the field: J is block diagonal at h = 0
  }

  /** Against exact enumeration on the 27-site torus, h fixed: order 1 misses by K². */
  @Test
  void errorsShrinkAsKSquaredAtFixedField() {
    Recursion r = CumulantExpansion.step(TRI_H, Blocking.triangles(), 1);
    for (double h : new double[] {0.7, -1.2}) {
      RgChecks.SlopeFit f = RgChecks.cumulantErrors(r, TRI_H, Blocking.triangles(), 3, new double[] {1, h}, 0.01, 4);
      System.out.printf("field %.2f: errors %s slope %.4f%n", h, java.util.Arrays.toString(f.errors()), f.slope());
      assertEquals(2, f.slope(), 0.25);
    }
  }

  /** The h′ without its inter-block term 12KEO is caught: the error then shrinks only like K. */
  @Test
  void sabotagedFieldFails() {
    Recursion r = CumulantExpansion.step(TRI_H, Blocking.triangles(), 1);
    List<IExpr> images = new ArrayList<>(r.images());
    IExpr zp = F.Plus(F.Exp(F.Plus(F.Times(F.C3, K), F.Times(F.C3, H))), F.Times(F.C3, F.Exp(F.Plus(F.Negate(K), H))));
    IExpr zm = F.Plus(F.Exp(F.Subtract(F.Times(F.C3, K), F.Times(F.C3, H))), F.Times(F.C3, F.Exp(F.Subtract(F.Negate(K), H))));
    images.set(1, F.Times(F.C1D2, F.Subtract(F.Log(zp), F.Log(zm))));
    Recursion bad = new Recursion(r.scheme(), r.couplings(), r.classes(), images, r.constantPerSite(), r.scale(), r.generated(), Map.of());
    assertEquals(0.5 * Math.log(z(0.3, 0.4) / z(0.3, -0.4)), bad.apply(0.3, 0.4)[1], 1e-12);
    double slope = RgChecks.cumulantErrors(bad, TRI_H, Blocking.triangles(), 3, new double[] {1, 0.7}, 0.01, 4).slope();
    System.out.printf("sabotaged field: slope %.4f%n", slope);
    assertTrue(Math.abs(slope - 2) > 0.5, "sabotage not caught, slope " + slope);
  }
}
