package energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.verify.Checker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for random small models (sizes ≤ 3, random unit kinds, random sparse couplings,
 * sometimes couplings inside a layer), every marginal, partition function and canonical
 * coupling passes the independent numeric check. Each case prints its seed and its source.
 */
class RandomModelsTest {
  static LongStream seeds() {
    return LongStream.range(1, 13).map(i -> 7919L * i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void marginalsOfRandomModelsPassTheCheck(long seed) {
    String text = randomModel(new Random(seed));
    System.out.println("seed " + seed + "\n" + text);
    Compilation c = Compiler.compile(new Source("<random " + seed + ">", text));
    for (Checker.Report r : Checker.check(c, 3, seed)) {
      assertTrue(r.skipped() == null, "seed " + seed + ": " + r.name() + " skipped: " + r.skipped() + "\n" + text);
      assertTrue(
          r.passed(),
          "seed " + seed + ": " + r.name() + " weights " + r.weightError() + " correlators " + r.correlatorError() + "\n" + text);
    }
  }

  static String randomModel(Random random) {
    String[] kinds = {"spin", "binary", "real"};
    int n = 1 + random.nextInt(3);
    int m = 1 + random.nextInt(3);
    String visible = random.nextBoolean() ? "spin" : "binary";
    String hidden = kinds[random.nextInt(3)];
    boolean temperature = random.nextBoolean();
    StringBuilder s = new StringBuilder("model Random\n");
    s.append("dim n = ").append(n).append(", m = ").append(m).append('\n');
    s.append(visible).append(" v[n]\n").append(hidden).append(" h[m]\n");
    s.append("param a[n], b[m], W[n,m], J, K\n");
    if (temperature) s.append("temperature beta\n");
    List<String> terms = new ArrayList<>();
    if (random.nextBoolean()) terms.add("-a.v");
    else terms.add("-sum(i) a[i]*v[i]");
    terms.add("-b.h");
    for (int i = 1; i <= n; i++)
      for (int j = 1; j <= m; j++)
        if (random.nextDouble() < 0.7) terms.add("-W[" + i + "," + j + "]*v[" + i + "]*h[" + j + "]");
    if (n >= 2 && random.nextBoolean()) terms.add("-J*v[1]*v[2]");
    if (hidden.equals("real")) terms.add("+1/2*h.h");
    if (m >= 2 && random.nextBoolean()) terms.add("-K/2*h[1]*h[2]");
    s.append("energy E(v, h) = ").append(String.join(" ", terms)).append('\n');
    s.append("F = marginalize E over h\n");
    s.append("Z = partition E\n");
    int order = random.nextInt(4);
    s.append(order == 0 ? "couplings F\n" : "couplings F up to " + order + "\n");
    return s.toString();
  }
}
