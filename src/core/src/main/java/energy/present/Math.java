package energy.present;

import energy.algebra.matrix.MatrixExpr;
import java.util.List;
import java.util.Optional;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A piece of math in a presentation, before any format: renderers write each node their way
 * ({@code -\frac{1}{\beta} \ln Z} in LaTeX, {@code −(1/β) ln Z} in text).
 */
public sealed interface Math {
  /** An expression, printed whole by the document's expression printer. */
  record Expr(IExpr value) implements Math {}

  /**
   * A sum whose terms are the places a line may break. {@code value}, when given, is the same sum
   * as one expression, which a format that never breaks lines prints in its own canonical order.
   */
  record Sum(List<Math> terms, Optional<IExpr> value) implements Math {
    public Sum {
      terms = List.copyOf(terms);
    }
  }

  /** A user name ({@code H1} → H₁, {@code Heff} → H_eff). */
  record Name(String name) implements Math {}

  /** The name of a vector of symbolic length (bold in LaTeX). */
  record VectorName(String name) implements Math {}

  /** {@code f(a, b)}. */
  record Applied(Math head, List<Math> args) implements Math {}

  /** {@code T(S | v₁, v₂)}: a function of {@code of} given {@code given}. */
  record Conditional(Math head, List<Math> of, List<Math> given) implements Math {}

  /** The image of a coupling under a step: K′. */
  record Prime(Math of) implements Math {}

  /** The free energy −β⁻¹ ln Z (−ln Z without a temperature). */
  record FreeEnergy(Optional<Math> name, Optional<Math> beta, Math partition) implements Math {}

  /** Σ_{over} e^{exponent}. */
  record Trace(List<Math> over, Math exponent) implements Math {}

  /**
   * The sign convention of couplings, energy = E₀ − Σ hᵢvᵢ − Σ Jᵢⱼvᵢvⱼ − …, in the model's
   * coupling letters and unit names.
   *
   * @param letters the user names of the coupling letters by order, from 0 ({@link CouplingNames})
   * @param vector the one unit vector summed over (vᵢ), when the couplings are numbered
   * @param units otherwise the units summed over, as u, u′ ∈ {s₁, s₂}
   * @param placeholder the name standing for a unit in that case (u, unless the model uses it)
   */
  record Convention(Math energy, List<String> letters, Optional<String> vector, List<Math> units, String placeholder) implements Math {
    public Convention {
      letters = List.copyOf(letters);
      units = List.copyOf(units);
    }
  }

  /**
   * A coupling's name: the model's letter of its order (E₀, hᵢ, Jᵢⱼ, Kᵢⱼₖ, Lᵢⱼₖₗ, then J⁽ⁿ⁾ with
   * {@code letter} J). Indices are component numbers when {@code numbered} (J₁₂; separated by
   * commas when {@code wide}), else unit names.
   *
   * @param letter the user name of the letter ({@code h}, {@code theta})
   */
  record CouplingName(String letter, int order, List<String> indices, boolean numbered, boolean wide) implements Math {}

  /** A term in matrix notation: a scalar whose matrix parts are atoms of {@code MatrixScalars}. */
  record MatrixTerm(IExpr term) implements Math {}

  /** A matrix expression in matrix notation (𝟙 − BBᵀ, Aᵀx). */
  record MatrixValue(MatrixExpr matrix) implements Math {}

  /** The condition that a matrix is positive definite. */
  record PositiveDefinite(MatrixExpr matrix) implements Math {}

  /** A length scale b: 2, √3, or a decimal. */
  record Scale(double b) implements Math {}

  /** A computed number (printed to {@link MathWriter#DIGITS} significant digits; ±∞ allowed). */
  record Number(double value) implements Math {}

  /** A complex number re + im·i. */
  record Complex(double re, double im) implements Math {}

  /** {@code left = right}, inline. */
  record Equals(Math left, Math right) implements Math {}

  /** A matrix (a column vector has rows of one entry). */
  record Matrix(List<List<Math>> rows) implements Math {}

  /**
   * A fixed formula of a derivation step (∫dⁿu e^{−β(½uᵀMu − Jᵀu)} = …), in each notation, with
   * {@code %s} standing for the written {@code args}, in order.
   */
  record Formula(String latex, String text, List<Math> args) implements Math {
    public Formula {
      args = List.copyOf(args);
    }
  }

  /** A coupling running off to ±∞ under the flow. */
  record Limit(Math coupling, boolean positive) implements Math {}

  /** A coupling's range: K ∈ [−3, 3]. */
  record Range(Math coupling, double lower, double upper) implements Math {}
}
