package energy.print;

import static energy.print.Notation.ATOM;
import static energy.print.Notation.POWER;

import energy.print.Notation.Product;
import energy.print.Notation.Relation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.INumber;

/**
 * Symja expressions as Unicode text for a terminal: {@code −½J·s₁·s₂}, {@code g²/c},
 * {@code (1/(2β))·ln(β/(2π))}, {@code exp(…)}. Factors are joined by a middle dot; a numeric
 * coefficient is written straight against the first factor.
 */
public final class TextPrinter extends ExpressionPrinter {
  private static final String MINUS = "−"; // U+2212, not the hyphen
  private static final Tokens TEXT = new Tokens(Notation.Name::text, Relation::text,
      MINUS, "∞", "π", "exp(1)", "i", "i", "κ", "⟨%s⟩", "|%s|", "%s/%s", "×",
      " ∧ ", " ∨ ", "%s", "(", ")", true);

  public TextPrinter() {
    this(List.of(), List.of());
  }

  /** A printer for one model: its units after the couplings in every product, its user names unambiguous. */
  public TextPrinter(Collection<? extends IExpr> units, Collection<String> names) {
    super(PrintSettings.DEFAULTS.withUnits(units).withNames(names), TEXT);
  }

  /**
   * {@code ½c·y²}, {@code g²/c}, {@code x/(2β)}; with function calls and a symbolic denominator
   * the fraction is bracketed in front: {@code (1/(2β))·ln(u)}.
   */
  @Override
  String product(Product p) {
    if (!p.hasDenominator()) {
      List<String> factors = factors(p.numerator());
      if (factors.isEmpty()) return number(p.coefficient());
      return glue(coefficient(p.coefficient()), String.join("·", factors));
    }
    boolean callsOutside = !p.outside().isEmpty();
    String num = fractionPart(p.coefficientNumerator(), callsOutside ? p.inside() : p.numerator());
    String fraction = num + "/" + denominator(p);
    if (!callsOutside) return fraction;
    return "(" + fraction + ")·" + String.join("·", factors(p.outside()));
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

  @Override
  String power(IExpr base, IExpr exponent) {
    String b = parenthesize(base, POWER, true);
    if (exponent.isInteger()) return b + Notation.superscript(exponent.toString());
    if (Notation.precedence(exponent, true) == ATOM && !exponent.isAST())
      return b + "^" + render(exponent);
    return b + "^(" + render(exponent) + ")";
  }

  @Override
  String sqrt(IExpr base) {
    String s = render(base);
    return Notation.precedence(base, true) == ATOM && !base.isAST() ? "√" + s : "√(" + s + ")";
  }

  @Override
  String exp(IExpr x) {
    return "exp(" + render(x) + ")";
  }

  @Override
  String call(Notation.Function f, IExpr arg) {
    return f.text() + "(" + render(arg) + ")";
  }

  @Override
  String tenToThe(int exponent) {
    return "10" + Notation.superscript(Integer.toString(exponent));
  }

  /** {@code [a, b]}, matrices as {@code [[a, b], [c, d]]}. */
  @Override
  String list(IExpr e) {
    return "[" + String.join(", ", renderAll(e)) + "]";
  }
}
