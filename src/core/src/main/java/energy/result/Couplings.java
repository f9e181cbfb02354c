package energy.result;

import energy.algebra.CouplingExtractor;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code C = couplings of G}: the coefficients c_S of G = Σ_S c_S Π_{i∈S} uᵢ.
 *
 * @param args the units, whose components the coefficients index by position
 * @param energy the energy the couplings are read from
 */
public record Couplings(
    Query.Couplings query, List<Variable> args, IExpr energy, List<CouplingExtractor.Coefficient> couplings, Provenance from)
    implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.couplings(this);
  }

  public String name() {
    return query.result().text();
  }
}
