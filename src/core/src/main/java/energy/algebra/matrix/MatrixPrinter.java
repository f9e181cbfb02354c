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
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The layout shared by {@link MatrixText} and {@link MatrixLatex}: products by juxtaposition,
 * aᵀx of two vectors as a·x, parentheses only around sums and scaled terms inside products
 * and around non-atomic bases of ᵀ and ⁻¹, a − b for a sum term with a negative coefficient.
 * Subclasses give the tokens; coefficients go through the caller's scalar function.
 */
abstract class MatrixPrinter {
  private final Function<IExpr, String> coefficient;

  MatrixPrinter(Function<IExpr, String> scalar) {
    this.coefficient = scalar;
  }

  abstract String named(Named n);

  abstract String identity();

  abstract String zero();

  abstract String transposed(String atom);

  abstract String inverted(String atom);

  /** (A⁻¹)ᵀ of an atom A. */
  abstract String inverseTransposed(String atom);

  abstract String parens(String inner);

  abstract String productSeparator();

  /** Between a coefficient and the matrix it scales. */
  abstract String coefficientSeparator();

  abstract String dot(String a, String b);

  abstract String minus();

  abstract String function(String name, String arg, boolean atomicArg);

  abstract String detName();

  abstract String logDetName();

  abstract String traceName();

  public String matrix(MatrixExpr e) {
    if (e instanceof Named n) return named(n);
    if (e instanceof Identity) return identity();
    if (e instanceof Zero) return zero();
    if (e instanceof Transpose t) {
      if (t.m() instanceof Inverse i && atomic(i.m())) return inverseTransposed(matrix(i.m()));
      return transposed(postfixBase(t.m()));
    }
    if (e instanceof Inverse i) return inverted(postfixBase(i.m()));
    if (e instanceof Scaled s) return scaled(s.scalar(), s.m());
    if (e instanceof Sum s) {
      StringBuilder out = new StringBuilder();
      for (MatrixExpr t : s.terms()) {
        Optional<MatrixExpr> negated = negated(t);
        if (out.length() == 0) out.append(t instanceof Sum ? parens(matrix(t)) : matrix(t));
        else if (negated.isPresent()) out.append(" ").append(minus()).append(" ").append(term(negated.get()));
        else out.append(" + ").append(term(t));
      }
      return out.toString();
    }
    Product p = (Product) e;
    List<MatrixExpr> f = p.factors();
    if (f.size() == 2 && f.get(0) instanceof Transpose t && t.m() instanceof Named a && a.vector()
        && f.get(1) instanceof Named b && b.vector())
      return dot(named(a), named(b));
    List<String> parts = new ArrayList<>();
    for (MatrixExpr x : f) parts.add(x instanceof Sum || x instanceof Scaled ? parens(matrix(x)) : matrix(x));
    return String.join(productSeparator(), parts);
  }

  /** Σ_{j=1}^{k} followed by its body. */
  abstract String sum(String index, String bound, String body);

  /** The j-th component of a vector: {@code b_j}, {@code (Wᵀv)_j}. */
  abstract String component(String vector, String index);

  /** ln(1 + e^{x}) and ln(2 cosh x) of a printed argument. */
  abstract String softplus(String arg);

  abstract String logTwoCosh(String arg);

  public String node(ScalarNode node) {
    MatrixExpr m = node.matrix();
    if (node instanceof ScalarNode.Form) return matrix(m);
    if (node instanceof ScalarNode.UnitSum u) return unitSum(u);
    String name =
        node instanceof ScalarNode.Det ? detName() : node instanceof ScalarNode.LogDet ? logDetName() : traceName();
    return function(name, matrix(m), atomic(m));
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
        else if (neg != null) out.append(" ").append(minus()).append(" ").append(scalar(neg));
        else out.append(" + ").append(scalar(t));
      }
      return out.toString();
    }
    if (e.isTimes()) {
      IExpr neg = negativePart(e);
      if (neg != null) return minus() + scalar(neg);
      List<String> parts = new ArrayList<>();
      for (IExpr x : Symja.args(e)) parts.add(x.isPlus() ? parens(scalar(x)) : scalar(x));
      return String.join(coefficientSeparator(), parts);
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
      String comp = component(atomic(body) ? matrix(body) : parens(matrix(body)), j);
      if (body instanceof Named n) comp = component(n.name(), j);
      String term = c.isOne() ? comp : coefficient.apply(c) + coefficientSeparator() + comp;
      if (field.length() == 0) field.append(negated.isPresent() ? minus() + term : term);
      else field.append(negated.isPresent() ? " " + minus() + " " : " + ").append(term);
    }
    String arg = field.toString();
    if (!u.beta().isOne()) arg = coefficient.apply(u.beta()) + coefficientSeparator() + (terms.size() > 1 ? parens(arg) : arg);
    return sum(j, u.matrix().rows().toString(), u.spin() ? logTwoCosh(arg) : softplus(arg));
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
    if (c.isMinusOne()) return minus() + body;
    IExpr neg = negativePart(c);
    if (neg != null) return minus() + coefficient.apply(neg) + coefficientSeparator() + body;
    return coefficient.apply(c) + coefficientSeparator() + body;
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
