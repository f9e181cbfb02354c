package energy.result;

import energy.algebra.Condition;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@code M = derivative F by a[1], a[2]}: ∂ⁿF/∂a₁∂a₂…, in the order written; G's conditions hold.
 *
 * @param by the components, as symbols
 * @param parent F's value (for the check)
 */
public record Derivative(
    Query.Derivative query, List<Variable> args, List<ISymbol> by, List<IExpr> terms, IExpr value, IExpr parent, List<Condition> conditions,
    Provenance from)
    implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.derivative(this);
  }

  public String name() {
    return query.result().text();
  }
}
