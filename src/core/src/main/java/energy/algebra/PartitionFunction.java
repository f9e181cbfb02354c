package energy.algebra;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Z = e^{−βF} written as a product, from the free energy F = −β⁻¹ ln Z given as a sum of
 * terms: a term with βt = r ln q (r rational) becomes the factor q^{−r}, e.g.
 * −β⁻¹ ln(2 cosh x) → 2 cosh x and (1/2β) ln(β/2π) → √(2π/β); the other terms are
 * collected in one exponential, written first: Z = e^{−c}(2e^{J} + 2e^{−J}).
 */
public final class PartitionFunction {
  private PartitionFunction() {}

  public static IExpr fromFreeEnergy(List<IExpr> terms, IExpr beta) {
    // Factors with the same power are merged: √(2π/β)·√(1/c) → √(2π/(βc)).
    java.util.Map<IExpr, List<IExpr>> byPower = new java.util.LinkedHashMap<>();
    List<IExpr> exponent = new ArrayList<>();
    for (IExpr t : terms) {
      IExpr bt = Symja.eval(F.Times(beta, t));
      IExpr r = null, q = null;
      if (bt.isLog()) {
        r = F.C1;
        q = bt.first();
      } else if (bt.isTimes() && bt.argSize() == 2 && bt.first().isRational() && bt.second().isLog()) {
        r = bt.first();
        q = bt.second().first();
      }
      if (r == null) {
        exponent.add(Symja.eval(F.Negate(bt)));
        continue;
      }
      IExpr power = Symja.eval(F.Negate(r));
      if (power.isNegative()) { // q^{-r} with -r < 0: write (1/q)^{r}
        q = Symja.together(F.Power(q, F.CN1));
        power = r;
      }
      byPower.computeIfAbsent(power, k -> new ArrayList<>()).add(q);
    }
    List<IExpr> factors = new ArrayList<>();
    for (java.util.Map.Entry<IExpr, List<IExpr>> e : byPower.entrySet()) {
      IExpr q = e.getValue().size() == 1 ? e.getValue().get(0) : Symja.together(F.Times(e.getValue().toArray(new IExpr[0])));
      IExpr power = e.getKey();
      factors.add(power.isOne() ? q : power.equals(F.C1D2) ? F.Sqrt(q) : F.Power(q, power));
    }
    if (!exponent.isEmpty()) {
      IExpr x = Symja.eval(F.Plus(exponent.toArray(new IExpr[0])));
      if (!x.isZero()) factors.add(0, F.Exp(x)); // e^{−βE₀} in front, as a physicist writes Z
    }
    return factors.isEmpty() ? F.C1 : factors.size() == 1 ? factors.get(0) : F.Times(factors.toArray(new IExpr[0]));
  }
}
