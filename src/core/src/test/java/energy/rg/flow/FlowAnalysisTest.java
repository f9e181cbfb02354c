package energy.rg.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;

/**
 * Fixed points and linearizations checked against independent routes: plugging in, bisection of
 * hand-written Java functions, central finite differences and characteristic polynomials.
 */
class FlowAnalysisTest {

  /** Root of g on [a, b] (sign change) by plain bisection, independent of the analysis. */
  static double bisect(DoubleUnaryOperator g, double a, double b) {
    double ga = g.applyAsDouble(a);
    for (int i = 0; i < 200; i++) {
      double c = 0.5 * (a + b);
      if (c == a || c == b) break;
      double gc = g.applyAsDouble(c);
      if (gc * ga <= 0) {
        b = c;
      } else {
        a = c;
        ga = gc;
      }
    }
    return 0.5 * (a + b);
  }

  static double centralDiff(DoubleUnaryOperator f, double x) {
    double h = 1e-5;
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  static void assertRel(double expected, double actual, double tol, String what) {
    double err = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
    assertTrue(
        err <= tol, what + ": expected " + expected + " got " + actual + " (err " + err + ")");
  }

  static void assertPluggedIn(FlowMap map, FixedPoint p) {
    double[] x = p.coordinates().stream().mapToDouble(Double::doubleValue).toArray();
    double[] f = map.apply(x);
    for (int a = 0; a < x.length; a++) {
      assertTrue(
          Math.abs(f[a] - x[a]) < 1e-12,
          "f(K*) − K* = " + (f[a] - x[a]) + " at " + p.coordinates());
    }
  }

  @Test
  void migdalKadanoffSquare() {
    Recursion r = Recursions.migdalKadanoff();
    FlowResult res = FlowAnalysis.analyze(r);
    DoubleUnaryOperator f = k -> atanh(Math.pow(Math.tanh(2 * k), 2));
    double kStar = bisect(k -> Math.tanh(k) - Math.pow(Math.tanh(2 * k), 2), 0.3, 1.0);
    System.out.println("MK: K* by bisection = " + kStar + "\n" + FlowTables.text(res));
    List<FixedPoint> ps = res.fixedPoints();
    assertEquals(2, ps.size(), "K* = 0 and the critical point: " + ps);
    assertEquals(0, ps.get(0).coordinate(0), 1e-14);
    assertEquals(FixedPoint.Stability.STABLE, ps.get(0).stability());
    FixedPoint c = ps.get(1);
    assertRel(kStar, c.coordinate(0), 1e-12, "K*");
    for (FixedPoint p : ps) assertPluggedIn(new FlowMap(r), p);
    double lambdaFd = centralDiff(f, kStar);
    // dK'/dK = 4 t sech²(2K) / (1 − t⁴), t = tanh 2K: the closed form, another route.
    double t = Math.tanh(2 * kStar), sech = 1 / Math.cosh(2 * kStar);
    double lambdaExact = 4 * t * sech * sech / (1 - Math.pow(t, 4));
    assertRel(lambdaFd, lambdaExact, 1e-8, "closed form vs finite difference");
    assertRel(lambdaExact, c.eigenvalues().get(0).re(), 1e-11, "λ");
    assertRel(Math.log(lambdaExact) / Math.log(2), c.eigenvalues().get(0).exponent(), 1e-11, "y");
    assertRel(Math.log(2) / Math.log(lambdaExact), c.nu(), 1e-11, "ν");
    assertEquals(FixedPoint.Stability.UNSTABLE, c.stability());
    assertEquals(Eigenvalue.Relevance.RELEVANT, c.eigenvalues().get(0).relevance());
    // K → ∞ is attractive (low-temperature phase); sanity only.
    assertEquals(
        1,
        res.limits().stream().filter(l -> l.positive() && l.attractive()).count(),
        res.limits().toString());
  }

  @Test
  void chainDecimationHasOnlyTheTrivialFixedPoint() {
    for (Recursion r : List.of(Recursions.chain(), Recursions.chainLogCosh())) {
      FlowResult res = FlowAnalysis.analyze(r);
      System.out.println(FlowTables.text(res));
      assertEquals(1, res.fixedPoints().size(), res.fixedPoints().toString());
      FixedPoint p = res.fixedPoints().get(0);
      assertEquals(0, p.coordinate(0), 1e-14);
      assertEquals(0, p.eigenvalues().get(0).re(), 1e-14, "K' = O(K²)");
      assertEquals(Double.NEGATIVE_INFINITY, p.eigenvalues().get(0).exponent());
      assertNull(p.nu());
      assertEquals(FixedPoint.Stability.STABLE, p.stability());
      assertTrue(res.notes().stream().anyMatch(n -> n.contains("no non-trivial fixed point")));
      // T = 0 (K = ∞) repels: K' − K → −ln 2 / 2 for tanh K' = tanh² K.
      LimitPoint inf = res.limits().stream().filter(LimitPoint::positive).findFirst().orElseThrow();
      assertFalse(inf.attractive());
      assertTrue(res.limits().stream().noneMatch(l -> !l.positive()), "K' ≥ 0: −∞ is not a limit");
    }
  }

  @Test
  void niemeijerVanLeeuwenFirstOrder() {
    Recursion r = Recursions.nvl();
    FlowResult res = FlowAnalysis.analyze(r);
    DoubleUnaryOperator f =
        k -> {
          double q = (Math.exp(3 * k) + Math.exp(-k)) / (Math.exp(3 * k) + 3 * Math.exp(-k));
          return 2 * k * q * q;
        };
    double kStar = bisect(k -> f.applyAsDouble(k) - k, 0.1, 1.0);
    System.out.println("NvL: K* by bisection = " + kStar + "\n" + FlowTables.text(res));
    FixedPoint c = res.critical();
    assertNotNull(c);
    assertRel(kStar, c.coordinate(0), 1e-12, "K*");
    assertPluggedIn(new FlowMap(r), c);
    double lambda = centralDiff(f, kStar);
    assertRel(lambda, c.eigenvalues().get(0).re(), 1e-8, "λ vs finite difference");
    double y = c.eigenvalues().get(0).exponent();
    assertRel(Math.log(lambda) / Math.log(Math.sqrt(3)), y, 1e-8, "y");
    // Literature (Niemeijer & van Leeuwen 1974, first order): K* ≈ 0.3356, y ≈ 0.882. Sanity only.
    assertEquals(0.3356, c.coordinate(0), 5e-4);
    assertEquals(0.882, y, 2e-3);
    assertTrue(res.fixedPoints().stream().anyMatch(p -> p.coordinate(0) == 0));
  }

  @Test
  void chainInFieldHasALineOfFixedPointsAtKZero() {
    Recursion r = Recursions.chainInField();
    FlowResult res = FlowAnalysis.analyze(r);
    System.out.println(FlowTables.text(res));
    assertEquals(1, res.lines().size(), res.lines().toString());
    FixedLine l = res.lines().get(0);
    assertEquals(0.0, l.constant().get("K"));
    assertFalse(l.constant().containsKey("h"));
    assertTrue(l.exact(), "K' = 0 and h' = h at K = 0 identically");
    assertTrue(l.samples().size() >= 3);
    assertEquals(1, l.dimension());
    FlowMap map = new FlowMap(r);
    for (FixedPoint p : l.samples()) {
      assertPluggedIn(map, p);
      // On the line: λ = 1 along h (marginal), λ = 0 along K (K' = O(K²)).
      assertEquals(1, p.eigenvalues().get(0).re(), 1e-9);
      assertEquals(0, p.eigenvalues().get(1).re(), 1e-9);
    }
    assertTrue(res.fixedPoints().isEmpty(), "no isolated fixed point: " + res.fixedPoints());
    assertTrue(res.notes().stream().anyMatch(n -> n.contains("infinity")));
  }

  @Test
  void jacobianMatchesCentralDifferences() {
    long seed = 20261123L;
    System.out.println("jacobianMatchesCentralDifferences: seed " + seed);
    Random rnd = new Random(seed);
    for (Recursion r :
        List.of(
            Recursions.chainInField(),
            Recursions.squares(),
            Recursions.nvl(),
            Recursions.migdalKadanoff())) {
      FlowMap map = new FlowMap(r);
      int n = r.dimension();
      for (int t = 0; t < 20; t++) {
        double[] x = new double[n];
        for (int a = 0; a < n; a++) x[a] = 0.05 + 1.5 * rnd.nextDouble();
        double[][] j = map.jacobian(x);
        for (int b = 0; b < n; b++) {
          double h = 1e-5;
          double[] xp = x.clone(), xm = x.clone();
          xp[b] += h;
          xm[b] -= h;
          double[] fp = map.apply(xp), fm = map.apply(xm);
          for (int a = 0; a < n; a++) {
            double fd = (fp[a] - fm[a]) / (2 * h);
            assertRel(
                fd,
                j[a][b],
                1e-7,
                r.names() + " ∂" + a + "/∂" + b + " at " + java.util.Arrays.toString(x));
          }
        }
      }
    }
  }

  @Test
  void twoCouplingsSquaresMap() {
    Recursion r = Recursions.squares();
    FlowResult res = FlowAnalysis.analyze(r);
    System.out.println(FlowTables.text(res));
    // In u = K+h, v = K−h the map is u ↦ u², v ↦ v²: fixed points u, v ∈ {0, 1}, eigenvalues 2u,
    // 2v.
    double[][] expected = {{0, 0}, {0.5, -0.5}, {0.5, 0.5}, {1, 0}};
    assertEquals(expected.length, res.fixedPoints().size(), res.fixedPoints().toString());
    FlowMap map = new FlowMap(r);
    for (int i = 0; i < expected.length; i++) {
      FixedPoint p = res.fixedPoints().get(i);
      assertEquals(expected[i][0], p.coordinate(0), 1e-13);
      assertEquals(expected[i][1], p.coordinate(1), 1e-13);
      assertPluggedIn(map, p);
      double u = expected[i][0] + expected[i][1], v = expected[i][0] - expected[i][1];
      double big = Math.max(2 * u, 2 * v), small = Math.min(2 * u, 2 * v);
      assertEquals(big, p.eigenvalues().get(0).re(), 1e-12);
      assertEquals(small, p.eigenvalues().get(1).re(), 1e-12);
      assertCharacteristicPolynomial(p);
    }
    FixedPoint c = res.fixedPoints().get(3);
    assertEquals(FixedPoint.Stability.UNSTABLE, c.stability());
    assertEquals(1.0, c.nu(), 1e-12, "y = ln 2/ln 2 for both: ν = 1");
    assertTrue(res.lines().isEmpty());
  }

  @Test
  void complexEigenvaluesOfASpiral() {
    double a = 0.6, c = 0.9;
    Recursion r = Recursions.spiral(a, c);
    FlowResult res = FlowAnalysis.analyze(r);
    assertEquals(1, res.fixedPoints().size());
    FixedPoint p = res.fixedPoints().get(0);
    assertCharacteristicPolynomial(p);
    for (Eigenvalue e : p.eigenvalues()) {
      assertEquals(a, e.re(), 1e-14);
      assertEquals(c, Math.abs(e.im()), 1e-14);
      assertEquals(Math.log(Math.hypot(a, c)) / Math.log(2), e.exponent(), 1e-14);
      assertEquals(Eigenvalue.Relevance.RELEVANT, e.relevance());
      assertTrue(e.vector().isEmpty());
    }
    assertNull(p.nu(), "no real relevant eigenvalue");
    assertTrue(FlowFormat.jsonString(res).contains("\"im\""));
  }

  @Test
  void thermalEigenvalueIsChosenByItsEigenvectorNotItsSize() {
    // MK with a field scaling h' = b^d h = 4h: y_h = 2 > y_T, but ν must come from the K direction.
    var k = Recursions.K;
    var h = Recursions.H;
    Recursion mk = Recursions.migdalKadanoff();
    Recursion r = new Recursion(List.of(k, h), List.of(mk.images().get(0), F.Times(F.C4, h)), 2);
    FlowResult res = FlowAnalysis.analyze(r);
    System.out.println(FlowTables.text(res));
    double kStar = bisect(x -> Math.tanh(x) - Math.pow(Math.tanh(2 * x), 2), 0.3, 1.0);
    FixedPoint c = res.critical();
    assertRel(kStar, c.coordinate(0), 1e-12, "K*");
    assertEquals(0, c.coordinate(1), 1e-14);
    double t = Math.tanh(2 * kStar), sech = 1 / Math.cosh(2 * kStar);
    double lambdaT = 4 * t * sech * sech / (1 - Math.pow(t, 4));
    assertEquals(4, c.eigenvalues().get(0).re(), 1e-12, "λ_h first (largest)");
    assertRel(lambdaT, c.eigenvalues().get(1).re(), 1e-11, "λ_T");
    assertRel(Math.log(2) / Math.log(lambdaT), c.nu(), 1e-11, "ν from λ_T, not λ_h");
    assertEquals(2, res.fixedPoints().size(), res.fixedPoints().toString());
  }

  @Test
  void threeCouplingsTriangularJacobian() {
    var k = Recursions.K;
    var h = Recursions.H;
    var l = new Symbol("L", Context.DUMMY);
    Recursion r =
        new Recursion(
            List.of(k, h, l),
            List.of(
                F.Plus(F.Times(F.C2, k), h), F.Plus(F.Times(F.C1D2, h), l), F.Times(F.QQ(3, 2), l)),
            2);
    FlowResult res = FlowAnalysis.analyze(r);
    assertEquals(1, res.fixedPoints().size(), res.fixedPoints().toString());
    FixedPoint p = res.fixedPoints().get(0);
    // Upper triangular J: the eigenvalues are its diagonal, sorted by modulus.
    double[] expected = {2, 1.5, 0.5};
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], p.eigenvalues().get(i).re(), 1e-13);
      assertEquals(0, p.eigenvalues().get(i).im());
      assertEquals(Math.log(expected[i]) / Math.log(2), p.exponents().get(i), 1e-13);
    }
    assertEquals(1.0, p.nu(), 1e-13, "λ = 2 has eigenvector (1, 0, 0)");
  }

  /** λ² − tr J λ + det J = 0 for each eigenvalue of a 2×2 Jacobian (complex arithmetic). */
  static void assertCharacteristicPolynomial(FixedPoint p) {
    List<List<Double>> j = p.jacobian();
    double tr = j.get(0).get(0) + j.get(1).get(1);
    double det = j.get(0).get(0) * j.get(1).get(1) - j.get(0).get(1) * j.get(1).get(0);
    for (Eigenvalue e : p.eigenvalues()) {
      double re = e.re() * e.re() - e.im() * e.im() - tr * e.re() + det;
      double im = 2 * e.re() * e.im() - tr * e.im();
      assertTrue(
          Math.hypot(re, im) < 1e-12 * Math.max(1, tr * tr + Math.abs(det)), "char poly at " + e);
    }
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
