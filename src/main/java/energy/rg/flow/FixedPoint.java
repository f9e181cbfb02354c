package energy.rg.flow;

import java.util.List;

/**
 * A fixed point K* = f(K*) with its linearization: {@code jacobian.get(a).get(b)} = ∂K'_a/∂K_b
 * at K*, the eigenvalues (sorted by decreasing |λ|), ν = 1/y_T (null when no thermal relevant
 * eigenvalue, see {@link FlowAnalysis}), the stability and the residual max_a |f_a(K*) − K*_a|.
 */
public record FixedPoint(
    List<Double> coordinates,
    List<List<Double>> jacobian,
    List<Eigenvalue> eigenvalues,
    Double nu,
    Stability stability,
    double residual) {

  /** Stable: every |λ| < 1; unstable: some |λ| > 1; marginal: none > 1 but some = 1. */
  public enum Stability {
    STABLE,
    UNSTABLE,
    MARGINAL
  }

  public FixedPoint {
    coordinates = List.copyOf(coordinates);
    jacobian = jacobian.stream().map(List::copyOf).toList();
    eigenvalues = List.copyOf(eigenvalues);
  }

  /** The exponents y of the eigenvalues, in the same order. */
  public List<Double> exponents() {
    return eigenvalues.stream().map(Eigenvalue::exponent).toList();
  }

  public double coordinate(int a) {
    return coordinates.get(a);
  }
}
