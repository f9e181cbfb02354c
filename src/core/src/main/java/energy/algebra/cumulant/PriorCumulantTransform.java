package energy.algebra.cumulant;

import energy.algebra.Condition;
import energy.algebra.Derived;
import energy.algebra.Marginalizer;
import energy.algebra.SymbolTable;
import energy.model.Query;
import energy.model.UnitKind;
import energy.result.PriorCumulants;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The statement {@code K4 = cumulant 4 of h in E}: κₙ of each component of the unit under its
 * prior in the energy ({@link UnitPrior}), with its cumulant generating function.
 */
public final class PriorCumulantTransform {
  private PriorCumulantTransform() {}

  public static PriorCumulants transform(Query.PriorCumulant q, Derived from, SymbolTable symbols, IExpr beta) {
    List<ISymbol> units = symbols.symbols(from.args());
    UnitKind[] kinds = Marginalizer.kinds(from.args(), units.size());
    ISymbol t = symbols.derived("t");
    List<CumulantExpansion.Cumulant> cumulants = new ArrayList<>();
    List<IExpr> cgfs = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    List<SymbolTable.Component> components = symbols.components(q.unit());
    List<CumulantExpansion.Prior> priors =
        CumulantExpansion.priors(from.energy(), units, kinds, components.stream().map(c -> units.indexOf(c.symbol())).toList(), beta);
    for (int i = 0; i < components.size(); i++) {
      SymbolTable.Component c = components.get(i);
      CumulantExpansion.Prior p = priors.get(i);
      String label = c.index().length == 1 ? String.valueOf(c.index()[0]) : c.name();
      cumulants.add(new CumulantExpansion.Cumulant(
          symbols.derived("kappa[" + q.order() + "]^(" + label + ")"), q.order(), c.symbol(), UnitPrior.cumulant(p.kind(), q.order(), p.b(), p.a())));
      cgfs.add(UnitPrior.cgf(p.kind(), p.b(), p.a(), t));
      for (Condition k : UnitPrior.conditions(p.kind(), p.a()))
        if (!conditions.contains(k)) conditions.add(k);
    }
    Condition.requireSatisfiable(conditions, beta);
    return new PriorCumulants(q, cumulants, cgfs, conditions, from.from().source());
  }
}
