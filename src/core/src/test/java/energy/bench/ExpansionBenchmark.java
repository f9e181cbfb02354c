package energy.bench;

import energy.Compilation;
import energy.Compiler;
import energy.algebra.CouplingExtractor;
import energy.algebra.Symja;
import energy.algebra.cumulant.Cumulants;
import energy.diag.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The cumulant expansion of an RBM marginal and the moment → cumulant conversion, run on
 * demand (not a test):
 *
 * <pre>
 *   mvn -q -pl src/core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=energy.bench.ExpansionBenchmark
 * </pre>
 *
 * For an RBM with n visible spins and m binary hidden units, 'G = expand F in W to order k'
 * is compiled (parse, marginal, expansion and collection into couplings); printed are the warm
 * median wall time, the number of couplings and of monomials in W they hold (the size of the
 * output), the time per thousand output monomials, and the peak heap during one run. The
 * aim is cost proportional to the output. Machines here are shared: compare within one run.
 */
public final class ExpansionBenchmark {
  static final int[][] RBM = {{4, 2, 4}, {8, 4, 6}, {16, 8, 4}, {32, 8, 4}};

  public static void main(String[] args) {
    Symja.warmUp();
    System.out.printf("%-16s %10s %10s %12s %12s %10s%n", "RBM (n,m,k)", "median ms", "couplings", "W-monomials", "ms/1000 mon.", "peak MB");
    for (int[] c : RBM) {
      String src =
          "dim n = " + c[0] + ", m = " + c[1] + "\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
              + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\nG = expand F in W to order " + c[2] + "\n";
      Source source = new Source("rbm", src);
      int runs = c[0] >= 32 ? 3 : 7;
      Measured<Compilation> m = measure(runs, () -> Compiler.compile(source));
      energy.result.ExpandedCouplings g = (energy.result.ExpandedCouplings) m.result.results().get(1);
      long monomials = 0;
      for (CouplingExtractor.Coefficient k : g.couplings()) monomials += monomials(k.value());
      System.out.printf(
          "%-16s %10.1f %10d %12d %12.2f %10.1f%n",
          "(" + c[0] + "," + c[1] + "," + c[2] + ")", m.medianMs, g.couplings().size(), monomials, 1000 * m.medianMs / monomials, m.peakMb);
    }
    System.out.printf("%n%-30s %10s %10s %10s%n", "moment -> cumulant", "median ms", "terms", "peak MB");
    for (int n : new int[] {8, 12, 16}) {
      Measured<IExpr> m = measure(5, () -> Cumulants.cumulantInMoments(n));
      System.out.printf("%-30s %10.1f %10d %10.1f%n", "kappa_" + n + " in mu_1..mu_" + n, m.medianMs, Symja.terms(m.result).size(), m.peakMb);
    }
  }

  /** Leaf monomials of a coefficient written as sums of w·(sum) products. */
  static long monomials(IExpr e) {
    if (e.isPlus()) {
      long n = 0;
      for (IExpr a : Symja.args(e)) n += monomials(a);
      return n;
    }
    if (e.isTimes()) {
      long n = 1;
      for (IExpr a : Symja.args(e)) n = Math.max(n, monomials(a));
      return n;
    }
    return 1;
  }

  record Measured<T>(T result, double medianMs, double peakMb) {}

  /** One warm-up run, then {@code runs} timed runs; peak heap is over the last run. */
  static <T> Measured<T> measure(int runs, Supplier<T> f) {
    T result = f.get();
    double[] ms = new double[runs];
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    for (int i = 0; i < runs; i++) {
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      result = f.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
    Arrays.sort(ms);
    return new Measured<>(result, ms[runs / 2], peak);
  }
}
