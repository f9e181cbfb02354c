package energy.result;

import energy.algebra.Condition;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@code G0 = G where W[1,1] = 0, beta = 1}: G with components replaced by values (numbers or
 * expressions). Its conditions are G's at the values: those that became true are gone.
 *
 * @param args the units left (a unit given a value is gone)
 * @param rules component → its value, as lowered
 * @param parent G's value (for the check)
 */
public record Substitution(
    Query.Substitution query, List<Variable> args, List<IExpr> terms, IExpr value, Map<ISymbol, IExpr> rules, IExpr parent,
    List<Condition> conditions, Provenance from)
    implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.substitution(this);
  }

  public String name() {
    return query.result().text();
  }
}
