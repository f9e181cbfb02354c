package energy.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.INumber;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * What the LaTeX and the text printer agree on: how a user name splits into letter and
 * subscript, how tightly each form binds, the order of a sum's terms, and how a product splits
 * into sign, numeric coefficient, numerator and denominator. The printers only choose glyphs.
 */
final class Notation {
  private Notation() {}

  // ---------------------------------------------------------------- held forms

  /**
   * {@code e} with every {@code HoldForm[x]} replaced by {@code x}, without evaluating. A hold
   * only spares a sum Symja's evaluator; the printers must see the sum inside, or they take the
   * hold for an atom and drop its brackets ({@code e^{-c} a + b} for {@code e^{-c}(a + b)}).
   */
  static IExpr released(IExpr e) {
    if (e.isAST(S.HoldForm, 2)) return released(e.getAt(1));
    if (!e.isAST()) return e;
    IExpr head = released(e.head());
    boolean changed = head != e.head();
    IExpr[] args = new IExpr[e.argSize()];
    for (int i = 1; i <= e.argSize(); i++) {
      args[i - 1] = released(e.getAt(i));
      changed |= args[i - 1] != e.getAt(i);
    }
    if (!changed) return e;
    // Keep the evaluator's flags: a sum Symja sorted is ordered by TermOrder, one a caller built keeps its order.
    return F.ast(args, head).addEvalFlags(((IAST) e).getEvalFlags());
  }

  // ---------------------------------------------------------------- precedence

  /** Binding strengths, higher binds tighter (as SymPy's PRECEDENCE table). */
  static final int LOGIC = 5, RELATION = 10, SUM = 20, PRODUCT = 30, POWER = 40, ATOM = 100;

  /**
   * How tightly {@code e} binds once printed. A leading minus binds like a sum (so
   * {@code (-2)^x}, {@code x (-y)}); a fraction like a product; a function call, a symbol or a
   * square root like an atom. {@code expIsCall}: the printer writes {@code Power(E, x)} as
   * {@code exp(x)} (an atom) rather than {@code e^{x}} (a power).
   */
  static int precedence(IExpr e, boolean expIsCall) {
    if (e.isNumber()) {
      if (!e.isReal()) return SUM; // a + b i
      if (e.isNegative()) return SUM;
      if (e.isFraction()) return PRODUCT;
      return isScientific(e) ? PRODUCT : ATOM;
    }
    if (e.isNegativeInfinity()) return SUM;
    if (!e.isAST() || e.isInfinity()) return ATOM;
    if (e.isPlus()) return SUM;
    if (e.isTimes()) return Product.of(e, java.util.Set.of()).negative() ? SUM : PRODUCT;
    if (isReciprocal(e)) return PRODUCT;
    if (e.isPower()) {
      if (isHalf(e.exponent())) return ATOM;
      if (isMinusHalf(e.exponent())) return PRODUCT;
      if (e.base().isE()) return expIsCall ? ATOM : POWER;
      return POWER;
    }
    if (e.isAST(S.Exp, 2)) return expIsCall ? ATOM : POWER;
    if (relation(e) != null) return RELATION;
    if (e.isAST(S.And) || e.isAST(S.Or)) return LOGIC;
    return ATOM;
  }

  /** The one parenthesization rule: {@code e} printed at {@code level} needs brackets. */
  static boolean needsParens(IExpr e, int level, boolean strict, boolean expIsCall) {
    int p = precedence(e, expIsCall);
    return p < level || (strict && p == level);
  }

  static boolean isHalf(IExpr x) {
    return x.isFraction() && x.equals(F.C1D2);
  }

  static boolean isMinusHalf(IExpr x) {
    return x.isFraction() && x.equals(F.CN1D2);
  }

  /**
   * A power with a negative numeric exponent other than of e: it prints as a fraction,
   * {@code \\frac{1}{\\beta}} and {@code 1/β}, one form for one quantity (never {@code β^{-1}}).
   */
  static boolean isReciprocal(IExpr e) {
    return e.isPower() && !e.base().isE() && e.exponent().isReal() && e.exponent().isNegative();
  }

  static boolean isPositiveInteger(IExpr x) {
    return x.isInteger() && x.isPositive();
  }

  // ---------------------------------------------------------------- heads

  /** Relational heads with their LaTeX and text operators. */
  record Relation(String latex, String text) {}

  private static final Map<IExpr, Relation> RELATIONS =
      Map.of(
          S.Equal, new Relation("=", "="),
          S.Unequal, new Relation("\\neq", "≠"),
          S.Greater, new Relation(">", ">"),
          S.Less, new Relation("<", "<"),
          S.GreaterEqual, new Relation("\\geq", "≥"),
          S.LessEqual, new Relation("\\leq", "≤"));

  static Relation relation(IExpr e) {
    return e.isAST() && e.argSize() >= 2 ? RELATIONS.get(e.head()) : null;
  }

  /**
   * A function of one argument written by name: {@code \ln x}, {@code ln(x)}.
   *
   * @param bracketed its LaTeX argument is always bracketed ({@link #isSimpleArgument})
   */
  record Function(String latex, String text, boolean bracketed) {}

  private static Map.Entry<IExpr, Function> fn(IExpr head, String latex, String text) {
    return Map.entry(head, new Function(latex, text, false));
  }

  private static final Map<IExpr, Function> FUNCTIONS =
      Map.ofEntries(
          fn(S.Log, "\\ln", "ln"),
          fn(S.Sin, "\\sin", "sin"),
          fn(S.Cos, "\\cos", "cos"),
          fn(S.Tan, "\\tan", "tan"),
          fn(S.Cot, "\\cot", "cot"),
          fn(S.Sec, "\\sec", "sec"),
          fn(S.Csc, "\\csc", "csc"),
          fn(S.Sinh, "\\sinh", "sinh"),
          fn(S.Cosh, "\\cosh", "cosh"),
          fn(S.Tanh, "\\tanh", "tanh"),
          fn(S.Coth, "\\coth", "coth"),
          // Symja rewrites 1/cosh and 1/sinh to these; LaTeX has no macro for them.
          fn(S.Sech, "\\operatorname{sech}", "sech"),
          fn(S.Csch, "\\operatorname{csch}", "csch"),
          fn(S.ArcSin, "\\arcsin", "arcsin"),
          fn(S.ArcCos, "\\arccos", "arccos"),
          fn(S.ArcTan, "\\arctan", "arctan"),
          fn(S.ArcTanh, "\\operatorname{artanh}", "artanh"),
          fn(S.ArcSinh, "\\operatorname{arsinh}", "arsinh"),
          fn(S.Erf, "\\operatorname{erf}", "erf"),
          // σ alone reads as a variable: σ(βb₁) always has its brackets.
          Map.entry(S.LogisticSigmoid, new Function("\\sigma", "σ", true)),
          fn(S.Det, "\\det", "det"));

  /**
   * The one rule for writing a function's argument without brackets, as a physicist does:
   * {@code \\cosh 4K}, {@code \\tanh \\beta a_1}, {@code \\ln 2}, {@code \\ln\\cosh 2K}. An argument
   * is simple when it is
   * <ul>
   *   <li>a positive integer or plain decimal ({@code \\ln 2}),
   *   <li>a symbol, subscripted or not ({@code \\cosh \\beta}, {@code \\ln y_1}),
   *   <li>a positive product of such a number and symbols ({@code \\cosh 4K}, {@code \\tanh \\beta a_1}),
   *   <li>or one call of a known function ({@code \\ln\\cosh 2K}, {@code \\ln\\cosh(2K + h)}).
   * </ul>
   * Anything else is bracketed: a sum, a minus sign, a rational coefficient, a power (so that
   * {@code \\cosh^{2} 2K} is the square of the cosh and {@code \\cosh(2K^{2})} the cosh of a square
   * — {@code \\cosh 2K^{2}} is never written), an exponential, a product with a call
   * ({@code \\ln(2\\cosh 2K)}). A single fraction {@code \\ln\\frac{\\beta}{2\\pi}} delimits itself, and
   * the logistic σ always takes brackets (σ alone reads as a variable): {@code \\sigma(\\beta b_1)}. A bare argument cannot run
   * into what follows: products write calls last. Text keeps every call's brackets.
   */
  static boolean isSimpleArgument(IExpr arg) {
    if (arg.isNumber()) return isPlainNumber(arg);
    if (arg.isSymbol()) return true;
    if (arg.isTimes()) {
      Product p = Product.of(arg, Set.of());
      if (p.negative() || p.hasDenominator() || !isPlainNumber(p.coefficient())) return false;
      return p.numerator().stream().allMatch(IExpr::isSymbol);
    }
    return function(arg) != null;
  }

  /** A positive integer or a decimal printed without an exponent. */
  private static boolean isPlainNumber(IExpr n) {
    return n.isReal() && n.isPositive() && !n.isFraction() && !isScientific(n);
  }

  /** The name of a known one-argument function, or null. */
  static Function function(IExpr e) {
    return e.isAST() && e.argSize() == 1 ? FUNCTIONS.get(e.head()) : null;
  }

  /** A symbolic head's name, or null. Built-ins keep their capitals: Gamma, not gamma. */
  static String headName(IExpr h) {
    if (h.isBuiltInSymbol()) return h.toString();
    return h.isSymbol() ? ((ISymbol) h).getSymbolName() : null;
  }

  /** Heads printed as operators or delimiters rather than as a name applied to arguments. */
  private static final Set<IExpr> OPERATORS =
      Set.of(
          S.Plus, S.Times, S.Power, S.List, S.DirectedInfinity, S.Complex, S.Rational, S.Equal,
          S.Unequal, S.Greater, S.Less, S.GreaterEqual, S.LessEqual, S.And, S.Or, S.Not, S.Exp,
          S.Abs);

  /**
   * A function call ({@code ln u}, {@code cosh x}, {@code F(a)}) or a power of one. Products put
   * them last: an unbracketed LaTeX argument must not run into the next factor
   * ({@code \ln 2 x}), and physicists write the prefactor first.
   */
  static boolean isCall(IExpr e) {
    if (e.isPower()) return isPositiveInteger(e.exponent()) && isCall(e.base());
    return e.isAST() && e.head().isSymbol() && !OPERATORS.contains(e.head());
  }

  // ---------------------------------------------------------------- sums

  /** A term that prints with a leading minus. */
  static boolean isNegativeTerm(IExpr t) {
    if (t.isNumber()) return t.isReal() && t.isNegative();
    if (t.isNegativeInfinity()) return true;
    return t.isTimes() && Product.of(t, java.util.Set.of()).negative();
  }

  static List<IExpr> args(IExpr e) {
    List<IExpr> out = new ArrayList<>(e.argSize());
    for (int i = 1; i <= e.argSize(); i++) out.add(e.getAt(i));
    return out;
  }

  // ---------------------------------------------------------------- products

  /**
   * A product taken apart for printing: {@code -3 x Log(u) / (2 beta)} is negative, coefficient
   * 3/2, factors [x], calls [Log(u)], denominator [beta]. Nested products are flattened, all
   * real numbers multiply into the coefficient, and a factor with a negative numeric exponent
   * moves to the denominator with the exponent's sign flipped.
   *
   * @param coefficient positive real
   * @param factors numerator factors other than calls, in the given order
   * @param calls numerator factors that are function calls, in the given order
   * @param denominator symbolic denominator factors, exponents already positive
   */
  record Product(
      boolean negative,
      INumber coefficient,
      List<IExpr> factors,
      List<IExpr> units,
      List<IExpr> calls,
      List<IExpr> denominator) {

    static Product of(IExpr e, java.util.Set<IExpr> unitSymbols) {
      return of(e, unitSymbols, TermOrder.NONE);
    }

    static Product of(IExpr e, PrintSettings settings) {
      return of(e, settings.units(), settings.order());
    }

    /** Factors by {@link Notation#rank} and calls plus before minus; each sort is stable, so Symja's order (by name and index) breaks ties. */
    private static Product of(IExpr e, java.util.Set<IExpr> unitSymbols, TermOrder order) {
      Collector c = new Collector(unitSymbols);
      c.add(e, false);
      c.factors.sort(java.util.Comparator.comparingInt(Notation::rank));
      c.denominator.sort(java.util.Comparator.comparingInt(Notation::rank));
      c.calls.sort(java.util.Comparator.comparing(f -> signs(f, order)));
      c.denominator.sort(java.util.Comparator.comparing(f -> isCall(f) ? signs(f, order) : ""));
      boolean negative = c.coefficient.isNegative();
      INumber coefficient = negative ? c.coefficient.negate() : c.coefficient;
      return new Product(negative, coefficient, c.factors, c.units, c.calls, c.denominator);
    }

    /**
     * Units and calls: written after the other factors, and outside a fraction bar
     * (\\frac{1}{2\\beta} \\ln u) — except calls over a denominator of calls, a ratio
     * such as \\frac{\\cosh a}{\\cosh b}, which stay inside.
     */
    List<IExpr> outside() {
      List<IExpr> out = new ArrayList<>(units);
      if (!callsInside()) out.addAll(calls);
      return out;
    }

    boolean callsInside() {
      for (IExpr d : denominator) if (isCall(d)) return true;
      return false;
    }

    /** Above the bar, besides the coefficient: the factors, and the calls when they stay inside. */
    List<IExpr> inside() {
      List<IExpr> out = new ArrayList<>(factors);
      if (callsInside()) out.addAll(calls);
      return out;
    }

    /** The integer (or decimal) above the coefficient's fraction bar. */
    INumber coefficientNumerator() {
      return coefficient.isFraction() ? ((IFraction) coefficient).numerator() : coefficient;
    }

    /** The integer below the coefficient's fraction bar; 1 for integers and decimals. */
    IInteger coefficientDenominator() {
      return coefficient.isFraction() ? ((IFraction) coefficient).denominator() : F.C1;
    }

    boolean hasDenominator() {
      return !denominator.isEmpty();
    }

    /** Everything above the bar except the coefficient: factors, units, then calls. */
    List<IExpr> numerator() {
      List<IExpr> out = new ArrayList<>(factors);
      out.addAll(units);
      out.addAll(calls);
      return out;
    }
  }

  /** An even function of one argument, f(−x) = f(x): its argument may print with either sign. */
  static boolean isEven(IExpr e) {
    return e.isAST(S.Cosh, 2) || e.isAST(S.Sech, 2);
  }

  /**
   * sech x and csch x as the reciprocals they are, so that a product writes them below its bar
   * beside the other calls: {@code \frac{\cosh(4K + h)}{\cosh(4K - h)}}, not
   * {@code \cosh(4K + h) \operatorname{sech}(h - 4K)}; null for anything else.
   */
  private static IExpr reciprocal(IExpr f) {
    IExpr base = f.isPower() ? f.base() : f;
    IExpr exponent = f.isPower() ? f.exponent() : F.C1;
    if (!exponent.isReal() || !exponent.isPositive() || base.argSize() != 1) return null;
    IExpr head = base.isAST(S.Sech, 2) ? S.Cosh : base.isAST(S.Csch, 2) ? S.Sinh : null;
    if (head == null) return null;
    IExpr call = F.unaryAST1(head, base.first());
    return exponent.isOne() ? F.Power(call, F.CN1) : F.Power(F.Power(call, exponent), F.CN1);
  }

  private static final class Collector {
    final java.util.Set<IExpr> unitSymbols;
    INumber coefficient = F.C1;
    final List<IExpr> factors = new ArrayList<>();
    final List<IExpr> units = new ArrayList<>();
    final List<IExpr> calls = new ArrayList<>();
    final List<IExpr> denominator = new ArrayList<>();

    Collector(java.util.Set<IExpr> unitSymbols) {
      this.unitSymbols = unitSymbols;
    }

    void add(IExpr f, boolean inverted) {
      if (f.isTimes()) {
        for (IExpr a : args(f)) add(a, inverted);
      } else if (f.isReal() && !(inverted && f.isZero())) {
        INumber n = (INumber) f;
        coefficient = coefficient.times(inverted ? n.inverse() : n);
      } else if (f.isPower() && f.exponent().isReal() && f.exponent().isNegative()) {
        INumber k = ((INumber) f.exponent()).negate();
        if (k.isOne()) add(f.base(), !inverted);
        else place(F.Power(f.base(), k), !inverted);
      } else {
        IExpr r = reciprocal(f);
        if (r != null) add(r, inverted);
        else place(f, inverted);
      }
    }

    private void place(IExpr f, boolean inverted) {
      if (inverted) denominator.add(f);
      else if (unitSymbols.contains(f) || (f.isPower() && unitSymbols.contains(f.base()))) units.add(f);
      else (isCall(f) ? calls : factors).add(f);
    }
  }

  // ---------------------------------------------------------------- numbers

  /** A decimal rounded to the printer's significant digits: mantissa × 10^exponent. */
  record Decimal(String mantissa, int exponent, boolean scientific) {}

  static boolean isScientific(IExpr real) {
    double d = Math.abs(((IReal) real).doubleValue());
    return d != 0 && Double.isFinite(d) && (d >= 1e6 || d < 1e-4);
  }

  /** The absolute value of an inexact real, rounded; plain unless very large or very small. */
  static Decimal decimal(IExpr real, int digits) {
    double d = Math.abs(((IReal) real).doubleValue());
    if (!Double.isFinite(d)) return new Decimal(Double.toString(d), 0, false);
    BigDecimal b = new BigDecimal(d).round(new MathContext(digits)).stripTrailingZeros();
    if (!isScientific(real)) return new Decimal(b.toPlainString(), 0, false);
    int exponent = b.precision() - b.scale() - 1;
    BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
    return new Decimal(mantissa.toPlainString(), exponent, true);
  }

  // ---------------------------------------------------------------- names

  /**
   * One piece of a subscript: a run of digits, a Greek letter, a single letter or a word.
   *
   * @param latex the piece in LaTeX
   * @param text the piece in plain text
   * @param digits the piece is all digits (text can use Unicode subscripts)
   */
  record Piece(String latex, String text, boolean digits) {}

  /**
   * A user name taken apart: {@code beta[2]} is β with subscript 2, {@code Heff} is H with
   * subscript "eff", {@code J12} is J with subscript 12, {@code A[1,12]} is A with subscripts 1
   * and 12.
   */
  record Name(String latexHead, String textHead, List<Piece> subscripts, Name superscript) {
    Name(String latexHead, String textHead, List<Piece> subscripts) {
      this(latexHead, textHead, subscripts, null);
    }

    String latex() {
      String sup = superscript == null ? "" : "^{(" + superscript.latex() + ")}";
      if (subscripts.isEmpty()) return latexHead + sup;
      return latexHead + "_{" + join(subscripts, true) + "}" + sup;
    }

    String text() {
      String sup = superscript == null ? "" : superscriptText(superscript.text());
      if (subscripts.isEmpty()) return textHead + sup;
      if (subscripts.stream().allMatch(Piece::digits))
        return textHead + subscriptDigits(join(subscripts, false)) + sup;
      return textHead + "_" + join(subscripts, false) + sup;
    }

    /** ⁽¹²⁾ when it has Unicode superscripts, else ^(h₁). */
    private static String superscriptText(String s) {
      StringBuilder out = new StringBuilder("⁽");
      for (char c : s.toCharArray()) {
        int d = "0123456789".indexOf(c);
        if (d < 0) return "^(" + s + ")";
        out.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(d));
      }
      return out.append('⁾').toString();
    }

    /** Indices juxtaposed when all are single digits ({@code A_{12}}), else comma-separated. */
    private static String join(List<Piece> pieces, boolean latex) {
      boolean juxtapose =
          pieces.size() == 1
              || pieces.stream().allMatch(p -> p.digits() && p.text().length() == 1);
      StringBuilder out = new StringBuilder();
      for (Piece p : pieces) {
        if (out.length() > 0 && !juxtapose) out.append(',');
        out.append(latex ? p.latex() : p.text());
      }
      return out.toString();
    }
  }

  /**
   * How a model's user names print. Each name normally prints in the usual way
   * ({@link #parseName}); a name prints literally ({@code \\mathrm{J12}}, {@code J12}) when
   * that is taken — by another name of the model ({@code J12} and {@code J[1,2]} are both J₁₂,
   * {@code epsilon} and {@code varepsilon} both ε in text), by a constant ({@code pi} is π) —
   * or when it has no usual print ({@code h_}). A name that prints as e or i (Euler's number,
   * the imaginary unit) keeps it, and the constant is written apart instead:
   * {@code \\mathrm{e}}, {@code exp(1)}.
   *
   * @param literal names printed literally
   * @param uprightConstants a user name prints as e or i
   */
  record Names(Set<String> literal, boolean uprightConstants) {
    static final Names NONE = new Names(Set.of(), false);

    private static final Set<String> RESERVED = Set.of("π", "∞", "\\pi", "\\infty");

    static Names of(java.util.Collection<String> names) {
      Set<String> literal = new java.util.HashSet<>();
      for (String n : names) if (!hasUsualPrint(n)) literal.add(n);
      boolean changed = true;
      while (changed) {
        changed = false;
        Map<String, String> printed = new java.util.HashMap<>();
        for (String n : names) {
          Name p = literal.contains(n) ? literalName(n) : parseName(n);
          for (String form : List.of("text:" + p.text(), "latex:" + p.latex())) {
            String other = printed.put(form, n);
            boolean clash = (other != null && !other.equals(n)) || RESERVED.contains(form.substring(form.indexOf(':') + 1));
            if (clash) {
              changed |= literal.add(n);
              if (other != null && !other.equals(n)) changed |= literal.add(other);
            }
          }
        }
      }
      boolean upright = false;
      for (String n : names) {
        Name p = literal.contains(n) ? literalName(n) : parseName(n);
        upright |= Set.of("e", "i").contains(p.text()) || Set.of("e", "i").contains(p.latex());
      }
      return new Names(Set.copyOf(literal), upright);
    }

    Name name(String n) {
      return literal.contains(n) ? literalName(n) : parseName(n);
    }
  }

  /** Names the usual print would mangle: a trailing or doubled underscore ({@code h_} is not h). */
  private static boolean hasUsualPrint(String name) {
    String base = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
    return !base.endsWith("_") && !base.contains("__");
  }

  /** The name as spelt, upright, with its component indices still subscripts: {@code \\mathrm{h\\_}}. */
  static Name literalName(String name) {
    Matcher m = INDEXED.matcher(name);
    String base = m.matches() ? m.group(1) : name;
    List<Piece> subs = new ArrayList<>();
    if (m.matches()) for (String i : m.group(2).split(",", -1)) if (!i.isBlank()) subs.add(piece(i.trim()));
    return new Name("\\mathrm{" + escape(base) + "}", base, subs);
  }

  private static final Pattern INDEXED = Pattern.compile("(.+)\\[([^\\]]*)\\]");
  private static final Pattern TRAILING_DIGITS = Pattern.compile("(.*?[^0-9])([0-9]+)");
  private static final Pattern CAPITAL_WORD = Pattern.compile("([A-Z])([a-z]+)");

  /** {@code kappa[2]^(1)}: a name with a parenthesized superscript, κ₂⁽¹⁾. */
  private static final Pattern SUPERSCRIPTED = Pattern.compile("(.+?)\\^\\((.+)\\)");

  /** {@code K_(h[1])}: a name subscripted by a name, K_{h₁} (a unit's cumulant generating function). */
  private static final Pattern SUBSCRIPTED = Pattern.compile("([^_]+)_\\((.+)\\)");

  static Name parseName(String name) {
    Matcher sup = SUPERSCRIPTED.matcher(name);
    if (sup.matches()) {
      Name base = parseName(sup.group(1));
      return new Name(base.latexHead(), base.textHead(), base.subscripts(), parseName(sup.group(2)));
    }
    Matcher sub = SUBSCRIPTED.matcher(name);
    if (sub.matches()) {
      Name base = parseName(sub.group(1)), of = parseName(sub.group(2));
      List<Piece> subs = new ArrayList<>(base.subscripts());
      subs.add(new Piece(of.latex(), of.text(), false));
      return new Name(base.latexHead(), base.textHead(), subs);
    }
    List<Piece> subs = new ArrayList<>();
    String base = name;
    List<String> indices = List.of();
    Matcher m = INDEXED.matcher(name);
    if (m.matches()) {
      base = m.group(1);
      indices = List.of(m.group(2).split(",", -1));
    }
    String tail = null;
    int underscore = base.indexOf('_');
    if (underscore > 0) {
      tail = base.substring(underscore + 1);
      base = base.substring(0, underscore);
    }
    m = TRAILING_DIGITS.matcher(base);
    String digits = null;
    if (m.matches()) {
      base = m.group(1);
      digits = m.group(2);
    }
    String latexHead;
    String textHead;
    Greek g = GREEK.get(base);
    Matcher word = CAPITAL_WORD.matcher(base);
    if (g != null) {
      latexHead = g.latex();
      textHead = g.text();
    } else if (base.length() == 1) {
      latexHead = textHead = base;
    } else if (word.matches()) { // Heff: H with subscript eff
      latexHead = textHead = word.group(1);
      subs.add(piece(word.group(2)));
    } else {
      latexHead = "\\mathrm{" + escape(base) + "}";
      textHead = base;
    }
    if (digits != null) subs.add(piece(digits));
    if (tail != null && !tail.isEmpty()) subs.add(piece(tail));
    for (String i : indices) if (!i.isBlank()) subs.add(piece(i.trim()));
    return new Name(latexHead, textHead, subs);
  }

  private static Piece piece(String s) {
    if (s.chars().allMatch(Character::isDigit)) return new Piece(s, s, true);
    Greek g = GREEK.get(s);
    if (g != null) return new Piece(g.latex(), g.text(), false);
    if (s.length() == 1) return new Piece(s, s, false);
    return new Piece("\\mathrm{" + escape(s) + "}", s, false);
  }

  private static String escape(String s) {
    return s.replace("_", "\\_");
  }

  private record Greek(String latex, String text) {}

  private static final Map<String, Greek> GREEK = greek();

  /**
   * The rank of a factor in a product, as a physicist writes {@code 2\pi\beta} and
   * {@code \beta\kappa_2^{(1)} W_{11} W_{21}}: 0 for constants (π), 1 for β, 2 for cumulants
   * κ, 3 for anything else (the model's parameters, in Symja's order: by name, then index), 4
   * for a lone {@code d}, which before another factor would read as a differential
   * ({@code \frac{t d}{c}}, not {@code \frac{d t}{c}}). The sort is stable.
   */
  static int rank(IExpr f) {
    if (f.isBuiltInSymbol()) return 0; // π, not e^{x} = Power(E, x)
    if (isBeta(f)) return 1;
    IExpr base = f.isPower() ? f.base() : f;
    if (base.isSymbol() && ((ISymbol) base).getSymbolName().startsWith("kappa[")) return 2;
    return isDifferentialLetter(base) ? 4 : 3;
  }

  /** A user symbol printed as a bare d. */
  static boolean isDifferentialLetter(IExpr e) {
    return e.isSymbol() && ((ISymbol) e).getSymbolName().equals("d");
  }

  /**
   * The signs of a call's argument terms in printed order, {@code +} before {@code -}:
   * sibling calls go plus before minus, {@code \cosh(2K + h) \cosh(2K - h)}. Empty for an
   * argument that is not a sum, so those come first.
   */
  private static String signs(IExpr call, TermOrder order) {
    IExpr f = call.isPower() ? call.base() : call;
    if (f.argSize() != 1 || !f.first().isPlus()) return "";
    StringBuilder out = new StringBuilder();
    for (IExpr t : order.order(f.first())) out.append(isNegativeTerm(t) ? '-' : '+');
    return out.toString();
  }

  /** β or a power of it: the inverse temperature, by its conventional name. */
  static boolean isBeta(IExpr f) {
    IExpr base = f.isPower() ? f.base() : f;
    return base.isSymbol() && ((ISymbol) base).getSymbolName().equals("beta");
  }

  private static Map<String, Greek> greek() {
    String[][] table = {
      {"alpha", "\\alpha", "α"}, {"beta", "\\beta", "β"}, {"gamma", "\\gamma", "γ"},
      {"delta", "\\delta", "δ"}, {"epsilon", "\\epsilon", "ε"}, {"varepsilon", "\\varepsilon", "ε"},
      {"zeta", "\\zeta", "ζ"}, {"eta", "\\eta", "η"}, {"theta", "\\theta", "θ"},
      {"vartheta", "\\vartheta", "ϑ"}, {"iota", "\\iota", "ι"}, {"kappa", "\\kappa", "κ"},
      {"lambda", "\\lambda", "λ"}, {"mu", "\\mu", "μ"}, {"nu", "\\nu", "ν"}, {"xi", "\\xi", "ξ"},
      {"omicron", "\\mathrm{omicron}", "omicron"}, {"pi", "\\pi", "π"}, {"varpi", "\\varpi", "ϖ"}, {"rho", "\\rho", "ρ"},
      {"varrho", "\\varrho", "ϱ"}, {"sigma", "\\sigma", "σ"}, {"varsigma", "\\varsigma", "ς"},
      {"tau", "\\tau", "τ"}, {"upsilon", "\\upsilon", "υ"}, {"phi", "\\phi", "φ"},
      {"varphi", "\\varphi", "φ"}, {"chi", "\\chi", "χ"}, {"psi", "\\psi", "ψ"},
      {"omega", "\\omega", "ω"},
      // Capitals LaTeX has no macro for look like Latin ones (Α, A): they print as words.
      {"Alpha", "\\mathrm{Alpha}", "Alpha"}, {"Beta", "\\mathrm{Beta}", "Beta"}, {"Gamma", "\\Gamma", "Γ"},
      {"Delta", "\\Delta", "Δ"}, {"Epsilon", "\\mathrm{Epsilon}", "Epsilon"}, {"Zeta", "\\mathrm{Zeta}", "Zeta"},
      {"Eta", "\\mathrm{Eta}", "Eta"}, {"Theta", "\\Theta", "Θ"}, {"Iota", "\\mathrm{Iota}", "Iota"},
      {"Kappa", "\\mathrm{Kappa}", "Kappa"}, {"Lambda", "\\Lambda", "Λ"}, {"Mu", "\\mathrm{Mu}", "Mu"},
      {"Nu", "\\mathrm{Nu}", "Nu"}, {"Xi", "\\Xi", "Ξ"}, {"Omicron", "\\mathrm{Omicron}", "Omicron"},
      {"Pi", "\\Pi", "Π"}, {"Rho", "\\mathrm{Rho}", "Rho"}, {"Sigma", "\\Sigma", "Σ"},
      {"Tau", "\\mathrm{Tau}", "Tau"}, {"Upsilon", "\\Upsilon", "Υ"}, {"Phi", "\\Phi", "Φ"},
      {"Chi", "\\mathrm{Chi}", "Chi"}, {"Psi", "\\Psi", "Ψ"}, {"Omega", "\\Omega", "Ω"},
    };
    java.util.HashMap<String, Greek> out = new java.util.HashMap<>();
    for (String[] row : table) out.put(row[0], new Greek(row[1], row[2]));
    return Map.copyOf(out);
  }

  // ---------------------------------------------------------------- Unicode scripts

  private static final String SUB = "₀₁₂₃₄₅₆₇₈₉", SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  static String subscriptDigits(String s) {
    return script(s, SUB);
  }

  /** An integer as superscript, e.g. ⁻¹. */
  static String superscript(String integer) {
    return script(integer.replace('-', '⁻'), SUP);
  }

  private static String script(String s, String digits) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray())
      out.append(Character.isDigit(ch) ? digits.charAt(ch - '0') : ch);
    return out.toString();
  }
}
