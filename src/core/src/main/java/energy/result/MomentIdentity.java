package energy.result;

import energy.model.Query;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code K4 = cumulant 4 in moments of x}: κₙ in raw moments (or μₙ in cumulants).
 *
 * @param lhs the cumulant or moment written on the left
 * @param terms the right side, highest moment first
 */
public record MomentIdentity(Query.MomentIdentity query, IExpr lhs, List<IExpr> terms, IExpr value) implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.momentIdentity(this);
  }

  public String name() {
    return query.result().text();
  }
}
