package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A result in matrix notation as one line: its terms in order, each its coefficient (printed by
 * the model's scalar printer) times its matrix part ({@link MatrixLatex}, {@link MatrixText}),
 * e.g. {@code −a·x − xᵀAy + ½yᵀ(𝟙 − BBᵀ)y}.
 */
public final class MatrixSums {
  private final LatexPrinter latex;
  private final TextPrinter text;
  private final MatrixLatex matrixLatex;
  private final MatrixText matrixText;

  public MatrixSums(LatexPrinter latex, TextPrinter text) {
    this.latex = latex;
    this.text = text;
    matrixLatex = new MatrixLatex(latex::print);
    matrixText = new MatrixText(c -> c.isInteger() || c.isSymbol() ? text.print(c) : c.equals(F.C1D2) ? "½" : "(" + text.print(c) + ")");
  }

  public String latex(List<IExpr> terms) {
    List<String> parts = new ArrayList<>();
    for (IExpr t : terms) {
      String s = term(t, true);
      parts.add(s.startsWith("-") ? "- " + s.substring(1) : "+ " + s);
    }
    String joined = String.join(" ", parts);
    if (joined.isEmpty()) return "0";
    return joined.startsWith("+ ") ? joined.substring(2) : "-" + joined.substring(2);
  }

  public String text(List<IExpr> terms) {
    StringBuilder out = new StringBuilder();
    for (IExpr t : terms) {
      String s = term(t, false);
      boolean negative = s.startsWith("-") || s.startsWith("−");
      String body = negative ? s.substring(1) : s;
      if (out.length() == 0) out.append(negative ? "−" : "").append(body);
      else out.append(negative ? " − " : " + ").append(body);
    }
    return out.length() == 0 ? "0" : out.toString();
  }

  /** M ≻ 0. */
  public String positiveDefiniteLatex(MatrixExpr m) {
    return matrixLatex.matrix(m) + " \\succ 0";
  }

  public String positiveDefiniteText(MatrixExpr m) {
    return matrixText.matrix(m) + " ≻ 0";
  }

  /** One term in LaTeX: a leading {@code -} when negative, the coefficient unless 1, the matrix parts. */
  public String latexTerm(IExpr t) {
    return term(t, true);
  }

  private String term(IExpr t, boolean isLatex) {
    if (!hasAtom(t)) return isLatex ? latex.print(t) : text.print(t);
    List<IExpr> coefficient = new ArrayList<>(), atoms = new ArrayList<>();
    for (IExpr f : t.isTimes() ? Symja.args(t) : List.of(t)) (hasAtom(f) ? atoms : coefficient).add(f);
    IExpr c = Symja.eval(F.Times(coefficient.toArray(new IExpr[0])));
    boolean negative = c.isNumber() ? c.isNegative() : c.isTimes() && c.first().isNumber() && c.first().isNegative();
    if (negative) c = Symja.eval(F.Negate(c));
    List<String> parts = new ArrayList<>();
    if (!c.isOne()) {
      String printed = isLatex ? latex.print(c) : c.equals(F.C1D2) ? "½" : text.print(c);
      boolean wrap = c.isPlus() || (!isLatex && printed.contains("/"));
      parts.add(wrap ? (isLatex ? "\\left(" + printed + "\\right)" : "(" + printed + ")") : printed);
    }
    for (IExpr a : atoms) parts.add(isLatex ? matrixLatex.scalar(a) : matrixText.scalar(a));
    return (negative ? "-" : "") + String.join(" ", parts);
  }

  private static boolean hasAtom(IExpr e) {
    if (MatrixScalars.node(e).isPresent()) return true;
    for (IExpr a : Symja.args(e)) if (hasAtom(a)) return true;
    return false;
  }
}
