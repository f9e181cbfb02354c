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
}
