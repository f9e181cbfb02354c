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
import java.util.Map;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symja expressions as Unicode text for a terminal: {@code −½J·s₁·s₂}, {@code g²/c},
 * {@code (1/(2β))·ln(β/(2π))}, {@code exp(…)}. Factors are joined by a middle dot; a numeric
 * coefficient is written straight against the first factor. Brackets between operators come
 * only from {@link #parenthesize}.
 */
public final class TextPrinter {
  private static final String MINUS = "−"; // U+2212, not the hyphen

  private final PrintSettings settings;

  public TextPrinter() {
    this(PrintSettings.DEFAULTS);
  }

  /** A printer that writes the given unit symbols after the couplings in every product. */
  public static TextPrinter forUnits(java.util.Collection<? extends org.matheclipse.core.interfaces.IExpr> units) {
    return new TextPrinter(PrintSettings.DEFAULTS.withUnits(units));
  }

  /**
   * A printer for one model: its unit symbols go after the couplings in every product, and its
   * user names print unambiguously ({@link Notation.Names}).
   */
  public static TextPrinter forModel(
      java.util.Collection<? extends org.matheclipse.core.interfaces.IExpr> units, java.util.Collection<String> names) {
    return new TextPrinter(PrintSettings.DEFAULTS.withUnits(units).withNames(names));
  }

  TextPrinter(PrintSettings settings) {
    this.settings = settings;
  }

  public String print(IExpr e) {
    return render(Notation.released(e));
  }

  private String render(IExpr e) {
    if (e.isNumber()) return number((INumber) e);
    if (e.isInfinity()) return "∞";
    if (e.isNegativeInfinity()) return MINUS + "∞";
    if (e.isSymbol()) return symbol((ISymbol) e);
    if (!e.isAST()) return e.toString();
    if (e.head() == Symja.EXPECTATION && e.argSize() == 1) return "⟨" + render(e.getAt(1)) + "⟩";
    if (e.head() == Symja.CUMULANT) return "κ(" + joinArgs(e, ", ") + ")";
    if (e.isPlus()) return sum(Notation.orderTerms(Notation.args(e)));
    if (e.isTimes()) return product(Product.of(e, settings.units()), true);
    if (e.isPower()) return power(e.base(), e.exponent());
    if (e.isAST(S.Exp, 2)) return "exp(" + render(e.getAt(1)) + ")";
    if (e.isList()) return list(e);
    if (e.isAST(S.Abs, 2)) return "|" + render(e.getAt(1)) + "|";
    Relation r = Notation.relation(e);
    if (r != null) return join(e, " " + r.text() + " ", RELATION);
    if (e.isAST(S.And)) return join(e, " ∧ ", LOGIC);
    if (e.isAST(S.Or)) return join(e, " ∨ ", LOGIC);
    Notation.Function f = Notation.function(e);
    if (f != null) return f.text() + "(" + render(e.getAt(1)) + ")";
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

  /** A user name as text: {@code beta[2]} → β₂, {@code A[1,12]} → A₁,₁₂, {@code Heff} → H_eff */
  public String symbol(String name) {
    return settings.names().name(name).text();
  }

  // ---------------------------------------------------------------- heads

  private String symbol(ISymbol s) {
    if (s == S.Pi) return "π";
    if (s == S.E) return settings.names().uprightConstants() ? "exp(1)" : "e";
    if (s == S.I) return "i";
    if (s == S.Infinity) return "∞";
    return symbol(s.getSymbolName());
  }

  private String sum(List<IExpr> terms) {
    StringBuilder out = new StringBuilder();
    for (IExpr t : terms) {
      boolean negative = Notation.isNegativeTerm(t);
      String body = negative ? negated(t) : parenthesize(t, SUM, false);
      if (out.length() == 0) out.append(negative ? MINUS : "");
      else out.append(negative ? " " + MINUS + " " : " + ");
      out.append(body);
    }
    return out.toString();
  }

  private String negated(IExpr t) {
    if (t.isNumber()) return number(((INumber) t).negate());
    if (t.isNegativeInfinity()) return "∞";
    return product(Product.of(t, settings.units()), false);
  }

  /**
   * {@code ½c·y²}, {@code g²/c}, {@code x/(2β)}; with function calls and a symbolic denominator
   * the fraction is bracketed in front: {@code (1/(2β))·ln(u)}.
   */
  private String product(Product p, boolean signed) {
    String sign = signed && p.negative() ? MINUS : "";
    if (!p.hasDenominator()) {
      List<String> factors = factors(p.numerator());
      if (factors.isEmpty()) return sign + number(p.coefficient());
      return sign + glue(coefficient(p.coefficient()), String.join("·", factors));
    }
    boolean callsOutside = !p.outside().isEmpty();
    String num = fractionPart(p.coefficientNumerator(), callsOutside ? p.inside() : p.numerator());
    String fraction = num + "/" + denominator(p);
    if (!callsOutside) return sign + fraction;
    return sign + "(" + fraction + ")·" + String.join("·", factors(p.outside()));
  }

  /** {@code c}, {@code β²}, {@code √x} stand alone after the slash; anything wider is bracketed. */
  private String denominator(Product p) {
    if (p.coefficientDenominator().isOne() && p.denominator().size() == 1)
      return parenthesize(p.denominator().get(0), POWER, false);
    return "(" + fractionPart(p.coefficientDenominator(), p.denominator()) + ")";
  }

  private String fractionPart(INumber coefficient, List<IExpr> factors) {
    String c = coefficient.isOne() && !factors.isEmpty() ? "" : number(coefficient);
    return glue(c, String.join("·", factors(factors)));
  }

  private List<String> factors(List<IExpr> fs) {
    List<String> out = new ArrayList<>();
    for (IExpr f : fs) out.add(parenthesize(f, PRODUCT, false));
    return out;
  }

  /** A coefficient in front of factors: 2, ½, (3/7), 0.5; empty for 1. */
  private String coefficient(INumber c) {
    if (c.isOne()) return "";
    if (c.isFraction()) {
      String glyph = VULGAR.get(c.toString());
      return glyph != null ? glyph : "(" + number(c) + ")";
    }
    return number(c);
  }

  /** A coefficient straight against the factors, with a dot only between two numbers. */
  private static String glue(String coefficient, String rest) {
    if (coefficient.isEmpty()) return rest;
    if (rest.isEmpty()) return coefficient;
    char last = coefficient.charAt(coefficient.length() - 1);
    boolean dot = Character.isDigit(rest.charAt(0)) && (Character.isDigit(last) || isScript(last));
    return coefficient + (dot || coefficient.contains("×") ? "·" : "") + rest;
  }

  private static boolean isScript(char c) {
    return "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) >= 0;
  }

  private static final Map<String, String> VULGAR =
      Map.ofEntries(
          Map.entry("1/2", "½"), Map.entry("1/3", "⅓"), Map.entry("2/3", "⅔"),
          Map.entry("1/4", "¼"), Map.entry("3/4", "¾"), Map.entry("1/5", "⅕"),
          Map.entry("2/5", "⅖"), Map.entry("3/5", "⅗"), Map.entry("4/5", "⅘"),
          Map.entry("1/6", "⅙"), Map.entry("5/6", "⅚"), Map.entry("1/7", "⅐"),
          Map.entry("1/8", "⅛"), Map.entry("3/8", "⅜"), Map.entry("5/8", "⅝"),
          Map.entry("7/8", "⅞"), Map.entry("1/9", "⅑"), Map.entry("1/10", "⅒"));

  private String power(IExpr base, IExpr exponent) {
    if (base.isE()) return "exp(" + render(exponent) + ")";
    if (Notation.isHalf(exponent)) return sqrt(base);
    if (Notation.isMinusHalf(exponent)) return "1/" + sqrt(base);
    String b = parenthesize(base, POWER, true);
    if (exponent.isInteger()) return b + Notation.superscript(exponent.toString());
    if (Notation.precedence(exponent, true) == ATOM && !exponent.isAST())
      return b + "^" + render(exponent);
    return b + "^(" + render(exponent) + ")";
  }

  private String sqrt(IExpr base) {
    String s = render(base);
    return Notation.precedence(base, true) == ATOM && !base.isAST() ? "√" + s : "√(" + s + ")";
  }

  private String number(INumber n) {
    if (n.isInteger()) return n.isNegative() ? MINUS + n.negate() : n.toString();
    if (n.isFraction()) {
      IFraction q = (IFraction) n;
      return (q.isNegative() ? MINUS : "") + q.numerator().abs() + "/" + q.denominator();
    }
    if (n.isReal()) {
      String sign = n.isNegative() ? MINUS : "";
      Decimal d = Notation.decimal(n, settings.significantDigits());
      if (!d.scientific()) return sign + d.mantissa();
      String power = "10" + Notation.superscript(Integer.toString(d.exponent()));
      return sign + (d.mantissa().equals("1") ? power : d.mantissa() + "×" + power);
    }
    return complex(n);
  }

  private String complex(INumber z) {
    IReal re = z.re(), im = z.im();
    boolean negative = im.isNegative();
    IReal imAbs = negative ? im.negate() : im;
    String imaginary = (imAbs.isOne() ? "" : number(imAbs)) + "i";
    if (re.isZero()) return (negative ? MINUS : "") + imaginary;
    return number(re) + (negative ? " " + MINUS + " " : " + ") + imaginary;
  }

  /** {@code [a, b]}, matrices as {@code [[a, b], [c, d]]}. */
  private String list(IExpr e) {
    List<String> items = new ArrayList<>();
    for (IExpr a : Notation.args(e)) items.add(render(a));
    return "[" + String.join(", ", items) + "]";
  }

  private String join(IExpr e, String separator, int level) {
    List<String> parts = new ArrayList<>();
    for (IExpr a : Notation.args(e)) parts.add(parenthesize(a, level, true));
    return String.join(separator, parts);
  }

  private String generic(IExpr e) {
    String head = Notation.headName(e.head());
    if (head == null) head = render(e.head());
    List<String> args = new ArrayList<>();
    for (IExpr a : Notation.args(e)) args.add(render(a));
    return head + "(" + String.join(", ", args) + ")";
  }

  /** The one place brackets are decided. */
  private String parenthesize(IExpr e, int level, boolean strict) {
    String s = render(e);
    return Notation.needsParens(e, level, strict, true) ? "(" + s + ")" : s;
  }
}
