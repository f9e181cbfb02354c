package energy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.MatrixResult;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixLatex;
import energy.algebra.matrix.MatrixScalars;
import energy.algebra.matrix.MatrixText;
import energy.algebra.matrix.ScalarNode;
import energy.model.Variable;
import energy.print.LatexPrinter;
import energy.print.SymjaForm;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Results of a model with symbolic sizes, in matrix notation: vectors bold, {@code A^{\mathsf{T}}},
 * {@code \ln\det}, {@code \sum_{j=1}^{m}}. Each term is its coefficient (printed by the
 * ordinary scalar printers) times its matrix part (printed by {@link MatrixLatex} / {@link MatrixText}).
 */
final class MatrixDocument {
  /** Terms per line of an {@code align*} row before it is continued. */
  private static final int LINE_WIDTH = 40;

  private final LatexPrinter latex = new LatexPrinter();
  private final TextPrinter text = new TextPrinter();
  private final MatrixLatex matrixLatex = new MatrixLatex(latex::print);
  private final MatrixText matrixText =
      new MatrixText(c -> c.isInteger() || c.isSymbol() ? text.print(c) : c.equals(F.C1D2) ? "½" : "(" + text.print(c) + ")");

  /**
   * A partition statement's terms are its free energy −β⁻¹ ln Z; a marginal's (even over all
   * units, with no arguments left) are the energy itself.
   */
  private static boolean isPartition(MatrixResult r) {
    return r.query() instanceof energy.model.Query.Partition;
  }

  /** The rows of an {@code align*} for one compilation. */
  List<String> latexLines(Compilation c) {
    List<String> lines = new ArrayList<>();
    for (MatrixResult r : c.matrixResults()) {
      String lhs = latex.symbol(r.name()) + (r.args().isEmpty() ? "" : "(" + args(r.args(), true) + ")");
      if (isPartition(r))
        lhs = (c.model().temperature() == null ? "-\\ln " : "-\\frac{1}{" + beta(c, true) + "} \\ln ") + latex.symbol(r.name());
      List<String> rows = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (IExpr t : r.terms()) {
        String printed = signed(term(t, true));
        if (line.length() > 0 && width(line.toString()) + width(printed) > LINE_WIDTH) {
          rows.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(printed);
      }
      if (line.length() > 0) rows.add(line.toString());
      if (rows.isEmpty()) rows.add("0");
      for (int i = 0; i < rows.size(); i++) {
        String row = rows.get(i);
        if (i == 0) lines.add(lhs + " &= " + (row.startsWith("+ ") ? row.substring(2) : row.startsWith("- ") ? "-" + row.substring(2) : row));
        else lines.add("&\\quad " + row);
      }
      if (!r.positiveDefinite().isEmpty()) {
        List<String> conds = new ArrayList<>();
        for (MatrixExpr m : r.positiveDefinite()) conds.add(matrixLatex.matrix(m) + " \\succ 0");
        lines.add("&\\qquad \\text{for } " + String.join(",\\ ", conds));
      }
    }
    return lines;
  }

  String text(Compilation c) {
    StringBuilder out = new StringBuilder();
    for (MatrixResult r : c.matrixResults()) {
      String minusLog = c.model().temperature() == null ? "−ln " : "−(1/" + beta(c, false) + ") ln ";
      String lhs = isPartition(r) ? minusLog + text.symbol(r.name())
          : text.symbol(r.name()) + (r.args().isEmpty() ? "" : "(" + args(r.args(), false) + ")");
      out.append(lhs).append(" = ").append(textSum(r.terms())).append('\n');
      if (!r.positiveDefinite().isEmpty()) {
        List<String> conds = new ArrayList<>();
        for (MatrixExpr m : r.positiveDefinite()) conds.add(matrixText.matrix(m) + " ≻ 0");
        out.append("    for ").append(String.join(", ", conds)).append('\n');
      }
    }
    return out.toString();
  }

  ObjectNode json(MatrixResult r, ObjectNode o) {
    o.put("name", r.name());
    o.put("kind", isPartition(r) ? "partition" : "marginal");
    o.put("notation", "matrix");
    ArrayNode args = o.putArray("arguments");
    for (Variable v : r.args()) args.add(v.name());
    ArrayNode over = o.putArray("integrated");
    for (Variable v : r.integrated()) over.add(v.name());
    o.put("from", r.source());
    ObjectNode energy = o.putObject(isPartition(r) ? "freeEnergy" : "energy");
    List<String> parts = new ArrayList<>();
    for (IExpr t : r.terms()) parts.add(signed(term(t, true)));
    String joined = String.join(" ", parts);
    energy.put("latex", joined.startsWith("+ ") ? joined.substring(2) : joined.startsWith("- ") ? "-" + joined.substring(2) : joined);
    energy.put("text", textSum(r.terms()));
    energy.put("symja", SymjaForm.print(mathematica(Symja.eval(F.Plus(r.terms().toArray(new IExpr[0]))))));
    ArrayNode conditions = o.putArray("conditions");
    for (MatrixExpr m : r.positiveDefinite()) {
      ObjectNode co = conditions.addObject();
      co.put("latex", matrixLatex.matrix(m) + " \\succ 0");
      co.put("text", matrixText.matrix(m) + " ≻ 0");
      co.put("reason", "Gaussian integral converges");
    }
    return o;
  }

  private String textSum(List<IExpr> terms) {
    StringBuilder out = new StringBuilder();
    for (IExpr t : terms) {
      String s = term(t, false);
      boolean neg = s.startsWith("-") || s.startsWith("−");
      String body = neg ? s.substring(1) : s;
      if (out.length() == 0) out.append(neg ? "−" : "").append(body);
      else out.append(neg ? " − " : " + ").append(body);
    }
    return out.length() == 0 ? "0" : out.toString();
  }

  /** One term: sign, coefficient (ordinary printer), matrix part. */
  private String term(IExpr t, boolean isLatex) {
    if (!hasAtom(t)) return isLatex ? latex.print(t) : text.print(t);
    List<IExpr> coeff = new ArrayList<>(), atoms = new ArrayList<>();
    for (IExpr f : t.isTimes() ? Symja.args(t) : List.of(t)) (hasAtom(f) ? atoms : coeff).add(f);
    IExpr c = Symja.eval(F.Times(coeff.toArray(new IExpr[0])));
    boolean negative = c.isNumber() ? c.isNegative() : c.isTimes() && c.first().isNumber() && c.first().isNegative();
    if (negative) c = Symja.eval(F.Negate(c));
    List<String> parts = new ArrayList<>();
    if (!c.isOne()) {
      String printed = isLatex ? latex.print(c) : c.equals(F.C1D2) ? "½" : text.print(c);
      boolean wrap = c.isPlus() || (!isLatex && printed.contains("/"));
      parts.add(wrap ? (isLatex ? "\\left(" + printed + "\\right)" : "(" + printed + ")") : printed);
    }
    for (IExpr a : atoms) parts.add(isLatex ? matrixLatex.scalar(a) : matrixText.scalar(a));
    String body = String.join(isLatex ? " " : " ", parts);
    return (negative ? "-" : "") + body;
  }

  /** As {@link LatexDocument#width}, with bold vectors, ᵀ and 𝟙 one character wide. */
  private static int width(String latex) {
    return LatexDocument.width(latex.replace("^{\\mathsf{T}}", "T").replace("\\mathbf", "").replace("\\mathbb{1}", "1"));
  }

  /**
   * Mathematica input form: each atom becomes a symbol whose name is its matrix expression in
   * Mathematica syntax (vectors are lists, so aᵀx is {@code a.x}), e.g.
   * {@code x.A.Inverse[IdentityMatrix[m]-B.Transpose[B]].Transpose[A].x}.
   */
  static IExpr mathematica(IExpr e) {
    java.util.Optional<ScalarNode> node = MatrixScalars.node(e);
    if (node.isPresent()) return energy.print.SymjaForm.verbatim(mathematica(node.get()));
    if (!e.isAST()) return e;
    org.matheclipse.core.interfaces.IASTAppendable out = F.ast(e.head(), e.argSize());
    for (IExpr a : Symja.args(e)) out.append(mathematica(a));
    return out;
  }

  private static String mathematica(ScalarNode n) {
    String m = mathematica(n.matrix());
    if (n instanceof ScalarNode.Det) return "Det[" + m + "]";
    if (n instanceof ScalarNode.LogDet) return "Log[Det[" + m + "]]";
    if (n instanceof ScalarNode.Trace) return "Tr[" + m + "]";
    if (n instanceof ScalarNode.UnitSum u) {
      String arg = SymjaForm.print(u.beta()) + "*(" + m + ")[[j]]";
      return "Sum[" + (u.spin() ? "Log[2*Cosh[" + arg + "]]" : "Log[1+Exp[" + arg + "]]") + ",{j,1," + u.matrix().rows() + "}]";
    }
    return m;
  }

  private static String mathematica(MatrixExpr e) {
    if (e instanceof MatrixExpr.Named n) return energy.print.SymjaForm.encode(n.name());
    if (e instanceof MatrixExpr.Identity i) return "IdentityMatrix[" + i.n() + "]";
    if (e instanceof MatrixExpr.Zero z) return "ConstantArray[0,{" + z.rows() + "," + z.cols() + "}]";
    if (e instanceof MatrixExpr.Scaled s) return "(" + SymjaForm.print(s.scalar()) + ")*" + mathematica(s.m());
    if (e instanceof MatrixExpr.Sum s) return "(" + String.join("+", s.terms().stream().map(MatrixDocument::mathematica).toList()) + ")";
    if (e instanceof MatrixExpr.Inverse i) return "Inverse[" + mathematica(i.m()) + "]";
    if (e instanceof MatrixExpr.Transpose t)
      return t.m() instanceof MatrixExpr.Named n && n.vector() ? energy.print.SymjaForm.encode(n.name()) : "Transpose[" + mathematica(t.m()) + "]";
    List<String> parts = new ArrayList<>();
    List<MatrixExpr> f = ((MatrixExpr.Product) e).factors();
    for (int i = 0; i < f.size(); i++) {
      // A column times a row (b gᵀ) is an outer product; lists have no orientation.
      if (i + 1 < f.size() && f.get(i).cols().equals(energy.algebra.matrix.Size.ONE) && f.get(i + 1).rows().equals(energy.algebra.matrix.Size.ONE)
          && !f.get(i).rows().equals(energy.algebra.matrix.Size.ONE)) {
        parts.add("Outer[Times," + mathematica(f.get(i)) + "," + mathematica(f.get(i + 1)) + "]");
        i++;
        continue;
      }
      parts.add(mathematica(f.get(i)));
    }
    return String.join(".", parts);
  }

  private static boolean hasAtom(IExpr e) {
    if (MatrixScalars.node(e).isPresent()) return true;
    for (IExpr a : Symja.args(e)) if (hasAtom(a)) return true;
    return false;
  }

  private String args(List<Variable> vars, boolean isLatex) {
    List<String> out = new ArrayList<>();
    for (Variable v : vars)
      out.add(isLatex ? (v.rank() == 1 ? "\\mathbf{" + v.name() + "}" : latex.symbol(v.name())) : text.symbol(v.name()));
    return String.join(", ", out);
  }

  private String beta(Compilation c, boolean isLatex) {
    if (c.model().temperature() == null) return "1";
    return isLatex ? latex.symbol(c.model().temperature().name()) : text.symbol(c.model().temperature().name());
  }

  private static String signed(String printed) {
    return printed.startsWith("-") ? "- " + printed.substring(1) : "+ " + printed;
  }
}
