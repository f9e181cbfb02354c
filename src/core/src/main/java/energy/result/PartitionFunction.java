package energy.result;

import energy.algebra.Condition;
import energy.model.Query;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code Z = partition H}: the partition function and the free energy F = −β⁻¹ ln Z.
 *
 * @param freeEnergyTerms F as canonical ordered terms, for printing
 * @param freeEnergy F evaluated
 * @param steps how it was obtained, shown on request ({@code --steps})
 */
public record PartitionFunction(
    Query.Partition query, IExpr z, List<IExpr> freeEnergyTerms, IExpr freeEnergy, List<Condition> conditions, Provenance from, Derivation steps)
    implements Result {
  /** Without derivation steps. */
  public PartitionFunction(Query.Partition query, IExpr z, List<IExpr> freeEnergyTerms, IExpr freeEnergy, List<Condition> conditions, Provenance from) {
    this(query, z, freeEnergyTerms, freeEnergy, conditions, from, Derivation.NONE);
  }

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.partitionFunction(this);
  }

  public String name() {
    return query.result().text();
  }
}
