package energy.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnumerationTest {
  @Test
  void threeSpinsAgainstHandFormula() {
    double j = 0.7, h = -1.3;
    boolean[] spins = {true, true, true};
    double logZ = Enumeration.logSum(spins, s -> j * s[0] * s[1] + h * s[2]);
    // Σ_{s1,s2} e^{J s1 s2} = 2(e^J + e^-J) = 4 cosh J; Σ_{s3} e^{h s3} = 2 cosh h
    double expected = Math.log(4 * Math.cosh(j) * 2 * Math.cosh(h));
    assertEquals(expected, logZ, 1e-14 * Math.abs(expected));
    double z = Enumeration.sum(spins, s -> Math.exp(j * s[0] * s[1] + h * s[2]));
    assertEquals(Math.exp(expected), z, 1e-14 * Math.exp(expected));
  }

  @Test
  void logSumIsStableForHugeWeights() {
    boolean[] spins = {true, true, true, true};
    double beta = 400;
    // ferromagnet on 4 spins: ground states all-up and all-down with energy -6 (6 pairs)
    double logZ =
        Enumeration.logSum(
            spins,
            s -> {
              double e = 0;
              for (int a = 0; a < 4; a++) for (int b = a + 1; b < 4; b++) e -= s[a] * s[b];
              return -beta * e;
            });
    assertEquals(beta * 6 + Math.log(2), logZ, 1e-12 * beta * 6);
  }

  @Test
  void binaryCountingAndMixedUnits() {
    boolean[] bin = new boolean[5];
    double[] count = {0};
    double[] ones = {0};
    Set<String> seen = new HashSet<>();
    Enumeration.forEach(
        bin,
        v -> {
          count[0]++;
          for (double x : v) {
            if (x != 0 && x != 1) throw new AssertionError("not binary: " + x);
            ones[0] += x;
          }
          seen.add(java.util.Arrays.toString(v));
        });
    assertEquals(32, count[0]);
    assertEquals(32, seen.size());
    assertEquals(5 * 16, ones[0]); // each unit is 1 in half the states
    // Σ e^{b·v} over binary v = Π (1 + e^{b_i})
    double[] b = {0.3, -2, 1.1, 0, 4};
    double logZ =
        Enumeration.logSum(
            bin,
            v -> {
              double s = 0;
              for (int i = 0; i < 5; i++) s += b[i] * v[i];
              return s;
            });
    double expected = 0;
    for (double bi : b) expected += Math.log1p(Math.exp(bi));
    assertEquals(expected, logZ, 1e-14 * expected);

    boolean[] mixed = {true, false};
    Set<String> states = new HashSet<>();
    Enumeration.forEach(mixed, v -> states.add(v[0] + "," + v[1]));
    assertEquals(Set.of("-1.0,0.0", "1.0,0.0", "-1.0,1.0", "1.0,1.0"), states);
  }

  @Test
  void emptyAndTooMany() {
    int[] calls = {0};
    Enumeration.forEach(new boolean[0], v -> calls[0]++);
    assertEquals(1, calls[0]);
    assertEquals(0.0, Enumeration.logSum(new boolean[0], v -> 0), 0);
    assertThrows(IllegalArgumentException.class, () -> Enumeration.forEach(new boolean[25], v -> {}));
  }
}
