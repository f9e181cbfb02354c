package energy.verify;

import energy.result.MomentIdentity;
import energy.algebra.Symja;
import energy.algebra.cumulant.Cumulants;
import energy.algebra.cumulant.MomentIdentities;
import energy.model.Query;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Checks a moment–cumulant identity on random discrete distributions (a few random points with
 * random probabilities, in one or k dimensions) against the set-partition formulas, enumerated
 * by brute force — independent of the recursions that produced the identity:
 *
 * <pre>
 *   κ(B₁…) = Σ_π (−1)^{|π|−1} (|π|−1)! Π_{B∈π} ⟨x_B⟩,     ⟨x_S⟩ = Σ_π Π_{B∈π} κ(B).
 * </pre>
 *
 * Orders above {@value #MAX_ORDER} are not enumerated (Bell(10) = 115975 partitions).
 */
final class MomentIdentityChecker {
  static final int MAX_ORDER = 10;
  static final String MEASURE = "identity vs set-partition sums";

  private MomentIdentityChecker() {}

  static Checker.Report check(MomentIdentity r, int samples, Random random) {
    Query.MomentIdentity q = r.query();
    int k = q.order();
    if (k > MAX_ORDER) return new Checker.Report(r.name(), MEASURE, 0, Double.NaN, Double.NaN, 0, "order above " + MAX_ORDER + ": set partitions not enumerated");
    boolean joint = !q.variables().isEmpty();
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      int points = 3 + random.nextInt(3);
      double[] p = new double[points];
      double[][] v = new double[points][k];
      double total = 0;
      for (int j = 0; j < points; j++) {
        p[j] = 0.1 + random.nextDouble();
        total += p[j];
        double common = 2 * random.nextDouble() - 1;
        // Univariate: the k "variables" are the same one, so ⟨x_S⟩ = μ_|S|.
        for (int i = 0; i < k; i++) v[j][i] = joint ? 2 * random.nextDouble() - 1 : common;
      }
      for (int j = 0; j < points; j++) p[j] /= total;
      double[] moment = new double[1 << k]; // ⟨Π_{i∈S} xᵢ⟩ by mask
      for (int mask = 1; mask < moment.length; mask++)
        for (int j = 0; j < points; j++) {
          double prod = p[j];
          for (int i = 0; i < k; i++) if ((mask >> i & 1) == 1) prod *= v[j][i];
          moment[mask] += prod;
        }
      double[] cumulant = new double[1 << k];
      for (int mask = 1; mask < cumulant.length; mask++) cumulant[mask] = byPartitions(mask, moment, true);
      int all = (1 << k) - 1;
      double expected = q.cumulant() ? cumulant[all] : moment[all];
      double[] given = q.cumulant() ? moment : cumulant;
      double actual = evaluate(r.value(), q, given);
      // relative, with a floor: moments of variables in [-1, 1] are at most 1, cumulants may vanish
      worst = Math.max(worst, Math.abs(actual - expected) / Math.max(1e-3, Math.abs(expected)));
    }
    return new Checker.Report(r.name(), MEASURE, worst, Double.NaN, Double.NaN, samples, null);
  }

  /** Σ over the set partitions of {@code mask}: of Π κ (moments) or of the Möbius-weighted Π μ (cumulants). */
  private static double byPartitions(int mask, double[] values, boolean mobius) {
    List<Integer> elements = new ArrayList<>();
    for (int i = 0; i < 31; i++) if ((mask >> i & 1) == 1) elements.add(i);
    double[] sum = {0};
    partitions(elements, 0, new ArrayList<>(), blocks -> {
      double prod = 1;
      for (int b : blocks) prod *= values[b];
      if (mobius) {
        int n = blocks.size();
        double w = (n % 2 == 1 ? 1 : -1);
        for (int i = 2; i < n; i++) w *= i;
        prod *= w;
      }
      sum[0] += prod;
    });
    return sum[0];
  }

  /** Every set partition of the elements, as lists of block masks (restricted growth). */
  private static void partitions(List<Integer> elements, int at, List<Integer> blocks, java.util.function.Consumer<List<Integer>> visit) {
    if (at == elements.size()) {
      visit.accept(blocks);
      return;
    }
    int bit = 1 << elements.get(at);
    for (int b = 0; b < blocks.size(); b++) {
      blocks.set(b, blocks.get(b) | bit);
      partitions(elements, at + 1, blocks, visit);
      blocks.set(b, blocks.get(b) & ~bit);
    }
    blocks.add(bit);
    partitions(elements, at + 1, blocks, visit);
    blocks.remove(blocks.size() - 1);
  }

  /** The identity's right-hand side at the given moments (or cumulants), by mask. */
  private static double evaluate(IExpr rhs, Query.MomentIdentity q, double[] given) {
    List<IExpr> rules = new ArrayList<>();
    int k = q.order();
    if (q.variables().isEmpty()) {
      String prefix = q.cumulant() ? "mu" : "kappa";
      for (int n = 1; n <= k; n++) rules.add(F.Rule(Cumulants.symbol(prefix, n), F.num(given[(1 << n) - 1])));
    } else {
      // Atoms evaluated (⟨x3 x2⟩ is written ⟨x2 x3⟩ in the evaluated identity) and found by
      // equals: neither a rule (its product is an orderless pattern) nor a hash map (an
      // unevaluated product's hash differs from its equal evaluated one) finds them all.
      List<IExpr> atoms = new ArrayList<>();
      for (int mask = 1; mask < given.length; mask++) atoms.add(Symja.eval(MomentIdentities.atom(q, BitSet.valueOf(new long[] {mask}), !q.cumulant())));
      IExpr numeric =
          rhs.replaceAll(
                  e -> {
                    int i = atoms.indexOf(e);
                    return i < 0 ? F.NIL : F.num(given[i + 1]);
                  })
              .orElse(rhs);
      return Symja.eval(F.N(numeric)).evalf();
    }
    return Symja.eval(F.N(F.ReplaceAll(rhs, F.List(rules.toArray(new IExpr[0]))))).evalf();
  }
}
