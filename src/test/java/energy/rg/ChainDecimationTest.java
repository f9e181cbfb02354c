package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;

class ChainDecimationTest {
  static final long SEED = 5150L;

  /** Exact projection by enumeration equals the closed forms on chains of 8 … 16 sites. */
  @Test
  void exactOnFiniteChains() {
    System.out.println("ChainDecimationTest seed " + SEED);
    for (int n = 8; n <= 16; n++)
      for (int b = 2; b <= 4; b++) {
        if (n % b != 0 || n / b < 3) continue;
        for (boolean field : new boolean[] {false, true}) {
          RgChecks.Measured m = RgChecks.decimation(n, b, field, SEED + 31L * n + b);
          assertTrue(m.passed(), m.toString());
        }
      }
  }

  /** Decimating by 2 twice is decimating by 4 (the general-b route against the b = 2 closed form). */
  @Test
  void composition() {
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    Recursion two = ChainDecimation.step(k, h, 2), four = ChainDecimation.step(k, h, 4);
    Random r = new Random(SEED);
    for (int i = 0; i < 20; i++) {
      double kv = -1 + 2.5 * r.nextDouble(), hv = -1 + 2 * r.nextDouble();
      double[] once = two.apply(kv, hv);
      double[] twice = two.apply(once);
      double[] direct = four.apply(kv, hv);
      assertEquals(twice[0], direct[0], 1e-12);
      assertEquals(twice[1], direct[1], 1e-12);
      // Constants per final site: g(K', h') + 2 g(K, h).
      assertEquals(two.constantPerSite(once) + 2 * two.constantPerSite(kv, hv), four.constantPerSite(kv, hv), 1e-12);
    }
  }

  /** h = 0: no finite-temperature fixed point, K' < K for every K > 0 (flow to K = 0). */
  @Test
  void noFiniteFixedPoint() {
    Symbol k = new Symbol("K", Context.DUMMY);
    for (int b = 2; b <= 3; b++) {
      Recursion r = ChainDecimation.step(k, null, b);
      for (double kv = 0.01; kv < 8; kv *= 1.3) assertTrue(r.apply(kv)[0] < kv, "b=" + b + " K=" + kv);
    }
  }
}
