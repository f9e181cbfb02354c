package energy.result;

import energy.algebra.matrix.MatrixExpr;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A marginal of a model with symbolic sizes ({@code dim n}), in matrix notation.
 *
 * @param terms constants, then forms by degree, then sums over units; each a scalar whose matrix
 *     parts are atoms of {@code MatrixScalars}
 * @param positiveDefinite matrices that must be positive definite for the result to hold
 * @param steps how it was obtained, unit vector by unit vector, shown on request ({@code --steps})
 */
public record MatrixMarginal(
    Query query, List<Variable> args, List<IExpr> terms, IExpr value, List<MatrixExpr> positiveDefinite, Provenance from, Derivation steps)
    implements Result {
  /** Without derivation steps. */
  public MatrixMarginal(Query query, List<Variable> args, List<IExpr> terms, IExpr value, List<MatrixExpr> positiveDefinite, Provenance from) {
    this(query, args, terms, value, positiveDefinite, from, Derivation.NONE);
  }

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.matrixMarginal(this);
  }

  public String name() {
    return query.result().text();
  }
}
