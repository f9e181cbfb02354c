package energy.check;

import energy.diag.Diagnostics;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.LatticeModel;
import energy.model.Stmt;
import energy.rg.ChainDecimation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The lattice statements of a file: one lattice, its site spin, reduced energies, a block
 * rule, RG steps of declared energies, flows of declared steps. The shape of a reduced
 * energy's terms is checked when it is lowered ({@link energy.lowering.LatticeLowerer}).
 */
final class LatticeChecker {
  /** Segments of 17 took 7 s of CPU, 21 and squares of 25 over two minutes (2^N states per block). */
  static final int MAX_BLOCK_SITES = 15;

  private final Diagnostics diagnostics;
  private final Predicate<Ident> define;
  private LatticeModel.Kind kind;
  private boolean periodic;
  private Ident spin;
  private LatticeModel.Blocks blocks;
  private final Map<String, LatticeModel.Energy> energies = new LinkedHashMap<>();
  private final List<LatticeModel.Step> steps = new ArrayList<>();
  private final List<LatticeModel.Flow> flows = new ArrayList<>();
  private boolean declared;

  /** @param define claims a name in the file's namespace; false (and reports) if it is taken */
  LatticeChecker(Diagnostics diagnostics, Predicate<Ident> define) {
    this.diagnostics = diagnostics;
    this.define = define;
  }

  /** A copy to check more statements with, reporting to {@code diagnostics}; this one is left as it is. */
  LatticeChecker copy(Diagnostics diagnostics, Predicate<Ident> define) {
    LatticeChecker c = new LatticeChecker(diagnostics, define);
    c.kind = kind;
    c.periodic = periodic;
    c.spin = spin;
    c.blocks = blocks;
    c.energies.putAll(energies);
    c.steps.addAll(steps);
    c.flows.addAll(flows);
    c.declared = declared;
    return c;
  }

  /** Whether the statement was a lattice statement (and is handled). */
  boolean statement(Stmt s) {
    if (s instanceof Stmt.LatticeDecl l) lattice(l);
    else if (s instanceof Stmt.SiteSpinDecl d) {
      if (!needsLattice(d.name(), "spins on sites")) return true;
      if (spin != null) diagnostics.error(d.name().span(), "the lattice already has its spin '" + spin.text() + "'", "one spin per site");
      else if (define.test(d.name())) spin = d.name();
    } else if (s instanceof Stmt.ReducedEnergyDecl e) reducedEnergy(e);
    else if (s instanceof Stmt.BlocksDecl b) blocks(b);
    else if (s instanceof Stmt.RgStmt r) step(r);
    else if (s instanceof Stmt.FlowStmt f) flow(f);
    else return false;
    return true;
  }

  /** The lattice part, or null when the file declares no lattice. */
  LatticeModel model() {
    if (kind == null) return null;
    return new LatticeModel(kind, periodic, spin, blocks, Map.copyOf(energies), List.copyOf(steps), List.copyOf(flows));
  }

  private void lattice(Stmt.LatticeDecl l) {
    if (declared) {
      diagnostics.error(l.kind().span(), "the lattice is already declared", "a file describes one lattice");
      return;
    }
    declared = true;
    for (LatticeModel.Kind k : LatticeModel.Kind.values()) if (k.word.equals(l.kind().text())) kind = k;
    if (kind == null) {
      diagnostics.error(l.kind().span(), "unknown lattice '" + l.kind().text() + "'", "lattices are chain, square and triangular");
      return;
    }
    if (!l.periodic())
      diagnostics.error(l.span(), "only periodic lattices are supported", "write 'lattice " + kind.word + " periodic'");
    periodic = l.periodic();
  }

  private boolean needsLattice(Ident at, String what) {
    if (declared) return true;
    diagnostics.error(at.span(), what + " need a lattice", "declare one first, e.g. 'lattice chain periodic'");
    return false;
  }

  private void reducedEnergy(Stmt.ReducedEnergyDecl e) {
    if (!needsLattice(e.name(), "reduced lattice energies")) return;
    if (spin == null) {
      diagnostics.error(e.name().span(), "the lattice has no spin", "declare it first: 'spin s on sites'");
      return;
    }
    if (e.args().size() != 1 || !e.args().get(0).text().equals(spin.text())) {
      diagnostics.error(e.name().span(), "a reduced lattice energy is a function of the site spin", "write '" + e.name().text() + "(" + spin.text() + ")'");
      return;
    }
    if (define.test(e.name())) energies.put(e.name().text(), new LatticeModel.Energy(e.name(), e.body(), e.span()));
  }

  private void blocks(Stmt.BlocksDecl b) {
    if (!needsLattice(b.shape(), "blocks") || kind == null) return;
    String expected = switch (kind) {
      case CHAIN -> "segments";
      case SQUARE -> "squares";
      case TRIANGULAR -> "triangles";
    };
    if (!b.shape().text().equals(expected)) {
      diagnostics.error(b.shape().span(), "blocks of the " + kind.word + " lattice are " + expected, "write 'blocks " + expected + " of N by majority'");
      return;
    }
    if (b.size() > MAX_BLOCK_SITES) {
      diagnostics.error(
          b.span(),
          "blocks of more than " + MAX_BLOCK_SITES + " sites are not supported: the block-spin step enumerates the 2^N states of a block",
          "e.g. 'blocks " + expected + " of " + (kind == LatticeModel.Kind.SQUARE ? 9 : 3) + " by majority'");
      return;
    }
    boolean ok = b.size() % 2 == 1 && b.size() >= 3;
    if (kind == LatticeModel.Kind.SQUARE) ok &= Math.round(Math.sqrt(b.size())) * Math.round(Math.sqrt(b.size())) == b.size();
    if (kind == LatticeModel.Kind.TRIANGULAR) ok &= b.size() == 3;
    if (!ok) {
      diagnostics.error(
          b.span(),
          "a majority rule needs an odd number of sites per block" + (kind == LatticeModel.Kind.SQUARE ? " on a square (9, 25, …)" : kind == LatticeModel.Kind.TRIANGULAR ? " (the triangular lattice has blocks of 3)" : ""),
          "e.g. 'blocks " + expected + " of " + (kind == LatticeModel.Kind.SQUARE ? 9 : 3) + " by majority'");
      return;
    }
    blocks = new LatticeModel.Blocks(expected, b.size(), b.span());
  }

  private void step(Stmt.RgStmt r) {
    if (!needsLattice(r.result(), "RG steps") || kind == null) return;
    if (!energies.containsKey(r.energy().text())) {
      diagnostics.error(r.energy().span(), "unknown reduced energy '" + r.energy().text() + "'", energies.isEmpty() ? "declare one: 'reduced energy K0(s) = …'" : "reduced energies: " + String.join(", ", energies.keySet()));
      return;
    }
    if (!fieldSupported(r)) return;
    switch (r.scheme()) {
      case DECIMATE -> {
        // The chain keeps every b-th spin; the square lattice every 2nd (a checkerboard sublattice).
        if (kind == LatticeModel.Kind.CHAIN && r.parameter() > ChainDecimation.MAX_SCALE) {
          diagnostics.error(r.span(), "decimation keeps every b-th spin with b at most " + ChainDecimation.MAX_SCALE, "the closed forms are written for 2 ≤ b ≤ " + ChainDecimation.MAX_SCALE + ", e.g. 'keep every 1000'");
          return;
        }
        boolean ok =
            kind == LatticeModel.Kind.CHAIN ? r.parameter() >= 2 : kind == LatticeModel.Kind.SQUARE && r.parameter() == 2;
        if (!ok) {
          diagnostics.error(
              r.span(),
              kind == LatticeModel.Kind.TRIANGULAR ? "decimation is implemented for the chain and the square lattice" : kind == LatticeModel.Kind.SQUARE ? "the square lattice is decimated onto a checkerboard sublattice: every 2nd spin" : "decimation keeps every b-th spin with b ≥ 2",
              kind == LatticeModel.Kind.TRIANGULAR ? "use block spins: 'blocks triangles of 3 by majority', then 'rg cumulant'" : "e.g. 'keep every 2'");
          return;
        }
      }
      case CUMULANT -> {
        if (blocks == null) {
          diagnostics.error(r.span(), "a block-spin step needs a block rule", "declare one first, e.g. 'blocks triangles of 3 by majority'");
          return;
        }
        if (r.parameter() < 1 || r.parameter() > 2) {
          diagnostics.error(r.span(), "the cumulant expansion of a block-spin step is implemented to order 1 and 2", "write 'order 1' or 'order 2'");
          return;
        }
      }
      case MIGDAL_KADANOFF -> {
        if (kind != LatticeModel.Kind.SQUARE || r.parameter() < 2 || r.parameter() > ChainDecimation.MAX_SCALE) {
          diagnostics.error(
              r.span(),
              kind != LatticeModel.Kind.SQUARE ? "the Migdal–Kadanoff step is implemented for the square lattice" : r.parameter() < 2 ? "the scale factor is at least 2" : "the scale factor is at most " + ChainDecimation.MAX_SCALE,
              "e.g. 'rg migdal-kadanoff K0 scale 2'");
          return;
        }
      }
    }
    if (define.test(r.result())) steps.add(new LatticeModel.Step(r.result(), r.energy(), r.scheme(), r.parameter(), r.span()));
  }

  /**
   * Decimation (chain and checkerboard), Migdal–Kadanoff and the block-spin step at order 1 take
   * a field (h*sum(i) s[i]); the block-spin step at order 2 is refused here: a field generates
   * odd three-block couplings whose coefficients depend on their orientation to the blocks,
   * which the classes by distances cannot tell apart.
   */
  private boolean fieldSupported(Stmt.RgStmt r) {
    if (r.scheme() != LatticeModel.Scheme.CUMULANT || r.parameter() == 1) return true;
    if (siteSum(energies.get(r.energy().text()).body()) == null) return true;
    diagnostics.error(
        r.span(),
        "the block-spin step with a field is implemented to order 1",
        "write 'order 1' for the field's eigenvalue, or drop the field (h*sum(i) s[i]) for order 2");
    return false;
  }

  /** The first site sum (a field term) in a reduced energy's body, or null. */
  private static Expr siteSum(Expr e) {
    if (e instanceof Expr.Sum) return e;
    List<Expr> children =
        e instanceof Expr.Binary b ? List.of(b.left(), b.right())
            : e instanceof Expr.Unary u ? List.of(u.operand())
            : e instanceof Expr.Call c ? c.args()
            : e instanceof Expr.Dot d ? List.of(d.left(), d.right())
            : e instanceof Expr.BondSum b ? List.of(b.body())
            : List.of();
    for (Expr c : children) {
      Expr found = siteSum(c);
      if (found != null) return found;
    }
    return null;
  }

  private void flow(Stmt.FlowStmt f) {
    if (steps.stream().noneMatch(s -> s.result().text().equals(f.step().text()))) {
      diagnostics.error(f.step().span(), "unknown RG step '" + f.step().text() + "'", "a flow follows a step: 'R = rg …', then 'flow R'");
      return;
    }
    flows.add(new LatticeModel.Flow(f.step(), f.span()));
  }
}
