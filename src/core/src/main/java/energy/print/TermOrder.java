package energy.print;

import energy.algebra.LogCombiner;
import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The conventional order of a sum's terms, one comparator for every sum Symja sorted (a sum the
 * caller built in its own order with {@code Symja.unsortedSum} keeps it). Terms compare by, in turn:
 *
 * <ol>
 *   <li>constants first ({@code 1 + e^{x}}, {@code 1 - B^{2}}, {@code \ln 2 + …}), then terms
 *       without function calls, then those with ({@code h + \frac12 \ln\frac{…}{…}});
 *   <li>lower degree first, counted in the names above the fraction bar except β (calls and
 *       exponentials count 0): a polynomial by increasing degree, first order in the couplings
 *       before second;
 *   <li>the model's own order: the term's first parameter in declaration order, parameters
 *       before units, names the model did not declare (β, κ, t) last — {@code 2K + h} for
 *       {@code param K, h}, {@code J + g^{2}/c} for {@code param J, g, c};
 *   <li>exponentials by decreasing exponent, name by name ({@code e^{3K} + 3e^{-K}}, as Niemeijer and van
 *       Leeuwen; {@code e^{8K+4h} + e^{4K+6h}});
 *   <li>otherwise Symja's order (the sort is stable): powers of one thing by increasing degree.
 * </ol>
 *
 * Then a sum that would start with a minus starts with its first positive term instead. Order
 * never changes a value: the terms are the same, only printed in another order.
 */
public final class TermOrder {
  /** No declared names: numbers first, exponentials by exponent, then Symja's order. */
  static final TermOrder NONE = new TermOrder(Map.of());

  /** Declaration rank of each parameter and unit component, parameters first. */
  private final Map<String, Integer> rank;

  private TermOrder(Map<String, Integer> rank) {
    this.rank = rank;
  }

  /**
   * The order for one model: {@code names}, every user component in declaration order; {@code
   * units}, the unit symbols among them (ranked after the parameters).
   */
  public static TermOrder of(Collection<? extends IExpr> units, Collection<String> names) {
    Set<String> unitNames = new java.util.HashSet<>();
    for (IExpr u : units) if (u.isSymbol()) unitNames.add(((ISymbol) u).getSymbolName());
    Map<String, Integer> rank = new HashMap<>();
    int i = 0;
    for (String n : names) if (!unitNames.contains(n) && !n.equals("beta")) rank.put(n, i++);
    for (String n : names) if (unitNames.contains(n)) rank.put(n, i++);
    return new TermOrder(Map.copyOf(rank));
  }

  /** The terms of {@code e} (itself when not a sum) in printed order. */
  public List<IExpr> terms(IExpr e) {
    return e.isPlus() ? order(e) : List.of(e);
  }

  /**
   * The terms of a sum in printed order: sorted when Symja sorted them (its evaluator flags the
   * sums it sorts; {@code Symja.unsortedSum} builds one without the flag), then led by a positive term.
   */
  List<IExpr> order(IExpr sum) {
    return leadPositive(ordered(sum));
  }

  /** The sum's terms sorted when Symja sorted them, else as built; not yet led by a positive term. */
  private List<IExpr> ordered(IExpr sum) {
    List<IExpr> terms = Notation.args(sum), sorted = sorted(terms);
    // Symja's order is asked only when sorting changes something (comparing its terms is slow).
    boolean sort = sorted != terms && (((IAST) sum).isEvalFlagOn(IAST.IS_SORTED) || inSymjaOrder(terms));
    return sort ? sorted : terms;
  }

  /**
   * The argument of an even function with the sign that lets its ordered terms lead with a plus:
   * {@code \cosh(4K - h)} beside {@code \cosh(4K + h)}, never {@code \cosh(h - 4K)}. The
   * function's value is the same for x and −x, so only the printed form changes.
   */
  IExpr evenArgument(IExpr arg) {
    if (!arg.isPlus()) return arg;
    List<IExpr> sorted = ordered(arg);
    if (!Notation.isNegativeTerm(sorted.get(0))) return arg;
    List<IExpr> negated = new ArrayList<>(sorted.size());
    for (IExpr t : sorted) negated.add(LogCombiner.negate(t));
    return Symja.unsortedSum(negated);
  }

  /**
   * The terms stably sorted by the keys of the class comment, each term's keys computed once
   * rather than per comparison; {@code terms} itself when they are in that order already.
   */
  private List<IExpr> sorted(List<IExpr> terms) {
    List<Keyed> keyed = new ArrayList<>(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      IExpr t = terms.get(i);
      keyed.add(new Keyed(t, i, kind(t), degree(t), firstParameter(t), exponent(t)));
    }
    keyed.sort(KEYED);
    boolean moved = false;
    for (int i = 0; i < keyed.size() && !moved; i++) moved = keyed.get(i).position() != i;
    if (!moved) return terms;
    List<IExpr> out = new ArrayList<>(terms.size());
    for (Keyed k : keyed) out.add(k.term());
    return out;
  }

  /** A term with its place in the sum and its sort keys, compared in this order. */
  private record Keyed(IExpr term, int position, int kind, int degree, int firstParameter, java.util.SortedMap<Integer, Double> exponent) {}

  private static final Comparator<Keyed> KEYED =
      Comparator.comparingInt(Keyed::kind)
          .thenComparingInt(Keyed::degree)
          .thenComparingInt(Keyed::firstParameter)
          .thenComparing((a, b) -> byExponent(a.exponent(), b.exponent()));

  /**
   * Terms already in Symja's canonical order are sorted as Symja would have sorted them, flag or
   * not: whether an equal sum carries the flag depends on how it was built (a session and a fresh
   * compile differed), and the printed order must depend on the expression alone.
   */
  private static boolean inSymjaOrder(List<IExpr> terms) {
    for (int i = 1; i < terms.size(); i++) if (terms.get(i - 1).compareTo(terms.get(i)) > 0) return false;
    return true;
  }

  /** 0 for a constant (no user symbol), 1 for a term without function calls, 2 for one with. */
  private static int kind(IExpr t) {
    if (!t.isFree(x -> x.isSymbol() && !x.isBuiltInSymbol(), false)) return hasCall(t) ? 2 : 1;
    return 0;
  }

  private static boolean hasCall(IExpr e) {
    if (Notation.isCall(e)) return true;
    if (e.isAST()) for (int i = 1; i <= e.argSize(); i++) if (hasCall(e.getAt(i))) return true;
    return false;
  }

  /**
   * The degree of a term in its user names, numerator only, β not counted (it scales every
   * term alike: {@code \beta b_1 + t}); inside calls and exponentials nothing counts.
   */
  private static int degree(IExpr t) {
    if (t.isSymbol()) return t.isBuiltInSymbol() || Notation.isBeta(t) ? 0 : 1;
    if (t.isTimes()) {
      int d = 0;
      for (IExpr f : Notation.args(t)) d += degree(f);
      return d;
    }
    if (t.isPower() && t.exponent().isInteger() && t.exponent().isPositive()) return ((org.matheclipse.core.interfaces.IInteger) t.exponent()).toIntDefault(0) * degree(t.base());
    if (t.isPlus()) {
      int d = 0;
      for (IExpr f : Notation.args(t)) d = Math.max(d, degree(f));
      return d;
    }
    return 0;
  }

  /** The lowest declaration rank of the term's names; undeclared names rank after all. */
  private int firstParameter(IExpr t) {
    int[] best = {Integer.MAX_VALUE};
    visit(t, best);
    return best[0];
  }

  private void visit(IExpr e, int[] best) {
    if (e.isSymbol()) {
      Integer r = rank.get(((ISymbol) e).getSymbolName());
      if (r != null) best[0] = Math.min(best[0], r);
    } else if (e.isAST()) {
      for (int i = 1; i <= e.argSize(); i++) visit(e.getAt(i), best);
    }
  }

  /**
   * Exponentials by decreasing exponent, compared name by name in declaration order:
   * {@code e^{3K} + 3e^{-K}}, {@code e^{8K+4h} + e^{4K+6h} + e^{4K+2h} + e^{4h}}. A term without
   * an exponential weighs as e^{0}.
   */
  private static int byExponent(java.util.SortedMap<Integer, Double> x, java.util.SortedMap<Integer, Double> y) {
    if (x.isEmpty() && y.isEmpty()) return 0;
    java.util.TreeSet<Integer> ranks = new java.util.TreeSet<>(x.keySet());
    ranks.addAll(y.keySet());
    for (int r : ranks) {
      int c = Double.compare(y.getOrDefault(r, 0.0), x.getOrDefault(r, 0.0));
      if (c != 0) return c;
    }
    return 0;
  }

  /** The exponent of the term's exponential as numeric weights by the declaration rank of each term's first name (−1 for a number). */
  private java.util.SortedMap<Integer, Double> exponent(IExpr t) {
    for (IExpr f : t.isTimes() ? Notation.args(t) : List.of(t)) {
      IExpr x = f.isPower() && f.base().isE() ? f.exponent() : f.isAST(S.Exp, 2) ? f.getAt(1) : null;
      if (x == null) continue;
      java.util.TreeMap<Integer, Double> out = new java.util.TreeMap<>();
      for (IExpr term : x.isPlus() ? Notation.args(x) : List.of(x)) {
        int r = term.isReal() ? -1 : firstParameter(term);
        double c = term.isReal() ? ((INumber) term).reDoubleValue() : term.isTimes() && term.first().isReal() ? ((INumber) term.first()).reDoubleValue() : 1;
        out.merge(r, c, Double::sum);
      }
      return out;
    }
    return java.util.Collections.emptySortedMap();
  }

  /** A sum starting with a negative term starts instead with its first positive one: {@code 1 - B^2}, not {@code -B^2 + 1}. */
  private static List<IExpr> leadPositive(List<IExpr> terms) {
    if (terms.isEmpty() || !Notation.isNegativeTerm(terms.get(0))) return terms;
    for (int i = 1; i < terms.size(); i++) {
      if (!Notation.isNegativeTerm(terms.get(i))) {
        List<IExpr> out = new ArrayList<>(terms.size());
        out.add(terms.get(i));
        for (int j = 0; j < terms.size(); j++) if (j != i) out.add(terms.get(j));
        return out;
      }
    }
    return terms;
  }
}
