package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.print.SymjaForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The Symja input form of scalars in matrix notation: each matrix part becomes Mathematica
 * matrix code (vectors are lists, so aᵀx is {@code a.x}), e.g.
 * {@code u$x.u$$a.Inverse[IdentityMatrix[u$m]-u$$b.Transpose[u$$b]].Transpose[u$$a].u$x}. User names and
 * symbolic sizes are spelled as {@link SymjaForm} spells every user symbol, so one string reads
 * back with the sizes and the matrices as symbols a program can give values.
 */
public final class MatrixSymja {
  private MatrixSymja() {}

  /** The scalar as one line of Symja input. */
  public static String print(IExpr scalar) {
    return SymjaForm.print(withMatrixCode(scalar));
  }

  /**
   * "M is positive definite" (xᵀMx > 0 for every x ≠ 0) as Symja input: the least eigenvalue of
   * its symmetric part is positive. Symja 3.0.0 has no {@code PositiveDefiniteMatrixQ}.
   */
  public static String positiveDefinite(MatrixExpr m) {
    String code = code(m);
    return "Min[Eigenvalues[(" + code + "+Transpose[" + code + "])/2]]>0";
  }

  private static IExpr withMatrixCode(IExpr e) {
    Optional<ScalarNode> node = MatrixScalars.node(e);
    if (node.isPresent()) return SymjaForm.verbatim(code(node.get()));
    if (!e.isAST()) return e;
    IASTAppendable out = F.ast(e.head(), e.argSize());
    for (IExpr a : Symja.args(e)) out.append(withMatrixCode(a));
    return out;
  }

  private static String code(ScalarNode n) {
    String m = code(n.matrix());
    if (n instanceof ScalarNode.Det) return "Det[" + m + "]";
    if (n instanceof ScalarNode.LogDet) return "Log[Det[" + m + "]]";
    if (n instanceof ScalarNode.Trace) return "Tr[" + m + "]";
    if (n instanceof ScalarNode.UnitSum u) {
      // j is bound by Sum and no user symbol is spelled without the u$ prefix.
      String arg = SymjaForm.print(u.beta()) + "*(" + m + ")[[j]]";
      return "Sum[" + (u.spin() ? "Log[2*Cosh[" + arg + "]]" : "Log[1+Exp[" + arg + "]]") + ",{j,1," + size(u.matrix().rows()) + "}]";
    }
    return m;
  }

  private static String size(Size s) {
    return SymjaForm.print(s.toSymja());
  }

  private static String code(MatrixExpr e) {
    if (e instanceof MatrixExpr.Named n) return SymjaForm.encode(n.name());
    if (e instanceof MatrixExpr.Identity i) return "IdentityMatrix[" + size(i.n()) + "]";
    if (e instanceof MatrixExpr.Zero z) return "ConstantArray[0,{" + size(z.rows()) + "," + size(z.cols()) + "}]";
    if (e instanceof MatrixExpr.Scaled s) return "(" + SymjaForm.print(s.scalar()) + ")*" + code(s.m());
    if (e instanceof MatrixExpr.Sum s) return "(" + String.join("+", s.terms().stream().map(MatrixSymja::code).toList()) + ")";
    if (e instanceof MatrixExpr.Inverse i) return "Inverse[" + code(i.m()) + "]";
    if (e instanceof MatrixExpr.Transpose t)
      return t.m() instanceof MatrixExpr.Named n && n.vector() ? SymjaForm.encode(n.name()) : "Transpose[" + code(t.m()) + "]";
    List<String> parts = new ArrayList<>();
    List<MatrixExpr> f = ((MatrixExpr.Product) e).factors();
    for (int i = 0; i < f.size(); i++) {
      // A column times a row (b gᵀ) is an outer product; lists have no orientation.
      if (i + 1 < f.size() && f.get(i).cols().equals(Size.ONE) && f.get(i + 1).rows().equals(Size.ONE) && !f.get(i).rows().equals(Size.ONE)) {
        parts.add("Outer[Times," + code(f.get(i)) + "," + code(f.get(i + 1)) + "]");
        i++;
        continue;
      }
      parts.add(code(f.get(i)));
    }
    return String.join(".", parts);
  }
}
