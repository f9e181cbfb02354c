package energy.output;

import energy.Compilation;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.Query;
import energy.model.Variable;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A component-form result seen the way these documents were written before the sealed results:
 * every field at once, unused ones empty or null. It goes with the documents when the
 * presentation model replaces them.
 *
 * @param terms the energy (free energy, kernel, identity's right side) as terms; for prior cumulants the K(t)
 * @param partition Z of a partition function
 * @param source the declared energy it derives from, null for identities and kernels
 * @param exact an expansion's marginal, a kernel's trace
 */
record Flat(
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

  String name() {
    return query.result().text();
  }

  boolean isPartition() {
    return partition != null;
  }

  boolean isExpansion() {
    return query instanceof Query.Expand;
  }

  boolean isCouplings() {
    return couplings != null;
  }

  /** The component-form results of a compilation, in statement order (matrix results and RG steps have documents of their own). */
  static List<Flat> of(Compilation c) {
    List<Flat> out = new ArrayList<>();
    for (Result r : c.results()) {
      Flat f = r.accept(VIEW);
      if (f != null) out.add(f);
    }
    return out;
  }

  private static final Result.Visitor<Flat> VIEW =
      new Result.Visitor<>() {
        public Flat marginal(Marginal r) {
          return new Flat(r.query(), r.args(), r.terms(), r.value(), r.conditions(), null, r.from().source(), r.from().integrated(), null, List.of(), null);
        }

        public Flat partitionFunction(PartitionFunction r) {
          return new Flat(r.query(), List.of(), r.freeEnergyTerms(), r.freeEnergy(), r.conditions(), r.z(), r.from().source(), r.from().integrated(), null, List.of(), null);
        }

        public Flat couplings(Couplings r) {
          return new Flat(r.query(), r.args(), List.of(), r.energy(), List.of(), null, r.from().source(), r.from().integrated(), r.couplings(), List.of(), null);
        }

        public Flat expansion(Expansion r) {
          return new Flat(r.query(), r.args(), r.terms(), r.value(), r.conditions(), null, r.from().source(), r.from().integrated(), null, r.cumulants(), r.exact());
        }

        public Flat expandedCouplings(ExpandedCouplings r) {
          return new Flat(r.query(), r.args(), List.of(), r.value(), r.conditions(), null, r.from().source(), r.from().integrated(), r.couplings(), r.cumulants(), r.exact());
        }

        public Flat priorCumulants(PriorCumulants r) {
          return new Flat(r.query(), List.of(r.query().unit()), r.cgfs(), r.cumulants().get(0).value(), r.conditions(), null, r.source(), List.of(), null, r.cumulants(), null);
        }

        public Flat momentIdentity(MomentIdentity r) {
          return new Flat(r.query(), List.of(), r.terms(), r.value(), List.of(), null, null, List.of(), null, List.of(), null);
        }

        public Flat kernel(Kernel r) {
          List<Variable> args = new ArrayList<>(r.query().hidden());
          args.addAll(r.query().visible());
          return new Flat(r.query(), args, r.terms(), r.value(), List.of(), null, null, List.of(), null, List.of(), r.trace());
        }

        public Flat matrixMarginal(MatrixMarginal r) {
          return null;
        }

        public Flat rgStep(RgStep r) {
          return null;
        }
      };
}
