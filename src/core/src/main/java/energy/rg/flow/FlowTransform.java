package energy.rg.flow;

import energy.result.RgStep;
import energy.rg.CouplingClass;
import energy.rg.Lattice;
import java.util.Optional;

/** The statement {@code flow K1}: the fixed points and exponents of step K1's recursion ({@link FlowAnalysis}). */
public final class FlowTransform {
  private FlowTransform() {}

  /** The step with its flow analysed. */
  public static RgStep transform(RgStep step, Lattice.Kind kind) {
    energy.rg.Recursion r = step.recursion();
    energy.rg.Recursion.FlowView v = r.flowView();
    int field = r.classes().indexOf(CouplingClass.field(kind));
    FlowResult flow = FlowAnalysis.analyze(new Recursion(v.couplings(), v.images(), v.scale(), field, kind.dimension()));
    return new RgStep(step.step(), step.blocks(), r, Optional.of(flow));
  }
}
