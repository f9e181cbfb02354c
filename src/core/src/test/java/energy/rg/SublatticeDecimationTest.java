package energy.rg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SublatticeDecimationTest {
  /** Exact on 3 × 3 and 4 × 4 kept-site tori (18 and 32 sites), NN, NNN and plaquette terms included. */
  @Test
  void exactOnSmallTori() {
    for (int m = 3; m <= 4; m++)
      for (long seed = 1; seed <= 3; seed++) {
        RgChecks.Measured r = RgChecks.checkerboard(m, seed);
        System.out.println(r);
        assertTrue(r.passed(), r.toString());
      }
  }
}
