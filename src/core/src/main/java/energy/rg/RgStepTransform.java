package energy.rg;

import energy.algebra.NotApplicable;
import energy.model.LatticeModel;
import energy.result.RgStep;
import java.util.Optional;

/** The statement {@code K1 = rg SCHEME K0 …}: one RG step of a reduced lattice energy, its recursion K′ = f(K, …). */
public final class RgStepTransform {
  private RgStepTransform() {}

  public static RgStep transform(LatticeModel.Step s, LatticeModel lattice, ReducedHamiltonian k0) {
    if (s.scheme() != LatticeModel.Scheme.CUMULANT && hasLongerRange(k0))
      throw new NotApplicable(
          "this step takes nearest-neighbour couplings only; " + s.energy().text() + " has couplings beyond nearest neighbours",
          "the block-spin step 'rg cumulant' takes sum<<i,j>> and sum<<<i,j>>> terms");
    Lattice.Kind kind = k0.kind();
    Recursion r =
        switch (s.scheme()) {
          case DECIMATE -> kind == Lattice.Kind.SQUARE ? SublatticeDecimation.step(k0) : ChainDecimation.step(k0, s.parameter());
          case MIGDAL_KADANOFF -> MigdalKadanoff.step(k0, s.parameter());
          case CUMULANT -> CumulantExpansion.step(k0, blocking(lattice.blocks()), s.parameter());
        };
    return new RgStep(s, s.scheme() == LatticeModel.Scheme.CUMULANT ? Optional.of(lattice.blocks()) : Optional.empty(), r, Optional.empty());
  }

  /** The engine's blocking for a block rule of the language. */
  public static Blocking blocking(LatticeModel.Blocks blocks) {
    return switch (blocks.shape()) {
      case "triangles" -> Blocking.triangles();
      case "squares" -> Blocking.squares((int) Math.round(Math.sqrt(blocks.size())));
      default -> Blocking.chain(blocks.size());
    };
  }

  private static boolean hasLongerRange(ReducedHamiltonian k0) {
    return k0.coefficients().keySet().stream().anyMatch(c -> c.sites() == 2 && !c.equals(CouplingClass.pair(k0.kind(), 1)));
  }
}
