package energy.algebra;

import energy.model.UnitKind;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * H' with e^{−βH'(rest)} = Σ/∫ e^{−βH} over some units, exactly: real units first by
 * Gaussian integration (conditionally on the discrete ones, which may enter A and b), then
 * discrete units by summation. Every constant (free-energy) term is kept.
 */
public final class Marginalizer {
  public record Result(IExpr energy, List<Condition> conditions) {}

  private Marginalizer() {}

  public static Result marginalize(IExpr energy, List<Variable> over, SymbolTable symbols, IExpr beta) {
    return marginalize(energy, over, symbols, beta, null);
  }

  /** As {@link #marginalize(IExpr, List, SymbolTable, IExpr)}, recording each step when {@code steps} is given. */
  public static Result marginalize(IExpr energy, List<Variable> over, SymbolTable symbols, IExpr beta, energy.result.Derivation.Recorder steps) {
    List<Variable> reals = over.stream().filter(v -> v.kind() == UnitKind.REAL).toList();
    List<Variable> discrete = over.stream().filter(v -> v.kind().isDiscrete()).toList();
    IExpr h = energy;
    List<Condition> conditions = new ArrayList<>();
    if (!reals.isEmpty()) {
      GaussianIntegrator.Result g = GaussianIntegrator.integrate(h, symbols.symbols(reals), beta, steps);
      h = g.energy();
      conditions.addAll(g.conditions());
    }
    if (!discrete.isEmpty()) {
      List<ISymbol> units = symbols.symbols(discrete);
      h = DiscreteSummer.sum(h, units, kinds(discrete, units.size()), beta, steps);
    }
    return new Result(h, conditions);
  }

  /** The kind of each component, aligned with {@code symbols.symbols(vars)}. */
  public static UnitKind[] kinds(List<Variable> vars, int size) {
    UnitKind[] out = new UnitKind[size];
    int i = 0;
    for (Variable v : vars) for (int k = 0; k < v.components(); k++) out[i++] = v.kind();
    return out;
  }
}
