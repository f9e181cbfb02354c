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

  /**
   * The fixed point whose exponents the flow reports: the first with a ν that is ferromagnetic
   * (first coupling, the nearest-neighbour one, K* > 0) and at zero field; else the first with a
   * ν; null without one. A step of odd b maps antiferromagnets to antiferromagnets and has fixed
   * points at K* < 0 too, where a uniform field is not the ordering field.
   */
  public FixedPoint critical() {
    int field = recursion.field();
    for (FixedPoint p : fixedPoints)
      if (p.nu() != null && p.coordinate(0) > 0 && (field < 0 || Math.abs(p.coordinate(field)) <= 1e-9)) return p;
    for (FixedPoint p : fixedPoints) {
      if (p.nu() != null) return p;
    }
    return null;
  }
}
