package energy.algebra.matrix;

import java.util.Objects;

/**
 * A scalar function of a matrix that the rules of {@link MatrixScalars} could not reduce:
 * det M, tr M, ln det M, a 1×1 matrix expression such as xᵀMy, or a sum over components. Each node stands inside
 * Symja expressions as an opaque symbol ({@link MatrixScalars#atom}); the matrix is kept in
 * normal form.
 */
public sealed interface ScalarNode {
  MatrixExpr matrix();

  record Det(MatrixExpr matrix) implements ScalarNode {
    public Det {
      square(matrix, "det");
    }
  }

  record Trace(MatrixExpr matrix) implements ScalarNode {
    public Trace {
      square(matrix, "tr");
    }
  }

  record LogDet(MatrixExpr matrix) implements ScalarNode {
    public LogDet {
      square(matrix, "ln det");
    }
  }

  /** A 1×1 matrix expression read as a scalar: a quadratic or bilinear form xᵀMy, a·x. */
  record Form(MatrixExpr matrix) implements ScalarNode {
    public Form {
      Objects.requireNonNull(matrix);
      if (!matrix.rows().equals(Size.ONE) || !matrix.cols().equals(Size.ONE))
        throw new IllegalArgumentException("a scalar form needs a 1×1 expression, got " + matrix.shape());
    }
  }

  /**
   * Σ_{j=1}^{k} f(β ψ_j) over the components of a k×1 field ψ, from summing out a layer of k
   * independent units: f(t) = ln(1 + eᵗ) for binary units, ln(2 cosh t) for spins.
   */
  record UnitSum(boolean spin, MatrixExpr matrix, org.matheclipse.core.interfaces.IExpr beta) implements ScalarNode {
    public UnitSum {
      Objects.requireNonNull(matrix);
      Objects.requireNonNull(beta);
      if (!matrix.cols().equals(Size.ONE))
        throw new IllegalArgumentException("a sum over units needs a column field, got " + matrix.shape());
    }
  }

  private static void square(MatrixExpr m, String what) {
    Objects.requireNonNull(m);
    if (!m.isSquare()) throw new IllegalArgumentException(what + " needs a square matrix, got " + m.shape());
  }
}
