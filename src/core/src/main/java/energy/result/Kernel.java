package energy.result;

import energy.model.Query;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code T = kernel(S | v) = …}: an RG kernel T(S|v) and its trace Σ_S e^{T}.
 *
 * @param terms T as canonical ordered terms
 * @param trace Σ_S e^{T}; identically 1 when the kernel is normalized
 */
public record Kernel(Query.Kernel query, List<IExpr> terms, IExpr value, IExpr trace) implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.kernel(this);
  }

  public String name() {
    return query.result().text();
  }

  public boolean normalized() {
    return trace.isOne();
  }
}
