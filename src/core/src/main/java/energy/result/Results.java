package energy.result;

import energy.Compilation;
import energy.model.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A bridge while the compiler moves to the sealed results: the results of a compilation, in
 * statement order, as records of {@link Result}. The one-pipeline change makes {@code
 * Compilation} hold this list itself and removes this class.
 */
public final class Results {
  private Results() {}

  public static List<Result> of(Compilation c) {
    record At(int offset, Result result) {}
    List<At> all = new ArrayList<>();
    for (energy.Result r : c.results()) all.add(new At(r.query().span().start(), of(r)));
    for (energy.MatrixResult r : c.matrixResults())
      all.add(new At(r.query().span().start(), new MatrixMarginal(r.query(), r.args(), r.terms(), r.value(), r.positiveDefinite(),
          new Provenance(r.source(), r.integrated()))));
    for (energy.LatticeResult r : c.latticeResults())
      all.add(new At(r.step().span().start(), new RgStep(r.step(), Optional.ofNullable(r.blocks()), r.recursion(), Optional.ofNullable(r.flow()))));
    all.sort(Comparator.comparingInt(At::offset));
    return all.stream().map(At::result).toList();
  }

  private static Result of(energy.Result r) {
    Provenance from = new Provenance(r.source() == null ? "" : r.source(), r.integrated());
    Query query = r.query();
    if (query instanceof Query.Marginalize q) return new Marginal(q, r.args(), r.terms(), r.value(), r.conditions(), from);
    if (query instanceof Query.Partition q) return new PartitionFunction(q, r.partition(), r.terms(), r.value(), r.conditions(), from);
    if (query instanceof Query.Couplings q) return new Couplings(q, r.args(), r.value(), r.couplings(), from);
    if (query instanceof Query.Expand q)
      return r.couplings() != null
          ? new ExpandedCouplings(q, r.args(), r.value(), r.couplings(), r.cumulants(), r.exact(), r.conditions(), from)
          : new Expansion(q, r.args(), r.terms(), r.value(), r.cumulants(), r.exact(), r.conditions(), from);
    if (query instanceof Query.PriorCumulant q) return new PriorCumulants(q, r.cumulants(), r.terms(), r.conditions(), r.source());
    if (query instanceof Query.MomentIdentity q)
      return new MomentIdentity(q, energy.algebra.cumulant.MomentIdentities.lhs(q), r.terms(), r.value());
    return new Kernel((Query.Kernel) query, r.terms(), r.value(), r.exact());
  }
}
