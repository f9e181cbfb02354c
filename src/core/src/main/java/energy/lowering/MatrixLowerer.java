package energy.lowering;

import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixForms;
import energy.algebra.matrix.Size;
import energy.diag.Span;
import energy.model.Dim;
import energy.model.Expr;
import energy.model.Model;
import energy.model.Variable;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Lowers a checked energy body to matrix notation, for models with symbolic sizes: vectors
 * become column vectors and matrices {@link MatrixExpr}s, {@code a.x} the form aᵀx, {@code A^T}
 * the transpose, {@code I} (or {@code 1} beside a matrix) the identity, and the energy a Symja
 * scalar whose matrix parts are atoms ({@link MatrixForms#expand}). Components ({@code x[1]})
 * and index sums need concrete sizes and are rejected with their position.
 *
 * <p>Values are scalars ({@link IExpr}), {@link MatrixExpr}s, or {@link Identity} (c𝟙) while
 * the identity's size is not yet known.
 */
public final class MatrixLowerer implements Expr.Visitor<Object> {
  /** c𝟙 of a size still to be fixed by its context. */
  private record Identity(IExpr c) {
    MatrixExpr sized(Size n) {
      return MatrixExpr.scale(c, MatrixExpr.identity(n));
    }
  }

  private final Model model;
  private final SymbolTable symbols;

  private MatrixLowerer(Model model, SymbolTable symbols) {
    this.model = model;
    this.symbols = symbols;
  }

  /** Thrown for a construct that has no matrix notation; carries the source position. */
  public static final class Unsupported extends RuntimeException {
    private final Span span;
    private final String hint;

    Unsupported(Span span, String message, String hint) {
      super(message);
      this.span = span;
      this.hint = hint;
    }

    public Span span() {
      return span;
    }

    public String hint() {
      return hint;
    }
  }

  public static IExpr lower(Expr body, Model model, SymbolTable symbols) {
    Object v = body.accept(new MatrixLowerer(model, symbols));
    return Symja.eval(F.Expand((IExpr) v));
  }

  /** The size of a declared dim: symbolic, or named with its value. */
  public static Size size(Dim d) {
    return d.isSymbolic() ? Size.of(d.name()) : Size.of(d.name(), d.size());
  }

  /** A unit or parameter of rank 1 or 2 as a matrix expression. */
  public static MatrixExpr matrix(Variable v) {
    if (v.rank() == 1) return MatrixExpr.vector(v.name(), size(v.shape().get(0)));
    return MatrixExpr.matrix(v.name(), size(v.shape().get(0)), size(v.shape().get(1)));
  }

  @Override
  public Object visitNumber(Expr.Num e) {
    return F.QQ(F.ZZ(e.numerator()), F.ZZ(e.denominator()));
  }

  @Override
  public Object visitName(Expr.Name e) {
    Variable v = model.variables().get(e.name().text());
    if (v == null) return new Identity(F.C1); // the checker allows only I here
    if (v.rank() == 0) return symbols.components(v).get(0).symbol();
    return matrix(v);
  }

  @Override
  public Object visitIndexed(Expr.Indexed e) {
    throw new Unsupported(e.span(), "components such as '" + e.name().text() + "[...]' need concrete sizes", "in a model with symbolic sizes write vectors and matrices: a.x, x.A.y, A^T");
  }

  @Override
  public Object visitSum(Expr.Sum e) {
    throw new Unsupported(e.span(), "index sums need concrete sizes", "in a model with symbolic sizes write sum(i) a[i]*x[i] as a.x");
  }

  @Override
  public Object visitCall(Expr.Call e) {
    return Lowerer.function(e.function().text(), (IExpr) e.args().get(0).accept(this));
  }

  @Override
  public Object visitUnary(Expr.Unary e) {
    Object v = e.operand().accept(this);
    return e.op() == '-' ? scale(F.CN1, v) : v;
  }

  private static Object scale(IExpr c, Object v) {
    if (v instanceof Identity i) return new Identity(F.Times(c, i.c()));
    if (v instanceof MatrixExpr m) return MatrixExpr.scale(c, m);
    return F.Times(c, (IExpr) v);
  }

  @Override
  public Object visitBinary(Expr.Binary e) {
    Object l = e.left().accept(this);
    if (e.op() == '^' && e.right() instanceof Expr.Name n && n.name().text().equals("T") && !model.variables().containsKey("T"))
      return l instanceof Identity ? l : MatrixExpr.transpose((MatrixExpr) l);
    Object r = e.right().accept(this);
    Lowerer.refuseNonFinite(e, l, r); // as in concrete sizes: 1/0 is an error at the division
    if (e.op() == '+' || e.op() == '-') {
      if (l instanceof MatrixExpr m && r instanceof Identity i) r = i.sized(m.rows());
      if (l instanceof MatrixExpr m && isOne(r)) r = MatrixExpr.identity(m.rows());
      if (r instanceof MatrixExpr m && l instanceof Identity i) l = i.sized(m.rows());
      if (r instanceof MatrixExpr m && isOne(l)) l = MatrixExpr.identity(m.rows());
      if (l instanceof Identity a && r instanceof Identity b)
        return new Identity(e.op() == '+' ? F.Plus(a.c(), b.c()) : F.Subtract(a.c(), b.c()));
      Object right = e.op() == '-' ? scale(F.CN1, r) : r;
      if (l instanceof MatrixExpr a) return MatrixExpr.add(a, (MatrixExpr) right);
      return F.Plus((IExpr) l, (IExpr) right);
    }
    if (e.op() == '*') return l instanceof IExpr c ? scale(c, r) : scale((IExpr) r, l);
    if (e.op() == '/') return scale(F.Power((IExpr) r, F.CN1), l);
    return F.Power((IExpr) l, (IExpr) r);
  }

  private static boolean isOne(Object v) {
    return v instanceof IExpr x && x.isOne();
  }

  /**
   * {@code l.r} contracts the last index of l with the first of r. Vectors are columns, so a
   * vector on the left enters transposed: a.x = aᵀx, x.A = Aᵀx (a column), A.x = Ax.
   */
  @Override
  public Object visitDot(Expr.Dot e) {
    Object l = e.left().accept(this);
    Object r = e.right().accept(this);
    if (l instanceof Identity i) return scale(i.c(), r);
    if (r instanceof Identity i) return scale(i.c(), l);
    MatrixExpr a = (MatrixExpr) l, b = (MatrixExpr) r;
    boolean av = isVector(a), bv = isVector(b);
    if (av && bv) return MatrixForms.expand(MatrixExpr.multiply(MatrixExpr.transpose(a), b));
    if (av) return MatrixExpr.multiply(MatrixExpr.transpose(b), a);
    return MatrixExpr.multiply(a, b);
  }

  private static boolean isVector(MatrixExpr m) {
    return m.cols().equals(Size.ONE) && !m.rows().equals(Size.ONE);
  }
}
