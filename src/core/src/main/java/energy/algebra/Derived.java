package energy.algebra;

import energy.algebra.matrix.MatrixExpr;
import energy.model.Variable;
import energy.result.Provenance;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An energy a statement may name: a declared energy, lowered, or one a statement derived
 * (a marginal, an expansion). The transforms read it; the pipeline keeps them by name.
 *
 * @param energy the energy, in components or (a model with symbolic sizes) in matrix notation
 * @param args the units it depends on
 * @param from the declared energy it derives from and what was summed out to get here
 * @param parent for a marginal, the energy it was summed from; null otherwise
 * @param over for a marginal, the units summed out of {@code parent}; empty otherwise
 * @param positiveDefinite in matrix notation, the matrices that must be positive definite for it
 */
public record Derived(IExpr energy, List<Variable> args, Provenance from, Derived parent, List<Variable> over, List<MatrixExpr> positiveDefinite) {
  public Derived {
    args = List.copyOf(args);
    over = List.copyOf(over);
    positiveDefinite = List.copyOf(positiveDefinite);
  }

  /** A declared energy, as lowered. */
  public static Derived declared(String name, IExpr energy, List<Variable> args) {
    return new Derived(energy, args, new Provenance(name, List.of()), null, List.of(), List.of());
  }
}
