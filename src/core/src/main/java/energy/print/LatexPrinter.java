package energy.print;

import static energy.print.Notation.POWER;

import energy.print.Notation.Product;
import energy.print.Notation.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
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
    if (slashed > 0 && (p.hasDenominator() || p.coefficient().isFraction())) return slashedProduct(p);
    if (inArgument > 0 && isSmallFraction(p)) return slashedProduct(p);
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
    if (f != null && Notation.isPositiveInteger(exponent)) // \cosh^{2} 2K, \sigma^{2}(\beta b_1)
      return function(f.latex() + "^{" + render(exponent) + "}", base.getAt(1), f.bracketed());
    // \cosh 2K^{2} would square K: a call is bracketed whole.
    String b = f != null ? bracket(render(base)) : parenthesize(base, POWER, true);
    return b + "^{" + superscript(exponent) + "}";
  }

  /**
   * While above zero, fractions print with a slash: a superscript is set small, and a
   * {@code \frac} in it smaller still ({@code e^{\beta g^2/c}}, {@code x^{1/3}}).
   */
  private int slashed;

  /**
   * While above zero, a small fraction prints with a slash: inside a function's brackets
   * {@code \cosh(\beta(J + g^{2}/c))} reads better than a {@code \frac} that stretches every
   * bracket around it.
   */
  private int inArgument;

  /** A fraction of products without sums or calls: g²/c, K/2, x/(2β). */
  private static boolean isSmallFraction(Product p) {
    if (!p.hasDenominator() && !p.coefficient().isFraction()) return false;
    if (!p.calls().isEmpty()) return false;
    for (IExpr f : p.numerator()) if (Notation.precedence(f, false) < POWER) return false;
    for (IExpr f : p.denominator()) if (Notation.precedence(f, false) < POWER) return false;
    return true;
  }

  /** A function's bracketed argument: small fractions with a slash. */
  private String argument(IExpr x) {
    inArgument++;
    try {
      return render(x);
    } finally {
      inArgument--;
    }
  }

  /** An exponent as it is set in a superscript: fractions with a slash. */
  private String superscript(IExpr x) {
    slashed++;
    try {
      return render(x);
    } finally {
      slashed--;
    }
  }

  @Override
  String fraction(String numerator, String denominator) {
    return slashed > 0 ? numerator + "/" + denominator : super.fraction(numerator, denominator);
  }

  /**
   * {@code a b/c}, {@code x/(2\beta)}, {@code (a + b)/c}: the numerator as juxtaposed factors
   * (bracketed when a call would take the slash into its argument), the denominator bracketed
   * unless it is one factor.
   */
  private String slashedProduct(Product p) {
    List<IExpr> above = p.numerator();
    List<String> num = new ArrayList<>();
    if (!p.coefficientNumerator().isOne() || above.isEmpty()) num.add(number(p.coefficientNumerator()));
    num.addAll(factors(above));
    String n = juxtapose(num);
    List<String> den = new ArrayList<>();
    if (!p.coefficientDenominator().isOne()) den.add(p.coefficientDenominator().toString());
    den.addAll(factors(p.denominator()));
    if (den.isEmpty()) return n;
    if (!p.calls().isEmpty()) n = bracket(n);
    boolean single = den.size() == 1 && (p.denominator().isEmpty()
        || Notation.precedence(p.denominator().get(0), false) >= POWER);
    return n + "/" + (single ? den.get(0) : bracket(juxtapose(den)));
  }

  @Override
  String sqrt(IExpr base) {
    return "\\sqrt{" + render(base) + "}";
  }

  /**
   * The one exponential rule: {@code e^{x}} when the exponent, set as a superscript, is short
   * (at most {@link PrintSettings#maxInlineExponent} wide as set in the superscript) and not tall; otherwise
   * {@code \exp(x)}, which stays readable where a superscript would not.
   */
  @Override
  String exp(IExpr x) {
    String s = superscript(x);
    if (slashed == 0 && (isTall(s) || TexWidth.superscriptWidth(s) > settings.maxInlineExponent())) return "\\exp" + bracket(argument(x));
    return e() + "^{" + s + "}";
  }

  @Override
  String call(Notation.Function f, IExpr arg) {
    return function(f.latex(), arg, f.bracketed());
  }

  /**
   * A call by {@link Notation#isSimpleArgument}'s rule: {@code \ln 2}, {@code \cosh 4 K},
   * {@code \ln\cosh 2 K}, {@code \ln\frac{\beta}{2 \pi}} bare; everything else, and σ's
   * argument always, in brackets sized to the content.
   */
  private String function(String name, IExpr arg, boolean bracketed) {
    if (!bracketed && isFraction(arg)) return name + render(arg);
    if (arg.isList()) return name + " " + render(arg);
    if (bracketed || !Notation.isSimpleArgument(arg)) return name + bracket(argument(arg));
    return name + (Notation.function(arg) != null ? "" : " ") + render(arg);
  }

  /** Prints as exactly one {@code \frac{…}{…}}. */
  private boolean isFraction(IExpr e) {
    if (slashed > 0) return false;
    if (e.isNumber()) return e.isFraction() && e.isPositive();
    if (!e.isTimes() && !Notation.isReciprocal(e)) return false;
    Product p = Product.of(e, settings);
    if (inArgument > 0 && isSmallFraction(p)) return false; // printed with a slash
    return !p.negative() && p.hasDenominator() && p.outside().isEmpty();
  }

  /**
   * {@code (…)} around content of one line's height, {@code \left(…\right)} around anything
   * taller: a fraction, a matrix, a sum with limits, or brackets that are themselves stretched.
   */
  @Override
  String bracket(String s) {
    return isTall(s) ? "\\left(" + s + "\\right)" : "(" + s + ")";
  }

  @Override
  String abs(String s) {
    return isTall(s) ? "\\left|" + s + "\\right|" : "|" + s + "|";
  }

  /** Printed LaTeX taller than a line of text. */
  public static boolean isTall(String latex) {
    for (String tall : TALL) if (latex.contains(tall)) return true;
    return false;
  }

  private static final List<String> TALL = List.of("\\frac", "\\begin", "\\sum", "\\prod", "\\int", "\\left", "\\bigl", "\\binom");

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
