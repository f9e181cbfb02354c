package energy.bench;

import energy.algebra.Symja;
import energy.api.Document;
import energy.api.Energy;
import energy.api.Format;
import energy.verify.Checker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * fewer when a size takes seconds). Printed per size: the wall and CPU time of the compiling
 * thread, the output size (characters of the text rendering, the size of the answer) and the
 * CPU time per thousand output characters; per family, fitted by least squares on CPU time
 * (on a shared machine wall time mostly measures the other processes):
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
   * @param checked the model checked against brute force first (small enough to enumerate and
   *     integrate by quadrature)
   */
  record Family(String name, String size, int[] sizes, String checked, IntFunction<String> source) {}

  static final List<Family> FAMILIES = List.of(
      new Family("rbm-marginal", "n = m", new int[] {4, 8, 16, 32, 64}, rbmMarginal(3), ScalingBenchmark::rbmMarginal),
      new Family("couplings", "k", new int[] {2, 3, 4, 5, 6}, couplings(3), ScalingBenchmark::couplings),
      new Family("chain-decimation", "b", new int[] {2, 4, 16, 64, 256, 1024}, chainDecimation(3), ScalingBenchmark::chainDecimation),
      new Family("dbm", "m = p", new int[] {1, 2, 3, 4}, dbm(2, 1), ScalingBenchmark::dbm),
      new Family("no-temperature", "params", new int[] {4, 8, 16, 32, 64}, noTemperature(4), ScalingBenchmark::noTemperature));

  /** Exact marginal of an RBM, n visible spins and m = n binary hidden units: m softplus terms of n + 1 terms. */
  public static String rbmMarginal(int n) {
    return "dim n = " + n + ", m = " + n + "\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\n";
  }

  /** The couplings one hidden spin induces among k visible spins: 2ᵏ couplings of 2ᵏ ln cosh terms each. */
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
    return dbm(m, m);
  }

  /** With p ≠ m: m = 2, p = 1 (examples/dbm3.energy) is the largest that quadrature checks (3 real units). */
  static String dbm(int m, int p) {
    return "dim n = 2, m = " + m + ", p = " + p + "\nspin x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\n"
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

  /** Medians of wall and of the compiling thread's CPU time (less sensitive to a loaded machine). */
  record Row(int size, double ms, double cpuMs, long output) {}

  public static void main(String[] args) {
    String only = args.length > 0 ? args[0] : "all";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Symja.warmUp();
    for (Family f : FAMILIES) {
      if (!only.equals("all") && !only.equals(f.name())) continue;
      checkFirst(f);
      System.out.printf(Locale.ROOT, "%n%s (size %s)%n", f.name(), f.size());
      System.out.printf(Locale.ROOT, "%8s %10s %10s %12s %16s%n", "size", "wall ms", "CPU ms", "output chars", "CPU ms/1k chars");
      List<Row> rows = new ArrayList<>();
      for (int size : f.sizes()) {
        Row r = time(f.source().apply(size), size, runs);
        rows.add(r);
        System.out.printf(Locale.ROOT, "%8d %10.1f %10.1f %12d %16.3f%n", size, r.ms, r.cpuMs, r.output, 1000 * r.cpuMs / r.output);
      }
      double[] size = rows.stream().mapToDouble(Row::size).toArray();
      double[] logSize = Arrays.stream(size).map(Math::log).toArray();
      double[] logOutput = rows.stream().mapToDouble(r -> Math.log(r.output)).toArray();
      double[] logMs = rows.stream().mapToDouble(r -> Math.log(r.cpuMs)).toArray();
      System.out.printf(Locale.ROOT, "fit (CPU): time ~ size^%.2f, time ~ %.2f^size, time ~ output^%.2f (output ~ size^%.2f)%n",
          slope(logSize, logMs), Math.exp(slope(size, logMs)), slope(logOutput, logMs), slope(logSize, logOutput));
    }
  }

  /** Refuses to time a family whose result is wrong at its checked size. */
  static void checkFirst(Family f) {
    Document d = Energy.compile(f.checked(), f.name() + "-checked");
    List<Checker.Report> reports = d.check(5, 1);
    for (Checker.Report r : reports)
      if (!r.passed() || r.skipped() != null) throw new IllegalStateException(f.name() + ": the result is not verified: " + r);
    if (reports.isEmpty()) throw new IllegalStateException(f.name() + ": nothing to check");
  }

  /** One warm-up compile, then up to {@code runs} timed ones, fewer past ~20 s; the medians. */
  static Row time(String source, int size, int runs) {
    long t0 = System.nanoTime();
    Document d = Energy.compile(source, "size-" + size);
    double first = (System.nanoTime() - t0) / 1e6;
    long output = d.render(Format.TEXT).length();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> ms = new ArrayList<>(), cpu = new ArrayList<>();
    double spent = first;
    while (ms.size() < runs && (ms.isEmpty() || spent < 20_000) && !(first > 60_000 && !ms.isEmpty())) {
      long t = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
      Energy.compile(source, "size-" + size);
      cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
      ms.add((System.nanoTime() - t) / 1e6);
      spent += ms.get(ms.size() - 1);
    }
    ms.sort(null);
    cpu.sort(null);
    return new Row(size, ms.get(ms.size() / 2), cpu.get(cpu.size() / 2), output);
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
