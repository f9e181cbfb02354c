package energy.pipeline;

import energy.Progress;
import energy.algebra.CouplingsTransform;
import energy.algebra.Derived;
import energy.algebra.KernelTransform;
import energy.algebra.MarginalTransform;
import energy.algebra.NotApplicable;
import energy.algebra.cumulant.ExpandTransform;
import energy.algebra.cumulant.MomentIdentityTransform;
import energy.algebra.cumulant.PriorCumulantTransform;
import energy.algebra.matrix.MatrixMarginalTransform;
import energy.diag.Diagnostics;
import energy.diag.Span;
import energy.model.LatticeModel;
import energy.model.Query;
import energy.model.Variable;
import energy.result.Coefficient;
import energy.result.Couplings;
import energy.result.Derivative;
import energy.result.Evaluation;
import energy.result.Substitution;
import energy.result.Verification;
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
import energy.rg.Lattice;
import energy.rg.ReducedHamiltonian;
import energy.rg.RgStepTransform;
import energy.rg.flow.FlowTransform;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The transform pass: each new statement, in order, by the transform of its kind, which lives
 * with its algebra (algebra, algebra/cumulant, algebra/matrix in a model with symbolic sizes,
 * rg for lattice steps and flows). An error is reported at its statement and the others go on;
 * a statement that names an energy whose statement failed is skipped (reported there).
 */
final class Transform {
  private Transform() {}

  /** Where a statement (a {@link Query}, an RG step or a flow) starts in its text. */
  static int start(Object statement) {
    if (statement instanceof Query q) return q.span().start();
    if (statement instanceof LatticeModel.Step s) return s.span().start();
    return ((LatticeModel.Flow) statement).span().start();
  }

  static void statements(Workspace w, List<Object> statements, Diagnostics diagnostics) {
    int n = 0;
    for (Object s : statements) {
      Progress.stage("compiling " + name(s) + " (statement " + ++n + " of " + statements.size() + ")");
      if (s instanceof Query q) query(q, w, diagnostics);
      else if (s instanceof LatticeModel.Step step) step(step, w, diagnostics);
      else flow((LatticeModel.Flow) s, w);
    }
  }

  private static String name(Object statement) {
    if (statement instanceof Query q) return q.result().text();
    if (statement instanceof LatticeModel.Step s) return s.result().text();
    return "the flow of " + ((LatticeModel.Flow) statement).step().text();
  }

  private static void query(Query q, Workspace w, Diagnostics diagnostics) {
    boolean marginal = q instanceof Query.Marginalize || q instanceof Query.Partition;
    if (w.model.isSymbolic() && !marginal) {
      diagnostics.error(q.span(), "this statement needs concrete sizes", "give every size a value, e.g. 'dim n = 3'");
      return;
    }
    Derived from = null;
    if (!(q instanceof Query.Kernel || q instanceof Query.MomentIdentity || q instanceof Query.OnTarget)) {
      from = w.derived.get(q.energy().text());
      if (from == null || NonFinite.in(from.energy()) || NonFinite.complex(from.energy())) return; // reported at the statement that made it
    }
    Result r;
    try {
      r = transform(q, from, w);
    } catch (NotApplicable e) {
      diagnostics.error(at(q), e.getMessage(), e.hint());
      return;
    } catch (Queries.Positioned e) {
      diagnostics.error(e.span, e.getMessage(), e.hint);
      return;
    }
    w.transformed++;
    Derived made = r.accept(new Made(from));
    if (made != null) w.derived.put(q.result().text(), made);
    if (!NonFinite.finite(r)) {
      diagnostics.error(q.span(), NonFinite.MESSAGE + ": the result contains ∞ or an indeterminate form", NonFinite.HINT);
      return;
    }
    if (!NonFinite.real(r)) {
      diagnostics.error(q.span(), NonFinite.NOT_REAL + ": the result has an imaginary part", NonFinite.NOT_REAL_HINT);
      return;
    }
    w.results.add(Simplify.result(r, w));
    w.touched.add(r.name());
  }

  /** The transform for the statement's kind. */
  private static Result transform(Query q, Derived from, Workspace w) {
    if (q instanceof Query.Kernel k) return KernelTransform.transform(k, w.model, w.symbols);
    if (q instanceof Query.OnTarget t) return Queries.transform(t, w);
    if (q instanceof Query.MomentIdentity m) return MomentIdentityTransform.transform(m);
    if (w.model.isSymbolic()) {
      Set<String> units = new LinkedHashSet<>();
      for (Variable v : w.model.units()) units.add(v.name());
      return MatrixMarginalTransform.transform(q, from, units, w.beta);
    }
    if (q instanceof Query.PriorCumulant p) return PriorCumulantTransform.transform(p, from, w.symbols, w.beta);
    if (q instanceof Query.Expand x) return ExpandTransform.transform(x, from, w.symbols, w.beta, w.options.substitute());
    if (q instanceof Query.Couplings c) return CouplingsTransform.transform(c, from, w.symbols);
    return MarginalTransform.transform(q, from, w.symbols, w.beta);
  }

  /** Where a statement's error points: the units of a marginal, the energy of a partition function, else the statement. */
  private static Span at(Query q) {
    if (q instanceof Query.Marginalize m) return m.overNames().get(0).span().to(m.overNames().get(m.overNames().size() - 1).span());
    if (q instanceof Query.Partition) return q.energy().span();
    return q.span();
  }

  /** The energy a result gives later statements to name (a marginal, an expansion), or null. */
  private record Made(Derived from) implements Result.Visitor<Derived> {
    public Derived marginal(Marginal r) {
      return new Derived(r.value(), r.args(), r.from(), from, r.query().over(), List.of());
    }

    public Derived partitionFunction(PartitionFunction r) {
      return null; // a number, not an energy to marginalize further
    }

    public Derived couplings(Couplings r) {
      return null;
    }

    public Derived expansion(Expansion r) {
      return new Derived(r.value(), r.args(), r.from(), null, List.of(), List.of());
    }

    public Derived expandedCouplings(ExpandedCouplings r) {
      return new Derived(r.value(), r.args(), r.from(), null, List.of(), List.of());
    }

    public Derived priorCumulants(PriorCumulants r) {
      return null;
    }

    public Derived momentIdentity(MomentIdentity r) {
      return null;
    }

    public Derived kernel(Kernel r) {
      return null;
    }

    public Derived matrixMarginal(MatrixMarginal r) {
      if (!(r.query() instanceof Query.Marginalize m)) return null;
      return new Derived(r.value(), r.args(), r.from(), from, m.over(), r.positiveDefinite());
    }

    public Derived rgStep(RgStep r) {
      return null;
    }

    // The queries' results are not energies to marginalize or expand: their checks start from the declared energy.
    public Derived coefficient(Coefficient r) {
      return null;
    }

    public Derived substitution(Substitution r) {
      return null;
    }

    public Derived derivative(Derivative r) {
      return null;
    }

    public Derived evaluation(Evaluation r) {
      return null;
    }

    public Derived verification(Verification r) {
      return null;
    }
  }

  private static void step(LatticeModel.Step s, Workspace w, Diagnostics diagnostics) {
    ReducedHamiltonian k0 = w.reduced.get(s.energy().text());
    if (k0 == null) return;
    try {
      RgStep r = RgStepTransform.transform(s, w.model.lattice(), k0);
      w.transformed++;
      w.results.add(Simplify.result(r, w));
      w.touched.add(r.name());
    } catch (NotApplicable e) {
      diagnostics.error(s.span(), e.getMessage(), e.hint());
    }
  }

  /** A flow completes its step's result (once, however often it is asked for). */
  private static void flow(LatticeModel.Flow f, Workspace w) {
    for (int i = w.results.size() - 1; i >= 0; i--)
      if (w.results.get(i) instanceof RgStep step && step.name().equals(f.step().text())) {
        if (step.flow().isEmpty()) {
          w.results.set(i, FlowTransform.transform(step, Lattice.Kind.valueOf(w.model.lattice().kind().name())));
          w.transformed++;
        }
        if (!w.touched.contains(step.name())) w.touched.add(step.name());
        return;
      }
  }
}
