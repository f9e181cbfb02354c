package energy.algebra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Σᵢ cᵢ ln qᵢ with cᵢ = ±c written c ln(Π q₊ / Π q₋), as a physicist writes a renormalized
 * coupling: ⅛ ln(cosh a cosh b / (cosh c cosh d)) rather than eight logarithms. Numeric
 * factors of the qᵢ are cancelled between numerator and denominator and what remains is
 * kept as a separate c ln r. Terms that are not a coefficient times one logarithm are left
 * as they are. Valid for positive qᵢ (ln a + ln b = ln ab), which holds for the partition
 * sums this is used on.
 */
public final class LogCombiner {
  private LogCombiner() {}

  public static IExpr combine(IExpr sum) {
    IExpr e = Symja.expand(sum);
    // coefficient (normalized to a positive leading sign) → [numerator factors, denominator factors]
    Map<IExpr, List<List<IExpr>>> groups = new LinkedHashMap<>();
    Map<IExpr, IExpr> original = new LinkedHashMap<>(); // a lone logarithm stays as written
    List<IExpr> rest = new ArrayList<>();
    for (IExpr t : Symja.terms(e)) {
      IExpr log = null;
      List<IExpr> coefficient = new ArrayList<>();
      for (IExpr f : Symja.factors(t)) {
        if (log == null && f.isLog()) log = f.first();
        else coefficient.add(f);
      }
      if (log == null) {
        rest.add(t);
        continue;
      }
      IExpr c = coefficient.isEmpty() ? F.C1 : Symja.eval(F.Times(coefficient.toArray(new IExpr[0])));
      boolean negative = DiscreteSummer.firstNegative(c);
      IExpr key = negative ? Symja.eval(F.Negate(c)) : c;
      List<List<IExpr>> g = groups.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>()));
      g.get(negative ? 1 : 0).add(log);
      original.put(key, t);
    }
    List<IExpr> out = new ArrayList<>(rest);
    for (Map.Entry<IExpr, List<List<IExpr>>> g : groups.entrySet()) {
      IExpr c = g.getKey();
      if (g.getValue().get(0).size() + g.getValue().get(1).size() == 1) {
        out.add(original.get(c));
        continue;
      }
      List<IExpr> num = new ArrayList<>(), den = new ArrayList<>();
      IExpr ratio = F.C1;
      for (IExpr q : g.getValue().get(0)) ratio = split(q, num, ratio, false);
      for (IExpr q : g.getValue().get(1)) ratio = split(q, den, ratio, true);
      for (IExpr q : new ArrayList<>(num)) if (den.remove(q)) num.remove(q);
      ratio = Symja.eval(ratio);
      if (!ratio.isOne()) {
        // c ln r with r < 1 reads better as −c ln(1/r)
        boolean invert = ratio.isNumber() && ratio.lessThan(F.C1).isTrue();
        out.add(Symja.eval(F.Times(invert ? F.Negate(c) : c, F.Log(invert ? F.Power(ratio, F.CN1) : ratio))));
      }
      if (num.isEmpty() && den.isEmpty()) continue;
      if (num.isEmpty()) { // c ln(1/Π q) = −c ln Π q
        num = den;
        den = List.of();
        c = Symja.eval(F.Negate(c));
      }
      IExpr top = num.size() == 1 ? num.get(0) : Symja.unsortedProduct(num);
      IExpr arg = den.isEmpty() ? top : F.Times(top, F.Power(den.size() == 1 ? den.get(0) : Symja.unsortedProduct(den), F.CN1));
      out.add(c.isOne() ? F.Log(arg) : times(c, F.Log(arg)));
    }
    if (out.isEmpty()) return F.C0;
    return out.size() == 1 ? out.get(0) : Symja.unsortedSum(out);
  }

  /** c·x without evaluating x (Symja would turn 1/cosh into sech and split the logarithm). */
  static IExpr times(IExpr c, IExpr x) {
    List<IExpr> f = new ArrayList<>(Symja.factors(c));
    f.add(x);
    return Symja.unsortedProduct(f);
  }

  /** −e without evaluating e: signs of sums' terms and numeric coefficients flipped. */
  public static IExpr negate(IExpr e) {
    if (e.isPlus()) {
      List<IExpr> out = new ArrayList<>();
      for (IExpr t : Symja.args(e)) out.add(negate(t));
      return Symja.unsortedSum(out);
    }
    if (e.isNumber()) return Symja.eval(F.Negate(e));
    List<IExpr> f = new ArrayList<>(Symja.factors(e));
    if (f.get(0).isNumber()) f.set(0, Symja.eval(F.Negate(f.get(0))));
    else f.add(0, F.CN1);
    if (f.size() > 1 && f.get(0).isOne()) f.remove(0);
    return f.size() == 1 ? f.get(0) : Symja.unsortedProduct(f);
  }

  /** Adds q's symbolic factors to {@code into}; its numeric factor multiplies (or divides) the ratio. */
  private static IExpr split(IExpr q, List<IExpr> into, IExpr ratio, boolean divide) {
    List<IExpr> symbolic = new ArrayList<>();
    IExpr number = F.C1;
    for (IExpr f : Symja.factors(q)) {
      if (f.isNumber()) number = F.Times(number, f);
      else symbolic.add(f);
    }
    if (!symbolic.isEmpty()) into.add(symbolic.size() == 1 ? symbolic.get(0) : Symja.unsortedProduct(symbolic));
    return divide ? F.Divide(ratio, number) : F.Times(ratio, number);
  }
}
