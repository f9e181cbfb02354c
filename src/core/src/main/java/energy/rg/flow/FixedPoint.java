package energy.rg.flow;

import java.util.List;

/**
 * A fixed point K* = f(K*) with its linearization: {@code jacobian.get(a).get(b)} = ∂K'_a/∂K_b at
 * K*, the eigenvalues (sorted by decreasing |λ|), ν = 1/y_T (null when no thermal relevant
 * eigenvalue, see {@link FlowAnalysis}), y_H (the relevant eigenvalue along the field, null
 * without one), the stability, the residual max_a |f_a(K*) − K*_a| and the
 * uncertainty of the coordinates: the largest distance along an axis over which the residual stays
 * at round-off level (about 1e-16 for a simple root, about 1e-8 where J has an eigenvalue 1 and the
 * root is tangential; capped at 1e-6·max(1, |K*|)).
 */
public record FixedPoint(
    List<Double> coordinates,
    List<List<Double>> jacobian,
    List<Eigenvalue> eigenvalues,
    Double nu,
    Stability stability,
    double residual,
    double uncertainty,
    Double yH) {

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
