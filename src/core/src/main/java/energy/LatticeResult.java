package energy;

import energy.model.LatticeModel;
import energy.rg.Recursion;
import energy.rg.flow.FlowResult;

/**
 * One RG step of a lattice energy: its recursion relations K' = f(K, …), and, when the file
 * asks for {@code flow}, the fixed points and exponents of that recursion; {@code blocks} is the
 * block rule of a block-spin step (null otherwise).
 */
public record LatticeResult(LatticeModel.Step step, LatticeModel.Blocks blocks, Recursion recursion, FlowResult flow) {
  public String name() {
    return step.result().text();
  }

  /** The engine's blocking for the block rule of this step (a block-spin step only). */
  public energy.rg.Blocking blocking() {
    return blocking(blocks);
  }

  /** The engine's blocking for a block rule of the language. */
  public static energy.rg.Blocking blocking(LatticeModel.Blocks blocks) {
    return switch (blocks.shape()) {
      case "triangles" -> energy.rg.Blocking.triangles();
      case "squares" -> energy.rg.Blocking.squares((int) Math.round(Math.sqrt(blocks.size())));
      default -> energy.rg.Blocking.chain(blocks.size());
    };
  }
}
