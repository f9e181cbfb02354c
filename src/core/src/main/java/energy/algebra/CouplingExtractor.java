package energy.algebra;

import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Writes an energy over discrete units in canonical form, H = Σ_S c_S Π_{i∈S} uᵢ, exactly.
 *
 * <p>Every function on {−1,1}ᴺ × {0,1}ᴹ has exactly one such multilinear expansion. The
 * polynomial part is reduced directly (s² = 1, b² = b). A term f in which units sit inside a
 * function (ln 2cosh of a linear form, a softplus) is projected over the units it contains
 * only, U_f, by a fast transform over its 2^|U_f| values: per spin, (f₊ + f₋)/2 is the
 * coefficient of 1 and (f₊ − f₋)/2 that of s (the Walsh–Hadamard transform, i.e.
 * c_S = 2^{−k} Σ_s f(s) Π_{i∈S} sᵢ); per binary unit, f(0) and f(1) − f(0) (Möbius inversion).
 * The cost is k·2^k per term, independent of the other units; at most {@value #MAX_UNITS}
 * units in one term.
 */
public final class CouplingExtractor {
  public static final int MAX_UNITS = 12;

  /** c_S for the units at the given positions (sorted), S = ∅ being the constant. */
  public record Coefficient(int[] units, IExpr value) {
    public int order() {
      return units.length;
    }

    /**
     * The coupling in the Ising sign convention H = E₀ − Σ hᵢsᵢ − Σ Jᵢⱼsᵢsⱼ − …: the constant
     * as it is, every other coefficient negated, so that positive J is ferromagnetic.
     */
    public IExpr coupling() {
      return units.length == 0 ? value : LogCombiner.negate(value);
    }
  }

  private CouplingExtractor() {}

  /** Coefficients of order ≤ maxOrder, ordered by order then by units; exact zeros left out. */
  public static List<Coefficient> extract(IExpr energy, List<ISymbol> units, UnitKind[] kinds, int maxOrder) {
    Expansion x = Expansion.of(energy, units, kinds);
    Map<List<Integer>, List<IExpr>> terms = new LinkedHashMap<>();
    for (Map.Entry<Expansion.Monomial, IExpr> e : x.polynomial.entrySet()) {
      List<Integer> s = new ArrayList<>();
      for (int i = 0; i < units.size(); i++) if (e.getKey().contains(i)) s.add(i);
      if (s.size() <= maxOrder) terms.computeIfAbsent(s, k -> new ArrayList<>()).add(e.getValue());
    }
    refuseIfTooLarge(x.other, units, kinds, maxOrder);
    for (IExpr f : x.other) project(f, units, kinds, maxOrder, terms);
    List<Coefficient> out = new ArrayList<>();
    for (Map.Entry<List<Integer>, List<IExpr>> e : terms.entrySet()) {
      IExpr sum = F.Plus(e.getValue().toArray(new IExpr[0]));
      // LogCombiner expands the sum itself: evaluating it first would double the work.
      IExpr value = hasFunction(sum) ? LogCombiner.combine(sum) : Canonicalizer.coefficient(Symja.eval(sum));
      if (value.isZero()) continue;
      out.add(new Coefficient(e.getKey().stream().mapToInt(Integer::intValue).toArray(), value));
    }
    out.sort(Comparator.comparingInt(Coefficient::order).thenComparing(Coefficient::units, Arrays::compare));
    return out;
  }

  /**
   * Most function values (ln 2cosh …, softplus …) the coefficients may hold together, about a
   * minute and a half of work; beyond it the projection is refused before it starts.
   */
  public static final long MAX_VALUES = 20_000;

  /**
   * A coefficient c_S of a term over k units is a sum of up to 2ᵏ distinct values of the term
   * (all 2ᵏ states for spins; for binary units only those with b = 0 outside S), which
   * generically do not combine. Their count over all kept S is the size of the result.
   */
  private static void refuseIfTooLarge(List<IExpr> functions, List<ISymbol> units, UnitKind[] kinds, int maxOrder) {
    double values = values(functions, units, kinds, maxOrder);
    if (values <= MAX_VALUES) return;
    int lower = Math.min(maxOrder, units.size()) - 1;
    while (lower >= 1 && values(functions, units, kinds, lower) > MAX_VALUES) lower--;
    throw new NotApplicable(
        String.format(
            "the exact couplings would hold about %s values of ln cosh or softplus terms (≈ %s), above the limit of %s",
            Sizes.count(values), Sizes.bytes(values * BYTES_PER_VALUE), Sizes.count(MAX_VALUES)),
        lower >= 1
            ? "ask for the low orders only ('couplings … up to " + lower + "' has about "
                + Sizes.count(values(functions, units, kinds, lower)) + "), or expand the energy in small couplings first ('expand')"
            : "expand the energy in small couplings first ('expand'), or couple fewer units to each hidden unit");
  }

  /** Heap per value held in a coefficient (a logarithm of a sum of exponentials, ≈ 1 kB). */
  private static final double BYTES_PER_VALUE = 1000;

  private static double values(List<IExpr> functions, List<ISymbol> units, UnitKind[] kinds, int maxOrder) {
    double total = 0;
    for (IExpr f : functions) {
      int spins = 0, binaries = 0;
      for (int i = 0; i < units.size(); i++)
        if (!Expansion.freeOf(f, Set.of(units.get(i)))) {
          if (kinds[i] == UnitKind.SPIN) spins++;
          else binaries++;
        }
      // Σ over S with |S| ≤ maxOrder of 2^spins · 2^{|S ∩ binaries|}
      for (int a = 0; a <= Math.min(spins, maxOrder); a++)
        for (int b = 0; b <= Math.min(binaries, maxOrder - a); b++)
          total += binomial(spins, a) * binomial(binaries, b) * Math.pow(2, spins + b);
    }
    return total;
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
    return c;
  }

  private static void project(
      IExpr f, List<ISymbol> units, UnitKind[] kinds, int maxOrder, Map<List<Integer>, List<IExpr>> terms) {
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) if (!Expansion.freeOf(f, Set.of(units.get(i)))) in.add(i);
    int k = in.size();
    if (k > MAX_UNITS)
      throw new NotApplicable(
          "a term depends on " + k + " units at once; its exact projection needs 2^" + k + " values, above the limit of 2^" + MAX_UNITS,
          "ask for fewer units at a time, or expand the energy in small couplings first");
    // values[state]: bit j of state is the "high" value (s = +1, b = 1) of unit in.get(j)
    IExpr[] values = new IExpr[1 << k];
    for (int state = 0; state < values.length; state++) {
      IExpr[] rules = new IExpr[k];
      for (int j = 0; j < k; j++) {
        boolean high = ((state >> j) & 1) == 1;
        UnitKind kind = kinds[in.get(j)];
        rules[j] = F.Rule(units.get(in.get(j)), kind == UnitKind.SPIN ? (high ? F.C1 : F.CN1) : (high ? F.C1 : F.C0));
      }
      values[state] = Symja.eval(F.ReplaceAll(f, F.List(rules)));
    }
    boolean[] spin = new boolean[k];
    for (int j = 0; j < k; j++) spin[j] = kinds[in.get(j)] == UnitKind.SPIN;
    for (int set = 0; set < values.length; set++) {
      if (Integer.bitCount(set) > maxOrder) continue;
      List<Integer> s = new ArrayList<>();
      for (int j = 0; j < k; j++) if (((set >> j) & 1) == 1) s.add(in.get(j));
      List<IExpr> into = terms.computeIfAbsent(s, key -> new ArrayList<>());
      // c_S = Σ_state w_S(state) f(state); equal values share one term.
      Map<IExpr, IRational> weights = new LinkedHashMap<>();
      for (int state = 0; state < values.length; state++) {
        IRational w = weight(set, state, spin);
        if (!w.isZero()) weights.merge(values[state], w, IRational::add);
      }
      for (Map.Entry<IExpr, IRational> w : weights.entrySet())
        if (!w.getValue().isZero()) into.add(F.Times(w.getValue(), w.getKey()));
    }
  }

  /**
   * The weight of f(state) in c_set, a product over the units: a spin outside the set ½, inside
   * it ½s (Walsh–Hadamard); a binary unit outside the set 1 at b = 0 and 0 at b = 1, inside it
   * b − (1 − b) (Möbius inversion).
   */
  private static IRational weight(int set, int state, boolean[] spin) {
    IRational w = F.C1;
    for (int j = 0; j < spin.length; j++) {
      boolean inSet = ((set >> j) & 1) == 1, high = ((state >> j) & 1) == 1;
      if (spin[j]) w = w.multiply(inSet && !high ? F.CN1D2 : F.C1D2);
      else if (!inSet && high) return F.C0;
      else if (inSet && !high) w = w.negate();
    }
    return w;
  }

  private static boolean hasFunction(IExpr e) {
    if (e.isAST() && !e.isPlus() && !e.isTimes() && !e.isPower()) return true;
    for (IExpr a : Symja.args(e)) if (hasFunction(a)) return true;
    return false;
  }
}
