package energy;

import energy.algebra.Canonicalizer;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.cumulant.MomentIdentities;
import energy.algebra.CouplingExtractor;
import energy.algebra.Marginalizer;
import energy.algebra.NotApplicable;
import energy.algebra.PartitionFunction;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.check.Resolver;
import energy.diag.Diagnostics;
import energy.diag.Source;
import energy.diag.Span;
import energy.lowering.Lowerer;
import energy.model.EnergyDef;
import energy.model.Model;
import energy.model.Program;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.syntax.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The pipeline, one line per stage: parse → check → lower → transform. Each stage reports
 * every error it finds; the next stage runs only if there were none.
 */
public final class Compiler {
  private Compiler() {}

  /** @param substitute write every expansion's cumulants in closed form, as if each said 'substituted' */
  public record Options(boolean substitute) {
    public static final Options DEFAULT = new Options(false);
  }

  public static Compilation compile(Source source) {
    return compile(source, Map.of(), Options.DEFAULT);
  }

  public static Compilation compile(Source source, Options options) {
    return compile(source, Map.of(), options);
  }

  /** Compiles with values for symbolic sizes ({@code dim n}), e.g. to instantiate a symbolic model. */
  public static Compilation compile(Source source, Map<String, Integer> sizes) {
    return compile(source, sizes, Options.DEFAULT);
  }

  public static Compilation compile(Source source, Map<String, Integer> sizes, Options options) {
    Diagnostics diagnostics = new Diagnostics();
    Progress.stage("parsing " + source.path());
    Program program = Parser.parse(source, diagnostics);
    diagnostics.throwIfAny();
    Progress.stage("checking names and sizes in " + source.path());
    Model model = Resolver.resolve(program, diagnostics, sizes);
    diagnostics.throwIfAny();
    SymbolTable symbols = new SymbolTable(model.variables().values());
    IExpr beta = model.temperature() == null ? F.C1 : symbols.symbol(model.temperature());
    if (model.isSymbolic()) {
      Progress.stage("compiling " + source.path() + " in matrix form");
      return MatrixCompiler.compile(model, symbols, beta, diagnostics);
    }
    Map<String, IExpr> energies = new LinkedHashMap<>();
    for (EnergyDef e : model.energies().values()) {
      Progress.stage("lowering the energy " + e.name().text());
      IExpr lowered = Lowerer.lower(e.body(), model, symbols);
      if (NonFinite.in(lowered)) diagnostics.error(e.body().span(), NonFinite.MESSAGE + ": it contains ∞ or an indeterminate form", NonFinite.HINT);
      energies.put(e.name().text(), lowered);
    }
    diagnostics.throwIfAny();
    List<Result> results = transform(model, symbols, beta, energies, options, diagnostics);
    results = NonFinite.refuse(results, diagnostics);
    diagnostics.throwIfAny();
    Progress.stage("compiling the lattice statements of " + source.path());
    List<LatticeResult> lattice = LatticeCompiler.compile(model, symbols, diagnostics);
    return new Compilation(model, symbols, beta, energies, results, List.of(), lattice);
  }

  private static Result couplings(Query.Couplings q, Derived from, SymbolTable symbols) {
    List<ISymbol> units = symbols.symbols(from.args());
    UnitKind[] kinds = Marginalizer.kinds(from.args(), units.size());
    int order = q.upTo() == null ? units.size() : q.upTo();
    List<CouplingExtractor.Coefficient> c = CouplingExtractor.extract(from.energy(), units, kinds, order);
    return new Result(q, from.args(), List.of(), from.energy(), List.of(), null, from.source(), from.integrated(), c);
  }

  /**
   * What a result derives from: its energy, its units, and what was integrated so far; for a
   * marginal, also the energy it was summed from ({@code parent}) and the units summed out.
   */
  private record Derived(
      IExpr energy, List<Variable> args, String source, List<Variable> integrated, Derived parent, List<Variable> over) {
    Derived(IExpr energy, List<Variable> args, String source, List<Variable> integrated) {
      this(energy, args, source, integrated, null, List.of());
    }
  }

  /**
   * A kernel T(S|v) and its trace Σ_S e^{T}, summed like any marginal (−ln Σ_S e^{T} is the
   * marginal of −T over S at β = 1) and simplified over the visible units' domains.
   */
  private static Result kernel(Query.Kernel k, Model model, SymbolTable symbols) {
    IExpr t = Lowerer.lower(k.body(), model, symbols);
    List<Variable> args = new ArrayList<>(k.hidden());
    args.addAll(k.visible());
    List<ISymbol> all = symbols.symbols(args), visible = symbols.symbols(k.visible());
    List<IExpr> terms = new Canonicalizer(all, Marginalizer.kinds(args, all.size())).terms(t);
    Marginalizer.Result m = Marginalizer.marginalize(F.Negate(t), k.hidden(), symbols, F.C1);
    IExpr logTrace = Symja.eval(F.Negate(F.Plus(new Canonicalizer(visible, Marginalizer.kinds(k.visible(), visible.size())).terms(m.energy()).toArray(new IExpr[0]))));
    // Arguments expanded first: cosh(λv₁ + λv₂)·sech(λ(v₁ + v₂)) is 1 only once they agree.
    IExpr trace = Symja.eval(F.Simplify(F.ExpandAll(F.Exp(logTrace))));
    return new Result(k, List.copyOf(args), terms, t, List.of(), null, null, List.of(), null, List.of(), trace);
  }

  /**
   * κₙ of each component of a unit under its prior in the energy, and its cumulant generating
   * function: {@code cumulants} holds the κₙ⁽ʲ⁾, {@code terms} the K⁽ʲ⁾(t), in the same order.
   */
  private static Result priorCumulant(Query.PriorCumulant q, Derived from, SymbolTable symbols, IExpr beta) {
    List<ISymbol> units = symbols.symbols(from.args());
    UnitKind[] kinds = Marginalizer.kinds(from.args(), units.size());
    ISymbol t = symbols.derived("t");
    List<CumulantExpansion.Cumulant> cumulants = new ArrayList<>();
    List<IExpr> cgfs = new ArrayList<>();
    List<energy.algebra.Condition> conditions = new ArrayList<>();
    List<SymbolTable.Component> components = symbols.components(q.unit());
    List<CumulantExpansion.Prior> priors =
        CumulantExpansion.priors(from.energy(), units, kinds, components.stream().map(c -> units.indexOf(c.symbol())).toList(), beta);
    for (int i = 0; i < components.size(); i++) {
      SymbolTable.Component c = components.get(i);
      CumulantExpansion.Prior p = priors.get(i);
      String label = c.index().length == 1 ? String.valueOf(c.index()[0]) : c.name();
      cumulants.add(new CumulantExpansion.Cumulant(
          symbols.derived("kappa[" + q.order() + "]^(" + label + ")"), q.order(), c.symbol(),
          energy.algebra.cumulant.UnitPrior.cumulant(p.kind(), q.order(), p.b(), p.a())));
      cgfs.add(energy.algebra.cumulant.UnitPrior.cgf(p.kind(), p.b(), p.a(), t));
      for (energy.algebra.Condition k : energy.algebra.cumulant.UnitPrior.conditions(p.kind(), p.a()))
        if (!conditions.contains(k)) conditions.add(k);
    }
    requireSatisfiable(conditions, beta);
    return new Result(q, List.of(q.unit()), cgfs, cumulants.get(0).value(), conditions, null, from.source(), List.of(), null, cumulants, null);
  }

  /** A condition no real parameter values satisfy (β·(−c²) > 0) makes the result meaningless: an error, not a footnote. */
  private static void requireSatisfiable(List<energy.algebra.Condition> conditions, IExpr beta) {
    java.util.Set<ISymbol> positive = beta.isSymbol() ? java.util.Set.of((ISymbol) beta) : java.util.Set.of();
    for (energy.algebra.Condition k : conditions)
      if (k.unsatisfiable(positive))
        throw new NotApplicable(
            "no real values of the parameters satisfy " + new energy.print.TextPrinter().print(k.relation()) + ", the condition that " + k.reason(),
            "a negated square such as -c^2 is never positive");
  }

  private static Result expand(Query.Expand q, Derived from, SymbolTable symbols, IExpr beta, boolean substitute) {
    List<ISymbol> visible = symbols.symbols(from.args()), hidden = symbols.symbols(from.over());
    java.util.Set<ISymbol> small = new java.util.HashSet<>(symbols.symbols(q.small()));
    // κₙ⁽ʲ⁾ with j the index when the hidden units are one vector, else the unit's name.
    boolean oneVector = from.over().size() == 1 && from.over().get(0).shape().size() == 1;
    CumulantExpansion.Expanded x =
        CumulantExpansion.expand(
            from.parent().energy(),
            visible,
            Marginalizer.kinds(from.args(), visible.size()),
            hidden,
            Marginalizer.kinds(from.over(), hidden.size()),
            small,
            q.order(),
            beta,
            (n, j) -> {
              SymbolTable.Component c = symbols.component(hidden.get(j));
              String unit = oneVector ? String.valueOf(c.index()[0]) : c.name();
              return symbols.derived("kappa[" + n + "]^(" + unit + ")");
            },
            q.substituted() || substitute);
    // Over discrete units the couplings are the result; otherwise the energy, in canonical order.
    List<IExpr> terms =
        x.couplings() != null
            ? List.of()
            : new Canonicalizer(visible, Marginalizer.kinds(from.args(), visible.size())).terms(Symja.eval(x.value()));
    requireSatisfiable(x.conditions(), beta);
    List<Variable> integrated = from.integrated();
    return new Result(
        q, from.args(), terms, x.value(), x.conditions(), null, from.source(), integrated, x.couplings(), x.cumulants(), from.energy());
  }

  private static List<Result> transform(
      Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, Options options, Diagnostics diagnostics) {
    Map<String, Derived> known = new LinkedHashMap<>();
    for (EnergyDef e : model.energies().values())
      known.put(e.name().text(), new Derived(energies.get(e.name().text()), e.args(), e.name().text(), List.of()));
    List<Result> results = new ArrayList<>();
    int statement = 0;
    for (Query q : model.queries()) {
      Progress.stage("compiling " + q.result().text() + " (statement " + ++statement + " of " + model.queries().size() + ")");
      if (q instanceof Query.Kernel k) {
        results.add(kernel(k, model, symbols));
        continue;
      }
      if (q instanceof Query.MomentIdentity m) {
        IExpr rhs = MomentIdentities.rhs(m);
        // Highest moment first, as in κ₄ = μ₄ − 4μ₃μ₁ − …: Symja's order reversed.
        List<IExpr> terms = new ArrayList<>(Symja.terms(rhs));
        java.util.Collections.reverse(terms);
        results.add(new Result(q, List.of(), terms, rhs, List.of(), null, null, List.of(), null));
        continue;
      }
      Derived from = known.get(q.energy().text());
      if (from == null) continue; // an earlier statement it depends on failed
      if (NonFinite.in(from.energy())) continue; // reported at the statement that made it
      if (q instanceof Query.PriorCumulant pq) {
        try {
          results.add(priorCumulant(pq, from, symbols, beta));
        } catch (NotApplicable e) {
          diagnostics.error(q.span(), e.getMessage(), e.hint());
        }
        continue;
      }
      if (q instanceof Query.Expand xq) {
        try {
          Result r = expand(xq, from, symbols, beta, options.substitute());
          results.add(r);
          known.put(q.result().text(), new Derived(r.value(), r.args(), from.source(), from.integrated()));
        } catch (NotApplicable e) {
          diagnostics.error(q.span(), e.getMessage(), e.hint());
        }
        continue;
      }
      if (q instanceof Query.Couplings cq) {
        try {
          results.add(couplings(cq, from, symbols));
        } catch (NotApplicable e) {
          diagnostics.error(q.span(), e.getMessage(), e.hint());
        }
        continue;
      }
      List<Variable> over = q instanceof Query.Marginalize m ? m.over() : from.args();
      List<Variable> rest = new ArrayList<>(from.args());
      rest.removeAll(over);
      try {
        Marginalizer.Result m = Marginalizer.marginalize(from.energy(), over, symbols, beta);
        List<ISymbol> restSymbols = symbols.symbols(rest);
        List<IExpr> terms =
            new Canonicalizer(restSymbols, Marginalizer.kinds(rest, restSymbols.size())).terms(m.energy());
        IExpr value = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
        List<Variable> integrated = new ArrayList<>(from.integrated());
        integrated.addAll(over);
        IExpr z = q instanceof Query.Partition ? PartitionFunction.fromFreeEnergy(terms, beta) : null;
        results.add(new Result(q, List.copyOf(rest), terms, value, m.conditions(), z, from.source(), List.copyOf(integrated), null));
        if (q instanceof Query.Marginalize) // a partition function is not an energy to marginalize further
          known.put(q.result().text(), new Derived(value, List.copyOf(rest), from.source(), List.copyOf(integrated), from, List.copyOf(over)));
      } catch (NotApplicable e) {
        Span at = q instanceof Query.Marginalize m ? m.overNames().get(0).span().to(m.overNames().get(m.overNames().size() - 1).span()) : q.energy().span();
        diagnostics.error(at, e.getMessage(), e.hint());
      }
    }
    return results;
  }
}
