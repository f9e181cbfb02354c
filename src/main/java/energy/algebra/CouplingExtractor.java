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
    for (IExpr f : x.other) project(f, units, kinds, maxOrder, terms);
    List<Coefficient> out = new ArrayList<>();
    for (Map.Entry<List<Integer>, List<IExpr>> e : terms.entrySet()) {
      IExpr sum = Symja.eval(F.Plus(e.getValue().toArray(new IExpr[0])));
      IExpr value = hasFunction(sum) ? LogCombiner.combine(sum) : Canonicalizer.coefficient(sum);
      if (value.isZero()) continue;
      out.add(new Coefficient(e.getKey().stream().mapToInt(Integer::intValue).toArray(), value));
    }
    out.sort(Comparator.comparingInt(Coefficient::order).thenComparing(Coefficient::units, Arrays::compare));
    return out;
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
    IExpr[] v = new IExpr[1 << k];
    for (int state = 0; state < v.length; state++) {
      IExpr[] rules = new IExpr[k];
      for (int j = 0; j < k; j++) {
        boolean high = ((state >> j) & 1) == 1;
        UnitKind kind = kinds[in.get(j)];
        rules[j] = F.Rule(units.get(in.get(j)), kind == UnitKind.SPIN ? (high ? F.C1 : F.CN1) : (high ? F.C1 : F.C0));
      }
      v[state] = Symja.eval(F.ReplaceAll(f, F.List(rules)));
    }
    // In place, one unit at a time: afterwards bit j of the index means "uⱼ is in S".
    for (int j = 0; j < k; j++) {
      boolean spin = kinds[in.get(j)] == UnitKind.SPIN;
      for (int state = 0; state < v.length; state++) {
        if (((state >> j) & 1) == 1) continue;
        IExpr low = v[state], high = v[state | (1 << j)];
        v[state] = spin ? F.Times(F.C1D2, F.Plus(high, low)) : low;
        v[state | (1 << j)] = spin ? F.Times(F.C1D2, F.Subtract(high, low)) : F.Subtract(high, low);
      }
    }
    for (int set = 0; set < v.length; set++) {
      if (Integer.bitCount(set) > maxOrder) continue;
      List<Integer> s = new ArrayList<>();
      for (int j = 0; j < k; j++) if (((set >> j) & 1) == 1) s.add(in.get(j));
      terms.computeIfAbsent(s, key -> new ArrayList<>()).add(v[set]);
    }
  }

  private static boolean hasFunction(IExpr e) {
    if (e.isAST() && !e.isPlus() && !e.isTimes() && !e.isPower()) return true;
    for (IExpr a : Symja.args(e)) if (hasFunction(a)) return true;
    return false;
  }
}
