package energy.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A Symja expression compiled once into a tree of small Java nodes, so that it can be evaluated
 * at doubles millions of times without calling Symja.
 *
 * <p>Supported: real numbers (integers of any size, rationals, machine reals), the constants
 * {@code Pi, E, Degree, EulerGamma, GoldenRatio, Catalan}, the bound variables, {@code Plus,
 * Times, Power} (integer exponents by repeated squaring, {@code ±1/2} by {@code sqrt}, others by
 * {@code Math.pow}, {@code E^x} by {@code exp}), {@code Exp, Log} (one or two arguments), {@code
 * Log10, Log2, Sqrt, CubeRoot, Abs, Sign, Sin, Cos, Tan, Cot, Sec, Csc, Sinh, Cosh, Tanh, Coth,
 * Sech, Csch, ArcSin, ArcCos, ArcTan} (one or two arguments){@code , ArcSinh, ArcCosh, ArcTanh,
 * LogisticSigmoid, Max, Min, Ramp}.
 *
 * <p>Logarithms of provably positive expressions are compiled stably: {@code Log} of a sum whose
 * terms are all provably positive (positive constants, {@code E^x}, {@code Cosh(x)}, products and
 * real powers of those) becomes a log-sum-exp, so {@code Log(1+E^x)} is a softplus and {@code
 * Log(E^a + E^b)} never overflows; {@code Log(c*Cosh(x))} becomes {@code log c - log 2 + |x| +
 * log1p(exp(-2|x|))}; {@code Log(E^x)} is {@code x} (the variables are real).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NumericFunction {

  /** Thrown by {@link #compile} for an expression it cannot compile; the message names the head. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String message) {
      super(message);
    }
  }

  private final Node root;
  private final int arity;

  private NumericFunction(Node root, int arity) {
    this.root = root;
    this.arity = arity;
  }

  /**
   * Compiles {@code e} over the given variables (order = slot index).
   *
   * @throws Unsupported for heads it cannot compile, unbound symbols and non-real numbers
   * @throws IllegalArgumentException if a variable is listed twice
   */
  public static NumericFunction compile(IExpr e, List<ISymbol> variables) {
    Map<ISymbol, Integer> slots = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      if (slots.putIfAbsent(variables.get(i), i) != null) {
        throw new IllegalArgumentException("variable listed twice: " + variables.get(i));
      }
    }
    return new NumericFunction(new Compiler(slots).compile(released(e)), variables.size());
  }

  /** e with every HoldForm[x] replaced by x, without evaluating (held sums stay sums). */
  public static IExpr released(IExpr e) {
    if (e.isAST(S.HoldForm, 2)) return released(e.getAt(1));
    if (!e.isAST()) return e;
    IExpr[] args = new IExpr[e.argSize()];
    boolean changed = false;
    for (int i = 1; i <= e.argSize(); i++) {
      args[i - 1] = released(e.getAt(i));
      changed |= args[i - 1] != e.getAt(i);
    }
    return changed ? F.ast(args, e.head()) : e;
  }

  /** Evaluates at {@code values[i]} = value of {@code variables.get(i)}. */
  public double apply(double[] values) {
    if (values.length < arity) {
      throw new IllegalArgumentException(
          "expected " + arity + " values, got " + values.length);
    }
    return root.eval(values);
  }

  /** The number of variables. */
  public int arity() {
    return arity;
  }

  /** True when the expression does not depend on any variable (it was folded to a constant). */
  public boolean isConstant() {
    return root instanceof Const;
  }

  // ---------------------------------------------------------------- stable helpers

  /** log(1 + e^x), without overflow for large x nor loss for very negative x. */
  public static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** log(2 cosh x) = |x| + log1p(e^{-2|x|}), without overflow. */
  public static double log2cosh(double x) {
    double a = Math.abs(x);
    return a + Math.log1p(Math.exp(-2 * a));
  }

  /** log Σ e^{x_i}, stable. Returns -∞ for an empty array. */
  public static double logSumExp(double... xs) {
    double m = Double.NEGATIVE_INFINITY;
    int im = -1;
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] > m || im < 0) {
        m = xs[i];
        im = i;
      }
    }
    if (im < 0 || m == Double.NEGATIVE_INFINITY) return Double.NEGATIVE_INFINITY;
    if (Double.isNaN(m) || m == Double.POSITIVE_INFINITY) return m;
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      if (i != im) s += Math.exp(xs[i] - m);
    }
    return m + Math.log1p(s);
  }

  // ---------------------------------------------------------------- nodes

  private abstract static class Node {
    abstract double eval(double[] v);
  }

  private static final class Const extends Node {
    final double c;

    Const(double c) {
      this.c = c;
    }

    @Override
    double eval(double[] v) {
      return c;
    }
  }

  private static final class Var extends Node {
    final int i;

    Var(int i) {
      this.i = i;
    }

    @Override
    double eval(double[] v) {
      return v[i];
    }
  }

  private static final class Sum extends Node {
    final double c;
    final Node[] xs;

    Sum(double c, Node[] xs) {
      this.c = c;
      this.xs = xs;
    }

    @Override
    double eval(double[] v) {
      double s = c;
      for (Node x : xs) s += x.eval(v);
      return s;
    }
  }

  private static final class Sum2 extends Node {
    final Node a, b;

    Sum2(Node a, Node b) {
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(double[] v) {
      return a.eval(v) + b.eval(v);
    }
  }

  private static final class Prod extends Node {
    final double c;
    final Node[] xs;

    Prod(double c, Node[] xs) {
      this.c = c;
      this.xs = xs;
    }

    @Override
    double eval(double[] v) {
      double p = c;
      for (Node x : xs) p *= x.eval(v);
      return p;
    }
  }

  private static final class Scale extends Node {
    final double c;
    final Node x;

    Scale(double c, Node x) {
      this.c = c;
      this.x = x;
    }

    @Override
    double eval(double[] v) {
      return c * x.eval(v);
    }
  }

  private static final class Prod2 extends Node {
    final Node a, b;

    Prod2(Node a, Node b) {
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(double[] v) {
      return a.eval(v) * b.eval(v);
    }
  }

  private static final class IntPow extends Node {
    final Node x;
    final int n;

    IntPow(Node x, int n) {
      this.x = x;
      this.n = n;
    }

    @Override
    double eval(double[] v) {
      return ipow(x.eval(v), n);
    }
  }

  static double ipow(double b, int n) {
    if (n == 2) return b * b;
    if (n == -1) return 1 / b;
    boolean inv = n < 0;
    long m = Math.abs((long) n);
    double r = 1;
    while (m != 0) {
      if ((m & 1) != 0) r *= b;
      m >>= 1;
      if (m != 0) b *= b;
    }
    return inv ? 1 / r : r;
  }

  private static final class Pow extends Node {
    final Node b, p;

    Pow(Node b, Node p) {
      this.b = b;
      this.p = p;
    }

    @Override
    double eval(double[] v) {
      return Math.pow(b.eval(v), p.eval(v));
    }
  }

  private static final class Unary extends Node {
    final DoubleUnaryOperator f;
    final Node x;

    Unary(DoubleUnaryOperator f, Node x) {
      this.f = f;
      this.x = x;
    }

    @Override
    double eval(double[] v) {
      return f.applyAsDouble(x.eval(v));
    }
  }

  private static final class Exp extends Node {
    final Node x;

    Exp(Node x) {
      this.x = x;
    }

    @Override
    double eval(double[] v) {
      return Math.exp(x.eval(v));
    }
  }

  private static final class Binary extends Node {
    interface Op {
      double apply(double a, double b);
    }

    final Op f;
    final Node a, b;

    Binary(Op f, Node a, Node b) {
      this.f = f;
      this.a = a;
      this.b = b;
    }

    @Override
    double eval(double[] v) {
      return f.apply(a.eval(v), b.eval(v));
    }
  }

  private static final class MaxN extends Node {
    final Node[] xs;
    final boolean max;

    MaxN(Node[] xs, boolean max) {
      this.xs = xs;
      this.max = max;
    }

    @Override
    double eval(double[] v) {
      double r = xs[0].eval(v);
      for (int i = 1; i < xs.length; i++) {
        double y = xs[i].eval(v);
        r = max ? Math.max(r, y) : Math.min(r, y);
      }
      return r;
    }
  }

  /** log Σ e^{x_i}, evaluated stably. */
  private static final class Lse extends Node {
    final Node[] xs;

    Lse(Node[] xs) {
      this.xs = xs;
    }

    @Override
    double eval(double[] v) {
      if (xs.length == 2) {
        double a = xs[0].eval(v), b = xs[1].eval(v);
        double m = Math.max(a, b), d = Math.min(a, b);
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.NaN;
        if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) return m;
        return m + Math.log1p(Math.exp(d - m));
      }
      double[] ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) ys[i] = xs[i].eval(v);
      return logSumExp(ys);
    }
  }

  // ---------------------------------------------------------------- compiler

  private static final class Compiler {
    private final Map<ISymbol, Integer> slots;

    Compiler(Map<ISymbol, Integer> slots) {
      this.slots = slots;
    }

    Node compile(IExpr e) {
      if (e == null) throw new Unsupported("null expression");
      if (e.isSymbol()) return symbol((ISymbol) e);
      if (e.isNumber()) {
        if (e instanceof IReal) return new Const(((IReal) e).doubleValue());
        throw new Unsupported("cannot compile non-real number " + e);
      }
      if (!e.isAST()) throw new Unsupported("cannot compile " + e.getClass().getSimpleName() + " " + e);
      IAST a = (IAST) e;
      IExpr head = a.head();
      int n = a.argSize();
      if (head == S.Plus) return plus(a);
      if (head == S.Times) return times(a);
      if (head == S.Power) {
        arity(a, 2);
        return power(a.arg1(), a.arg2());
      }
      if (head == S.Sqrt) {
        arity(a, 1);
        return unary(Math::sqrt, a.arg1());
      }
      if (head == S.Exp) {
        arity(a, 1);
        return fold(new Exp(compile(a.arg1())));
      }
      if (head == S.Log) {
        if (n == 1) return log(a.arg1());
        if (n == 2) {
          Node b = compile(a.arg1()), x = compile(a.arg2());
          return fold(new Binary((bb, xx) -> Math.log(xx) / Math.log(bb), b, x));
        }
        throw new Unsupported("cannot compile Log with " + n + " arguments: " + e);
      }
      if (head == S.ArcTan && n == 2) {
        // Mathematica's ArcTan(x, y) is the angle of the point (x, y).
        return fold(new Binary((x, y) -> Math.atan2(y, x), compile(a.arg1()), compile(a.arg2())));
      }
      if (head == S.Max || head == S.Min) {
        if (n == 0) throw new Unsupported("cannot compile empty " + head + ": " + e);
        Node[] xs = new Node[n];
        for (int i = 0; i < n; i++) xs[i] = compile(a.getAt(i + 1));
        return fold(n == 1 ? xs[0] : new MaxN(xs, head == S.Max));
      }
      DoubleUnaryOperator f = UNARY.get(head);
      if (f != null) {
        if (n != 1) throw new Unsupported("cannot compile " + head + " with " + n + " arguments: " + e);
        return unary(f, a.arg1());
      }
      throw new Unsupported("cannot compile head " + head + " (in " + shortString(e) + ")");
    }

    private void arity(IAST a, int n) {
      if (a.argSize() != n) {
        throw new Unsupported(
            "cannot compile " + a.head() + " with " + a.argSize() + " arguments: " + shortString(a));
      }
    }

    private Node symbol(ISymbol s) {
      Integer slot = slots.get(s);
      if (slot != null) return new Var(slot);
      if (s == S.Pi) return new Const(Math.PI);
      if (s == S.E) return new Const(Math.E);
      if (s == S.Degree) return new Const(Math.PI / 180);
      if (s == S.EulerGamma) return new Const(0.57721566490153286061);
      if (s == S.GoldenRatio) return new Const(1.6180339887498948482);
      if (s == S.Catalan) return new Const(0.91596559417721901505);
      if (s == S.I) throw new Unsupported("cannot compile the imaginary unit I");
      throw new Unsupported("unbound symbol " + s);
    }

    private Node unary(DoubleUnaryOperator f, IExpr arg) {
      return fold(new Unary(f, compile(arg)));
    }

    private Node plus(IAST a) {
      double c = 0;
      List<Node> xs = new ArrayList<>();
      for (int i = 1; i <= a.argSize(); i++) {
        Node x = compile(a.getAt(i));
        if (x instanceof Const) c += ((Const) x).c;
        else xs.add(x);
      }
      if (xs.isEmpty()) return new Const(c);
      if (c == 0 && xs.size() == 1) return xs.get(0);
      if (c == 0 && xs.size() == 2) return new Sum2(xs.get(0), xs.get(1));
      return new Sum(c, xs.toArray(new Node[0]));
    }

    private Node times(IAST a) {
      double c = 1;
      List<Node> xs = new ArrayList<>();
      for (int i = 1; i <= a.argSize(); i++) {
        Node x = compile(a.getAt(i));
        if (x instanceof Const) c *= ((Const) x).c;
        else xs.add(x);
      }
      if (xs.isEmpty()) return new Const(c);
      if (c == 1 && xs.size() == 1) return xs.get(0);
      if (xs.size() == 1) return new Scale(c, xs.get(0));
      if (c == 1 && xs.size() == 2) return new Prod2(xs.get(0), xs.get(1));
      return new Prod(c, xs.toArray(new Node[0]));
    }

    private Node power(IExpr base, IExpr exponent) {
      if (base == S.E) return fold(new Exp(compile(exponent)));
      Node b = compile(base);
      Node p = compile(exponent);
      if (p instanceof Const) {
        double q = ((Const) p).c;
        Node r;
        if (q == Math.rint(q) && Math.abs(q) <= 1 << 30) {
          int k = (int) q;
          if (k == 0) return new Const(1);
          if (k == 1) return b;
          r = new IntPow(b, k);
        } else if (q == 0.5) {
          r = new Unary(Math::sqrt, b);
        } else if (q == -0.5) {
          r = new Unary(x -> 1 / Math.sqrt(x), b);
        } else {
          r = new Binary(Math::pow, b, p);
        }
        return fold(r);
      }
      if (b instanceof Const) {
        double c = ((Const) b).c;
        if (c > 0) {
          double lc = Math.log(c);
          return new Exp(new Scale(lc, p));
        }
      }
      return fold(new Pow(b, p));
    }

    // ---- stable logarithms

    /** log(arg): stable when arg is provably positive, else Math.log of the compiled arg. */
    private Node log(IExpr arg) {
      LogForm lf = logForm(arg);
      if (lf == null) return unary(Math::log, arg);
      return lf.toNode();
    }

    /** log x = c + Σ parts, for provably positive x. */
    private static final class LogForm {
      double c;
      final List<Node> parts = new ArrayList<>();

      Node toNode() {
        if (parts.isEmpty()) return new Const(c);
        if (c == 0 && parts.size() == 1) return parts.get(0);
        if (c == 0 && parts.size() == 2) return new Sum2(parts.get(0), parts.get(1));
        return new Sum(c, parts.toArray(new Node[0]));
      }
    }

    /** The log of {@code x} as a LogForm when x is syntactically positive for real variables; else null. */
    private LogForm logForm(IExpr x) {
      if (x.isSymbol() && slots.containsKey(x)) return null;
      if (x.isNumber() || x.isSymbol()) {
        Node n;
        try {
          n = compile(x);
        } catch (Unsupported u) {
          return null;
        }
        if (n instanceof Const && ((Const) n).c > 0) {
          LogForm lf = new LogForm();
          lf.c = Math.log(((Const) n).c);
          return lf;
        }
        return null;
      }
      if (!x.isAST()) return null;
      IAST a = (IAST) x;
      IExpr head = a.head();
      if ((head == S.Power && a.argSize() == 2 && a.arg1() == S.E)
          || (head == S.Exp && a.argSize() == 1)) {
        LogForm lf = new LogForm();
        Node p = compile(head == S.Exp ? a.arg1() : a.arg2());
        if (p instanceof Const) lf.c = ((Const) p).c;
        else lf.parts.add(p);
        return lf;
      }
      if (head == S.Cosh && a.argSize() == 1) {
        LogForm lf = new LogForm();
        Node y = compile(a.arg1());
        if (y instanceof Const) {
          lf.c = log2cosh(((Const) y).c) - Math.log(2);
        } else {
          lf.c = -Math.log(2);
          lf.parts.add(new Unary(NumericFunction::log2cosh, y));
        }
        return lf;
      }
      if (head == S.Times) {
        LogForm lf = new LogForm();
        for (int i = 1; i <= a.argSize(); i++) {
          LogForm f = logForm(a.getAt(i));
          if (f == null) return null;
          lf.c += f.c;
          lf.parts.addAll(f.parts);
        }
        return lf;
      }
      if (head == S.Power && a.argSize() == 2) {
        Node p;
        try {
          p = compile(a.arg2());
        } catch (Unsupported u) {
          return null;
        }
        if (!(p instanceof Const)) return null;
        LogForm b = logForm(a.arg1());
        if (b == null) return null;
        double q = ((Const) p).c;
        LogForm lf = new LogForm();
        lf.c = q * b.c;
        if (!b.parts.isEmpty()) {
          Node s =
              b.parts.size() == 1 ? b.parts.get(0) : new Sum(0, b.parts.toArray(new Node[0]));
          lf.parts.add(q == 1 ? s : new Scale(q, s));
        }
        return lf;
      }
      if (head == S.Sqrt && a.argSize() == 1) {
        LogForm b = logForm(a.arg1());
        if (b == null) return null;
        LogForm lf = new LogForm();
        lf.c = 0.5 * b.c;
        if (!b.parts.isEmpty()) {
          lf.parts.add(new Scale(0.5, new Sum(0, b.parts.toArray(new Node[0]))));
        }
        return lf;
      }
      if (head == S.Plus && a.argSize() >= 2) {
        List<Node> terms = new ArrayList<>();
        double constSum = 0;
        for (int i = 1; i <= a.argSize(); i++) {
          LogForm t = logForm(a.getAt(i));
          if (t == null) return null;
          if (t.parts.isEmpty()) constSum += Math.exp(t.c);
          else terms.add(t.toNode());
        }
        if (constSum > 0) terms.add(0, new Const(Math.log(constSum)));
        LogForm lf = new LogForm();
        if (terms.size() == 1) {
          Node t = terms.get(0);
          if (t instanceof Const) lf.c = ((Const) t).c;
          else lf.parts.add(t);
        } else {
          lf.parts.add(new Lse(terms.toArray(new Node[0])));
        }
        return lf;
      }
      return null;
    }
  }

  /** Replaces a node whose children are all constant by its value. */
  private static Node fold(Node n) {
    if (n instanceof Const) return n;
    boolean allConst;
    if (n instanceof Unary) allConst = ((Unary) n).x instanceof Const;
    else if (n instanceof Exp) allConst = ((Exp) n).x instanceof Const;
    else if (n instanceof IntPow) allConst = ((IntPow) n).x instanceof Const;
    else if (n instanceof Pow) allConst = ((Pow) n).b instanceof Const && ((Pow) n).p instanceof Const;
    else if (n instanceof Binary) allConst = ((Binary) n).a instanceof Const && ((Binary) n).b instanceof Const;
    else if (n instanceof MaxN) {
      allConst = true;
      for (Node x : ((MaxN) n).xs) allConst &= x instanceof Const;
    } else allConst = false;
    return allConst ? new Const(n.eval(new double[0])) : n;
  }

  private static String shortString(IExpr e) {
    String s = e.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static final Map<IExpr, DoubleUnaryOperator> UNARY = new HashMap<>();

  static {
    UNARY.put(S.Abs, Math::abs);
    UNARY.put(S.Sign, Math::signum);
    UNARY.put(S.Sin, Math::sin);
    UNARY.put(S.Cos, Math::cos);
    UNARY.put(S.Tan, Math::tan);
    UNARY.put(S.Cot, x -> 1 / Math.tan(x));
    UNARY.put(S.Sec, x -> 1 / Math.cos(x));
    UNARY.put(S.Csc, x -> 1 / Math.sin(x));
    UNARY.put(S.Sinh, Math::sinh);
    UNARY.put(S.Cosh, Math::cosh);
    UNARY.put(S.Tanh, Math::tanh);
    UNARY.put(S.Coth, x -> 1 / Math.tanh(x));
    UNARY.put(S.Sech, x -> 1 / Math.cosh(x));
    UNARY.put(S.Csch, x -> 1 / Math.sinh(x));
    UNARY.put(S.ArcSin, Math::asin);
    UNARY.put(S.ArcCos, Math::acos);
    UNARY.put(S.ArcTan, Math::atan);
    UNARY.put(S.ArcSinh, x -> Math.copySign(Math.log(Math.abs(x) + Math.hypot(x, 1)), x));
    UNARY.put(S.ArcCosh, x -> Math.log(x + Math.sqrt(x - 1) * Math.sqrt(x + 1)));
    UNARY.put(S.ArcTanh, x -> 0.5 * Math.log1p(2 * x / (1 - x)));
    UNARY.put(S.Log10, Math::log10);
    UNARY.put(S.Log2, x -> Math.log(x) / Math.log(2));
    UNARY.put(S.CubeRoot, Math::cbrt);
    UNARY.put(S.Ramp, x -> Math.max(x, 0));
    UNARY.put(
        S.LogisticSigmoid, x -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
  }
}
