package energy.result;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An expansion over discrete visible units, written as its couplings (every function of spins
 * or binary units is a multilinear polynomial, so the couplings are the whole result).
 *
 * @param value the expansion evaluated
 * @param exact the marginal it approximates
 * @param steps how it was obtained, shown on request ({@code --steps})
 */
public record ExpandedCouplings(
    Query.Expand query,
    List<Variable> args,
    IExpr value,
    List<CouplingExtractor.Coefficient> couplings,
    List<CumulantExpansion.Cumulant> cumulants,
    IExpr exact,
    List<Condition> conditions,
    Provenance from, Derivation steps)
    implements Result {
  /** Without derivation steps. */
  public ExpandedCouplings(Query.Expand query,
    List<Variable> args,
    IExpr value,
    List<CouplingExtractor.Coefficient> couplings,
    List<CumulantExpansion.Cumulant> cumulants,
    IExpr exact,
    List<Condition> conditions,
    Provenance from) {
    this(query, args, value, couplings, cumulants, exact, conditions, from, Derivation.NONE);
  }

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.expandedCouplings(this);
  }

  public String name() {
    return query.result().text();
  }
}
