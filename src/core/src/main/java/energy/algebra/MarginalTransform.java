package energy.algebra;

import energy.model.Query;
import energy.model.Variable;
import energy.result.Marginal;
import energy.result.PartitionFunction;
import energy.result.Provenance;
import energy.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The statements {@code H1 = marginalize H over y} and {@code Z = partition H} in components:
 * the units summed or integrated out ({@link Marginalizer}), the rest in canonical order.
 */
public final class MarginalTransform {
  private MarginalTransform() {}

  /** A {@link Marginal}, or for a partition statement a {@link PartitionFunction} (every unit summed out). */
  public static Result transform(Query q, Derived from, SymbolTable symbols, IExpr beta) {
    List<Variable> over = q instanceof Query.Marginalize m ? m.over() : from.args();
    List<Variable> rest = new ArrayList<>(from.args());
    rest.removeAll(over);
    energy.result.Derivation.Recorder steps = new energy.result.Derivation.Recorder();
    Marginalizer.Result m = Marginalizer.marginalize(from.energy(), over, symbols, beta, steps);
    List<ISymbol> restSymbols = symbols.symbols(rest);
    List<IExpr> terms = new Canonicalizer(restSymbols, Marginalizer.kinds(rest, restSymbols.size())).terms(m.energy());
    IExpr value = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
    List<Variable> integrated = new ArrayList<>(from.from().integrated());
    integrated.addAll(over);
    Provenance provenance = new Provenance(from.from().source(), integrated);
    if (q instanceof Query.Partition p)
      return new PartitionFunction(p, energy.algebra.PartitionFunction.fromFreeEnergy(terms, beta), terms, value, m.conditions(), provenance, steps.derivation());
    return new Marginal((Query.Marginalize) q, List.copyOf(rest), terms, value, m.conditions(), provenance, steps.derivation());
  }
}
