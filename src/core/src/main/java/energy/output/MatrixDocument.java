package energy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.MatrixResult;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixSums;
import energy.algebra.matrix.MatrixSymja;
import energy.model.Variable;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Results of a model with symbolic sizes, in matrix notation: vectors bold, {@code A^{\mathsf{T}}},
 * {@code \ln\det}, {@code \sum_{j=1}^{m}}. Each term is its coefficient (printed by the
 * ordinary scalar printers) times its matrix part ({@link MatrixSums}).
 */
final class MatrixDocument {
  /** Terms per line of an {@code align*} row before it is continued. */
  private static final int LINE_WIDTH = 40;

  private final LatexPrinter latex = new LatexPrinter();
  private final TextPrinter text = new TextPrinter();
  private final MatrixSums sums = new MatrixSums(latex, text);

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
        String printed = signed(sums.latexTerm(t));
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
        for (MatrixExpr m : r.positiveDefinite()) conds.add(sums.positiveDefiniteLatex(m));
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
      out.append(lhs).append(" = ").append(sums.text(r.terms())).append('\n');
      if (!r.positiveDefinite().isEmpty()) {
        List<String> conds = new ArrayList<>();
        for (MatrixExpr m : r.positiveDefinite()) conds.add(sums.positiveDefiniteText(m));
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
    energy.put("latex", sums.latex(r.terms()));
    energy.put("text", sums.text(r.terms()));
    energy.put("symja", MatrixSymja.print(Symja.eval(F.Plus(r.terms().toArray(new IExpr[0])))));
    ArrayNode conditions = o.putArray("conditions");
    for (MatrixExpr m : r.positiveDefinite()) {
      ObjectNode co = conditions.addObject();
      co.put("latex", sums.positiveDefiniteLatex(m));
      co.put("text", sums.positiveDefiniteText(m));
      co.put("reason", "Gaussian integral converges");
    }
    return o;
  }

  /** As {@link LatexDocument#width}, with bold vectors, ᵀ and 𝟙 one character wide. */
  private static int width(String latex) {
    return LatexDocument.width(latex.replace("^{\\mathsf{T}}", "T").replace("\\mathbf", "").replace("\\mathbb{1}", "1"));
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
