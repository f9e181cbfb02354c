package energy.algebra;

import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A side condition under which a result holds, e.g. {@code 1 - B[1,1]^2 > 0} for a
 * Gaussian integral to converge; {@code relation} is a Symja {@code Greater} expression.
 */
public record Condition(IExpr relation, String reason) {

  /**
   * Whether no real values of the symbols satisfy {@code x > 0}: x is shown ≤ 0 everywhere by
   * signs alone (a negative constant times squares, a negated square, sums of such), as written,
   * expanded or factored. Sound, not complete: false means "not shown", never "satisfiable
   * shown"; a satisfiable condition is never reported. {@code positive} are symbols known to be
   * positive (β).
   */
  public static boolean neverPositive(IExpr x, Set<ISymbol> positive) {
    if (sign(x, positive) <= 0) return true;
    IExpr expanded = Symja.expand(x);
    if (sign(expanded, positive) <= 0) return true;
    // Factoring finds −(c − g)², which no term-by-term reading sees; small polynomials only.
    if (expanded.leafCount() > 200) return false;
    IExpr variables = Symja.eval(F.Variables(expanded));
    if (!variables.isList() || !expanded.isPolynomial((org.matheclipse.core.interfaces.IAST) variables)) return false;
    return sign(Symja.eval(F.Factor(expanded)), positive) <= 0;
  }

  /**
   * Refuses a result whose conditions no real parameter values satisfy (β·(−c²) > 0): such a
   * result is meaningless, an error rather than a footnote.
   */
  public static void requireSatisfiable(java.util.List<Condition> conditions, IExpr beta) {
    Set<ISymbol> positive = beta.isSymbol() ? Set.of((ISymbol) beta) : Set.of();
    for (Condition k : conditions)
      if (k.unsatisfiable(positive))
        throw new NotApplicable(
            "no real values of the parameters satisfy " + new energy.print.TextPrinter().print(k.relation()) + ", the condition that " + k.reason(),
            "a negated square such as -c^2 is never positive");
  }

  /** Whether this condition, {@code x > 0}, holds for no real values of its symbols. */
  public boolean unsatisfiable(Set<ISymbol> positive) {
    return relation.isAST(S.Greater, 3) && relation.getAt(2).isZero() && neverPositive(relation.getAt(1), positive);
  }

  /**
   * Whether {@code other}, b > 0, implies this condition, a > 0, because a − b ≥ 0 for all real
   * values: a − b expands to zero or to a sum of terms each a positive number times even powers
   * of symbols (1 − B₁₁² > 0 follows from 1 − B₁₁² − B₂₁² > 0). Sound, not complete: false
   * means "not shown".
   */
  public boolean impliedBy(Condition other) {
    IExpr a = positiveSide(relation), b = positiveSide(other.relation);
    if (a == null || b == null) return false;
    IExpr difference = Symja.expand(F.Subtract(a, b));
    if (difference.isZero()) return true;
    for (IExpr t : Symja.terms(difference)) if (!isEvenMonomial(t)) return false;
    return true;
  }

  /**
   * The conditions without those another shown one implies ({@link #impliedBy}):
   * Sylvester's 1 − B₁₁² > 0 goes when 1 − B₁₁² − B₂₁² > 0 is shown. Of equal ones the first stays.
   */
  public static java.util.List<Condition> withoutImplied(java.util.List<Condition> conditions) {
    java.util.List<Condition> out = new java.util.ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      boolean implied = false;
      for (int j = 0; j < conditions.size() && !implied; j++) {
        if (j == i || !conditions.get(i).impliedBy(conditions.get(j))) continue;
        // Two that imply each other are equal: only the later one goes.
        implied = j < i || !conditions.get(j).impliedBy(conditions.get(i));
      }
      if (!implied) out.add(conditions.get(i));
    }
    return out;
  }

  /** x of {@code x > 0}, else null. */
  private static IExpr positiveSide(IExpr relation) {
    return relation.isAST(S.Greater, 3) && relation.getAt(2).isZero() ? relation.getAt(1) : null;
  }

  /** A positive number times even positive integer powers of symbols: never negative. */
  private static boolean isEvenMonomial(IExpr t) {
    for (IExpr f : Symja.factors(t)) {
      if (f.isNumber()) {
        if (!f.isReal() || !f.isPositive()) return false;
      } else if (!(f.isPower() && f.base().isSymbol() && f.exponent() instanceof org.matheclipse.core.interfaces.IInteger n && n.isEven() && n.isPositive())) {
        return false;
      }
    }
    return true;
  }

  /** −1: provably ≤ 0; 1: provably ≥ 0; 0: provably zero; 2: unknown. */
  private static int sign(IExpr e, Set<ISymbol> positive) {
    if (e.isNumber()) return !e.isReal() ? 2 : e.isZero() ? 0 : e.isNegative() ? -1 : 1;
    if (e.isSymbol()) return positive.contains(e) || e == S.Pi || e == S.E ? 1 : 2;
    if (e.isPower()) {
      IExpr n = e.exponent();
      if (n instanceof org.matheclipse.core.interfaces.IInteger i && i.isEven()) return 1;
      int b = sign(e.base(), positive);
      if (n.isInteger()) return b == 0 && n.isNegative() ? 2 : b;
      return b == 1 ? 1 : 2; // a non-integer power of a nonnegative base
    }
    if (e.isAST(S.Exp, 2) || e.isAST(S.Cosh, 2) || e.isAST(S.Abs, 2)) return 1;
    if (e.isTimes()) {
      int out = 1;
      for (IExpr f : Symja.factors(e)) {
        int s = sign(f, positive);
        if (s == 2) return 2;
        if (s == 0) return 0;
        out *= s;
      }
      return out;
    }
    if (e.isPlus()) {
      boolean nonneg = true, nonpos = true;
      for (IExpr t : Symja.terms(e)) {
        int s = sign(t, positive);
        if (s == 2) return 2;
        nonneg &= s >= 0;
        nonpos &= s <= 0;
      }
      return nonpos ? (nonneg ? 0 : -1) : nonneg ? 1 : 2;
    }
    return 2;
  }
}
