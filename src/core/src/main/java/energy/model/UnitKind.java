package energy.model;

/** The domain of a unit: what a marginalization sums or integrates over. */
public enum UnitKind {
  /** Ising spin, s ∈ {−1, +1}; s² = 1. */
  SPIN("spin"),
  /** Bernoulli unit, b ∈ {0, 1}; b² = b. */
  BINARY("binary"),
  /** Real-valued unit, u ∈ ℝ; integrated with Lebesgue measure. */
  REAL("real");

  private final String keyword;

  UnitKind(String keyword) {
    this.keyword = keyword;
  }

  public String keyword() {
    return keyword;
  }

  public boolean isDiscrete() {
    return this != REAL;
  }
}
