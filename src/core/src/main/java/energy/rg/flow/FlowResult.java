package energy.rg.flow;

import java.util.List;

/**
 * The result of {@link FlowAnalysis#analyze}: isolated fixed points (sorted by their first
 * coordinate, then the next), lines of fixed points, limit points at infinity (one coupling only)
 * and notes saying what was searched and what was omitted.
 */
public record FlowResult(
    Recursion recursion,
    FlowAnalysis.Options options,
    List<FixedPoint> fixedPoints,
    List<FixedLine> lines,
    List<LimitPoint> limits,
    List<String> notes) {
  public FlowResult {
    fixedPoints = List.copyOf(fixedPoints);
    lines = List.copyOf(lines);
    limits = List.copyOf(limits);
    notes = List.copyOf(notes);
  }

  /** The first fixed point with an unstable (relevant) direction and a ν, or null. */
  public FixedPoint critical() {
    for (FixedPoint p : fixedPoints) {
      if (p.nu() != null) return p;
    }
    return null;
  }
}
