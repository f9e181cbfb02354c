package energy;

import energy.algebra.SymbolTable;
import energy.diag.Diagnostics;
import energy.lowering.LatticeLowerer;
import energy.model.LatticeModel;
import energy.model.Model;
import energy.rg.ChainDecimation;
import energy.rg.CouplingClass;
import energy.rg.Lattice;
import energy.rg.MigdalKadanoff;
import energy.rg.Recursion;
import energy.rg.ReducedHamiltonian;
import energy.rg.SublatticeDecimation;
import energy.rg.flow.FlowAnalysis;
import energy.rg.flow.FlowResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The lattice pipeline, one stage per line: lower each reduced energy to its couplings, run
 * each RG step on them, analyse the flows asked for.
 */
final class LatticeCompiler {
  private LatticeCompiler() {}

  static List<LatticeResult> compile(Model model, SymbolTable symbols, Diagnostics diagnostics) {
    LatticeModel lattice = model.lattice();
    if (lattice == null) return List.of();
    Lattice.Kind kind = Lattice.Kind.valueOf(lattice.kind().name());
    Map<String, ReducedHamiltonian> energies = new LinkedHashMap<>();
    for (LatticeModel.Energy e : lattice.energies().values()) {
      LatticeLowerer.Couplings c = LatticeLowerer.lower(e, model, symbols, diagnostics);
      if (c == null) continue;
      Map<CouplingClass, IExpr> coefficients = new LinkedHashMap<>();
      for (int shell = 1; shell <= c.bonds().size(); shell++)
        if (!c.bonds().get(shell - 1).isZero()) coefficients.put(CouplingClass.pair(kind, shell), c.bonds().get(shell - 1));
      if (!c.field().isZero()) coefficients.put(CouplingClass.field(kind), c.field());
      for (IExpr coefficient : coefficients.values())
        if (!coefficient.isSymbol()) {
          diagnostics.error(
              e.span(),
              "each coupling of a lattice energy must be one parameter, got " + coefficient,
              "write K*sum<i,j> s[i]*s[j] with 'param K'; the RG flow is in the parameters themselves");
          coefficients = null;
          break;
        }
      if (coefficients != null && closesOnItsParameters(e, c, diagnostics)) energies.put(e.name().text(), new ReducedHamiltonian(kind, coefficients));
    }
    for (LatticeModel.Step s : lattice.steps()) {
      ReducedHamiltonian k0 = energies.get(s.energy().text());
      if (k0 != null && s.scheme() != LatticeModel.Scheme.CUMULANT && hasLongerRange(k0))
        diagnostics.error(
            s.span(),
            "this step takes nearest-neighbour couplings only; " + s.energy().text() + " has couplings beyond nearest neighbours",
            "the block-spin step 'rg cumulant' takes sum<<i,j>> and sum<<<i,j>>> terms");
    }
    diagnostics.throwIfAny();
    Map<String, FlowResult> flows = new HashMap<>();
    List<LatticeResult> out = new ArrayList<>();
    for (LatticeModel.Step s : lattice.steps()) {
      ReducedHamiltonian k0 = energies.get(s.energy().text());
      Recursion r =
          switch (s.scheme()) {
            case DECIMATE -> kind == Lattice.Kind.SQUARE ? SublatticeDecimation.step(k0) : ChainDecimation.step(k0, s.parameter());
            case MIGDAL_KADANOFF -> MigdalKadanoff.step(k0, s.parameter());
            case CUMULANT -> energy.rg.CumulantExpansion.step(k0, LatticeResult.blocking(lattice.blocks()), s.parameter());
          };
      FlowResult flow = null;
      if (lattice.flows().stream().anyMatch(f -> f.step().text().equals(s.result().text()))) {
        Recursion.FlowView v = r.flowView();
        int field = r.classes().indexOf(CouplingClass.field(kind));
        flow = FlowAnalysis.analyze(new energy.rg.flow.Recursion(v.couplings(), v.images(), v.scale(), field, kind.dimension()));
      }
      out.add(new LatticeResult(s, s.scheme() == LatticeModel.Scheme.CUMULANT ? lattice.blocks() : null, r, flow));
    }
    return out;
  }

  /**
   * A step maps (K, h, …) to (K′, h′, …) and writes g: it needs the bond coupling, a parameter
   * of its own for each coupling (else K′ ≠ h′ could not be written), and no constant term (g
   * would not include it).
   */
  private static boolean closesOnItsParameters(LatticeModel.Energy e, LatticeLowerer.Couplings c, Diagnostics diagnostics) {
    IExpr bond = c.bonds().get(0);
    List<IExpr> couplings = new ArrayList<>(c.bonds());
    couplings.add(c.field());
    couplings.removeIf(IExpr::isZero);
    IExpr shared = couplings.stream().filter(x -> couplings.indexOf(x) != couplings.lastIndexOf(x)).findFirst().orElse(null);
    String problem =
        bond.isZero() ? "a reduced lattice energy needs the nearest-neighbour coupling"
            : shared != null ? "each coupling of a lattice energy needs a parameter of its own, got " + shared + " for two"
            : !c.constant().isZero() ? "a constant term in a reduced lattice energy is not carried through the RG step"
            : null;
    if (problem == null) return true;
    String hint =
        bond.isZero() ? "add K*sum<i,j> s[i]*s[j] with 'param K'"
            : shared != null ? "write K*sum<i,j> s[i]*s[j] + h*sum(i) s[i] with 'param K, h'"
            : "drop it: a constant c per site only adds (sites per block)·c to g";
    diagnostics.error(e.span(), problem, hint);
    return false;
  }

  private static boolean hasLongerRange(ReducedHamiltonian k0) {
    return k0.coefficients().keySet().stream().anyMatch(c -> c.sites() == 2 && !c.equals(CouplingClass.pair(k0.kind(), 1)));
  }
}
