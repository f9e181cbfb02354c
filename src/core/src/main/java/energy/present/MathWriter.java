package energy.present;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixPrinter;
import energy.algebra.matrix.MatrixScalars;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import energy.rg.flow.FlowFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Writes {@link Math} nodes in one notation, LaTeX or Unicode text. The two differ in their
 * tokens (the {@link Style}) and in the printers of expressions; the structure is one.
 */
public final class MathWriter {
  /** The tokens of a notation; {@code %s} stands for the parts, in order. */
  private record Style(
      String prime,
      String conditional,
      String freeEnergy,
      String freeEnergyWithoutTemperature,
      String trace,
      String positiveDefinite,
      String limit,
      String plusInfinity,
      String minusInfinity,
      String minus,
      String couplingOpen,
      String couplingClose) {}

  private static final Style LATEX = new Style("%s'", "%s(%s \\mid %s)", "-\\frac{1}{%s} \\ln %s", "-\\ln %s", "\\sum_{%s} e^{%s}",
      "%s \\succ 0", "%s \\to %s", "+\\infty", "-\\infty", "-", "_{", "}");
  private static final Style TEXT = new Style("%s′", "%s(%s | %s)", "−(1/%s) ln %s", "−ln %s", "Σ over %s of exp(%s)",
      "%s ≻ 0", "%s → %s", "+∞", "−∞", "−", "", "");

  private final boolean latex;
  private final Style style;
  private final Function<IExpr, String> print;
  private final Function<List<IExpr>, String> printSum;
  private final Function<String, String> symbol;
  /** Matrix parts of a term ({@code \mathbf{x}^{\mathsf{T}} A \mathbf{y}}, {@code xᵀAy}). */
  private final Function<IExpr, String> matrixScalar;
  private final Function<MatrixExpr, String> matrix;

  private MathWriter(boolean latex, Function<IExpr, String> print, Function<List<IExpr>, String> printSum, Function<String, String> symbol,
      Function<IExpr, String> matrixScalar, Function<MatrixExpr, String> matrix) {
    this.latex = latex;
    this.style = latex ? LATEX : TEXT;
    this.print = print;
    this.printSum = printSum;
    this.symbol = symbol;
    this.matrixScalar = matrixScalar;
    this.matrix = matrix;
  }

  /** LaTeX math for the file's results (units after couplings, its names unambiguous). */
  public static MathWriter latex(PresentedFile f) {
    return latex(new LatexPrinter(f.units(), f.names()));
  }

  public static MathWriter latex(LatexPrinter p) {
    MatrixPrinter matrix = MatrixPrinter.latex(p::print);
    return new MathWriter(true, p::print, p::printSum, p::symbol, matrix::print, matrix::print);
  }

  public static MathWriter text(PresentedFile f) {
    return text(new TextPrinter(f.units(), f.names()));
  }

  public static MathWriter text(TextPrinter p) {
    MatrixPrinter matrix = MatrixPrinter.text(c -> c.isInteger() || c.isSymbol() ? p.print(c) : c.equals(F.C1D2) ? "½" : "(" + p.print(c) + ")");
    return new MathWriter(false, p::print, p::printSum, p::symbol, matrix::print, matrix::print);
  }

  public boolean isLatex() {
    return latex;
  }

  public String write(Math m) {
    if (m instanceof Math.Expr e) return print.apply(e.value());
    if (m instanceof Math.Sum s) return sum(s);
    if (m instanceof Math.Name n) return symbol.apply(n.name());
    if (m instanceof Math.VectorName v) return latex ? "\\mathbf{" + v.name() + "}" : symbol.apply(v.name());
    if (m instanceof Math.Applied a) return write(a.head()) + "(" + list(a.args()) + ")";
    if (m instanceof Math.Conditional c) return String.format(style.conditional(), write(c.head()), list(c.of()), list(c.given()));
    if (m instanceof Math.Prime p) return String.format(style.prime(), write(p.of()));
    if (m instanceof Math.FreeEnergy f) {
      String value = f.beta().isPresent() ? String.format(style.freeEnergy(), write(f.beta().get()), write(f.partition()))
          : String.format(style.freeEnergyWithoutTemperature(), write(f.partition()));
      return f.name().map(n -> write(n) + " = " + value).orElse(value);
    }
    if (m instanceof Math.Trace t) return String.format(style.trace(), list(t.over()), write(t.exponent()));
    if (m instanceof Math.Convention c) return convention(c);
    if (m instanceof Math.CouplingName c) return couplingName(c);
    if (m instanceof Math.MatrixTerm t) return matrixTerm(t.term());
    if (m instanceof Math.MatrixValue v) return matrix.apply(v.matrix());
    if (m instanceof Math.PositiveDefinite p) return String.format(style.positiveDefinite(), matrix.apply(p.matrix()));
    if (m instanceof Math.Scale s) return scale(s.b());
    if (m instanceof Math.Number n) return number(n.value());
    if (m instanceof Math.Complex z) return number(z.re()) + (latex ? (z.im() < 0 ? " - " : " + ") : (z.im() < 0 ? "-" : "+")) + number(java.lang.Math.abs(z.im())) + "i";
    if (m instanceof Math.Equals e) return write(e.left()) + " = " + write(e.right());
    if (m instanceof Math.Matrix x) return matrix(x);
    if (m instanceof Math.Formula f) return String.format(latex ? f.latex() : f.text(), f.args().stream().map(this::write).toArray());
    if (m instanceof Math.Range r)
      return write(r.coupling()) + (latex ? " \\in [" : " ∈ [") + number(r.lower()) + ", " + number(r.upper()) + "]";
    Math.Limit l = (Math.Limit) m;
    return String.format(style.limit(), write(l.coupling()), l.positive() ? style.plusInfinity() : style.minusInfinity());
  }

  /** A pmatrix in LaTeX; [a, b; c, d] in text. */
  private String matrix(Math.Matrix x) {
    List<String> rows = new ArrayList<>();
    for (List<Math> row : x.rows()) rows.add(latex ? String.join(" & ", row.stream().map(this::write).toList()) : list(row));
    return latex ? "\\begin{pmatrix} " + String.join(" \\\\ ", rows) + " \\end{pmatrix}" : "[" + String.join("; ", rows) + "]";
  }

  private String list(List<Math> items) {
    List<String> out = new ArrayList<>();
    for (Math m : items) out.add(write(m));
    return String.join(", ", out);
  }

  private String sum(Math.Sum s) {
    if (s.value().isPresent() && !latex) return print.apply(s.value().get());
    if (s.terms().stream().allMatch(t -> t instanceof Math.Expr))
      return printSum.apply(s.terms().stream().map(t -> ((Math.Expr) t).value()).toList());
    StringBuilder out = new StringBuilder();
    for (Math t : s.terms()) {
      String w = write(t);
      boolean negative = w.startsWith("-") || w.startsWith("−");
      String body = negative ? w.substring(1) : w;
      if (out.length() == 0) out.append(negative ? style.minus() : "").append(body);
      else out.append(negative ? " " + style.minus() + " " : " + ").append(body);
    }
    return out.length() == 0 ? "0" : out.toString();
  }

  private String couplingName(Math.CouplingName c) {
    if (c.order() == 0) return symbol.apply(c.letter()) + (latex ? "_{0}" : "₀");
    List<String> idx = new ArrayList<>();
    for (String i : c.indices()) idx.add(c.numbered() ? (latex ? i : subscript(i)) : symbol.apply(i));
    String letter = symbol.apply(c.letter());
    if (c.order() >= 5) letter = latex ? letter + "^{(" + c.order() + ")}" : letter + "⁽" + c.order() + "⁾";
    String separator = c.numbered() ? (c.wide() ? "," : "") : latex ? " " : ",";
    String sub = String.join(separator, idx);
    if (latex) return letter + style.couplingOpen() + sub + style.couplingClose();
    return letter + (c.numbered() ? sub : "(" + sub + ")");
  }

  /**
   * energy = E₀ − Σ hᵢvᵢ − Σ Jᵢⱼvᵢvⱼ − Σ Kᵢⱼₖvᵢvⱼvₖ − … in the model's letters and unit vector;
   * over several units, with a placeholder u and the units it stands for.
   */
  private String convention(Math.Convention c) {
    List<String> l = c.letters().stream().map(symbol).toList();
    String e = write(c.energy());
    if (c.vector().isPresent()) {
      String v = symbol.apply(c.vector().get());
      if (latex) {
        String b = v.contains("_") ? "{" + v + "}" : v;
        return e + " = " + l.get(0) + "_{0} - \\sum_{i} " + l.get(1) + "_{i} " + b + "_{i} - \\sum_{i<j} " + l.get(2) + "_{ij} " + b + "_{i} " + b
            + "_{j} - \\sum_{i<j<k} " + l.get(3) + "_{ijk} " + b + "_{i} " + b + "_{j} " + b + "_{k} - \\dots";
      }
      return e + " = " + l.get(0) + "₀ − Σ " + l.get(1) + "ᵢ" + v + "ᵢ − Σ " + l.get(2) + "ᵢⱼ" + v + "ᵢ" + v + "ⱼ − Σ " + l.get(3) + "ᵢⱼₖ" + v + "ᵢ" + v + "ⱼ" + v
          + "ₖ − …";
    }
    String u = symbol.apply(c.placeholder());
    if (latex)
      return e + " = " + l.get(0) + "_{0} - \\sum_{" + u + "} " + l.get(1) + "_{" + u + "} " + u + " - \\sum_{" + u + " < " + u + "'} " + l.get(2) + "_{" + u + " "
          + u + "'} " + u + " " + u + "' - \\dots, \\quad " + u + ", " + u + "' \\in \\{" + list(c.units()) + "\\}";
    return e + " = " + l.get(0) + "₀ − Σ " + l.get(1) + "(" + u + ")·" + u + " − Σ " + l.get(2) + "(" + u + "," + u + "′)·" + u + "·" + u + "′ − …, " + u + ", " + u
        + "′ ∈ {" + list(c.units()) + "}";
  }

  private static String subscript(String digits) {
    StringBuilder out = new StringBuilder();
    for (char ch : digits.toCharArray()) out.append((char) ('₀' + (ch - '0')));
    return out.toString();
  }

  /** One term in matrix notation: sign, coefficient (the ordinary printer), matrix part. */
  private String matrixTerm(IExpr t) {
    if (!hasAtom(t)) return print.apply(t);
    List<IExpr> coeff = new ArrayList<>(), atoms = new ArrayList<>();
    for (IExpr f : t.isTimes() ? Symja.args(t) : List.of(t)) (hasAtom(f) ? atoms : coeff).add(f);
    IExpr c = Symja.eval(F.Times(coeff.toArray(new IExpr[0])));
    boolean negative = c.isNumber() ? c.isNegative() : c.isTimes() && c.first().isNumber() && c.first().isNegative();
    if (negative) c = Symja.eval(F.Negate(c));
    List<String> parts = new ArrayList<>();
    if (!c.isOne()) {
      String printed = !latex && c.equals(F.C1D2) ? "½" : print.apply(c);
      boolean wrap = c.isPlus() || (!latex && printed.contains("/"));
      parts.add(wrap ? (latex ? "\\left(" + printed + "\\right)" : "(" + printed + ")") : printed);
    }
    for (IExpr a : atoms) parts.add(matrixScalar.apply(a));
    return (negative ? "-" : "") + String.join(" ", parts);
  }

  private static boolean hasAtom(IExpr e) {
    if (MatrixScalars.node(e).isPresent()) return true;
    for (IExpr a : Symja.args(e)) if (hasAtom(a)) return true;
    return false;
  }

  /** b as 2 or √3 when it is an integer or the root of one, else as a decimal. */
  private String scale(double b) {
    long n = java.lang.Math.round(b), m = java.lang.Math.round(b * b);
    if (java.lang.Math.abs(b - n) < 1e-12) return String.valueOf(n);
    if (java.lang.Math.abs(b * b - m) < 1e-9) return latex ? "\\sqrt{" + m + "}" : "√" + m;
    return FlowFormat.number(b);
  }

  /** Significant digits of a computed number: enough for a fixed point or an exponent in a paper. */
  static final int DIGITS = 7;

  /**
   * {@link #DIGITS} significant digits, trailing zeros dropped; in LaTeX 1.5\times 10^{-7} and
   * \infty, in text 1.5×10⁻⁷ and ∞ (as the rest of the text is Unicode), minus signs U+2212.
   */
  private String number(double v) {
    if (Double.isInfinite(v)) return v > 0 ? (latex ? "\\infty" : "∞") : style.minusInfinity();
    if (Double.isNaN(v)) return latex ? "\\text{NaN}" : "NaN";
    java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS));
    String minus = b.signum() < 0 ? (latex ? "-" : "−") : "";
    b = b.abs();
    double a = java.lang.Math.abs(v);
    if (b.signum() == 0 || (a >= 1e-4 && a < 1e7)) return minus + plain(b);
    int exponent = b.precision() - b.scale() - 1;
    String mantissa = plain(b.movePointLeft(exponent));
    return minus + mantissa + (latex ? " \\times 10^{" + exponent + "}" : "×10" + superscript(exponent));
  }

  private static String plain(java.math.BigDecimal b) {
    String s = b.stripTrailingZeros().toPlainString();
    return s.equals("0.0") ? "0" : s;
  }

  private static String superscript(int n) {
    StringBuilder out = new StringBuilder();
    for (char ch : Integer.toString(n).toCharArray()) out.append(ch == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
    return out.toString();
  }
}
