package energy.algebra.matrix;

import energy.algebra.Derived;
import energy.algebra.NotApplicable;
import energy.lowering.MatrixLowerer;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.result.Derivation;
import energy.result.MatrixMarginal;
import energy.result.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code marginalize} and {@code partition} in a model with symbolic sizes: unit vector by unit
 * vector ({@link MatrixMarginalizer}), in matrix notation, at the same cost for any size.
 */
public final class MatrixMarginalTransform {
  private MatrixMarginalTransform() {}

  /** @param units the names of the model's units, in declaration order (the order of terms) */
  public static MatrixMarginal transform(Query q, Derived from, Set<String> units, IExpr beta) {
    List<Variable> over = q instanceof Query.Marginalize m ? m.over() : from.args();
    List<Variable> rest = new ArrayList<>(from.args());
    rest.removeAll(over);
    IExpr h = from.energy();
    List<MatrixExpr> conditions = new ArrayList<>(from.positiveDefinite());
    Derivation.Recorder steps = new Derivation.Recorder();
    for (Variable u : over) {
      if (u.rank() == 0)
        throw new NotApplicable("scalar unit '" + u.name() + "' in a model with symbolic sizes is not supported yet", "declare it as a vector of size 1, or give every size a value");
      MatrixExpr.Named vec = (MatrixExpr.Named) MatrixLowerer.matrix(u);
      MatrixMarginalizer.Result r =
          u.kind() == UnitKind.REAL ? MatrixMarginalizer.integrate(h, vec, beta) : MatrixMarginalizer.sum(h, vec, u.kind() == UnitKind.SPIN, beta);
      h = r.energy();
      steps.add(r.step());
      for (MatrixExpr c : r.positiveDefinite()) if (!conditions.contains(c)) conditions.add(c);
    }
    List<MatrixExpr.Named> spins = new ArrayList<>();
    for (Variable v : rest) if (v.kind() == UnitKind.SPIN && v.rank() == 1) spins.add((MatrixExpr.Named) MatrixLowerer.matrix(v));
    h = MatrixForms.reduceSpins(h, spins);
    List<IExpr> terms = MatrixTerms.order(h, units);
    List<Variable> integrated = new ArrayList<>(from.from().integrated());
    integrated.addAll(over);
    return new MatrixMarginal(q, List.copyOf(rest), terms, h, List.copyOf(conditions), new Provenance(from.from().source(), integrated), steps.derivation());
  }
}
