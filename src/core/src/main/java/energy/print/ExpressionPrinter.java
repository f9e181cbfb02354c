package energy.print;

import static energy.print.Notation.LOGIC;
import static energy.print.Notation.PRODUCT;
import static energy.print.Notation.RELATION;
import static energy.print.Notation.SUM;

import energy.algebra.Symja;
import energy.print.Notation.Decimal;
import energy.print.Notation.Product;
import energy.print.Notation.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symja expressions in one notation. The structure is shared: one dispatch over Symja heads,
 * sums with their minus signs, numbers, and brackets between operators only from
 * {@link #parenthesize}. A notation gives its {@link Tokens} and the shapes that really differ:
 * products, powers, exponentials, calls and lists.
 */
public abstract sealed class ExpressionPrinter permits LatexPrinter, TextPrinter {
  /**
   * The glyphs of a notation; {@code %s} stands for the parts, in order.
   *
   * @param name how a parsed user name is spelled
   * @param relation how a relational operator is spelled
   * @param uprightE Euler's number when a user name takes the italic e
   * @param uprightI the imaginary unit when a user name takes the italic i
   * @param scaledI what follows a coefficient of the imaginary unit ({@code 2 i}, {@code 2i})
   * @param expIsCall whether {@code Exp} prints as a call (it binds like an atom) or as a power
   */
  record Tokens(
      Function<Notation.Name, String> name,
      Function<Relation, String> relation,
      String minus,
      String infinity,
      String pi,
      String uprightE,
      String uprightI,
      String scaledI,
      String kappa,
      String expectation,
      String abs,
      String fraction,
      String times,
      String and,
      String or,
      String operator,
      String open,
      String close,
      boolean expIsCall) {}

  final PrintSettings settings;
  private final Tokens tokens;
  /** Each user name as printed: parsing a name is most of the cost of printing a large polynomial. */
  private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

  ExpressionPrinter(PrintSettings settings, Tokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  /** {@code e} in this notation (LaTeX math without {@code $} delimiters). */
  public final String print(IExpr e) {
    return render(Notation.released(e));
  }

  /** Terms in exactly the caller's order, each negative one joined with a minus. */
  public final String printSum(List<IExpr> terms) {
    return terms.isEmpty() ? "0" : sum(terms.stream().map(Notation::released).toList());
  }

  /**
   * A user name: {@code beta[2]} → {@code \beta_{2}} or β₂, {@code A[1,12]} → {@code A_{1,12}}
   * or A₁,₁₂, {@code Heff} → {@code H_{\mathrm{eff}}} or H_eff.
   */
  public final String symbol(String name) {
    return names.computeIfAbsent(name, n -> tokens.name().apply(settings.names().name(n)));
  }

  /** The letter a user name prints as, without scripts: {@code h[1]} → h, {@code theta2} → θ, {@code Heff} → H. */
  public static String head(String name) {
    return Notation.parseName(name).textHead();
  }

  // ---------------------------------------------------------------- what a notation gives

  /** A product without its sign. */
  abstract String product(Product p);

  /** A power that is neither {@code e^x} nor a square root. */
  abstract String power(IExpr base, IExpr exponent);

  abstract String sqrt(IExpr base);

  abstract String exp(IExpr x);

  abstract String call(Notation.Function f, IExpr arg);

  abstract String list(IExpr e);

  /** {@code 10} raised to a decimal exponent. */
  abstract String tenToThe(int exponent);

  // ---------------------------------------------------------------- heads

  final String render(IExpr e) {
    if (e.isNumber()) return number((INumber) e);
    if (e.isInfinity()) return tokens.infinity();
    if (e.isNegativeInfinity()) return tokens.minus() + tokens.infinity();
    if (e.isSymbol()) return symbol((ISymbol) e);
    if (!e.isAST()) return e.toString();
    if (e.head() == Symja.EXPECTATION && e.argSize() == 1) return tokens.expectation().formatted(render(e.getAt(1)));
    if (e.head() == Symja.CUMULANT) return tokens.kappa() + bracket(String.join(", ", renderAll(e)));
    if (e.isPlus()) return sum(settings.order().order(e));
    if (e.isTimes()) return signed(Product.of(e, settings));
    if (Notation.isReciprocal(e)) return signed(Product.of(e, settings)); // 1/β, never β^{-1}
    if (e.isPower()) return power(e);
    if (e.isAST(S.Exp, 2)) return exp(e.getAt(1));
    if (e.isList()) return list(e);
    if (e.isAST(S.Abs, 2)) return abs(render(e.getAt(1)));
    Relation r = Notation.relation(e);
    if (r != null) return join(e, " " + tokens.relation().apply(r) + " ", RELATION);
    if (e.isAST(S.And)) return join(e, tokens.and(), LOGIC);
    if (e.isAST(S.Or)) return join(e, tokens.or(), LOGIC);
    Notation.Function f = Notation.function(e);
    if (f != null) return call(f, Notation.isEven(e) ? settings.order().evenArgument(e.getAt(1)) : e.getAt(1));
    return generic(e);
  }

  private String symbol(ISymbol s) {
    if (s == S.Pi) return tokens.pi();
    if (s == S.E) return e();
    if (s == S.I) return settings.names().uprightConstants() ? tokens.uprightI() : "i";
    if (s == S.Infinity) return tokens.infinity();
    return symbol(s.getSymbolName());
  }

  /** Euler's number: upright when a user name takes the italic e. */
  final String e() {
    return settings.names().uprightConstants() ? tokens.uprightE() : "e";
  }

  private String sum(List<IExpr> terms) {
    String minus = tokens.minus();
    StringBuilder out = new StringBuilder();
    for (IExpr t : terms) {
      boolean negative = Notation.isNegativeTerm(t);
      String body = negative ? negated(t) : parenthesize(t, SUM, false);
      if (out.length() == 0) out.append(negative ? minus : "");
      else out.append(negative ? " " + minus + " " : " + ");
      out.append(body);
    }
    return out.toString();
  }

  /** The absolute value of a term that prints with a leading minus. */
  private String negated(IExpr t) {
    if (t.isNumber()) return number(((INumber) t).negate());
    if (t.isNegativeInfinity()) return tokens.infinity();
    return product(Product.of(t, settings));
  }

  private String signed(Product p) {
    return (p.negative() ? tokens.minus() : "") + product(p);
  }

  private String power(IExpr e) {
    IExpr base = e.base(), exponent = e.exponent();
    if (base.isE()) return exp(exponent);
    if (Notation.isHalf(exponent)) return sqrt(base);
    if (Notation.isMinusHalf(exponent)) return fraction("1", sqrt(base));
    return power(base, exponent);
  }

  /** Each factor bracketed as a factor of a product. */
  final List<String> factors(List<IExpr> fs) {
    List<String> out = new ArrayList<>();
    for (IExpr f : fs) out.add(parenthesize(f, PRODUCT, false));
    return out;
  }

  final String number(INumber n) {
    if (n.isInteger()) return n.isNegative() ? tokens.minus() + n.negate() : n.toString();
    if (n.isFraction()) {
      IFraction q = (IFraction) n;
      String sign = q.isNegative() ? tokens.minus() : "";
      return sign + fraction(q.numerator().abs().toString(), q.denominator().toString());
    }
    if (n.isReal()) {
      String sign = n.isNegative() ? tokens.minus() : "";
      Decimal d = Notation.decimal(n, settings.significantDigits());
      if (!d.scientific()) return sign + d.mantissa();
      String power = tenToThe(d.exponent());
      return sign + (d.mantissa().equals("1") ? power : d.mantissa() + tokens.times() + power);
    }
    return complex(n);
  }

  private String complex(INumber z) {
    IReal re = z.re(), im = z.im();
    boolean negative = im.isNegative();
    IReal imAbs = negative ? im.negate() : im;
    String imaginary = imAbs.isOne() ? "i" : number(imAbs) + tokens.scaledI();
    if (re.isZero()) return (negative ? tokens.minus() : "") + imaginary;
    return number(re) + (negative ? " " + tokens.minus() + " " : " + ") + imaginary;
  }

  String fraction(String numerator, String denominator) {
    return tokens.fraction().formatted(numerator, denominator);
  }

  /** {@code |x|}; LaTeX sizes the bars to the content. */
  String abs(String content) {
    return tokens.abs().formatted(content);
  }

  final String join(IExpr e, String separator, int level) {
    List<String> parts = new ArrayList<>();
    for (IExpr a : Notation.args(e)) parts.add(parenthesize(a, level, true));
    return String.join(separator, parts);
  }

  final List<String> renderAll(IExpr e) {
    List<String> out = new ArrayList<>();
    for (IExpr a : Notation.args(e)) out.add(render(a));
    return out;
  }

  /** Anything else: the head's name and its arguments in brackets. */
  private String generic(IExpr e) {
    String head = Notation.headName(e.head());
    if (head == null) head = render(e.head());
    return tokens.operator().formatted(head) + bracket(String.join(", ", renderAll(e)));
  }

  /** The one place precedence decides brackets. */
  final String parenthesize(IExpr e, int level, boolean strict) {
    String s = render(e);
    return Notation.needsParens(e, level, strict, tokens.expIsCall()) ? bracket(s) : s;
  }

  /** Brackets around printed content; LaTeX sizes them to the content ({@link LatexPrinter#bracket}). */
  String bracket(String s) {
    return tokens.open() + s + tokens.close();
  }
}
