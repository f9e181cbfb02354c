package energy.rg.flow;

import java.util.List;

/**
 * A line (continuum) of fixed points, found as several fixed points at which J − 1 is singular
 * and whose differences lie along the null direction. {@code constant} maps each coupling that is
 * the same along the line to that value (e.g. K = 0 for the chain in a field); {@code exact} is
 * true when substituting those values makes f(K) − K vanish identically under Symja's Simplify.
 */
public record FixedLine(
    List<FixedPoint> samples,
    List<Double> direction,
    java.util.Map<String, Double> constant,
    boolean exact,
    String description) {
  public FixedLine {
    samples = List.copyOf(samples);
    direction = List.copyOf(direction);
    constant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constant));
  }
}
