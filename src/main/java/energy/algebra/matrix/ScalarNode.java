package energy.algebra.matrix;

import java.util.Objects;

/**
 * A scalar function of a matrix that the rules of {@link MatrixScalars} could not reduce:
 * det M, tr M, ln det M, or a 1×1 matrix expression such as xᵀMy. Each node stands inside
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

  private static void square(MatrixExpr m, String what) {
    Objects.requireNonNull(m);
    if (!m.isSquare()) throw new IllegalArgumentException(what + " needs a square matrix, got " + m.shape());
  }
}
