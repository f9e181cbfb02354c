package energy.rg.flow;

import energy.algebra.Symja;
import energy.numeric.NumericFunction;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The recursion as fast numeric functions: the images f_a and the symbolic Jacobian ∂f_a/∂K_b
 * (Symja's D), each compiled by {@link NumericFunction}; an expression that does not compile is
 * evaluated through Symja's N instead (slow but complete). A derivative that Symja leaves
 * unevaluated (Abs'(K), Derivative(1,0)[Max][…]) or that is not a number at a point is replaced
 * there by a central difference of the compiled image, and {@link #usedDifferences} says so.
 */
public final class FlowMap {
  private final Recursion recursion;
  private final IExpr[][] jacobianExprs;
  private final Scalar[] images;
  private final Scalar[][] jacobian;
  private final boolean[][] symbolic;
  private volatile boolean usedDifferences;

  private interface Scalar {
    double at(double[] x);
  }

  public FlowMap(Recursion recursion) {
    this.recursion = recursion;
    int n = recursion.dimension();
    images = new Scalar[n];
    jacobian = new Scalar[n][n];
    jacobianExprs = new IExpr[n][n];
    symbolic = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      images[a] = scalar(recursion.images().get(a));
      for (int b = 0; b < n; b++) {
        jacobianExprs[a][b] =
            Symja.eval(F.D(recursion.images().get(a), recursion.couplings().get(b)));
        symbolic[a][b] = jacobianExprs[a][b].isFree(S.Derivative, true);
        jacobian[a][b] = symbolic[a][b] ? scalar(jacobianExprs[a][b]) : null;
      }
    }
  }

  public Recursion recursion() {
    return recursion;
  }

  public int dimension() {
    return recursion.dimension();
  }

  /** ∂f_a/∂K_b as Symja computed it. */
  public IExpr jacobianExpr(int a, int b) {
    return jacobianExprs[a][b];
  }

  /** f(x). */
  public double[] apply(double[] x) {
    double[] y = new double[images.length];
    for (int a = 0; a < y.length; a++) y[a] = images[a].at(x);
    return y;
  }

  /** The Jacobian ∂f_a/∂K_b at x. */
  public double[][] jacobian(double[] x) {
    int n = images.length;
    double[][] j = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double v = symbolic[a][b] ? jacobian[a][b].at(x) : Double.NaN;
        j[a][b] = Double.isFinite(v) ? v : difference(a, b, x);
      }
    }
    return j;
  }

  /** True once some Jacobian entry was taken by central differences (accurate to about 1e-9). */
  public boolean usedDifferences() {
    return usedDifferences;
  }

  private double difference(int a, int b, double[] x) {
    usedDifferences = true;
    // h ~ ε^{1/3} balances the O(h²) truncation against round-off.
    double h = 6e-6 * Math.max(1, Math.abs(x[b]));
    double[] xp = x.clone(), xm = x.clone();
    xp[b] += h;
    xm[b] -= h;
    return (images[a].at(xp) - images[a].at(xm)) / (xp[b] - xm[b]);
  }

  private Scalar scalar(IExpr e) {
    List<ISymbol> vars = recursion.couplings();
    try {
      NumericFunction f = NumericFunction.compile(e, vars);
      return f::apply;
    } catch (NumericFunction.Unsupported u) {
      return x -> symjaValue(e, vars, x);
    }
  }

  /** e at x through Symja: substitute machine reals and take N; NaN when not a real number. */
  private static double symjaValue(IExpr e, List<ISymbol> vars, double[] x) {
    IASTAppendable rules = F.ListAlloc(vars.size());
    for (int i = 0; i < vars.size(); i++) rules.append(F.Rule(vars.get(i), F.num(x[i])));
    IExpr v = Symja.eval(F.N(F.ReplaceAll(e, (IAST) rules)));
    return v.isReal() ? v.evalf() : Double.NaN;
  }
}
