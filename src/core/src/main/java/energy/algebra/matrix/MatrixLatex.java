package energy.algebra.matrix;

import energy.algebra.matrix.MatrixExpr.Named;
import java.util.Set;
import java.util.function.Function;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * LaTeX notation, physicist style: vectors bold ({@code \mathbf{x}}), matrices plain,
 * {@code A^{\mathsf{T}}}, {@code \left(\mathbb{I} - B B^{\mathsf{T}}\right)^{-1}} (\mathbb{I}, not \mathbb{1}: amssymb has no double-struck 1 and KaTeX draws a plain 1),
 * {@code \mathbf{a} \cdot \mathbf{x}} for aᵀx, {@code \ln\det}, {@code \operatorname{tr}}.
 */
public final class MatrixLatex extends MatrixPrinter {
  private static final Set<String> GREEK =
      Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda", "mu",
          "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
          "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega");

  /** Integers as is, rationals as {@code \frac{p}{q}}, Greek-named symbols as {@code \beta}. */
  public static final Function<IExpr, String> DEFAULT_SCALAR =
      c -> {
        if (c.isFraction()) {
          IRational q = (IRational) c;
          String frac = "\\frac{" + q.numerator().abs() + "}{" + q.denominator() + "}";
          return q.isNegative() ? "-" + frac : frac;
        }
        if (c.isSymbol() && GREEK.contains(c.toString())) return "\\" + c;
        return c.toString();
      };

  private static final MatrixLatex DEFAULT = new MatrixLatex(DEFAULT_SCALAR);

  public MatrixLatex(Function<IExpr, String> scalar) {
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
    return n.vector() ? "\\mathbf{" + n.name() + "}" : n.name();
  }

  String identity() {
    return "\\mathbb{I}";
  }

  String zero() {
    return "0";
  }

  String transposed(String atom) {
    return atom + "^{\\mathsf{T}}";
  }

  String inverted(String atom) {
    return atom + "^{-1}";
  }

  String inverseTransposed(String atom) {
    return atom + "^{-\\mathsf{T}}";
  }

  String parens(String inner) {
    return "\\left(" + inner + "\\right)";
  }

  String productSeparator() {
    return " ";
  }

  String coefficientSeparator() {
    return " ";
  }

  String dot(String a, String b) {
    return a + " \\cdot " + b;
  }

  String minus() {
    return "-";
  }

  String function(String name, String arg, boolean atomicArg) {
    return atomicArg ? name + " " + arg : name + "\\left(" + arg + "\\right)";
  }

  String sum(String index, String bound, String body) {
    return "\\sum_{" + index + "=1}^{" + bound + "} " + body;
  }

  String component(String vector, String index) {
    return vector + "_{" + index + "}";
  }

  String softplus(String arg) {
    return "\\ln\\left(1 + e^{" + arg + "}\\right)";
  }

  String logTwoCosh(String arg) {
    return "\\ln\\left(2 \\cosh\\left(" + arg + "\\right)\\right)";
  }

  String detName() {
    return "\\det";
  }

  String logDetName() {
    return "\\ln\\det";
  }

  String traceName() {
    return "\\operatorname{tr}";
  }
}
