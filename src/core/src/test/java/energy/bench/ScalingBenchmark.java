package energy.bench;

import energy.algebra.Symja;
import energy.api.Document;
import energy.api.Energy;
import energy.api.Format;
import energy.verify.Checker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How compile time grows with the size of a model, run on demand (not a test):
 *
 * <pre>
 *   mvn -q -o -pl src/core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=energy.bench.ScalingBenchmark [-Dexec.args="FAMILY RUNS"]
 * </pre>
 *
 * Each family is a .energy source generated for a range of sizes. Before anything is timed,
 * the family's result at a small size is checked against brute force ({@link Checker}:
 * enumeration, quadrature, projections), so a fast wrong computation cannot pass. Then, in one
 * JVM, each size is compiled once to warm up and timed warm (median of up to RUNS runs,
 * fewer when a size takes seconds). Printed per size: the time, the output size (characters
 * of the text rendering, the size of the answer) and the time per thousand output characters;
 * per family, fitted by least squares:
 *
 * <ul>
 *   <li>the exponent a of time ∝ size^a (log-log slope), the polynomial degree;
 *   <li>the base c of time ∝ c^size (slope of log time against size): 2ᴺ behaviour shows as c ≈ 2
 *       where the polynomial fit's exponent keeps growing with the range;
 *   <li>the exponent of time ∝ output^a: 1 when the cost is proportional to the answer, which is
 *       the measure for families whose answer itself grows (couplings of k units: 2ᵏ couplings).
 * </ul>
 *
 * Machines here are shared: compare exponents from one run, not seconds across runs.
 */
public final class ScalingBenchmark {
  /**
   * @param size what is scaled
   * @param sizes the sizes timed
   * @param checked the size checked against brute force first
   */
  record Family(String name, String size, int[] sizes, int checked, IntFunction<String> source) {}

  static final List<Family> FAMILIES = List.of(
      new Family("rbm-marginal", "n = m", new int[] {4, 8, 16, 32, 64}, 3, ScalingBenchmark::rbmMarginal),
      new Family("couplings", "k", new int[] {4, 6, 8, 10, 12}, 3, ScalingBenchmark::couplings),
      new Family("chain-decimation", "b", new int[] {2, 4, 16, 64, 256, 1024}, 3, ScalingBenchmark::chainDecimation),
      new Family("dbm", "m = p", new int[] {1, 2, 3, 4}, 2, ScalingBenchmark::dbm),
      new Family("no-temperature", "params", new int[] {4, 8, 16, 32, 64}, 4, ScalingBenchmark::noTemperature));

  /** Exact marginal of an RBM, n visible spins and m = n binary hidden units: m softplus terms of n + 1 terms. */
  public static String rbmMarginal(int n) {
    return "dim n = " + n + ", m = " + n + "\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\n";
  }

  /** The couplings one hidden spin induces among k visible spins: 2ᵏ of them. */
  public static String couplings(int k) {
    return "dim n = " + k + ", m = 1\nspin v[n]\nspin h[m]\nparam a[n], b[m], W[n,m]\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\ncouplings F\n";
  }

  /** Decimation of the Ising chain in a field keeping every b-th spin (transfer matrices). */
  public static String chainDecimation(int b) {
    return "lattice chain periodic\nspin s on sites\nparam K, h\n"
        + "reduced energy K0(s) = K*sum<i,j> s[i]*s[j] + h*sum(i) s[i]\nK1 = rg decimate K0 keep every " + b + "\n";
  }

  /** The three-layer DBM of examples/dbm3.energy with 2 + m + p units: Gaussian integrals over p, then m reals. */
  public static String dbm(int m) {
    return "dim n = 2, m = " + m + ", p = " + m + "\nspin x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\n"
        + "temperature beta\nenergy H(x, y, z) = -a.x + 1/2*(y.y + z.z) - x.A.y - y.B.z\n"
        + "H1 = marginalize H over z\nH0 = marginalize H1 over y\n";
  }

  /**
   * No temperature: N spins in fields h₁ … h_N (N parameters), the partition function. Before
   * issue 9 the path without a temperature was exponential in N (20 parameters: minutes).
   */
  public static String noTemperature(int params) {
    return "dim n = " + params + "\nspin s[n]\nparam h[n]\nenergy H(s) = -h.s\nZ = partition H\n";
  }

  record Row(int size, double ms, long output) {}

  public static void main(String[] args) {
    String only = args.length > 0 ? args[0] : "all";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Symja.warmUp();
    for (Family f : FAMILIES) {
      if (!only.equals("all") && !only.equals(f.name())) continue;
      checkFirst(f);
      System.out.printf(Locale.ROOT, "%n%s (size %s; checked against brute force at %d)%n", f.name(), f.size(), f.checked());
      System.out.printf(Locale.ROOT, "%8s %12s %12s %14s%n", "size", "median ms", "output chars", "ms/1000 chars");
      List<Row> rows = new ArrayList<>();
      for (int size : f.sizes()) {
        Row r = time(f.source().apply(size), size, runs);
        rows.add(r);
        System.out.printf(Locale.ROOT, "%8d %12.1f %12d %14.3f%n", size, r.ms, r.output, 1000 * r.ms / r.output);
      }
      double[] size = rows.stream().mapToDouble(Row::size).toArray();
      double[] logSize = Arrays.stream(size).map(Math::log).toArray();
      double[] logOutput = rows.stream().mapToDouble(r -> Math.log(r.output)).toArray();
      double[] logMs = rows.stream().mapToDouble(r -> Math.log(r.ms)).toArray();
      System.out.printf(Locale.ROOT, "fit: time ~ size^%.2f, time ~ %.2f^size, time ~ output^%.2f (output ~ size^%.2f)%n",
          slope(logSize, logMs), Math.exp(slope(size, logMs)), slope(logOutput, logMs), slope(logSize, logOutput));
    }
  }

  /** Refuses to time a family whose result is wrong at its checked size. */
  static void checkFirst(Family f) {
    Document d = Energy.compile(f.source().apply(f.checked()), f.name() + "-" + f.checked());
    List<Checker.Report> reports = d.check(5, 1);
    for (Checker.Report r : reports)
      if (!r.passed() || r.skipped() != null) throw new IllegalStateException(f.name() + ": the result is not verified: " + r);
    if (reports.isEmpty()) throw new IllegalStateException(f.name() + ": nothing to check");
  }

  /** One warm-up compile, then up to {@code runs} timed ones, stopping after ~20 s; the median. */
  static Row time(String source, int size, int runs) {
    long t0 = System.nanoTime();
    Document d = Energy.compile(source, "size-" + size);
    double first = (System.nanoTime() - t0) / 1e6;
    long output = d.render(Format.TEXT).length();
    List<Double> ms = new ArrayList<>();
    double spent = first;
    while (ms.size() < runs && (ms.isEmpty() || spent < 20_000)) {
      long t = System.nanoTime();
      Energy.compile(source, "size-" + size);
      double elapsed = (System.nanoTime() - t) / 1e6;
      ms.add(elapsed);
      spent += elapsed;
      if (first > 60_000) break;
    }
    ms.sort(null);
    return new Row(size, ms.get(ms.size() / 2), output);
  }

  /** Least-squares slope of y against x. */
  static double slope(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElse(0), my = Arrays.stream(y).average().orElse(0), sxy = 0, sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}
