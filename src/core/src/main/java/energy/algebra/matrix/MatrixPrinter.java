package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Inverse;
import energy.algebra.matrix.MatrixExpr.Named;
import energy.algebra.matrix.MatrixExpr.Product;
import energy.algebra.matrix.MatrixExpr.Scaled;
import energy.algebra.matrix.MatrixExpr.Sum;
import energy.algebra.matrix.MatrixExpr.Transpose;
import energy.algebra.matrix.MatrixExpr.Zero;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Matrix notation, physicist style, in LaTeX ({@link #LATEX}: vectors bold, {@code A^{\mathsf{T}}},
 * {@code \left(\mathbb{I} - B B^{\mathsf{T}}\right)^{-1}}, {@code \mathbf{a} \cdot \mathbf{x}}
 * for aᵀx, {@code \ln\det}, {@code \operatorname{tr}}) or text ({@link #TEXT}: {@code
 * xᵀA(I − BBᵀ)⁻¹Aᵀx}, {@code a·x}, {@code ln det(I − BBᵀ)}). One layout: products by
 * juxtaposition, aᵀx of two vectors as a·x, parentheses only around sums and scaled terms inside
 * products and around non-atomic bases of ᵀ and ⁻¹, a − b for a sum term with a negative
 * coefficient. A {@link Notation} gives the tokens; coefficients go through the caller's scalar
 * function. The identity is \mathbb{I} (amssymb has no double-struck 1, KaTeX draws it as a
 * plain 1) and I in text, as the language writes it.
 */
public final class MatrixPrinter {
  /** The tokens of a notation; {@code %s} stands for the parts, in order. */
  private record Notation(
      String vector,
      String identity,
      String transposed,
      String inverted,
      String inverseTransposed,
      String parens,
      String productSeparator,
      String coefficientSeparator,
      String dot,
      String minus,
      String functionOfAtom,
      String function,
      String sum,
      String component,
      String softplus,
      String logTwoCosh,
      String det,
      String logDet,
      String trace) {}

  private static final Notation LATEX_NOTATION = new Notation("\\mathbf{%s}", "\\mathbb{I}", "%s^{\\mathsf{T}}", "%s^{-1}", "%s^{-\\mathsf{T}}",
      "\\left(%s\\right)", " ", " ", "%s \\cdot %s", "-", "%s %s", "%s\\left(%s\\right)", "\\sum_{%s=1}^{%s} %s", "%s_{%s}",
      "\\ln\\left(1 + e^{%s}\\right)", "\\ln\\left(2 \\cosh\\left(%s\\right)\\right)", "\\det", "\\ln\\det", "\\operatorname{tr}");
  private static final Notation TEXT_NOTATION = new Notation("%s", "I", "%sᵀ", "%s⁻¹", "%s⁻ᵀ", "(%s)", "", "", "%s·%s", "−", "%s(%s)", "%s(%s)",
      "Σ_{%s=1}^{%s} %s", "%s_%s", "ln(1 + exp(%s))", "ln(2cosh(%s))", "det", "ln det", "tr");

  private static final Set<String> GREEK =
      Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda", "mu",
          "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
          "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega");

  /** LaTeX with integers as is, rationals as {@code \frac{p}{q}}, Greek-named symbols as {@code \beta}. */
  public static final MatrixPrinter LATEX =
      latex(c -> {
        if (c.isFraction()) {
          IRational q = (IRational) c;
          String frac = "\\frac{" + q.numerator().abs() + "}{" + q.denominator() + "}";
          return q.isNegative() ? "-" + frac : frac;
        }
        if (c.isSymbol() && GREEK.contains(c.toString())) return "\\" + c;
        return c.toString();
      });

  /** Text with integers and symbols as Symja writes them, anything else in parentheses: (1/2)A. */
  public static final MatrixPrinter TEXT = text(c -> c.isInteger() || c.isSymbol() ? c.toString() : "(" + c + ")");

  private final Function<IExpr, String> coefficient;
  private final Notation notation;

  private MatrixPrinter(Function<IExpr, String> scalar, Notation notation) {
    this.coefficient = scalar;
    this.notation = notation;
  }

  /** LaTeX, coefficients written by {@code scalar}. */
  public static MatrixPrinter latex(Function<IExpr, String> scalar) {
    return new MatrixPrinter(scalar, LATEX_NOTATION);
  }

  /** Text, coefficients written by {@code scalar}. */
  public static MatrixPrinter text(Function<IExpr, String> scalar) {
    return new MatrixPrinter(scalar, TEXT_NOTATION);
  }

  public String print(MatrixExpr e) {
    return matrix(e);
  }

  public String print(ScalarNode n) {
    return node(n);
  }

  /** A Symja scalar, atoms of {@link MatrixScalars} printed as matrix functions. */
  public String print(IExpr e) {
    return scalar(e);
  }

  private String named(Named n) {
    return n.vector() ? String.format(notation.vector(), n.name()) : n.name();
  }

  private String parens(String inner) {
    return String.format(notation.parens(), inner);
  }

  public String matrix(MatrixExpr e) {
    if (e instanceof Named n) return named(n);
    if (e instanceof Identity) return notation.identity();
    if (e instanceof Zero) return "0";
    if (e instanceof Transpose t) {
      if (t.m() instanceof Inverse i && atomic(i.m())) return String.format(notation.inverseTransposed(), matrix(i.m()));
      return String.format(notation.transposed(), postfixBase(t.m()));
    }
    if (e instanceof Inverse i) return String.format(notation.inverted(), postfixBase(i.m()));
    if (e instanceof Scaled s) return scaled(s.scalar(), s.m());
    if (e instanceof Sum s) {
      StringBuilder out = new StringBuilder();
      for (MatrixExpr t : s.terms()) {
        Optional<MatrixExpr> negated = negated(t);
        if (out.length() == 0) out.append(t instanceof Sum ? parens(matrix(t)) : matrix(t));
        else if (negated.isPresent()) out.append(" ").append(notation.minus()).append(" ").append(term(negated.get()));
        else out.append(" + ").append(term(t));
      }
      return out.toString();
    }
    Product p = (Product) e;
    List<MatrixExpr> f = p.factors();
    if (f.size() == 2 && f.get(0) instanceof Transpose t && t.m() instanceof Named a && a.vector()
        && f.get(1) instanceof Named b && b.vector())
      return String.format(notation.dot(), named(a), named(b));
    List<String> parts = new ArrayList<>();
    for (MatrixExpr x : f) parts.add(x instanceof Sum || x instanceof Scaled ? parens(matrix(x)) : matrix(x));
    return String.join(notation.productSeparator(), parts);
  }





  public String node(ScalarNode node) {
    MatrixExpr m = node.matrix();
    if (node instanceof ScalarNode.Form) return matrix(m);
    if (node instanceof ScalarNode.UnitSum u) return unitSum(u);
    String name =
        node instanceof ScalarNode.Det ? notation.det() : node instanceof ScalarNode.LogDet ? notation.logDet() : notation.trace();
    return String.format(atomic(m) ? notation.functionOfAtom() : notation.function(), name, matrix(m));
  }

  /**
   * A Symja scalar that may contain atoms of {@link MatrixScalars}: sums and products are laid
   * out here (so atoms print as matrix functions), everything else goes to the scalar function.
   */
  public String scalar(IExpr e) {
    Optional<ScalarNode> node = MatrixScalars.node(e);
    if (node.isPresent()) return node(node.get());
    if (!hasAtom(e)) return coefficient.apply(e);
    if (e.isPlus()) {
      StringBuilder out = new StringBuilder();
      for (IExpr t : Symja.args(e)) {
        IExpr neg = negativePart(t);
        if (out.length() == 0) out.append(scalar(t));
        else if (neg != null) out.append(" ").append(notation.minus()).append(" ").append(scalar(neg));
        else out.append(" + ").append(scalar(t));
      }
      return out.toString();
    }
    if (e.isTimes()) {
      IExpr neg = negativePart(e);
      if (neg != null) return notation.minus() + scalar(neg);
      List<String> parts = new ArrayList<>();
      for (IExpr x : Symja.args(e)) parts.add(x.isPlus() ? parens(scalar(x)) : scalar(x));
      return String.join(notation.coefficientSeparator(), parts);
    }
    return coefficient.apply(e); // e.g. a power of an atom: as the scalar function writes it
  }

  /** Σ_{j=1}^{m} ln(1 + e^{β(b_j + (Wᵀv)_j)}): the field written by components. */
  private String unitSum(ScalarNode.UnitSum u) {
    String j = "j";
    List<MatrixExpr> terms = u.matrix() instanceof Sum s ? s.terms() : List.of(u.matrix());
    StringBuilder field = new StringBuilder();
    for (MatrixExpr t : terms) {
      Optional<MatrixExpr> negated = negated(t);
      MatrixExpr body = negated.orElse(t);
      IExpr c = F.C1;
      if (body instanceof Scaled sc) {
        c = sc.scalar();
        body = sc.m();
      }
      String comp = String.format(notation.component(), atomic(body) ? matrix(body) : parens(matrix(body)), j);
      if (body instanceof Named n) comp = String.format(notation.component(), n.name(), j);
      String term = c.isOne() ? comp : coefficient.apply(c) + notation.coefficientSeparator() + comp;
      if (field.length() == 0) field.append(negated.isPresent() ? notation.minus() + term : term);
      else field.append(negated.isPresent() ? " " + notation.minus() + " " : " + ").append(term);
    }
    String arg = field.toString();
    if (!u.beta().isOne()) arg = coefficient.apply(u.beta()) + notation.coefficientSeparator() + (terms.size() > 1 ? parens(arg) : arg);
    return String.format(notation.sum(), j, u.matrix().rows().toString(), String.format(u.spin() ? notation.logTwoCosh() : notation.softplus(), arg));
  }

  private static boolean hasAtom(IExpr e) {
    if (MatrixScalars.node(e).isPresent()) return true;
    for (IExpr a : Symja.args(e)) if (hasAtom(a)) return true;
    return false;
  }

  /** −t's positive counterpart when t reads negative (coefficient a negative number), else null. */
  private static IExpr negativePart(IExpr t) {
    if (t.isNumber() && t.isNegative()) return Symja.eval(F.Negate(t));
    if (t.isTimes() && t.first().isNumber() && t.first().isNegative()) return Symja.eval(F.Negate(t));
    return null;
  }

  private String scaled(IExpr c, MatrixExpr m) {
    String body = m instanceof Sum || m instanceof Scaled ? parens(matrix(m)) : matrix(m);
    if (c.isMinusOne()) return notation.minus() + body;
    IExpr neg = negativePart(c);
    if (neg != null) return notation.minus() + coefficient.apply(neg) + notation.coefficientSeparator() + body;
    return coefficient.apply(c) + notation.coefficientSeparator() + body;
  }

  private String term(MatrixExpr t) {
    return t instanceof Sum ? parens(matrix(t)) : matrix(t);
  }

  private static Optional<MatrixExpr> negated(MatrixExpr t) {
    if (!(t instanceof Scaled s)) return Optional.empty();
    if (s.scalar().isMinusOne()) return Optional.of(s.m());
    IExpr neg = negativePart(s.scalar());
    return neg == null ? Optional.empty() : Optional.of(new Scaled(neg, s.m()));
  }

  private String postfixBase(MatrixExpr m) {
    return atomic(m) ? matrix(m) : parens(matrix(m));
  }

  static boolean atomic(MatrixExpr m) {
    return m instanceof Named || m instanceof Identity || m instanceof Zero;
  }
}
