package energy.print;

import static energy.print.Notation.ATOM;
import static energy.print.Notation.POWER;

import energy.print.Notation.Product;
import energy.print.Notation.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.INumber;

/**
 * Symja expressions as LaTeX the way a physicist typesets them: juxtaposed factors,
 * {@code \frac} for division, {@code e^{x}}, {@code \ln x}, subscripted indices.
 */
public final class LatexPrinter extends ExpressionPrinter {
  private static final Tokens LATEX = new Tokens(Notation.Name::latex, Relation::latex,
      "-", "\\infty", "\\pi", "\\mathrm{e}", "\\mathrm{i}", " i", "\\kappa",
      "\\langle %s \\rangle", "\\left|%s\\right|", "\\frac{%s}{%s}", " \\times ", " \\land ", " \\lor ",
      "\\operatorname{%s}", "\\left(", "\\right)", false);

  public LatexPrinter() {
    this(List.of(), List.of());
  }

  /** A printer for one model: its units after the couplings in every product, its user names unambiguous. */
  public LatexPrinter(Collection<? extends IExpr> units, Collection<String> names) {
    super(PrintSettings.DEFAULTS.withUnits(units).withNames(names), LATEX);
  }

  /**
   * Coefficient first, then factors, then function calls. Without a symbolic denominator a
   * rational coefficient stays a leading {@code \frac{1}{2}}; with one, everything but the calls
   * goes into a single {@code \frac} and the calls follow it.
   */
  @Override
  String product(Product p) {
    List<String> parts = new ArrayList<>();
    if (!p.hasDenominator()) {
      if (!p.coefficient().isOne() || p.numerator().isEmpty()) parts.add(number(p.coefficient()));
      parts.addAll(factors(p.numerator()));
      return juxtapose(parts);
    }
    boolean callsOutside = !p.outside().isEmpty();
    String num = fractionPart(p.coefficientNumerator(), callsOutside ? p.inside() : p.numerator());
    String den = fractionPart(p.coefficientDenominator(), p.denominator());
    parts.add("\\frac{" + num + "}{" + den + "}");
    if (callsOutside) parts.addAll(factors(p.outside()));
    return juxtapose(parts);
  }

  /** One side of a fraction bar: the bar groups, so a lone factor needs no brackets. */
  private String fractionPart(INumber coefficient, List<IExpr> factors) {
    List<String> parts = new ArrayList<>();
    if (!coefficient.isOne() || factors.isEmpty()) parts.add(number(coefficient));
    if (parts.isEmpty() && factors.size() == 1) return render(factors.get(0));
    parts.addAll(factors(factors));
    return juxtapose(parts);
  }

  /**
   * Factors side by side; {@code \cdot} only where two numbers would run together, or after a
   * lone {@code d}, which before another factor would read as a differential ({@code d \cdot x_{1}}).
   */
  private static String juxtapose(List<String> parts) {
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String s : parts) {
      if (previous != null) {
        boolean digits =
            Character.isDigit(out.charAt(out.length() - 1)) && Character.isDigit(s.charAt(0));
        boolean differential = previous.equals("d") || previous.startsWith("d^{");
        out.append(digits || differential ? " \\cdot " : " ");
      }
      out.append(s);
      previous = s;
    }
    return out.toString();
  }

  @Override
  String power(IExpr base, IExpr exponent) {
    Notation.Function f = Notation.function(base);
    if (f != null && Notation.isPositiveInteger(exponent)) // \cosh^{2} x
      return function(f.latex() + "^{" + render(exponent) + "}", base.getAt(1));
    // \cosh x^{2} would square x: a bare-argument call is bracketed whole.
    String b = f != null ? bracket(render(base)) : parenthesize(base, POWER, true);
    return b + "^{" + exponent(exponent) + "}";
  }

  /** A rational exponent is folded ({@code x^{1/3}}): a \frac in a superscript is too small. */
  private String exponent(IExpr x) {
    if (x.isFraction()) {
      IFraction q = (IFraction) x;
      return q.numerator().toString() + "/" + q.denominator().toString();
    }
    return render(x);
  }

  @Override
  String sqrt(IExpr base) {
    return "\\sqrt{" + render(base) + "}";
  }

  @Override
  String exp(IExpr x) {
    String s = render(x);
    if (s.length() > settings.maxInlineExponent()) return "\\exp" + bracket(s);
    return e() + "^{" + s + "}";
  }

  @Override
  String call(Notation.Function f, IExpr arg) {
    return function(f.latex(), arg);
  }

  /**
   * {@code \ln 2}, {@code \cosh \beta}, {@code \ln\frac{\beta}{2 \pi}}: atoms and single
   * fractions go bare, everything else in brackets.
   */
  private String function(String name, IExpr arg) {
    String s = render(arg);
    if (isFraction(arg)) return name + s;
    boolean atom = Notation.precedence(arg, false) == ATOM && (!arg.isAST() || arg.isInfinity());
    return atom || arg.isList() ? name + " " + s : name + bracket(s);
  }

  /** Prints as exactly one {@code \frac{…}{…}}. */
  private boolean isFraction(IExpr e) {
    if (e.isNumber()) return e.isFraction() && e.isPositive();
    if (e.isPower()) return Notation.isMinusHalf(e.exponent());
    if (!e.isTimes()) return false;
    Product p = Product.of(e, settings);
    return !p.negative() && p.hasDenominator() && p.outside().isEmpty();
  }

  @Override
  String tenToThe(int exponent) {
    return "10^{" + exponent + "}";
  }

  /** A vector or matrix as {@code pmatrix}: entries split by {@code &}, rows by {@code \\}. */
  @Override
  String list(IExpr e) {
    List<IExpr> rows = Notation.args(e);
    boolean matrix = !rows.isEmpty() && rows.stream().allMatch(IExpr::isList);
    StringBuilder out = new StringBuilder("\\begin{pmatrix} ");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) out.append(matrix ? " \\\\ " : " & ");
      if (!matrix) out.append(render(rows.get(i)));
      else out.append(join(rows.get(i), " & ", 0));
    }
    return out.append(" \\end{pmatrix}").toString();
  }
}
