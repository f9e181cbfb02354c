package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;

class MigdalKadanoffTest {
  /** The decimation piece (bonds b^{d−1}K on a chain) is exact; checked by enumeration. */
  @Test
  void chainPieceIsExact() {
    for (int b = 2; b <= 3; b++)
      for (long seed = 1; seed <= 3; seed++) {
        RgChecks.Measured m = RgChecks.migdalKadanoffChain(12, b, seed);
        assertTrue(m.passed(), m.toString());
      }
  }

  /** b = 2: ½ ln cosh 4K equals the general form atanh(tanh²(2K)). */
  @Test
  void closedFormsAgree() {
    Symbol k = new Symbol("K", Context.DUMMY);
    Recursion r = MigdalKadanoff.step(k, 2, 2);
    Random random = new Random(11);
    for (int i = 0; i < 20; i++) {
      double kv = 2 * random.nextDouble();
      double t = Math.tanh(2 * kv);
      assertEquals(0.5 * Math.log((1 + t * t) / (1 - t * t)), r.apply(kv)[0], 1e-12);
    }
  }

  /**
   * The non-trivial fixed point for d = 2, b = 2, computed here, compared (printed) with
   * Onsager's K_c = ½ ln(1 + √2) and ν = 1: MK underestimates K_c.
   */
  @Test
  void fixedPointSquareB2() {
    Symbol k = new Symbol("K", Context.DUMMY);
    Recursion r = MigdalKadanoff.step(k, 2, 2);
    double ks = Bisection.fixedPoint(x -> r.apply(x)[0], 0.1, 1.0);
    double y = Bisection.exponent(x -> r.apply(x)[0], ks, 2);
    double onsager = 0.5 * Math.log(1 + Math.sqrt(2));
    System.out.printf("MK square b=2: K* = %.12f, y_T = %.6f, nu = %.6f (Onsager K_c = %.6f, nu = 1)%n", ks, y, 1 / y, onsager);
    assertEquals(ks, r.apply(ks)[0], 1e-12);
    assertTrue(ks > 0.2 && ks < onsager);
    // Independent: 2 tanh(4K*) is the derivative of ½ ln cosh 4K.
    assertEquals(Math.log(2 * Math.tanh(4 * ks)) / Math.log(2), y, 1e-6);
  }

  /**
   * K = 0: free spins, so the free energy per site Σ_n g/b^{dn} = g/(b^d − 1) must be ln 2. The
   * spins off the kept lines lose all their bonds and each still contributes ln 2 (it once gave
   * ln 2·d(b−1)/(b^d − 1): ⅔ ln 2 for d = 2, b = 2).
   */
  @Test
  void freeSpinsHaveFreeEnergyLn2() {
    Symbol k = new Symbol("K", Context.DUMMY);
    for (int d = 1; d <= 3; d++)
      for (int b : new int[] {2, 3, 5}) {
        double g = MigdalKadanoff.step(k, d, b).constantPerSite(0);
        assertEquals(Math.log(2), g / (Math.pow(b, d) - 1), 1e-12, "d=" + d + " b=" + b);
      }
  }
}
