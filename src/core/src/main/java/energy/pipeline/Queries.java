package energy.pipeline;

import energy.Compilation;
import energy.algebra.QueryTransform;
import energy.algebra.QueryTransform.Target;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.diag.Span;
import energy.model.Query;
import energy.model.Stmt;
import energy.result.Coefficient;
import energy.result.Couplings;
import energy.result.Derivative;
import energy.result.Evaluation;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Provenance;
import energy.result.Result;
import energy.result.RgStep;
import energy.result.Substitution;
import energy.result.Verification;
import energy.verify.Checker;
import energy.verify.Evaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The query statements on a named result or energy: coefficient, where and derivative by their
 * algebra ({@link QueryTransform}); {@code at} by the {@link Evaluator} of {@code ./energy eval};
 * {@code check} by the {@link Checker} of {@code ./energy check}, run when the statement runs.
 */
final class Queries {
  /** As the REPL's and the command line's checks of one result. */
  static final int SAMPLES = 10;
  static final long SEED = 1;

  private Queries() {}

  /** A mistake found only when the query runs, at a position of its own. */
  static final class Positioned extends RuntimeException {
    final Span span;
    final String hint;

    Positioned(Span span, String message, String hint) {
      super(message, null, false, false);
      this.span = span;
      this.hint = hint;
    }
  }

  static Result transform(Query.OnTarget q, Workspace w) {
    if (q instanceof Query.Evaluation e) return evaluation(e, w);
    if (q instanceof Query.Check c) return verification(c, w);
    Target t = target(q, w);
    if (q instanceof Query.Coefficient c) return QueryTransform.coefficient(c, t, w.symbols);
    if (q instanceof Query.Substitution s) return QueryTransform.substitution(s, t, w.model, w.symbols);
    return QueryTransform.derivative((Query.Derivative) q, t, w.symbols);
  }

  /** The last result named so, else the declared energy. */
  private static Result result(String name, Workspace w) {
    Result found = null;
    for (Result r : w.results) if (r.name().equals(name)) found = r;
    return found;
  }

  /** What the algebraic queries read from the result or energy they name. */
  private static Target target(Query.OnTarget q, Workspace w) {
    String name = q.target().text();
    Result r = result(name, w);
    Target t = r != null ? r.accept(TARGETS) : null;
    if (t == null && r == null && w.energies.containsKey(name))
      t = new Target(w.energies.get(name), w.model.energies().get(name).args(), List.of(), new Provenance(name, List.of()));
    if (t != null) t = new Target(Symja.eval(energy.numeric.NumericFunction.released(t.value())), t.args(), t.conditions(), t.from());
    if (t == null)
      throw new Positioned(q.target().span(), "'" + name + "' is " + (r == null ? "not a result or an energy" : "a result without one value to take apart"),
          "coefficient, where and derivative apply to energies, marginals, partition functions (their free energy), expansions and their own results");
    return t;
  }

  private static final Result.Visitor<Target> TARGETS =
      new Result.Visitor<>() {
        public Target marginal(Marginal r) {
          return new Target(r.value(), r.args(), r.conditions(), r.from());
        }

        public Target partitionFunction(PartitionFunction r) {
          return new Target(r.freeEnergy(), List.of(), r.conditions(), r.from());
        }

        public Target couplings(Couplings r) {
          return new Target(r.energy(), r.args(), List.of(), r.from());
        }

        public Target expansion(Expansion r) {
          return new Target(closed(r.value(), r.cumulants()), r.args(), r.conditions(), r.from());
        }

        public Target expandedCouplings(ExpandedCouplings r) {
          return new Target(closed(r.value(), r.cumulants()), r.args(), r.conditions(), r.from());
        }

        public Target priorCumulants(PriorCumulants r) {
          return null;
        }

        public Target momentIdentity(MomentIdentity r) {
          return null;
        }

        public Target kernel(Kernel r) {
          return null;
        }

        public Target matrixMarginal(MatrixMarginal r) {
          return null;
        }

        public Target rgStep(RgStep r) {
          return null;
        }

        public Target coefficient(Coefficient r) {
          return new Target(r.value(), List.of(), r.conditions(), r.from());
        }

        public Target substitution(Substitution r) {
          return new Target(r.value(), r.args(), r.conditions(), r.from());
        }

        public Target derivative(Derivative r) {
          return new Target(r.value(), r.args(), r.conditions(), r.from());
        }

        public Target evaluation(Evaluation r) {
          return null;
        }

        public Target verification(Verification r) {
          return null;
        }
      };

  /** An expansion's value with its cumulants κₙ⁽ʲ⁾ in closed form: a function of the parameters. */
  private static IExpr closed(IExpr value, List<CumulantExpansion.Cumulant> cumulants) {
    if (cumulants == null || cumulants.isEmpty()) return value;
    Map<IExpr, IExpr> rules = new HashMap<>();
    for (CumulantExpansion.Cumulant k : cumulants) rules.put(k.symbol(), k.value());
    return Symja.eval(value.replaceAll(x -> rules.containsKey(x) ? rules.get(x) : org.matheclipse.core.expression.F.NIL).orElse(value));
  }

  /** The lines {@code ./energy eval} prints, with its validation; its messages name the statement's values. */
  private static Evaluation evaluation(Query.Evaluation q, Workspace w) {
    List<String> items = new ArrayList<>();
    for (Stmt.AtItem i : q.values()) items.add(i.component().text() + "=" + i.value());
    Compilation c = w.compilation();
    try {
      Map<String, Double> given = Evaluator.parse(items);
      List<Evaluator.Line> lines = new Evaluator(c).evaluate(q.target().text(), given);
      List<Evaluation.Line> out = new ArrayList<>();
      for (Evaluator.Line l : lines) out.add(new Evaluation.Line(l.label(), l.value()));
      Map<ISymbol, Double> values = new LinkedHashMap<>();
      for (Map.Entry<String, Double> g : given.entrySet()) values.put(w.symbols.component(g.getKey()).symbol(), g.getValue());
      IExpr quantity = null;
      int line = -1;
      Result r = result(q.target().text(), w);
      Target t = r != null ? r.accept(TARGETS) : w.energies.containsKey(q.target().text()) ? new Target(w.energies.get(q.target().text()), List.of(), List.of(), null) : null;
      if (t != null) {
        line = r instanceof PartitionFunction ? 1 : 0;
        if (line < out.size() && (line == 1 || out.get(0).label().equals(q.target().text()))) quantity = t.value();
        else line = -1;
      }
      return new Evaluation(q, given, out, quantity, line, values);
    } catch (Evaluator.Failure f) {
      Span at = q.values().isEmpty() ? q.span() : q.values().get(0).span().to(q.values().get(q.values().size() - 1).span());
      for (Stmt.AtItem i : q.values())
        if (f.getMessage().startsWith("unknown name '" + i.component().text() + "'") || f.getMessage().startsWith(i.component().text() + " ")) at = i.span();
      throw new Positioned(at,
          f.getMessage().replace(" in --at", "").replace("give them with --at NAME=VALUE", "give them after 'at', e.g. beta=1"),
          "'" + q.target().text() + " at NAME=VALUE …' takes the values ./energy eval takes after --at");
    }
  }

  /** The result checked as {@code ./energy check} checks it; a failure is an error at the statement. */
  private static Verification verification(Query.Check q, Workspace w) {
    Result r = result(q.target().text(), w);
    if (r == null)
      throw new Positioned(q.target().span(), "'" + q.target().text() + "' is not a result", "check names a result computed before it");
    Compilation one = new Compilation(w.model, w.symbols, w.beta, new LinkedHashMap<>(w.energies), List.of(r));
    List<Verification.Line> lines = new ArrayList<>();
    for (Checker.Report report : Checker.check(one, SAMPLES, SEED)) {
      if (!report.passed())
        throw new Positioned(q.span(), "check of " + report.name() + " failed: " + report.measure() + ", largest error " + Evaluator.format(worst(report)),
            "the result disagrees with its independent numerical route; please report this with the file");
      lines.add(new Verification.Line(report.name(), report.measure(), worst(report), report.samples(), report.skipped()));
    }
    return new Verification(q, lines);
  }

  private static double worst(Checker.Report r) {
    double e = r.weightError();
    if (r.correlatorError() > e) e = r.correlatorError();
    if (r.couplingError() > e) e = r.couplingError();
    return e;
  }
}
