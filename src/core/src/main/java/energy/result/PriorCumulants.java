package energy.result;

import energy.algebra.Condition;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.Query;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code K = cumulant 4 of h in H}: the n-th cumulant of each component of a unit under its
 * prior, with the cumulant generating function it comes from ({@code cgfs.get(i)} belongs to
 * {@code cumulants.get(i)}).
 */
public record PriorCumulants(
    Query.PriorCumulant query, List<CumulantExpansion.Cumulant> cumulants, List<IExpr> cgfs, List<Condition> conditions, String source)
    implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.priorCumulants(this);
  }

  public String name() {
    return query.result().text();
  }
}
