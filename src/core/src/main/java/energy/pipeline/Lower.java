package energy.pipeline;

import energy.Progress;
import energy.algebra.Derived;
import energy.diag.Diagnostics;
import energy.lowering.LatticeLowerer;
import energy.lowering.Lowerer;
import energy.lowering.MatrixLowerer;
import energy.model.EnergyDef;
import energy.model.LatticeModel;
import energy.rg.ReducedHamiltonian;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The lower pass: each new energy declaration to the form its transforms take: in components
 * ({@link Lowerer}), in matrix notation when the model has symbolic sizes ({@link
 * MatrixLowerer}), or a reduced lattice energy's couplings ({@link LatticeLowerer}).
 */
final class Lower {
  private Lower() {}

  static void energies(Workspace w, List<EnergyDef> declared, List<LatticeModel.Energy> lattice, Diagnostics diagnostics) {
    for (EnergyDef e : declared) {
      String name = e.name().text();
      Progress.stage("lowering the energy " + name);
      IExpr lowered;
      if (w.model.isSymbolic()) {
        try {
          lowered = MatrixLowerer.lower(e.body(), w.model, w.symbols);
        } catch (MatrixLowerer.Unsupported u) {
          diagnostics.error(u.span(), u.getMessage(), u.hint());
          continue;
        }
      } else {
        lowered = Lowerer.lower(e.body(), w.model, w.symbols);
        if (NonFinite.in(lowered)) diagnostics.error(e.body().span(), NonFinite.MESSAGE + ": it contains ∞ or an indeterminate form", NonFinite.HINT);
      }
      w.energies.put(name, lowered);
      w.derived.put(name, Derived.declared(name, lowered, e.args()));
      w.lowered++;
    }
    for (LatticeModel.Energy e : lattice) {
      Progress.stage("lowering the reduced energy " + e.name().text());
      ReducedHamiltonian k = LatticeLowerer.reduced(e, w.model, w.symbols, diagnostics);
      if (k != null) w.reduced.put(e.name().text(), k);
      w.lowered++;
    }
  }
}
