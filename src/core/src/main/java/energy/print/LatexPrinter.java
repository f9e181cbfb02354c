package energy.print;

import energy.algebra.Symja;
import static energy.print.Notation.ATOM;
import static energy.print.Notation.LOGIC;
import static energy.print.Notation.POWER;
import static energy.print.Notation.PRODUCT;
import static energy.print.Notation.RELATION;
import static energy.print.Notation.SUM;

import energy.print.Notation.Decimal;
import energy.print.Notation.Product;
import energy.print.Notation.Relation;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symja expressions as LaTeX the way a physicist typesets them: juxtaposed factors,
 * {@code \frac} for division, {@code e^{x}}, {@code \ln x}, subscripted indices. One method per
 * head; brackets between operators come only from {@link #parenthesize}.
 */
public final class LatexPrinter {
  private final PrintSettings settings;

  public LatexPrinter() {
    this(PrintSettings.DEFAULTS);
  }

  /** A printer that writes the given unit symbols after the couplings in every product. */
  public static LatexPrinter forUnits(java.util.Collection<? extends org.matheclipse.core.interfaces.IExpr> units) {
    return new LatexPrinter(PrintSettings.DEFAULTS.withUnits(units));
  }

  /**
   * A printer for one model: its unit symbols go after the couplings in every product, and its
   * user names print unambiguously ({@link Notation.Names}).
   */
  public static LatexPrinter forModel(
      java.util.Collection<? extends org.matheclipse.core.interfaces.IExpr> units, java.util.Collection<String> names) {
    return new LatexPrinter(PrintSettings.DEFAULTS.withUnits(units).withNames(names));
  }

  LatexPrinter(PrintSettings settings) {
    this.settings = settings;
  }

  /** {@code e} as LaTeX math, without {@code $} delimiters. */
  public String print(IExpr e) {
    return render(Notation.released(e));
  }

  private String render(IExpr e) {
    if (e.isNumber()) return number((INumber) e);
    if (e.isInfinity()) return "\\infty";
    if (e.isNegativeInfinity()) return "-\\infty";
    if (e.isSymbol()) return symbol((ISymbol) e);
    if (!e.isAST()) return e.toString();
    if (e.head() == Symja.EXPECTATION && e.argSize() == 1) return "\\langle " + render(e.getAt(1)) + " \\rangle";
    if (e.head() == Symja.CUMULANT) return "\\kappa" + bracket(joinArgs(e, ", "));
    if (e.isPlus()) return sum(Notation.orderTerms(Notation.args(e)));
    if (e.isTimes()) return product(Product.of(e, settings.units()), true);
    if (e.isPower()) return power(e.base(), e.exponent());
    if (e.isAST(S.Exp, 2)) return exp(e.getAt(1));
    if (e.isList()) return list(e);
    if (e.isAST(S.Abs, 2)) return "\\left|" + render(e.getAt(1)) + "\\right|";
    Relation r = Notation.relation(e);
    if (r != null) return relation(e, r);
    if (e.isAST(S.And)) return join(e, " \\land ", LOGIC);
    if (e.isAST(S.Or)) return join(e, " \\lor ", LOGIC);
    Notation.Function f = Notation.function(e);
    if (f != null) return function(f.latex(), e.getAt(1));
    return generic(e);
  }

  private String joinArgs(IExpr e, String separator) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 1; i <= e.argSize(); i++) out.add(render(e.getAt(i)));
    return String.join(separator, out);
  }

  /** Terms in exactly the caller's order, each negative one joined with a minus. */
  public String printSum(List<IExpr> terms) {
    return terms.isEmpty() ? "0" : sum(terms.stream().map(Notation::released).toList());
  }

  /**
   * A user name as LaTeX: {@code beta[2]} → {@code \beta_{2}}, {@code A[1,12]} → {@code A_{1,12}},
   * {@code Heff} → {@code H_{\mathrm{eff}}}.
   */
  public String symbol(String name) {
    return settings.names().name(name).latex();
  }

  // ---------------------------------------------------------------- heads

  private String symbol(ISymbol s) {
    if (s == S.Pi) return "\\pi";
    if (s == S.E) return e();
    if (s == S.I) return settings.names().uprightConstants() ? "\\mathrm{i}" : "i";
    if (s == S.Infinity) return "\\infty";
    return symbol(s.getSymbolName());
  }

  private String sum(List<IExpr> terms) {
    StringBuilder out = new StringBuilder();
    for (IExpr t : terms) {
      boolean negative = Notation.isNegativeTerm(t);
      String body = negative ? negated(t) : parenthesize(t, SUM, false);
      if (out.length() == 0) out.append(negative ? "-" : "");
      else out.append(negative ? " - " : " + ");
      out.append(body);
    }
    return out.toString();
  }

  /** The absolute value of a term that prints with a leading minus. */
  private String negated(IExpr t) {
    if (t.isNumber()) return number(((INumber) t).negate());
    if (t.isNegativeInfinity()) return "\\infty";
    return product(Product.of(t, settings.units()), false);
  }

  /**
   * Coefficient first, then factors, then function calls. Without a symbolic denominator a
   * rational coefficient stays a leading {@code \frac{1}{2}}; with one, everything but the calls
   * goes into a single {@code \frac} and the calls follow it.
   */
  private String product(Product p, boolean signed) {
    String sign = signed && p.negative() ? "-" : "";
    List<String> parts = new ArrayList<>();
    if (!p.hasDenominator()) {
      if (!p.coefficient().isOne() || p.numerator().isEmpty()) parts.add(number(p.coefficient()));
      for (IExpr f : p.numerator()) parts.add(parenthesize(f, PRODUCT, false));
      return sign + juxtapose(parts);
    }
    boolean callsOutside = !p.outside().isEmpty();
    String num = fractionPart(p.coefficientNumerator(), callsOutside ? p.inside() : p.numerator());
    String den = fractionPart(p.coefficientDenominator(), p.denominator());
    parts.add("\\frac{" + num + "}{" + den + "}");
    if (callsOutside) for (IExpr f : p.outside()) parts.add(parenthesize(f, PRODUCT, false));
    return sign + juxtapose(parts);
  }

  /** One side of a fraction bar: the bar groups, so a lone factor needs no brackets. */
  private String fractionPart(INumber coefficient, List<IExpr> factors) {
    List<String> parts = new ArrayList<>();
    if (!coefficient.isOne() || factors.isEmpty()) parts.add(number(coefficient));
    if (parts.isEmpty() && factors.size() == 1) return render(factors.get(0));
    for (IExpr f : factors) parts.add(parenthesize(f, PRODUCT, false));
    return juxtapose(parts);
  }

  /** Factors side by side; {@code \cdot} only where two numbers would run together. */
  private static String juxtapose(List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String s : parts) {
      if (out.length() > 0) {
        boolean digits =
            Character.isDigit(out.charAt(out.length() - 1)) && Character.isDigit(s.charAt(0));
        out.append(digits ? " \\cdot " : " ");
      }
      out.append(s);
    }
    return out.toString();
  }

  private String power(IExpr base, IExpr exponent) {
    if (base.isE()) return exp(exponent);
    if (Notation.isHalf(exponent)) return "\\sqrt{" + render(base) + "}";
    if (Notation.isMinusHalf(exponent)) return "\\frac{1}{\\sqrt{" + render(base) + "}}";
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

  /** Euler's number: upright when a user name takes the italic e. */
  private String e() {
    return settings.names().uprightConstants() ? "\\mathrm{e}" : "e";
  }

  private String exp(IExpr x) {
    String s = render(x);
    if (s.length() > settings.maxInlineExponent()) return "\\exp" + bracket(s);
    return e() + "^{" + s + "}";
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
    Product p = Product.of(e, settings.units());
    return !p.negative() && p.hasDenominator() && p.outside().isEmpty();
  }

  private String number(INumber n) {
    if (n.isInteger()) return n.toString();
    if (n.isFraction()) {
      IFraction q = (IFraction) n;
      String sign = q.isNegative() ? "-" : "";
      return sign + "\\frac{" + q.numerator().abs() + "}{" + q.denominator() + "}";
    }
    if (n.isReal()) {
      String sign = n.isNegative() ? "-" : "";
      Decimal d = Notation.decimal(n, settings.significantDigits());
      if (!d.scientific()) return sign + d.mantissa();
      String power = "10^{" + d.exponent() + "}";
      return sign + (d.mantissa().equals("1") ? power : d.mantissa() + " \\times " + power);
    }
    return complex(n);
  }

  private String complex(INumber z) {
    IReal re = z.re(), im = z.im();
    boolean negative = im.isNegative();
    IReal imAbs = negative ? im.negate() : im;
    String imaginary = imAbs.isOne() ? "i" : number(imAbs) + " i";
    if (re.isZero()) return (negative ? "-" : "") + imaginary;
    return number(re) + (negative ? " - " : " + ") + imaginary;
  }

  private String list(IExpr e) {
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

  private String relation(IExpr e, Relation r) {
    return join(e, " " + r.latex() + " ", RELATION);
  }

  private String join(IExpr e, String separator, int level) {
    List<String> parts = new ArrayList<>();
    for (IExpr a : Notation.args(e)) parts.add(parenthesize(a, level, true));
    return String.join(separator, parts);
  }

  /** Anything else: {@code \operatorname{Head}\left(a, b\right)}. */
  private String generic(IExpr e) {
    String head = Notation.headName(e.head());
    if (head == null) head = render(e.head());
    List<String> args = new ArrayList<>();
    for (IExpr a : Notation.args(e)) args.add(render(a));
    return "\\operatorname{" + head + "}" + bracket(String.join(", ", args));
  }

  /** The one place precedence decides brackets. */
  private String parenthesize(IExpr e, int level, boolean strict) {
    String s = render(e);
    return Notation.needsParens(e, level, strict, false) ? bracket(s) : s;
  }

  private static String bracket(String s) {
    return "\\left(" + s + "\\right)";
  }
}
