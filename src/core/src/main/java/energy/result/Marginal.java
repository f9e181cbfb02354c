package energy.result;

import energy.algebra.Condition;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code H1 = marginalize H over y}: the marginal energy H₁ of the remaining units.
 *
 * @param args the units it depends on
 * @param terms the energy as canonical ordered terms, unevaluated, for printing
 * @param value the same energy as one evaluated expression
 * @param conditions what must hold for it (a Gaussian's curvature positive, …)
 * @param steps how it was obtained, shown on request ({@code --steps})
 */
public record Marginal(
    Query.Marginalize query, List<Variable> args, List<IExpr> terms, IExpr value, List<Condition> conditions, Provenance from, Derivation steps)
    implements Result {
  /** Without derivation steps. */
  public Marginal(Query.Marginalize query, List<Variable> args, List<IExpr> terms, IExpr value, List<Condition> conditions, Provenance from) {
    this(query, args, terms, value, conditions, from, Derivation.NONE);
  }

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.marginal(this);
  }

  public String name() {
    return query.result().text();
  }
}
