package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;

/** Exact checkerboard decimation of the square lattice in a field. */
class CheckerboardFieldTest {
  static final Symbol K = new Symbol("K", Context.DUMMY), H = new Symbol("h", Context.DUMMY);
  static final ReducedHamiltonian SQ_H = ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.SQUARE, K, H);

  /** Against exact enumeration on tori of 18 and 32 sites, every block monomial, random K and h. */
  @Test
  void exactOnSmallTori() {
    Recursion r = SublatticeDecimation.step(SQ_H);
    long seed = 1414L;
    Random random = new Random(seed);
    double worst = 0;
    for (int i = 0; i < 4; i++) {
      double[] v = {-1 + 2.5 * random.nextDouble(), -1.5 + 3 * random.nextDouble()};
      for (int m : new int[] {3, 4})
        worst = Math.max(worst, RgChecks.monomialError(r, SQ_H, Blocking.checkerboard().on(m), BlockRule.first(), v));
    }
    System.out.printf("checkerboard in a field, seed %d: max monomial error %.2e%n", seed, worst);
    assertTrue(worst < 1e-10, "error " + worst);
  }

  /**
   * The four-corner identity behind the step: 2cosh(KΣ + h) = exp(c₀ + c₁Σs + c₂Σ_pairs +
   * c₃Σ_triples + c₄ s₁s₂s₃s₄) for all 16 corner states, the c read off the recursion.
   */
  @Test
  void cornerIdentity() {
    Recursion r = SublatticeDecimation.step(SQ_H);
    double k = 0.37, h = -0.52;
    double c1 = (r.apply(k, h)[1] - h) / 4, c2 = r.apply(k, h)[0] / 2;
    double c3 = r.generated(CouplingClass.of(Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}, {0, 1}}), k, h);
    double c4 = r.generated(CouplingClass.plaquette(), k, h), c0 = r.constantPerSite(k, h);
    assertEquals(c2, r.generated(CouplingClass.pair(Lattice.Kind.SQUARE, 2), k, h), 1e-14);
    for (int x = 0; x < 16; x++) {
      int[] s = new int[4];
      for (int i = 0; i < 4; i++) s[i] = ((x >> i) & 1) == 1 ? -1 : 1;
      double sum = s[0] + s[1] + s[2] + s[3], pairs = 0, triples = 0;
      for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
          pairs += s[i] * s[j];
          for (int l = j + 1; l < 4; l++) triples += s[i] * s[j] * s[l];
        }
      double rhs = c0 + c1 * sum + c2 * pairs + c3 * triples + c4 * s[0] * s[1] * s[2] * s[3];
      assertEquals(Math.log(2 * Math.cosh(k * sum + h)), rhs, 1e-12, "state " + x);
    }
  }

  /** At h = 0 the field-free step: K′ = ¼ ln cosh 4K, h′ = 0, no three-spin coupling. */
  @Test
  void zeroFieldIsTheFieldFreeStep() {
    Recursion r = SublatticeDecimation.step(SQ_H);
    for (double k = -0.8; k < 1.2; k += 0.25) {
      assertEquals(0.25 * Math.log(Math.cosh(4 * k)), r.apply(k, 0)[0], 1e-13);
      assertEquals(0, r.apply(k, 0)[1], 1e-13);
      assertEquals(0, r.generated(CouplingClass.of(Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}, {0, 1}}), k, 0), 1e-13);
    }
  }

  /** Dropping the generated three-spin coupling is caught by the enumeration. */
  @Test
  void sabotagedStepFails() {
    Recursion r = SublatticeDecimation.step(SQ_H);
    Map<CouplingClass, IExpr> gen = new LinkedHashMap<>(r.generated());
    gen.remove(CouplingClass.of(Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}, {0, 1}}));
    Recursion bad = new Recursion(r.scheme(), r.couplings(), r.classes(), r.images(), r.constantPerSite(), r.scale(), gen, Map.of());
    double err = RgChecks.monomialError(bad, SQ_H, Blocking.checkerboard().on(3), BlockRule.first(), new double[] {0.4, 0.6});
    System.out.printf("sabotaged checkerboard: error %.2e%n", err);
    assertTrue(err > 1e-3, "sabotage not caught: " + err);
    assertEquals(List.of(K, H), r.couplings());
  }
}
