package energy.rg.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;

/** Tangential roots, the Symja fallback for heads that do not compile, bad input. */
class FlowDegenerateTest {
  private static final org.matheclipse.core.interfaces.ISymbol K = Recursions.K;

  @Test
  void tangentialFixedPointIsFoundAndMarginal() {
    // K' = K + (K − 1)²/4: f − K ≥ 0 touches zero at K = 1 only, with f'(1) = 1.
    Recursion r =
        new Recursion(
            List.of(K), List.of(F.Plus(K, F.Times(F.C1D4, F.Sqr(F.Subtract(K, F.C1))))), 2);
    FlowResult res = FlowAnalysis.analyze(r);
    System.out.println(FlowTables.text(res));
    assertEquals(1, res.fixedPoints().size(), res.fixedPoints().toString());
    FixedPoint p = res.fixedPoints().get(0);
    assertEquals(1, p.coordinate(0), 1e-6);
    assertTrue(p.residual() < 1e-12);
    assertEquals(Eigenvalue.Relevance.MARGINAL, p.eigenvalues().get(0).relevance(), p.toString());
    assertEquals(FixedPoint.Stability.MARGINAL, p.stability());
    assertTrue(
        res.notes().stream().anyMatch(n -> n.contains("eigenvalue 1")), res.notes().toString());
  }

  @Test
  void headsThatDoNotCompileAreEvaluatedThroughSymja() {
    // Erf is not compiled by NumericFunction; erf K = K has roots 0 and ±K₁ (erf'(0) = 2/√π > 1).
    Recursion r = new Recursion(List.of(K), List.of(F.Erf(K)), 2);
    FlowAnalysis.Options o = new FlowAnalysis.Options(List.of(-2.0), List.of(2.0), 201, 0);
    FlowResult res = FlowAnalysis.analyze(r, o);
    System.out.println(FlowTables.text(res));
    assertEquals(3, res.fixedPoints().size(), res.fixedPoints().toString());
    assertEquals(0, res.fixedPoints().get(1).coordinate(0), 1e-14);
    assertEquals(
        -res.fixedPoints().get(0).coordinate(0), res.fixedPoints().get(2).coordinate(0), 1e-12);
    for (FixedPoint p : res.fixedPoints()) {
      double k = p.coordinate(0);
      assertTrue(p.residual() < 1e-12, "residual " + p.residual());
      // d erf/dK = 2/√π e^{−K²}: the closed form, not Symja's D.
      double lambda = 2 / Math.sqrt(Math.PI) * Math.exp(-k * k);
      assertEquals(lambda, p.eigenvalues().get(0).re(), 1e-12);
    }
    assertEquals(FixedPoint.Stability.UNSTABLE, res.fixedPoints().get(1).stability());
    assertEquals(FixedPoint.Stability.STABLE, res.fixedPoints().get(2).stability());
  }

  @Test
  void unevaluatedDerivativesFallBackToDifferences() {
    // K' = 2|K|²: Symja's D gives 4|K| Abs'(K); for K > 0 the map is 2K², fixed at 1/2 with λ = 2.
    Recursion r = new Recursion(List.of(K), List.of(F.Times(F.C2, F.Sqr(F.Abs(K)))), 2);
    FlowResult res = FlowAnalysis.analyze(r);
    System.out.println(FlowTables.text(res));
    assertEquals(2, res.fixedPoints().size(), res.fixedPoints().toString());
    FixedPoint p = res.fixedPoints().get(1);
    assertEquals(0.5, p.coordinate(0), 1e-15);
    assertEquals(2, p.eigenvalues().get(0).re(), 1e-8);
    assertEquals(1, p.nu(), 1e-8);
    assertTrue(
        res.notes().stream().anyMatch(n -> n.contains("central differences")),
        res.notes().toString());
  }

  @Test
  void badRecursionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Recursion(List.of(K), List.of(K, K), 2));
    assertThrows(IllegalArgumentException.class, () -> new Recursion(List.of(K), List.of(K), 1));
    assertThrows(
        IllegalArgumentException.class, () -> new Recursion(List.of(K, K), List.of(K, K), 2));
    assertThrows(IllegalArgumentException.class, () -> new Recursion(List.of(), List.of(), 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> FlowAnalysis.analyze(Recursions.nvl(), FlowAnalysis.Options.defaults(2)));
  }

  @Test
  void identityMapIsAllFixedAndSaysSo() {
    // K' = K, h' = h: every grid point is a root and J − 1 = 0, a two-dimensional continuum.
    Recursion r = new Recursion(List.of(K, Recursions.H), List.of(K, Recursions.H), 2);
    FlowAnalysis.Options o =
        FlowAnalysis.Options.defaults(2).withBox(List.of(0.0, 0.0), List.of(1.0, 1.0));
    FlowResult res = FlowAnalysis.analyze(r, o);
    assertTrue(res.fixedPoints().isEmpty(), res.fixedPoints().size() + " isolated points");
    assertEquals(1, res.lines().size());
    assertEquals(2, res.lines().get(0).dimension());
    assertTrue(
        res.lines().get(0).description().contains("every point is fixed"),
        res.lines().get(0).description());
  }
}
