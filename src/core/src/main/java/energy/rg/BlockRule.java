package energy.rg;

/**
 * p(σ'|χ_block): the weight with which a block configuration (bit k = 1 means site k of the
 * block is −1) gives the block spin σ' = ±1. Σ_{σ'} p(σ'|χ) = 1 is the trace condition.
 */
@FunctionalInterface
public interface BlockRule {
  double weight(int blockSpin, int localConfig);

  /** σ' = sign of the block magnetization (odd blocks). */
  static BlockRule majority(int size) {
    if (size % 2 == 0) throw new IllegalArgumentException("majority rule needs odd blocks");
    return (sp, x) -> (size - 2 * Integer.bitCount(x) > 0) == (sp > 0) ? 1 : 0;
  }

  /** σ' = the spin of the block's first site: decimation. */
  static BlockRule first() {
    return (sp, x) -> ((x & 1) == 0) == (sp > 0) ? 1 : 0;
  }
}
