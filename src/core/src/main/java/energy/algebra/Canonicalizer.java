package energy.algebra;

import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Writes an energy in canonical order for printing: the constant first, then polynomial
 * terms by the units they contain (fields, then pairs, then higher), in declaration order,
 * then terms with units inside functions (ln 2cosh …). Discrete units are reduced to
 * multilinear form, coefficients collected and simplified, and linear forms inside
 * functions ordered the same way. The terms are left unevaluated so that Symja's own
 * ordering cannot move them; their sum equals the input.
 */
public final class Canonicalizer {
  private final List<ISymbol> units;
  private final UnitKind[] kinds;

  public Canonicalizer(List<ISymbol> units, UnitKind[] kinds) {
    this.units = units;
    this.kinds = kinds;
  }

  public List<IExpr> terms(IExpr energy) {
    Expansion x = Expansion.of(energy, units, kinds);
    List<IExpr> out = new ArrayList<>();
    IExpr constant = Symja.eval(x.coefficient(x.constantMonomial()));
    out.addAll(constantTerms(constant));
    List<Map.Entry<Expansion.Monomial, IExpr>> monomials = new ArrayList<>(x.polynomial.entrySet());
    monomials.removeIf(e -> e.getKey().degree() == 0);
    monomials.sort(Comparator.comparing(e -> e.getKey(), Canonicalizer::compareMonomials));
    for (Map.Entry<Expansion.Monomial, IExpr> e : monomials) {
      IExpr c = coefficient(e.getValue());
      if (c.isZero()) continue;
      IExpr m = DiscreteSummer.monomial(e.getKey(), units);
      out.add(times(c, m));
    }
    List<IExpr> other = new ArrayList<>();
    for (IExpr t : x.other) other.add(function(t));
    other.sort(Comparator.comparingInt(this::firstUnit));
    out.addAll(other);
    if (out.isEmpty()) out.add(F.C0);
    return out;
  }

  /** A coefficient times a monomial, with a leading −1 pulled in front of a negated sum. */
  private static IExpr times(IExpr c, IExpr m) {
    if (c.isOne()) return m;
    if (c.isMinusOne()) return F.Times(F.CN1, m);
    if (c.isTimes() && c.first().isNumber()) {
      List<IExpr> f = new ArrayList<>(Symja.args(c));
      f.add(m);
      return F.Times(f.toArray(new IExpr[0]));
    }
    return F.Times(c, m);
  }

  /**
   * Simplifies a coefficient: fractions collected over their denominators, a common rational
   * factor pulled out (½(1 − B²)), a sum of negative terms written −(…).
   */
  static IExpr coefficient(IExpr c) {
    IExpr e = Fractions.collect(c);
    if (e.isPlus()) {
      boolean allNegative = true;
      for (IExpr term : Symja.args(e)) allNegative &= DiscreteSummer.firstNegative(term);
      if (allNegative) {
        IExpr positive = Symja.eval(F.Negate(e));
        IExpr common = Symja.together(positive);
        // −½(W₁₁² + W₁₂²) rather than −(½W₁₁² + ½W₁₂²)
        if (common.isTimes() && common.first().isRational() && !common.first().isInteger() && common.argSize() == 2 && common.second().isPlus())
          return Symja.unsortedProduct(List.of(Symja.eval(F.Negate(common.first())), common.second()));
        return F.Times(F.CN1, positive);
      }
      IExpr common = Symja.together(e);
      if (common.isTimes() && common.first().isRational() && !common.first().isInteger()) return common;
    }
    return e;
  }

  private static boolean hasSum(IExpr e) {
    if (e.isPlus()) return true;
    for (IExpr a : Symja.args(e)) if (hasSum(a)) return true;
    return false;
  }

  /** The constant split into its logarithms (kept apart, as a physicist reads them) and the rest. */
  private List<IExpr> constantTerms(IExpr constant) {
    if (constant.isZero()) return List.of();
    List<IExpr> logs = new ArrayList<>();
    List<IExpr> rest = new ArrayList<>();
    for (IExpr t : Symja.terms(constant)) (hasLog(t) ? logs : rest).add(t);
    // ln(β/2π) before ln det A: fewer symbols first.
    logs.sort(Comparator.comparingInt(Canonicalizer::symbolCount));
    List<IExpr> out = new ArrayList<>(logs);
    if (!rest.isEmpty()) {
      IExpr r = coefficient(F.Plus(rest.toArray(new IExpr[0])));
      if (!r.isZero()) out.add(r);
    }
    return out;
  }

  private static int symbolCount(IExpr e) {
    java.util.Set<IExpr> seen = new java.util.HashSet<>();
    collectSymbols(e, seen);
    return seen.size();
  }

  private static void collectSymbols(IExpr e, java.util.Set<IExpr> seen) {
    if (e.isSymbol() && !e.isBuiltInSymbol()) seen.add(e);
    for (IExpr a : Symja.args(e)) collectSymbols(a, seen);
  }

  private static boolean hasLog(IExpr e) {
    if (e.isAST() && e.head().equals(F.Log)) return true;
    for (IExpr a : Symja.args(e)) if (hasLog(a)) return true;
    return false;
  }

  /** Rewrites sums inside functions (arguments of ln, cosh, exponents) in canonical order. */
  private IExpr function(IExpr e) {
    if (!e.isAST() || e.isAST(S.HoldForm, 2)) return e;
    if (e.isPlus() && mentionsUnit(e)) {
      List<IExpr> inner = terms(e);
      return inner.size() == 1 ? inner.get(0) : F.Plus(inner.toArray(new IExpr[0]));
    }
    IExpr[] args = new IExpr[e.argSize()];
    for (int i = 1; i <= e.argSize(); i++) args[i - 1] = function(e.getAt(i));
    return F.ast(args, e.head());
  }

  private boolean mentionsUnit(IExpr e) {
    return !Expansion.freeOf(e, new java.util.HashSet<>(units));
  }

  private int firstUnit(IExpr e) {
    for (int i = 0; i < units.size(); i++) if (DiscreteSummer.contains(e, units.get(i))) return i;
    return units.size();
  }

  /** Fewer distinct units first, then by the positions of the units, then by degree. */
  private static int compareMonomials(Expansion.Monomial a, Expansion.Monomial b) {
    int na = distinct(a), nb = distinct(b);
    if (na != nb) return Integer.compare(na, nb);
    int[] x = a.exponents(), y = b.exponents();
    for (int i = 0; i < x.length; i++) {
      boolean inA = x[i] > 0, inB = y[i] > 0;
      if (inA != inB) return inA ? -1 : 1;
    }
    return Integer.compare(a.degree(), b.degree());
  }

  private static int distinct(Expansion.Monomial m) {
    int n = 0;
    for (int e : m.exponents()) if (e > 0) n++;
    return n;
  }
}
