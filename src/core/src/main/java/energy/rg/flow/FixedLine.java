package energy.rg.flow;

import java.util.List;

/**
 * A line (or, with {@code dimension} d > 1, a d-dimensional continuum) of fixed points, found as at
 * least three fixed points at which J − 1 is singular and whose differences lie in its null space
 * (so only straight continua are recognized whole; a curved one splits). {@code direction} is one
 * null vector of J − 1 at the first sample. {@code constant} maps each coupling that is the same
 * along the line to that value (e.g. K = 0 for the chain in a field); {@code exact} is true when
 * substituting those values makes f(K) − K vanish identically under Symja's Simplify.
 */
public record FixedLine(
    List<FixedPoint> samples,
    int dimension,
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
