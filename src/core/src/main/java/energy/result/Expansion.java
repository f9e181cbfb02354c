package energy.result;

import energy.algebra.Condition;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code G = expand H over h to order 2 in W}: the cumulant expansion of a marginal, as an energy
 * of real (or mixed) visible units.
 *
 * @param terms the expansion as canonical ordered terms
 * @param value the expansion evaluated, in the cumulants κₙ⁽ʲ⁾ (or with them substituted)
 * @param cumulants the cumulants it is written in, with their closed forms
 * @param exact the marginal it approximates
 * @param steps how it was obtained, shown on request ({@code --steps})
 */
public record Expansion(
    Query.Expand query,
    List<Variable> args,
    List<IExpr> terms,
    IExpr value,
    List<CumulantExpansion.Cumulant> cumulants,
    IExpr exact,
    List<Condition> conditions,
    Provenance from, Derivation steps)
    implements Result {
  /** Without derivation steps. */
  public Expansion(Query.Expand query,
    List<Variable> args,
    List<IExpr> terms,
    IExpr value,
    List<CumulantExpansion.Cumulant> cumulants,
    IExpr exact,
    List<Condition> conditions,
    Provenance from) {
    this(query, args, terms, value, cumulants, exact, conditions, from, Derivation.NONE);
  }

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.expansion(this);
  }

  public String name() {
    return query.result().text();
  }
}
