package energy.lowering;

import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Span;
import energy.model.Dim;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.Model;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Lowers a checked energy body to one Symja expression in component form: contractions
 * and sums are written out over the concrete sizes, {@code a.x} becomes
 * {@code a[1] x[1] + a[2] x[2]}. The checker has run, so shapes are known to agree.
 *
 * <p>Values are scalars ({@link IExpr}), vectors ({@code IExpr[]}) or matrices
 * ({@code IExpr[][]}).
 */
public final class Lowerer implements Expr.Visitor<Object> {
  private final Model model;
  private final SymbolTable symbols;
  private final Map<String, Integer> indexValues = new HashMap<>();

  private Lowerer(Model model, SymbolTable symbols) {
    this.model = model;
    this.symbols = symbols;
  }

  public static IExpr lower(Expr body, Model model, SymbolTable symbols) {
    return (IExpr) body.accept(new Lowerer(model, symbols));
  }

  private Object value(Variable v) {
    List<SymbolTable.Component> comps = symbols.components(v);
    switch (v.rank()) {
      case 0:
        return comps.get(0).symbol();
      case 1:
        {
          IExpr[] out = new IExpr[comps.size()];
          for (int i = 0; i < out.length; i++) out[i] = comps.get(i).symbol();
          return out;
        }
      default:
        {
          int rows = v.shape().get(0).size(), cols = v.shape().get(1).size();
          IExpr[][] out = new IExpr[rows][cols];
          for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out[i][j] = comps.get(i * cols + j).symbol();
          return out;
        }
    }
  }

  @Override
  public Object visitNumber(Expr.Num e) {
    return F.QQ(F.ZZ(e.numerator()), F.ZZ(e.denominator()));
  }

  /** c𝟙 of a size still to be fixed by its context ({@code I}, or {@code 1} beside a matrix). */
  private record Identity(IExpr c) {}

  @Override
  public Object visitName(Expr.Name e) {
    Variable v = model.variables().get(e.name().text());
    return v == null ? new Identity(F.C1) : value(v); // the checker allows only I here
  }

  private static IExpr[][] identity(IExpr c, int n) {
    IExpr[][] out = new IExpr[n][n];
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i][j] = i == j ? c : F.C0;
    return out;
  }

  private static IExpr[][] transpose(IExpr[][] m) {
    IExpr[][] out = new IExpr[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) out[j][i] = m[i][j];
    return out;
  }

  @Override
  public Object visitIndexed(Expr.Indexed e) {
    Variable v = model.variables().get(e.name().text());
    int[] idx = new int[e.indices().size()];
    for (int k = 0; k < idx.length; k++) {
      Expr i = e.indices().get(k);
      idx[k] = i instanceof Expr.Num n ? n.numerator().intValue() : indexValues.get(((Expr.Name) i).name().text());
    }
    return symbols.symbol(v, idx);
  }

  @Override
  public Object visitCall(Expr.Call e) {
    IExpr a = (IExpr) e.args().get(0).accept(this);
    if (e.function().text().equals("ln") && isZero(a))
      throw notFinite(e.span(), "ln(0) is not finite", "the argument of ln must not vanish");
    return function(e.function().text(), a);
  }

  /** Exactly zero (after evaluation: 1 - 1, J - J), so that 1/0 is an error before Symja turns it into ∞. */
  private static boolean isZero(Object value) {
    return value instanceof IExpr x && Symja.eval(x).isZero();
  }

  private static CompileException notFinite(Span at, String message, String hint) {
    return new CompileException(new Diagnostic(at, message, hint));
  }

  /** The language's built-in functions (the checker has accepted the name). */
  static IExpr function(String name, IExpr a) {
    switch (name) {
      case "exp":
        return F.Exp(a);
      case "ln":
        return F.Log(a);
      case "cosh":
        return F.Cosh(a);
      case "sinh":
        return F.Sinh(a);
      case "tanh":
        return F.Tanh(a);
      default:
        return F.Sqrt(a);
    }
  }

  @Override
  public Object visitUnary(Expr.Unary e) {
    Object v = e.operand().accept(this);
    return e.op() == '-' ? map(v, Lowerer::negate) : v;
  }

  // Flat n-ary sums and products, and −(−x) = x: a long sum or a chain of minus signs in the
  // input stays one level deep, within Symja's evaluation recursion limit.

  private static IExpr plus(IExpr a, IExpr b) {
    return flat(org.matheclipse.core.expression.S.Plus, a, b);
  }

  private static IExpr times(IExpr a, IExpr b) {
    return flat(org.matheclipse.core.expression.S.Times, a, b);
  }

  private static IExpr subtract(IExpr a, IExpr b) {
    return plus(a, negate(b));
  }

  private static IExpr negate(IExpr a) {
    if (a.isTimes() && a.first().isMinusOne())
      return a.argSize() == 2 ? a.second() : ((org.matheclipse.core.interfaces.IAST) a).rest();
    return times(F.CN1, a);
  }

  private static IExpr flat(org.matheclipse.core.interfaces.ISymbol head, IExpr a, IExpr b) {
    org.matheclipse.core.interfaces.IASTAppendable out = F.ast(head);
    for (IExpr x : new IExpr[] {a, b}) {
      if (x.head() == head && x.isAST()) out.appendArgs((org.matheclipse.core.interfaces.IAST) x);
      else out.append(x);
    }
    return out;
  }

  private static Object map(Object v, java.util.function.UnaryOperator<IExpr> f) {
    if (v instanceof IExpr s) return f.apply(s);
    if (v instanceof Identity i) return new Identity(f.apply(i.c()));
    if (v instanceof IExpr[] vec) {
      IExpr[] out = new IExpr[vec.length];
      for (int i = 0; i < vec.length; i++) out[i] = f.apply(vec[i]);
      return out;
    }
    IExpr[][] m = (IExpr[][]) v;
    IExpr[][] out = new IExpr[m.length][];
    for (int i = 0; i < m.length; i++) out[i] = (IExpr[]) map(m[i], f);
    return out;
  }

  private static Object zip(Object a, Object b, java.util.function.BinaryOperator<IExpr> f) {
    if (a instanceof IExpr x) return f.apply(x, (IExpr) b);
    if (a instanceof IExpr[] va) {
      IExpr[] vb = (IExpr[]) b, out = new IExpr[va.length];
      for (int i = 0; i < va.length; i++) out[i] = f.apply(va[i], vb[i]);
      return out;
    }
    IExpr[][] ma = (IExpr[][]) a, mb = (IExpr[][]) b;
    IExpr[][] out = new IExpr[ma.length][];
    for (int i = 0; i < ma.length; i++) out[i] = (IExpr[]) zip(ma[i], mb[i], f);
    return out;
  }

  @Override
  public Object visitBinary(Expr.Binary e) {
    Object l = e.left().accept(this);
    if (e.op() == '^' && e.right() instanceof Expr.Name n && n.name().text().equals("T") && !model.variables().containsKey("T"))
      return l instanceof IExpr[][] m ? transpose(m) : l;
    Object r = e.right().accept(this);
    refuseNonFinite(e, l, r);
    if ((e.op() == '+' || e.op() == '-') && (l instanceof IExpr[][] || r instanceof IExpr[][])) {
      int n = (l instanceof IExpr[][] m ? m : (IExpr[][]) r).length;
      if (l instanceof Identity i) l = identity(i.c(), n);
      if (l instanceof IExpr c) l = identity(c, n); // 1 - B.B^T
      if (r instanceof Identity i) r = identity(i.c(), n);
      if (r instanceof IExpr c) r = identity(c, n);
      return e.op() == '+' ? zip(l, r, Lowerer::plus) : zip(l, r, Lowerer::subtract);
    }
    return arithmetic(e.op(), l, r);
  }

  /** A zero denominator, or 0 to a power ≤ 0: the energy would be ∞ or indeterminate. */
  static void refuseNonFinite(Expr.Binary e, Object l, Object r) {
    if (e.op() == '/' && isZero(r))
      throw notFinite(e.span(), "division by zero", "the denominator " + e.right().span().text() + " is 0");
    if (e.op() == '^' && r instanceof IExpr p && isZero(l)) {
      IExpr n = Symja.eval(p);
      if (n.isZero()) throw notFinite(e.span(), "0^0 is undefined", "write 1, or leave the factor out");
      if (n.isNegative()) throw notFinite(e.span(), "division by zero: 0 to a negative power", "the base " + e.left().span().text() + " is 0");
    }
  }

  private static Object arithmetic(char op, Object l, Object r) {
    switch (op) {
      case '+':
        return zip(l, r, Lowerer::plus);
      case '-':
        return zip(l, r, Lowerer::subtract);
      case '*':
        if (l instanceof IExpr s) return map(r, x -> times(s, x));
        return map(l, x -> times(x, (IExpr) r));
      case '/':
        return map(l, x -> F.Divide(x, (IExpr) r));
      default:
        return F.Power((IExpr) l, (IExpr) r);
    }
  }

  /** Contracts the last index of the left with the first index of the right. */
  @Override
  public Object visitDot(Expr.Dot e) {
    Object l = e.left().accept(this);
    Object r = e.right().accept(this);
    if (l instanceof Identity i) return map(r, x -> times(i.c(), x));
    if (r instanceof Identity i) return map(l, x -> times(x, i.c()));
    if (l instanceof IExpr[] a && r instanceof IExpr[] b) return dot(a, b);
    if (l instanceof IExpr[] a) { // vector . matrix
      IExpr[][] m = (IExpr[][]) r;
      IExpr[] out = new IExpr[m[0].length];
      for (int j = 0; j < out.length; j++) out[j] = dot(a, column(m, j));
      return out;
    }
    IExpr[][] m = (IExpr[][]) l;
    if (r instanceof IExpr[] b) { // matrix . vector
      IExpr[] out = new IExpr[m.length];
      for (int i = 0; i < m.length; i++) out[i] = dot(m[i], b);
      return out;
    }
    IExpr[][] n = (IExpr[][]) r;
    IExpr[][] out = new IExpr[m.length][n[0].length];
    for (int i = 0; i < m.length; i++)
      for (int j = 0; j < n[0].length; j++) out[i][j] = dot(m[i], column(n, j));
    return out;
  }

  private static IExpr[] column(IExpr[][] m, int j) {
    IExpr[] out = new IExpr[m.length];
    for (int i = 0; i < m.length; i++) out[i] = m[i][j];
    return out;
  }

  private static IExpr dot(IExpr[] a, IExpr[] b) {
    IExpr[] terms = new IExpr[a.length];
    for (int i = 0; i < a.length; i++) terms[i] = F.Times(a[i], b[i]);
    return F.Plus(terms);
  }

  @Override
  public Object visitSum(Expr.Sum e) {
    List<IExpr> terms = new ArrayList<>();
    sum(e, 0, terms);
    return F.Plus(terms.toArray(new IExpr[0]));
  }

  private void sum(Expr.Sum e, int k, List<IExpr> terms) {
    if (k == e.indices().size()) {
      terms.add((IExpr) e.body().accept(this));
      return;
    }
    Ident index = e.indices().get(k);
    int size = rangeOf(index.text(), e.body()).size();
    for (int i = 1; i <= size; i++) {
      indexValues.put(index.text(), i);
      sum(e, k + 1, terms);
    }
    indexValues.remove(index.text());
  }

  /** The size an index runs over: that of the first slot it fills (the checker made them agree). */
  private Dim rangeOf(String index, Expr body) {
    Dim[] found = new Dim[1];
    body.accept(
        new Expr.Visitor<Void>() {
          public Void visitNumber(Expr.Num e) {
            return null;
          }

          public Void visitName(Expr.Name e) {
            return null;
          }

          public Void visitIndexed(Expr.Indexed e) {
            Variable v = model.variables().get(e.name().text());
            for (int k = 0; k < e.indices().size() && found[0] == null; k++)
              if (e.indices().get(k) instanceof Expr.Name n && n.name().text().equals(index))
                found[0] = v.shape().get(k);
            return null;
          }

          public Void visitCall(Expr.Call e) {
            e.args().forEach(a -> a.accept(this));
            return null;
          }

          public Void visitUnary(Expr.Unary e) {
            return e.operand().accept(this);
          }

          public Void visitBinary(Expr.Binary e) {
            e.left().accept(this);
            return e.right().accept(this);
          }

          public Void visitDot(Expr.Dot e) {
            e.left().accept(this);
            return e.right().accept(this);
          }

          public Void visitSum(Expr.Sum e) {
            return e.body().accept(this);
          }
        });
    return found[0];
  }
}
