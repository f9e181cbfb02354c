package energy;

import energy.algebra.matrix.MatrixExpr;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * One result of a model with symbolic sizes, in matrix notation.
 *
 * @param args the units the result depends on
 * @param terms the energy H' as ordered terms (constants, then forms by degree, then sums over
 *     units), each a Symja scalar whose matrix parts are atoms of {@code MatrixScalars}
 * @param value the sum of the terms, evaluated
 * @param positiveDefinite matrices that must be positive definite (M ≻ 0) for the result to hold
 * @param source the declared energy this result derives from
 * @param integrated all units summed or integrated out of {@code source} to get here
 */
public record MatrixResult(
    Query query,
    List<Variable> args,
    List<IExpr> terms,
    IExpr value,
    List<MatrixExpr> positiveDefinite,
    String source,
    List<Variable> integrated) {

  public String name() {
    return query.result().text();
  }
}
