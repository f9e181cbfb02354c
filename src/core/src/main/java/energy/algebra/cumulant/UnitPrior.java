package energy.algebra.cumulant;

import energy.algebra.Condition;
import energy.algebra.NotApplicable;
import energy.algebra.Symja;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Cumulants of a single unit u under its prior weight e^{bu} (times e^{−(a/2)u²} for a real
 * unit), i.e. of the cumulant generating function K(t) = ln⟨e^{tu}⟩ = ln Z(b+t) − ln Z(b):
 *
 * <pre>
 *   spin   u ∈ {−1, +1}:  K(t) = ln cosh(b+t) − ln cosh b,        κ₁ = tanh b,  κₙ₊₁ = dκₙ/db
 *   binary u ∈ {0, 1}:    K(t) = ln(1+e^{b+t}) − ln(1+e^b),       κ₁ = σ(b),    κₙ₊₁ = dκₙ/db
 *   real   u ∈ ℝ:         K(t) = bt/a + t²/(2a),                   κ₁ = b/a, κ₂ = 1/a, κₙ = 0 (n > 2)
 * </pre>
 *
 * Since K(t) depends on b+t only, κₙ = Kⁿ(0) = dⁿ⁻¹κ₁/dbⁿ⁻¹. With T = tanh b, dT/db = 1 − T²,
 * and with σ = σ(b) = 1/(1+e^{−b}) ({@code LogisticSigmoid[b]} in Symja), dσ/db = σ − σ², so
 * every κₙ is a polynomial with integer coefficients in T or σ; the derivatives are taken
 * here on the coefficient lists, exactly, so the result stays such a polynomial rather than
 * whatever Symja's {@code D} makes of {@code Tanh}. Spin and binary hold for every complex b
 * off the poles; the Gaussian needs a &gt; 0 for the integral to exist — a number a ≤ 0 is
 * rejected ({@link NotApplicable}), a symbolic a is returned with the condition a &gt; 0
 * ({@link #conditions}).
 */
public final class UnitPrior {
  public enum Kind {
    SPIN,
    BINARY,
    GAUSSIAN
  }

  private UnitPrior() {}

  /** K(t) in closed form; {@code a} is the Gaussian's precision, null for the other kinds. */
  public static IExpr cgf(Kind kind, IExpr b, IExpr a, IExpr t) {
    check(kind, a);
    IExpr bt = F.Plus(b, t);
    return Symja.eval(
        switch (kind) {
          case SPIN -> F.Subtract(F.Log(F.Cosh(bt)), F.Log(F.Cosh(b)));
          case BINARY -> F.Subtract(F.Log(F.Plus(F.C1, F.Exp(bt))), F.Log(F.Plus(F.C1, F.Exp(b))));
          case GAUSSIAN -> F.Plus(F.Times(b, t, F.Power(a, F.CN1)), F.Times(F.C1D2, F.Sqr(t), F.Power(a, F.CN1)));
        });
  }

  /** κₙ, n ≥ 1. */
  public static IExpr cumulant(Kind kind, int n, IExpr b, IExpr a) {
    return cumulants(kind, n, b, a).get(n - 1);
  }

  /** κ₁…κₙ, each derivative built from the previous one. */
  public static List<IExpr> cumulants(Kind kind, int n, IExpr b, IExpr a) {
    check(kind, a);
    if (n < 1) throw new IllegalArgumentException("cumulant orders start at 1, got " + n);
    List<IExpr> out = new ArrayList<>(n);
    if (kind == Kind.GAUSSIAN) {
      IExpr inv = F.Power(a, F.CN1);
      out.add(Symja.eval(F.Times(b, inv)));
      if (n > 1) out.add(Symja.eval(inv));
      while (out.size() < n) out.add(F.C0);
      return out;
    }
    // x = T with dx/db = 1 − x², or x = σ with dx/db = x − x².
    IExpr x = kind == Kind.SPIN ? F.Tanh(b) : F.LogisticSigmoid(b);
    BigInteger[] dx = kind == Kind.SPIN ? poly(1, 0, -1) : poly(0, 1, -1);
    BigInteger[] p = poly(0, 1);
    for (int m = 1; m <= n; m++) {
      out.add(toExpr(p, x));
      if (m < n) p = times(derivative(p), dx);
    }
    return out;
  }

  /** The conditions under which {@link #cgf} and {@link #cumulants} hold: a &gt; 0 for a Gaussian. */
  public static List<Condition> conditions(Kind kind, IExpr a) {
    check(kind, a);
    if (kind != Kind.GAUSSIAN || a.isNumber()) return List.of();
    return List.of(new Condition(F.Greater(a, F.C0), "the Gaussian prior e^{-(a/2)u^2 + bu} is normalizable"));
  }

  private static void check(Kind kind, IExpr a) {
    if (kind != Kind.GAUSSIAN) {
      if (a != null) throw new IllegalArgumentException(kind + " units have no quadratic coefficient a; pass null");
      return;
    }
    if (a == null) throw new IllegalArgumentException("a Gaussian unit needs its quadratic coefficient a");
    IExpr v = Symja.eval(a);
    if (v.isNumber() && !(v.isReal() && v.isPositive()))
      throw new NotApplicable(
          "the Gaussian prior e^{-(a/2)u^2 + bu} with a = " + v + " is not normalizable",
          "a real unit's quadratic coefficient a must be positive");
  }

  private static BigInteger[] poly(long... c) {
    BigInteger[] p = new BigInteger[c.length];
    for (int i = 0; i < c.length; i++) p[i] = BigInteger.valueOf(c[i]);
    return p;
  }

  private static BigInteger[] derivative(BigInteger[] p) {
    BigInteger[] d = new BigInteger[Math.max(1, p.length - 1)];
    d[0] = BigInteger.ZERO;
    for (int i = 1; i < p.length; i++) d[i - 1] = p[i].multiply(BigInteger.valueOf(i));
    return d;
  }

  private static BigInteger[] times(BigInteger[] p, BigInteger[] q) {
    BigInteger[] r = new BigInteger[p.length + q.length - 1];
    java.util.Arrays.fill(r, BigInteger.ZERO);
    for (int i = 0; i < p.length; i++)
      for (int j = 0; j < q.length; j++) r[i + j] = r[i + j].add(p[i].multiply(q[j]));
    return r;
  }

  private static IExpr toExpr(BigInteger[] p, IExpr x) {
    List<IExpr> terms = new ArrayList<>();
    for (int i = 0; i < p.length; i++)
      // The constant term is p₀ itself, not p₀x⁰: x = tanh 0 = 0 would make it 0⁰, Indeterminate.
      if (p[i].signum() != 0) terms.add(i == 0 ? F.ZZ(p[i]) : F.Times(F.ZZ(p[i]), F.Power(x, F.ZZ(i))));
    return Symja.eval(terms.isEmpty() ? F.C0 : F.Plus(terms.toArray(new IExpr[0])));
  }
}
