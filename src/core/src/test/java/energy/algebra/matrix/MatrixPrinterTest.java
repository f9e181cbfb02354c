package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixExpr.*;
import static energy.algebra.matrix.MatrixSimplifier.simplify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

class MatrixPrinterTest {
  static final Size N = Size.of("n"), M = Size.of("m"), P = Size.of("p");
  static final Named x = vector("x", N), a = vector("a", N), A = matrix("A", N, M), B = matrix("B", M, P);
  static final MatrixExpr CORE = subtract(identity(M), multiply(B, transpose(B)));
  /** xᵀA(𝟙 − BBᵀ)⁻¹Aᵀx. */
  static final MatrixExpr QUAD = multiply(transpose(x), A, inverse(CORE), transpose(A), x);

  @Test
  void quadraticForm() {
    assertEquals("xᵀA(I − BBᵀ)⁻¹Aᵀx", MatrixPrinter.TEXT.print(QUAD));
    assertEquals("\\mathbf{x}^{\\mathsf{T}} A \\left(\\mathbb{I} - B B^{\\mathsf{T}}\\right)^{-1} A^{\\mathsf{T}} \\mathbf{x}",
        MatrixPrinter.LATEX.print(QUAD));
    assertEquals("xᵀA(I − BBᵀ)⁻¹Aᵀx", MatrixPrinter.TEXT.print(simplify(QUAD)), "the normal form prints the same");
    IExpr form = MatrixScalars.form(QUAD);
    assertEquals("xᵀA(I − BBᵀ)⁻¹Aᵀx", MatrixPrinter.TEXT.print(form));
  }

  @Test
  void logDet() {
    IExpr ld = MatrixScalars.logDet(CORE);
    assertEquals("ln det(I − BBᵀ)", MatrixPrinter.TEXT.print(ld));
    assertEquals("\\ln\\det\\left(\\mathbb{I} - B B^{\\mathsf{T}}\\right)", MatrixPrinter.LATEX.print(ld));
    assertEquals("\\det A", MatrixPrinter.LATEX.print(new ScalarNode.Det(matrix("A", N, N))));
    assertEquals("\\operatorname{tr}\\left(B^{\\mathsf{T}} B\\right)", MatrixPrinter.LATEX.print(MatrixScalars.trace(multiply(transpose(B), B))));
    assertEquals("tr(BᵀB)", MatrixPrinter.TEXT.print(MatrixScalars.trace(multiply(transpose(B), B))));
  }

  @Test
  void dotProduct() {
    MatrixExpr ax = multiply(transpose(a), x);
    assertEquals("a·x", MatrixPrinter.TEXT.print(ax));
    assertEquals("\\mathbf{a} \\cdot \\mathbf{x}", MatrixPrinter.LATEX.print(ax));
    assertEquals("a·x", MatrixPrinter.TEXT.print(MatrixScalars.form(multiply(transpose(x), a))), "x·a is a·x");
  }

  @Test
  void coefficientsAndSigns() {
    MatrixExpr bbt = multiply(B, transpose(B));
    MatrixExpr e = add(identity(M), scale(F.C1D2, bbt), scale(F.Times(F.CN1, RandomMatrices.BETA), transpose(inverse(matrix("C", M, M)))));
    assertEquals("I + (1/2)BBᵀ − betaC⁻ᵀ", MatrixPrinter.TEXT.print(e));
    assertEquals("\\mathbb{I} + \\frac{1}{2} B B^{\\mathsf{T}} - \\beta C^{-\\mathsf{T}}", MatrixPrinter.LATEX.print(e));
    assertEquals("−2(I + BBᵀ)", MatrixPrinter.TEXT.print(scale(-2, add(identity(M), bbt))));
    assertEquals("(Aᵀ)⁻¹", MatrixPrinter.TEXT.print(inverse(transpose(matrix("A", N, N)))));
    // A scalar with atoms: −½ xᵀMx + a·x, in Symja's order of terms.
    IExpr h = F.Plus(F.Times(F.CN1D2, MatrixScalars.form(QUAD)), MatrixScalars.form(multiply(transpose(a), x)));
    String text = MatrixPrinter.TEXT.print(energy.algebra.Symja.eval(h));
    assertEquals(true, text.equals("a·x − (1/2)xᵀA(I − BBᵀ)⁻¹Aᵀx") || text.equals("−(1/2)xᵀA(I − BBᵀ)⁻¹Aᵀx + a·x"), text);
  }
}
