package energy.rg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RgChecksTest {
  @Test
  void everyCheckPasses() {
    long seed = 424242L;
    System.out.println("RgChecksTest seed " + seed);
    for (RgChecks.Measured m : RgChecks.all(seed)) {
      System.out.println(m);
      assertTrue(m.passed(), m.toString());
    }
  }
}
