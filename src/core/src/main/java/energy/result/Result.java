package energy.result;

/**
 * One computed result of a statement, one record per kind, each holding only what that kind
 * has. A compiled file is one list of these in statement order; code that handles "every kind"
 * implements {@link Visitor}, so a kind a printer or checker forgot does not compile.
 */
public sealed interface Result
    permits Marginal, PartitionFunction, Couplings, Expansion, ExpandedCouplings, PriorCumulants, MomentIdentity, Kernel,
        MatrixMarginal, RgStep, Coefficient, Substitution, Derivative, Evaluation, Verification {
  /** The name the statement gave its result ({@code H1} in {@code H1 = marginalize H over y}). */
  String name();

  /** Calls the visitor's method for this kind. */
  <T> T accept(Visitor<T> visitor);

  /**
   * One method per kind: Java 17 has no exhaustive switch over a sealed type, so code that must
   * handle every kind implements this, and a new kind breaks its build until it is handled.
   */
  interface Visitor<T> {
    T marginal(Marginal r);

    T partitionFunction(PartitionFunction r);

    T couplings(Couplings r);

    T expansion(Expansion r);

    T expandedCouplings(ExpandedCouplings r);

    T priorCumulants(PriorCumulants r);

    T momentIdentity(MomentIdentity r);

    T kernel(Kernel r);

    T matrixMarginal(MatrixMarginal r);

    T rgStep(RgStep r);

    T coefficient(Coefficient r);

    T substitution(Substitution r);

    T derivative(Derivative r);

    T evaluation(Evaluation r);

    T verification(Verification r);
  }
}
