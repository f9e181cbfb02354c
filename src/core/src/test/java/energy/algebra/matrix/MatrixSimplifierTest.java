package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixExpr.*;
import static energy.algebra.matrix.MatrixSimplifier.simplify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;

class MatrixSimplifierTest {
  static final Size N = Size.of("n"), M = Size.of("m"), P = Size.of("p");
  static final Named A = matrix("A", N, M), B = matrix("B", N, P), C = matrix("C", N, N), D = matrix("D", N, N);
  static final Named S = symmetric("S", N), X = matrix("X", M, N);
  static final Named x = vector("x", N);

  @Test
  void transposeOfProductReverses() {
    assertEquals(multiply(transpose(X), transpose(A)), simplify(transpose(multiply(A, X))));
  }

  @Test
  void doubleTransposeCancels() {
    assertEquals(A, simplify(transpose(transpose(A))));
  }

  @Test
  void transposeOfSumDistributes() {
    assertEquals(add(transpose(C), transpose(D)), simplify(transpose(add(C, D))));
  }

  @Test
  void symmetricIsItsOwnTranspose() {
    assertEquals(S, simplify(transpose(S)));
    assertEquals(identity(N), simplify(transpose(identity(N))));
    MatrixExpr bbt = multiply(B, transpose(B));
    assertEquals(bbt, simplify(transpose(bbt)));
  }

  @Test
  void identityIsAbsorbedInProducts() {
    assertEquals(A, simplify(multiply(identity(N), A, identity(M))));
    assertEquals(identity(N), simplify(multiply(identity(N), identity(N))));
  }

  @Test
  void zeroIsAbsorbed() {
    assertEquals(C, simplify(add(C, zero(N, N))));
    assertEquals(zero(N, P), simplify(multiply(A, zero(M, P))));
    assertEquals(zero(N, N), simplify(add(C, negate(C))));
    assertEquals(zero(N, M), simplify(scale(F.C0, A)));
  }

  @Test
  void scalarsArePulledOutAndMultiplied() {
    assertEquals(scale(F.ZZ(6), multiply(C, D)), simplify(multiply(scale(2, C), scale(3, D))));
    assertEquals(scale(F.ZZ(6), C), simplify(scale(2, scale(3, C))));
    assertEquals(C, simplify(scale(F.C1D2, scale(2, C))));
  }

  @Test
  void inverseOfInverseCancels() {
    assertEquals(C, simplify(inverse(inverse(C))));
  }

  @Test
  void inverseOfTransposeIsTransposeOfInverse() {
    assertEquals(transpose(inverse(C)), simplify(inverse(transpose(C))));
  }

  @Test
  void inverseOfScaled() {
    assertEquals(scale(F.C1D2, inverse(C)), simplify(inverse(scale(2, C))));
    assertEquals(scale(F.Power(RandomMatrices.BETA, F.CN1), inverse(C)),
        simplify(inverse(scale(RandomMatrices.BETA, C))));
  }

  @Test
  void inverseOfIdentityAndZero() {
    assertEquals(identity(N), simplify(inverse(identity(N))));
    assertThrows(IllegalArgumentException.class, () -> simplify(inverse(zero(N, N))));
  }

  @Test
  void inversesCancelInProducts() {
    assertEquals(A, simplify(multiply(C, inverse(C), A)));
    assertEquals(identity(N), simplify(multiply(inverse(C), C)));
    assertEquals(identity(N), simplify(multiply(transpose(C), transpose(inverse(C)))));
  }

  @Test
  void sumsAndProductsFlatten() {
    assertEquals(add(C, D, S), simplify(add(C, add(D, S))));
    assertEquals(multiply(C, D, S), simplify(multiply(C, multiply(D, S))));
    assertEquals(add(C, scale(2, D), scale(2, S)), simplify(add(C, scale(2, add(D, S)))));
  }

  @Test
  void likeTermsCombine() {
    MatrixExpr bbt = multiply(B, transpose(B));
    MatrixExpr e = add(identity(N), negate(bbt), scale(2, bbt));
    assertEquals(add(identity(N), bbt), simplify(e));
    assertEquals(scale(F.ZZ(3), C), simplify(add(C, C, C)));
  }

  @Test
  void symmetryRecognition() {
    MatrixExpr bbt = multiply(B, transpose(B));
    MatrixExpr core = inverse(subtract(identity(N), bbt));
    MatrixExpr at = transpose(matrix("A", N, M));
    assertTrue(S.isSymmetric());
    assertTrue(identity(N).isSymmetric());
    assertTrue(bbt.isSymmetric());
    assertTrue(multiply(transpose(B), B).isSymmetric());
    assertTrue(multiply(X, S, transpose(X)).isSymmetric());
    assertTrue(core.isSymmetric());
    assertTrue(multiply(at, core, A).isSymmetric());
    assertTrue(scale(RandomMatrices.BETA, S).isSymmetric());
    assertTrue(transpose(core).isSymmetric());
    assertTrue(multiply(x, transpose(x)).isSymmetric());
    assertFalse(C.isSymmetric());
    assertFalse(multiply(C, S).isSymmetric());
    assertFalse(multiply(X, C, transpose(X)).isSymmetric());
    assertFalse(add(S, C).isSymmetric());
    assertFalse(A.isSymmetric());
  }

  @Test
  void shapesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> multiply(A, B));
    assertEquals("cannot multiply n×m by n×p", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> add(A, B));
    assertEquals("cannot add n×m and n×p", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> inverse(A));
    assertEquals("cannot invert n×m: not square", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Named("S", N, M, true, false));
    assertThrows(IllegalArgumentException.class, () -> new Named("v", N, M, false, true));
    assertThrows(IllegalArgumentException.class, () -> new Sum(List.of()));
  }

  @Test
  void simplificationIsIdempotentOnTheSeedExpression() {
    MatrixExpr e = multiply(transpose(x), A, inverse(subtract(identity(M), multiply(matrix("B", M, P), transpose(matrix("B", M, P))))), transpose(A), x);
    MatrixExpr s = simplify(e);
    assertEquals(s, simplify(s));
    assertEquals(5, ((Product) s).factors().size());
  }
}
