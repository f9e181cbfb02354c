package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

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

  /**
   * K', h', g for any b against the plain product of b transfer matrices T(s, s') = exp(K s s' +
   * h s) in doubles (rescaled every factor, the scale kept as a logarithm): W = T^b, K' = ¼ ln(W₊₊W₋₋
   * / W₊₋W₋₊), h' = ½ ln(W₊₊/W₋₋), g = ¼ ln(W₊₊W₋₋W₊₋W₋₊).
   */
  @Test
  void anyBAgainstTheProductOfTransferMatrices() {
    long seed = SEED + 7;
    System.out.println("ChainDecimationTest.anyB seed " + seed);
    Random random = new Random(seed);
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    for (int b : new int[] {2, 3, 5, 33, 64, 1000})
      for (boolean field : new boolean[] {false, true}) {
        Recursion r = ChainDecimation.step(k, field ? h : null, b);
        for (int i = 0; i < 5; i++) {
          double kv = -1 + 2.5 * random.nextDouble(), hv = field ? -1 + 2 * random.nextDouble() : 0;
          double[] expected = productOfTransferMatrices(kv, hv, b);
          double[] values = field ? new double[] {kv, hv} : new double[] {kv};
          double[] images = r.apply(values);
          String at = String.format("b=%d K=%.6f h=%.6f", b, kv, hv);
          assertEquals(expected[0], images[0], 1e-10, "K' " + at);
          if (field) assertEquals(expected[1], images[1], 1e-10, "h' " + at);
          assertEquals(expected[2], r.constantPerSite(values), 1e-10 * Math.max(1, Math.abs(expected[2])), "g " + at);
        }
      }
  }

  /** [K', h', g] from W = T^b multiplied out factor by factor. */
  static double[] productOfTransferMatrices(double k, double h, int b) {
    double[][] t = {{Math.exp(k - h), Math.exp(-k - h)}, {Math.exp(-k + h), Math.exp(k + h)}}; // index 0: s = −1
    double[][] w = {{1, 0}, {0, 1}};
    double logScale = 0;
    for (int step = 0; step < b; step++) {
      double[][] next = new double[2][2];
      for (int a = 0; a < 2; a++)
        for (int c = 0; c < 2; c++) next[a][c] = w[a][0] * t[0][c] + w[a][1] * t[1][c];
      double m = Math.max(Math.max(next[0][0], next[0][1]), Math.max(next[1][0], next[1][1]));
      for (double[] row : next) for (int c = 0; c < 2; c++) row[c] /= m;
      logScale += Math.log(m);
      w = next;
    }
    double lpp = Math.log(w[1][1]), lmm = Math.log(w[0][0]), lpm = Math.log(w[1][0]), lmp = Math.log(w[0][1]);
    return new double[] {(lpp + lmm - lpm - lmp) / 4, (lpp - lmm) / 2, logScale + (lpp + lmm + lpm + lmp) / 4};
  }

  /** The printed form (through the step's definitions) has the values of the images. */
  @Test
  void printedFormAgreesWithTheImages() {
    Random random = new Random(SEED + 11);
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    for (int b : new int[] {3, 5, 33, 1000}) {
      Recursion r = ChainDecimation.step(k, h, b);
      if (r.display() == null) continue;
      double kv = -1 + 2.5 * random.nextDouble(), hv = -1 + 2 * random.nextDouble();
      List<ISymbol> symbols = new ArrayList<>(r.couplings());
      List<Double> values = new ArrayList<>(List.of(kv, hv));
      for (Map.Entry<ISymbol, IExpr> d : r.definitions().entrySet()) {
        values.add(energy.numeric.NumericFunction.compile(d.getValue(), symbols).apply(values.stream().mapToDouble(Double::doubleValue).toArray()));
        symbols.add(d.getKey());
      }
      double[] at = values.stream().mapToDouble(Double::doubleValue).toArray();
      double[] images = r.apply(kv, hv);
      for (int i = 0; i < images.length; i++)
        assertEquals(images[i], energy.numeric.NumericFunction.compile(r.display().images().get(i), symbols).apply(at), 1e-10, "b=" + b);
      assertEquals(r.constantPerSite(kv, hv), energy.numeric.NumericFunction.compile(r.display().constantPerSite(), symbols).apply(at), 1e-10 * b, "b=" + b);
    }
  }

  /** b = 22 with a field took minutes (2^21 configurations); transfer matrices take no time. */
  @Test
  void largeBIsFast() {
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (int b : new int[] {22, 1_000_000}) ChainDecimation.step(k, h, b).apply(0.3, 0.2);
    });
  }

  /** The printed step for b = 33: named eigenvalue and ratio, fixed-size lines, known functions only. */
  @Test
  void printedLinesForLargeB() {
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    Recursion r = ChainDecimation.step(k, h, 33);
    energy.print.TextPrinter text = new energy.print.TextPrinter();
    List<String> lines = new ArrayList<>();
    r.definitions().forEach((s, d) -> lines.add(text.print(s) + " = " + text.print(d)));
    for (IExpr e : r.display().images()) lines.add(text.print(e));
    lines.add(text.print(r.display().constantPerSite()));
    assertEquals("λ = exp(K)·cosh(h) + √(exp(−2K) + exp(2K)·sinh(h)²)", lines.get(0));
    assertEquals("τ = (2/λ²)·sinh(2K)", lines.get(1));
    assertTrue(lines.get(3).startsWith("arsinh("), lines.get(3));
    for (String line : lines) {
      assertTrue(line.length() < 120, line);
      assertTrue(!line.matches(".*[A-Z][a-z]+[A-Z].*"), "a Symja head in " + line);
    }
  }
}
