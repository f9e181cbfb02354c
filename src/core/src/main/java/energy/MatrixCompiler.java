package energy;

import energy.algebra.NotApplicable;
import energy.algebra.SymbolTable;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixForms;
import energy.algebra.matrix.MatrixMarginalizer;
import energy.algebra.matrix.MatrixTerms;
import energy.diag.Diagnostics;
import energy.diag.Span;
import energy.lowering.MatrixLowerer;
import energy.model.EnergyDef;
import energy.model.Model;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The pipeline for models with symbolic sizes: lower to matrix notation, then marginalize unit
 * vector by unit vector ({@link MatrixMarginalizer}). Results cost the same for any size.
 */
final class MatrixCompiler {
  private MatrixCompiler() {}

  /** What a result derives from, as in {@link Compiler}. */
  private record Derived(IExpr energy, List<Variable> args, String source, List<Variable> integrated, List<MatrixExpr> conditions) {}

  static Compilation compile(Model model, SymbolTable symbols, IExpr beta, Diagnostics diagnostics) {
    Map<String, IExpr> energies = new LinkedHashMap<>();
    for (EnergyDef e : model.energies().values()) {
      try {
        energies.put(e.name().text(), MatrixLowerer.lower(e.body(), model, symbols));
      } catch (MatrixLowerer.Unsupported u) {
        diagnostics.error(u.span(), u.getMessage(), u.hint());
      }
    }
    diagnostics.throwIfAny();
    List<MatrixResult> results = transform(model, beta, energies, diagnostics);
    diagnostics.throwIfAny();
    return new Compilation(model, symbols, beta, energies, List.of(), results);
  }

  private static List<MatrixResult> transform(Model model, IExpr beta, Map<String, IExpr> energies, Diagnostics diagnostics) {
    Set<String> units = new LinkedHashSet<>();
    for (Variable v : model.units()) units.add(v.name());
    Map<String, Derived> known = new LinkedHashMap<>();
    for (EnergyDef e : model.energies().values())
      known.put(e.name().text(), new Derived(energies.get(e.name().text()), e.args(), e.name().text(), List.of(), List.of()));
    List<MatrixResult> results = new ArrayList<>();
    for (Query q : model.queries()) {
      if (!(q instanceof Query.Marginalize) && !(q instanceof Query.Partition)) {
        diagnostics.error(q.span(), "this statement needs concrete sizes", "give every size a value, e.g. 'dim n = 3'");
        continue;
      }
      Derived from = known.get(q.energy().text());
      if (from == null) continue;
      List<Variable> over = q instanceof Query.Marginalize m ? m.over() : from.args();
      Span at = q instanceof Query.Marginalize m ? m.overNames().get(0).span().to(m.overNames().get(m.overNames().size() - 1).span()) : q.energy().span();
      List<Variable> rest = new ArrayList<>(from.args());
      rest.removeAll(over);
      try {
        IExpr h = from.energy();
        List<MatrixExpr> conditions = new ArrayList<>(from.conditions());
        for (Variable u : over) {
          if (u.rank() == 0)
            throw new NotApplicable("scalar unit '" + u.name() + "' in a model with symbolic sizes is not supported yet", "declare it as a vector of size 1, or give every size a value");
          MatrixExpr.Named vec = (MatrixExpr.Named) MatrixLowerer.matrix(u);
          MatrixMarginalizer.Result r =
              u.kind() == UnitKind.REAL
                  ? MatrixMarginalizer.integrate(h, vec, beta)
                  : MatrixMarginalizer.sum(h, vec, u.kind() == UnitKind.SPIN, beta);
          h = r.energy();
          for (MatrixExpr c : r.positiveDefinite()) if (!conditions.contains(c)) conditions.add(c);
        }
        List<MatrixExpr.Named> spins = new ArrayList<>();
        for (Variable v : rest) if (v.kind() == UnitKind.SPIN && v.rank() == 1) spins.add((MatrixExpr.Named) MatrixLowerer.matrix(v));
        h = MatrixForms.reduceSpins(h, spins);
        List<IExpr> terms = MatrixTerms.order(h, units);
        List<Variable> integrated = new ArrayList<>(from.integrated());
        integrated.addAll(over);
        results.add(new MatrixResult(q, List.copyOf(rest), terms, h, List.copyOf(conditions), from.source(), List.copyOf(integrated)));
        if (q instanceof Query.Marginalize)
          known.put(q.result().text(), new Derived(h, List.copyOf(rest), from.source(), List.copyOf(integrated), List.copyOf(conditions)));
      } catch (NotApplicable e) {
        diagnostics.error(at, e.getMessage(), e.hint());
      }
    }
    return results;
  }
}
