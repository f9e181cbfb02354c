package energy.algebra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Collects a sum of fractions over their denominators without general rational
 * simplification. Symja's Together cancels GCDs of large polynomials, which is slow (seconds
 * for the DBM's couplings); the sums we build share a few denominators (det A), so grouping
 * numerators by denominator is exact and fast.
 */
public final class Fractions {
  private Fractions() {}

  public static IExpr collect(IExpr sum) {
    Map<IExpr, List<IExpr>> byDenominator = new LinkedHashMap<>();
    for (IExpr t : Symja.terms(Symja.eval(sum))) {
      IExpr den = Symja.eval(F.Denominator(t));
      IExpr num = Symja.eval(F.Numerator(t));
      if (den.isNumber()) {
        num = t;
        den = F.C1;
      } else if (den.isTimes() && den.first().isNumber()) { // 2·D: the 2 belongs to the numerator
        num = Symja.eval(F.Divide(num, den.first()));
        den = Symja.eval(F.Divide(den, den.first()));
      }
      byDenominator.computeIfAbsent(den, k -> new ArrayList<>()).add(num);
    }
    List<IExpr> out = new ArrayList<>();
    for (Map.Entry<IExpr, List<IExpr>> e : byDenominator.entrySet()) {
      IExpr num = Symja.expand(F.Plus(e.getValue().toArray(new IExpr[0])));
      if (num.isZero()) continue;
      out.add(e.getKey().isOne() ? num : fraction(num, e.getKey()));
    }
    if (out.isEmpty()) return F.C0;
    return out.size() == 1 ? out.get(0) : Symja.eval(F.Plus(out.toArray(new IExpr[0])));
  }

  /**
   * num/den with the denominator's numeric content moved to a rational prefactor and its sign
   * chosen so that its first term is positive (1 − B², not −1 + B²).
   */
  static IExpr fraction(IExpr num, IExpr den) {
    IExpr d = Symja.expand(den);
    IExpr n = num;
    if (DiscreteSummer.firstNegative(canonicalFirst(d))) {
      d = Symja.expand(F.Negate(d));
      n = Symja.expand(F.Negate(n));
    }
    IExpr content = Symja.eval(F.Divide(contentOf(n), contentOf(d)));
    IExpr nPrim = Symja.expand(F.Divide(n, contentOf(n)));
    IExpr dPrim = Symja.expand(F.Divide(d, contentOf(d)));
    if (DiscreteSummer.firstNegative(nPrim)) {
      content = Symja.eval(F.Negate(content));
      nPrim = Symja.expand(F.Negate(nPrim));
    }
    List<IExpr> factors = new ArrayList<>();
    if (!content.isOne()) factors.add(content);
    if (!nPrim.isOne()) factors.add(nPrim);
    factors.add(F.Power(dPrim, F.CN1));
    return factors.size() == 1 ? factors.get(0) : F.Times(factors.toArray(new IExpr[0]));
  }

  /** The sum with its constant term first, as the printer shows it. */
  private static IExpr canonicalFirst(IExpr d) {
    for (IExpr t : Symja.terms(d)) if (t.isNumber()) return t;
    return d;
  }

  /** The positive rational gcd of the numeric coefficients of a polynomial's terms. */
  private static IExpr contentOf(IExpr p) {
    IExpr g = null;
    for (IExpr t : Symja.terms(p)) {
      IExpr c = t.isNumber() ? t : t.isTimes() && t.first().isNumber() ? t.first() : F.C1;
      c = Symja.eval(F.Abs(c));
      g = g == null ? c : Symja.eval(F.GCD(g, c));
    }
    return g == null || g.isZero() ? F.C1 : g;
  }
}
