package energy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.result.MatrixMarginal;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixScalars;
import energy.algebra.matrix.ScalarNode;
import energy.model.Variable;
import energy.present.Math;
import energy.present.MathWriter;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The JSON of results of a model with symbolic sizes, in matrix notation: vectors bold, {@code A^{\mathsf{T}}},
 * {@code \ln\det}, {@code \sum_{j=1}^{m}} (written by {@link MathWriter}), and a Mathematica input form.
 */
final class MatrixDocument {
  private final MathWriter latex = MathWriter.latex(new LatexPrinter());
  private final MathWriter text = MathWriter.text(new TextPrinter());

  private static boolean isPartition(MatrixMarginal r) {
    return r.query() instanceof energy.model.Query.Partition;
  }

  ObjectNode json(MatrixMarginal r, ObjectNode o) {
    o.put("name", r.name());
    o.put("kind", isPartition(r) ? "partition" : "marginal");
    o.put("notation", "matrix");
    ArrayNode args = o.putArray("arguments");
    for (Variable v : r.args()) args.add(v.name());
    ArrayNode over = o.putArray("integrated");
    for (Variable v : r.from().integrated()) over.add(v.name());
    o.put("from", r.from().source());
    ObjectNode energy = o.putObject(isPartition(r) ? "freeEnergy" : "energy");
    Math.Sum terms = new Math.Sum(r.terms().stream().<Math>map(Math.MatrixTerm::new).toList(), java.util.Optional.empty());
    energy.put("latex", latex.write(terms));
    energy.put("text", text.write(terms));
    energy.put("symja", JsonDocument.symja(mathematica(Symja.eval(F.Plus(r.terms().toArray(new IExpr[0]))))));
    ArrayNode conditions = o.putArray("conditions");
    for (MatrixExpr m : r.positiveDefinite()) {
      ObjectNode co = conditions.addObject();
      co.put("latex", latex.write(new Math.PositiveDefinite(m)));
      co.put("text", text.write(new Math.PositiveDefinite(m)));
      co.put("reason", "Gaussian integral converges");
    }
    return o;
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
      String arg = JsonDocument.symja(u.beta()) + "*(" + m + ")[[j]]";
      return "Sum[" + (u.spin() ? "Log[2*Cosh[" + arg + "]]" : "Log[1+Exp[" + arg + "]]") + ",{j,1," + u.matrix().rows() + "}]";
    }
    return m;
  }

  private static String mathematica(MatrixExpr e) {
    if (e instanceof MatrixExpr.Named n) return energy.print.SymjaForm.encode(n.name());
    if (e instanceof MatrixExpr.Identity i) return "IdentityMatrix[" + i.n() + "]";
    if (e instanceof MatrixExpr.Zero z) return "ConstantArray[0,{" + z.rows() + "," + z.cols() + "}]";
    if (e instanceof MatrixExpr.Scaled s) return "(" + JsonDocument.symja(s.scalar()) + ")*" + mathematica(s.m());
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

}
