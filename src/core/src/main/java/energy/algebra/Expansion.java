package energy.algebra;

import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.eval.EvalAttributes;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * An energy split with respect to a list of unit symbols: a polynomial part, as a map from
 * monomials in the units to coefficients free of them, plus the terms in which units sit
 * inside functions (ln cosh …), kept whole. Discrete units are reduced to multilinear form
 * on the way in (s² = 1 for spins, b² = b for binary units), which is exact on their domains.
 */
public final class Expansion {
  /** Exponents of the units, aligned with {@link #units}. */
  public record Monomial(int[] exponents) {
    public int degree() {
      int d = 0;
      for (int e : exponents) d += e;
      return d;
    }

    public boolean contains(int unit) {
      return exponents[unit] > 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Monomial m && Arrays.equals(exponents, m.exponents);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(exponents);
    }
  }

  public final List<ISymbol> units;
  public final Map<Monomial, IExpr> polynomial = new LinkedHashMap<>();
  public final List<IExpr> other = new ArrayList<>();
  /** Terms added to each monomial's coefficient, not yet summed (see {@link #sumPending}). */
  private final Map<Monomial, List<IExpr>> pending = new LinkedHashMap<>();
  private final UnitKind[] kinds;

  private Expansion(List<ISymbol> units, UnitKind[] kinds) {
    this.units = units;
    this.kinds = kinds;
  }

  /**
   * @param kinds the domain of each unit; REAL units keep their powers
   */
  public static Expansion of(IExpr energy, List<ISymbol> units, UnitKind[] kinds) {
    Expansion x = new Expansion(units, kinds);
    Set<ISymbol> set = new java.util.HashSet<>(units);
    IExpr e = Symja.eval(energy);
    for (IExpr t : Symja.terms(e)) {
      if (freeOf(t, set)) x.add(new int[units.size()], t);
      else if (isPolynomial(t, set)) {
        if (hasPowerOfSum(t, set)) {
          for (Map.Entry<Monomial, IExpr> m : x.reduced(t, set).entrySet()) x.add(m.getKey().exponents().clone(), m.getValue());
        } else {
          x.addExpanded(t, set);
        }
      } else x.other.add(t);
    }
    x.sumPending();
    return x;
  }

  /**
   * Adds a polynomial term with only its factors in the units multiplied out: factors free of
   * them that are sums or powers of sums (1/det A) multiply each monomial's collected
   * coefficient once, instead of being distributed over thousands of terms that would then
   * have to be collected over their denominators again.
   */
  private void addExpanded(IExpr t, Set<ISymbol> set) {
    List<IExpr> free = new ArrayList<>(), bound = new ArrayList<>();
    for (IExpr f : Symja.factors(t)) (freeOf(f, set) ? free : bound).add(f);
    if (free.stream().noneMatch(f -> f.isPlus() || (f.isPower() && f.base().isPlus()))) {
      for (IExpr p : Symja.terms(Symja.expand(t))) addProduct(p, set);
      return;
    }
    Expansion inner = new Expansion(units, kinds);
    IExpr product = bound.size() == 1 ? bound.get(0) : F.Times(bound.toArray(new IExpr[0]));
    for (IExpr p : Symja.terms(Symja.expand(product))) inner.addProduct(p, set);
    inner.sumPending();
    IExpr factor = free.size() == 1 ? free.get(0) : F.Times(free.toArray(new IExpr[0]));
    for (Map.Entry<Monomial, IExpr> e : inner.polynomial.entrySet())
      pending.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(F.Times(factor, e.getValue()));
  }

  public Monomial constantMonomial() {
    return new Monomial(new int[units.size()]);
  }

  public IExpr coefficient(Monomial m) {
    return polynomial.getOrDefault(m, F.C0);
  }

  private void addProduct(IExpr product, Set<ISymbol> set) {
    int[] exps = new int[units.size()];
    List<IExpr> coefficient = new ArrayList<>();
    for (IExpr f : Symja.factors(product)) {
      int i;
      if (f.isSymbol() && (i = units.indexOf(f)) >= 0) exps[i] += 1;
      else if (f.isPower() && f.base().isSymbol() && (i = units.indexOf(f.base())) >= 0)
        exps[i] += f.exponent().toIntDefault();
      else coefficient.add(f);
    }
    add(exps, coefficient.isEmpty() ? F.C1 : F.Times(coefficient.toArray(new IExpr[0])));
  }

  private void add(int[] exps, IExpr coefficient) {
    pending.computeIfAbsent(new Monomial(reduce(exps)), k -> new ArrayList<>()).add(coefficient);
  }

  /**
   * Each monomial's coefficient as one sum of its collected terms, flattened and sorted once,
   * as F.Plus would leave it. F.Plus per added term re-sorts the whole sum every time:
   * O(n² log n) on the thousands of terms of bᵀ adj(A) b in a DBM's marginal.
   */
  private void sumPending() {
    for (Map.Entry<Monomial, List<IExpr>> e : pending.entrySet()) {
      List<IExpr> terms = e.getValue();
      if (polynomial.containsKey(e.getKey())) terms.add(0, polynomial.get(e.getKey()));
      polynomial.put(e.getKey(), terms.size() == 1 ? terms.get(0) : sortedSum(terms));
    }
    pending.clear();
  }

  private static IExpr sortedSum(List<IExpr> terms) {
    IASTAppendable sum = F.PlusAlloc(terms.size());
    for (IExpr t : terms)
      if (t.isPlus()) sum.appendArgs((IAST) t);
      else sum.append(t);
    EvalAttributes.sort(sum);
    return sum;
  }

  /** Whether e has a power (n ≥ 2) of a sum in the units: expanded in full, it would have far more terms than reduced. */
  private static boolean hasPowerOfSum(IExpr e, Set<ISymbol> units) {
    if (freeOf(e, units)) return false;
    if (e.isPower() && e.base().isPlus() && e.exponent().toIntDefault() >= 2) return true;
    for (IExpr a : Symja.args(e)) if (hasPowerOfSum(a, units)) return true;
    return false;
  }

  /**
   * A polynomial term multiplied out with the units' powers reduced after every product
   * (s² = 1, b² = b), powers by repeated squaring: (Js₁ + s₂)³⁰ stays at two monomials
   * throughout instead of expanding into 31 and (s₁ + … + s₈)³⁰ into 10⁷.
   */
  private Map<Monomial, IExpr> reduced(IExpr e, Set<ISymbol> set) {
    Map<Monomial, IExpr> out = new LinkedHashMap<>();
    if (freeOf(e, set)) {
      out.put(constantMonomial(), e);
    } else if (e.isSymbol()) {
      int[] exps = new int[units.size()];
      exps[units.indexOf(e)] = 1;
      out.put(new Monomial(exps), F.C1);
    } else if (e.isPlus()) {
      for (IExpr a : Symja.args(e))
        for (Map.Entry<Monomial, IExpr> m : reduced(a, set).entrySet()) out.merge(m.getKey(), m.getValue(), F::Plus);
      out.replaceAll((m, c) -> Symja.expand(c));
      out.values().removeIf(IExpr::isZero);
    } else if (e.isTimes()) {
      out.put(constantMonomial(), F.C1);
      for (IExpr a : Symja.args(e)) out = times(out, reduced(a, set));
    } else { // a power with a non-negative integer exponent (isPolynomial)
      int n = e.exponent().toIntDefault();
      Map<Monomial, IExpr> base = reduced(e.base(), set);
      out.put(constantMonomial(), F.C1);
      for (; n > 0; n >>= 1) {
        if ((n & 1) == 1) out = times(out, base);
        if (n > 1) base = times(base, base);
      }
    }
    return out;
  }

  private Map<Monomial, IExpr> times(Map<Monomial, IExpr> p, Map<Monomial, IExpr> q) {
    Map<Monomial, IExpr> out = new LinkedHashMap<>();
    for (Map.Entry<Monomial, IExpr> a : p.entrySet())
      for (Map.Entry<Monomial, IExpr> b : q.entrySet()) {
        int[] exps = a.getKey().exponents().clone();
        for (int i = 0; i < exps.length; i++) exps[i] += b.getKey().exponents()[i];
        out.merge(new Monomial(reduce(exps)), F.Times(a.getValue(), b.getValue()), F::Plus);
      }
    out.replaceAll((m, c) -> Symja.expand(c));
    out.values().removeIf(IExpr::isZero);
    return out;
  }

  /** The exponents on the units' domains: s² = 1 for spins, b² = b for binary units. */
  private int[] reduce(int[] exps) {
    for (int i = 0; i < exps.length; i++) {
      if (exps[i] == 0) continue;
      if (kinds[i] == UnitKind.SPIN) exps[i] %= 2;
      else if (kinds[i] == UnitKind.BINARY) exps[i] = 1;
    }
    return exps;
  }

  public static boolean freeOf(IExpr e, Set<ISymbol> units) {
    if (e.isSymbol()) return !units.contains(e);
    if (e.isAST()) {
      for (int i = 0; i <= e.argSize(); i++) if (!freeOf(e.getAt(i), units)) return false;
    }
    return true;
  }

  /** A polynomial in the units with coefficients free of them (non-negative integer powers). */
  static boolean isPolynomial(IExpr e, Set<ISymbol> units) {
    if (freeOf(e, units)) return true;
    if (e.isSymbol()) return true;
    if (e.isPlus() || e.isTimes()) {
      for (IExpr a : Symja.args(e)) if (!isPolynomial(a, units)) return false;
      return true;
    }
    if (e.isPower()) {
      int n = e.exponent().toIntDefault();
      return e.exponent().isInteger() && n >= 0 && isPolynomial(e.base(), units);
    }
    return false;
  }
}
