package energy;

import energy.algebra.Condition;
import energy.model.Query;
import energy.model.Variable;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * One computed result of a .energy file.
 *
 * @param args the units the result depends on (none for a partition function)
 * @param terms the energy H' (for a partition statement, the free energy −β⁻¹ ln Z) as
 *     canonical ordered terms, unevaluated, for printing
 * @param value the same energy as one evaluated Symja expression
 * @param partition Z, for a partition statement; null otherwise
 * @param source the declared energy this result derives from
 * @param integrated all units summed or integrated out of {@code source} to get here
 */
public record Result(
    Query query,
    List<Variable> args,
    List<IExpr> terms,
    IExpr value,
    List<Condition> conditions,
    IExpr partition,
    String source,
    List<Variable> integrated) {

  public String name() {
    return query.result().text();
  }

  public boolean isPartition() {
    return partition != null;
  }
}
