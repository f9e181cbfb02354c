package energy;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
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
 * @param couplings for a couplings statement, the coefficients c_S of H = Σ_S c_S Π_{i∈S} uᵢ
 *     over the result's units (by position in {@code args}' components); null otherwise
 * @param cumulants for an expansion, the cumulants κₙ⁽ʲ⁾ it is written in; empty otherwise
 * @param exact for an expansion, the marginal it approximates (its {@code value}); for a kernel
 *     T(S|v), its trace Σ_S e^{T} (1 when it is normalized); null otherwise
 */
public record Result(
    Query query,
    List<Variable> args,
    List<IExpr> terms,
    IExpr value,
    List<Condition> conditions,
    IExpr partition,
    String source,
    List<Variable> integrated,
    List<CouplingExtractor.Coefficient> couplings,
    List<CumulantExpansion.Cumulant> cumulants,
    IExpr exact) {

  public Result(
      Query query,
      List<Variable> args,
      List<IExpr> terms,
      IExpr value,
      List<Condition> conditions,
      IExpr partition,
      String source,
      List<Variable> integrated,
      List<CouplingExtractor.Coefficient> couplings) {
    this(query, args, terms, value, conditions, partition, source, integrated, couplings, List.of(), null);
  }

  public boolean isExpansion() {
    return query instanceof Query.Expand;
  }

  public boolean isKernel() {
    return query instanceof Query.Kernel;
  }

  public String name() {
    return query.result().text();
  }

  public boolean isPartition() {
    return partition != null;
  }

  public boolean isCouplings() {
    return couplings != null;
  }
}
