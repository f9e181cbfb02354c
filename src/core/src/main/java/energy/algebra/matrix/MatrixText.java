package energy.algebra.matrix;

import energy.algebra.matrix.MatrixExpr.Named;
import java.util.function.Function;
import org.matheclipse.core.interfaces.IExpr;

/** Plain-text notation: {@code xᵀA(I − BBᵀ)⁻¹Aᵀx}, {@code a·x}, {@code ln det(I − BBᵀ)}; the identity I as the language writes it. */
public final class MatrixText extends MatrixPrinter {
  /** Integers and symbols as Symja writes them, anything else in parentheses: (1/2)A. */
  public static final Function<IExpr, String> DEFAULT_SCALAR =
      c -> c.isInteger() || c.isSymbol() ? c.toString() : "(" + c + ")";

  private static final MatrixText DEFAULT = new MatrixText(DEFAULT_SCALAR);

  public MatrixText(Function<IExpr, String> scalar) {
    super(scalar);
  }

  public static String print(MatrixExpr e) {
    return DEFAULT.matrix(e);
  }

  public static String print(ScalarNode n) {
    return DEFAULT.node(n);
  }

  /** A Symja scalar, atoms of {@link MatrixScalars} printed as matrix functions. */
  public static String print(IExpr e) {
    return DEFAULT.scalar(e);
  }

  String named(Named n) {
    return n.name();
  }

  String identity() {
    return "I";
  }

  String zero() {
    return "0";
  }

  String transposed(String atom) {
    return atom + "ᵀ";
  }

  String inverted(String atom) {
    return atom + "⁻¹";
  }

  String inverseTransposed(String atom) {
    return atom + "⁻ᵀ";
  }

  String parens(String inner) {
    return "(" + inner + ")";
  }

  String productSeparator() {
    return "";
  }

  String coefficientSeparator() {
    return "";
  }

  String dot(String a, String b) {
    return a + "·" + b;
  }

  String minus() {
    return "−";
  }

  String function(String name, String arg, boolean atomicArg) {
    return name + "(" + arg + ")";
  }

  String sum(String index, String bound, String body) {
    return "Σ_{" + index + "=1}^{" + bound + "} " + body;
  }

  String component(String vector, String index) {
    return vector + "_" + index;
  }

  String softplus(String arg) {
    return "ln(1 + exp(" + arg + "))";
  }

  String logTwoCosh(String arg) {
    return "ln(2cosh(" + arg + "))";
  }

  String detName() {
    return "det";
  }

  String logDetName() {
    return "ln det";
  }

  String traceName() {
    return "tr";
  }
}
