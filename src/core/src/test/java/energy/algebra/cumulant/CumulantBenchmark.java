package energy.algebra.cumulant;

import energy.algebra.Symja;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Warm median wall time of moment → cumulant conversions. Generic symbolic joint cumulants
 * have Bell(k) terms (4 213 597 at k = 12, about 10¹⁰ at k = 16), beyond what a Symja
 * expression can hold in reasonable time, so above k = 10 the joint recursion is timed on
 * exact random integer moments, where each of the 3^{k−1} steps is a rational product.
 * Run: java -cp target/test-classes:target/classes:... energy.algebra.cumulant.CumulantBenchmark
 */
public final class CumulantBenchmark {
  public static void main(String[] args) {
    Symja.warmUp();
    for (int n : new int[] {8, 12, 16}) time("univariate n=" + n + " (symbols)", 5, () -> Cumulants.cumulantInMoments(n));
    for (int k : new int[] {8, 9, 10}) time("joint k=" + k + " (symbols)", k < 10 ? 5 : 3, () -> Cumulants.jointCumulantInMoments(k));
    for (int k : new int[] {8, 12, 16}) {
      IExpr[] mu = new IExpr[1 << k];
      Random rnd = new Random(k);
      for (int s = 1; s < mu.length; s++) mu[s] = F.ZZ(rnd.nextInt(19) - 9);
      time("joint k=" + k + " (integers)", k < 16 ? 5 : 3, () -> Cumulants.jointCumulant(k, s -> mu[(int) s.toLongArray()[0]]));
    }
    for (int k : new int[] {8, 12}) time("joint k=" + k + " (exchangeable symbols mu|S|)", 3,
        () -> Cumulants.jointCumulant(k, s -> Cumulants.symbol("mu", s.cardinality())));
  }

  static void time(String label, int runs, Supplier<IExpr> f) {
    IExpr result = f.get(); // warm-up
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      result = f.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    String shown = result.isNumber() ? "value " + result : Symja.terms(result).size() + " terms";
    System.out.printf("%-45s median %10.1f ms  %s%n", label, ms[runs / 2], shown);
  }
}
