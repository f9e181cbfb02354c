package energy.algebra.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;

/** Σ_{j=1}^{m} over a layer of units, printed by components of its field (strings derived by hand). */
class UnitSumPrinterTest {
  static final Size N = Size.of("n"), M = Size.of("m");
  static final MatrixExpr V = MatrixExpr.vector("v", N), B = MatrixExpr.vector("b", M), C = MatrixExpr.vector("c", M);
  static final MatrixExpr W = MatrixExpr.matrix("W", N, M);

  @Test
  void binaryLayerInLatex() {
    ScalarNode s = new ScalarNode.UnitSum(false, MatrixExpr.add(B, MatrixExpr.multiply(MatrixExpr.transpose(W), V)), RandomMatrices.BETA);
    assertEquals(
        "\\sum_{j=1}^{m} \\ln\\left(1 + e^{\\beta \\left(b_{j} + \\left(W^{\\mathsf{T}} \\mathbf{v}\\right)_{j}\\right)}\\right)",
        MatrixPrinter.LATEX.print(s));
    assertEquals("Σ_{j=1}^{m} ln(1 + exp(β(b_j + (Wᵀv)_j)))".replace("β", "beta"), MatrixPrinter.TEXT.print(s));
  }

  @Test
  void spinLayerWithoutTemperatureInText() {
    ScalarNode s = new ScalarNode.UnitSum(true, MatrixExpr.add(MatrixExpr.scale(-2, MatrixExpr.multiply(MatrixExpr.transpose(W), V)), C), F.C1);
    assertEquals("Σ_{j=1}^{m} ln(2cosh(−2(Wᵀv)_j + c_j))", MatrixPrinter.TEXT.print(s));
    assertEquals("\\sum_{j=1}^{m} \\ln\\left(2 \\cosh\\left(-2 \\left(W^{\\mathsf{T}} \\mathbf{v}\\right)_{j} + c_{j}\\right)\\right)", MatrixPrinter.LATEX.print(s));
  }
}
