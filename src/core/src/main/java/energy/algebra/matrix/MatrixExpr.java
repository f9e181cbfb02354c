package energy.algebra.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An immutable matrix expression over sizes that may be symbolic. Every node knows its shape;
 * the constructors check shapes and throw {@link IllegalArgumentException} on a mismatch, so
 * an ill-formed tree cannot be built. Nodes are plain trees: nothing is simplified on
 * construction (see {@link MatrixSimplifier}), and equality is structural.
 *
 * <p>Scalars (coefficients) are Symja expressions; a column vector is an n×1 matrix, and a
 * 1×1 matrix plays the part of a scalar (e.g. xᵀAy).
 */
public sealed interface MatrixExpr {
  Size rows();

  Size cols();

  default boolean isSquare() {
    return rows().equals(cols());
  }

  /** Whether this is known to be symmetric; see {@link MatrixSimplifier#isSymmetric}. */
  default boolean isSymmetric() {
    return MatrixSimplifier.isSymmetric(this);
  }

  default String shape() {
    return rows() + "×" + cols();
  }

  /**
   * A parameter or unit. {@code vector} marks a column vector (cols = 1) that is printed bold;
   * {@code symmetric} declares S = Sᵀ (only for square matrices).
   */
  record Named(String name, Size rows, Size cols, boolean symmetric, boolean vector) implements MatrixExpr {
    public Named {
      Objects.requireNonNull(name);
      Objects.requireNonNull(rows);
      Objects.requireNonNull(cols);
      if (symmetric && !rows.equals(cols))
        throw new IllegalArgumentException("symmetric matrix " + name + " must be square, got " + rows + "×" + cols);
      if (vector && !cols.equals(Size.ONE))
        throw new IllegalArgumentException("vector " + name + " must have one column, got " + rows + "×" + cols);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The n×n identity 𝟙. */
  record Identity(Size n) implements MatrixExpr {
    public Identity {
      Objects.requireNonNull(n);
    }

    public Size rows() {
      return n;
    }

    public Size cols() {
      return n;
    }
  }

  record Zero(Size rows, Size cols) implements MatrixExpr {
    public Zero {
      Objects.requireNonNull(rows);
      Objects.requireNonNull(cols);
    }
  }

  /** c·M for a Symja scalar c. */
  record Scaled(IExpr scalar, MatrixExpr m) implements MatrixExpr {
    public Scaled {
      Objects.requireNonNull(scalar);
      Objects.requireNonNull(m);
    }

    public Size rows() {
      return m.rows();
    }

    public Size cols() {
      return m.cols();
    }
  }

  record Sum(List<MatrixExpr> terms) implements MatrixExpr {
    public Sum {
      terms = List.copyOf(terms);
      if (terms.isEmpty()) throw new IllegalArgumentException("a sum needs at least one term");
      MatrixExpr first = terms.get(0);
      for (MatrixExpr t : terms)
        if (!t.rows().equals(first.rows()) || !t.cols().equals(first.cols()))
          throw new IllegalArgumentException("cannot add " + first.shape() + " and " + t.shape());
    }

    public Size rows() {
      return terms.get(0).rows();
    }

    public Size cols() {
      return terms.get(0).cols();
    }
  }

  record Product(List<MatrixExpr> factors) implements MatrixExpr {
    public Product {
      factors = List.copyOf(factors);
      if (factors.isEmpty()) throw new IllegalArgumentException("a product needs at least one factor");
      for (int i = 1; i < factors.size(); i++) {
        MatrixExpr a = factors.get(i - 1), b = factors.get(i);
        if (!a.cols().equals(b.rows()))
          throw new IllegalArgumentException("cannot multiply " + a.shape() + " by " + b.shape());
      }
    }

    public Size rows() {
      return factors.get(0).rows();
    }

    public Size cols() {
      return factors.get(factors.size() - 1).cols();
    }
  }

  record Transpose(MatrixExpr m) implements MatrixExpr {
    public Transpose {
      Objects.requireNonNull(m);
    }

    public Size rows() {
      return m.cols();
    }

    public Size cols() {
      return m.rows();
    }
  }

  /** M⁻¹; M must be square (invertibility itself is the caller's claim). */
  record Inverse(MatrixExpr m) implements MatrixExpr {
    public Inverse {
      if (!m.isSquare()) throw new IllegalArgumentException("cannot invert " + m.shape() + ": not square");
    }

    public Size rows() {
      return m.rows();
    }

    public Size cols() {
      return m.cols();
    }
  }

  // Factories: shorthands that build (never simplify) and check shapes via the constructors.

  static Named matrix(String name, Size rows, Size cols) {
    return new Named(name, rows, cols, false, false);
  }

  static Named symmetric(String name, Size n) {
    return new Named(name, n, n, true, false);
  }

  static Named vector(String name, Size n) {
    return new Named(name, n, Size.ONE, false, true);
  }

  static Identity identity(Size n) {
    return new Identity(n);
  }

  static Zero zero(Size rows, Size cols) {
    return new Zero(rows, cols);
  }

  static Scaled scale(IExpr c, MatrixExpr m) {
    return new Scaled(c, m);
  }

  static Scaled scale(long c, MatrixExpr m) {
    return new Scaled(F.ZZ(c), m);
  }

  static Scaled negate(MatrixExpr m) {
    return new Scaled(F.CN1, m);
  }

  static Sum add(MatrixExpr... terms) {
    return new Sum(Arrays.asList(terms));
  }

  /** a − b, as a + (−1)·b. */
  static Sum subtract(MatrixExpr a, MatrixExpr b) {
    return new Sum(List.of(a, negate(b)));
  }

  static Product multiply(MatrixExpr... factors) {
    return new Product(Arrays.asList(factors));
  }

  static Product multiply(List<MatrixExpr> factors) {
    return new Product(new ArrayList<>(factors));
  }

  static Transpose transpose(MatrixExpr m) {
    return new Transpose(m);
  }

  static Inverse inverse(MatrixExpr m) {
    return new Inverse(m);
  }
}
