package energy.result;

import energy.model.LatticeModel;
import energy.rg.Recursion;
import energy.rg.flow.FlowResult;
import java.util.Optional;

/**
 * {@code K1 = rg decimate K0 keep every 2}: one RG step of a lattice energy, its recursion
 * relations K′ = f(K, …), and, when the file asks for {@code flow}, its fixed points and exponents.
 *
 * @param blocks the block rule of a block-spin step
 */
public record RgStep(LatticeModel.Step step, Optional<LatticeModel.Blocks> blocks, Recursion recursion, Optional<FlowResult> flow)
    implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.rgStep(this);
  }

  public String name() {
    return step.result().text();
  }
}
