package energy.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

class NumericFunctionTest {
  private static ExprEvaluator evaluator;
  private static final ISymbol X = F.Dummy("x");
  private static final ISymbol Y = F.Dummy("y");
  private static final ISymbol Z = F.Dummy("z");
  private static final List<ISymbol> VARS = List.of(X, Y, Z);

  @BeforeAll
  static void setUp() {
    evaluator = new ExprEvaluator();
  }

  private static IExpr eval(IExpr e) {
    return evaluator.eval(e);
  }

  private static void assertRel(double expected, double actual, double tol, String what) {
    double err = Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));
    assertTrue(
        err <= tol || Math.abs(actual - expected) <= tol * 1e-3,
        what + ": expected " + expected + " got " + actual + " (rel err " + err + ")");
  }

  /** Compiles e after Symja evaluation and compares with java at seeded random points. */
  private static void check(String name, IExpr e, ToDoubleFunction<double[]> ref, double range) {
    check(name, e, ref, range, ref);
  }

  /** As above, with the error measured relative to |scale(v)| (for expressions that cancel). */
  private static void check(
      String name,
      IExpr e,
      ToDoubleFunction<double[]> ref,
      double range,
      ToDoubleFunction<double[]> scale) {
    IExpr ev = eval(e);
    NumericFunction f = NumericFunction.compile(ev, VARS);
    long seed = name.hashCode() * 31L + 17;
    System.out.println(name + ": seed " + seed + ", evaluated form " + ev);
    Random rnd = new Random(seed);
    for (int t = 0; t < 200; t++) {
      double[] v = {
        (2 * rnd.nextDouble() - 1) * range,
        (2 * rnd.nextDouble() - 1) * range,
        (2 * rnd.nextDouble() - 1) * range
      };
      double expected = ref.applyAsDouble(v), got = f.apply(v);
      double err = Math.abs(got - expected) / Math.abs(scale.applyAsDouble(v));
      assertTrue(
          err <= 1e-12,
          name + " at " + java.util.Arrays.toString(v) + ": expected " + expected + " got " + got);
    }
  }

  @Test
  void polynomialWithRationalsAndIntegers() {
    // 3/7 x^2 y - 5 x z^3 + 2 + x^-2
    IExpr e =
        F.Plus(
            F.Times(F.QQ(3, 7), F.Power(X, F.ZZ(2)), Y),
            F.Times(F.ZZ(-5), X, F.Power(Z, F.ZZ(3))),
            F.ZZ(2),
            F.Power(X, F.ZZ(-2)));
    check(
        "poly",
        e,
        v -> 3.0 / 7 * v[0] * v[0] * v[1] - 5 * v[0] * v[2] * v[2] * v[2] + 2 + 1 / (v[0] * v[0]),
        3);
  }

  @Test
  void expandedProduct() {
    IExpr e = F.Expand(F.Power(F.Plus(X, F.Times(F.ZZ(2), Y), F.CN1), F.ZZ(5)));
    // the expanded form cancels near the root: measure the error against (|x|+2|y|+1)^5
    check(
        "expand",
        e,
        v -> Math.pow(v[0] + 2 * v[1] - 1, 5),
        2,
        v -> Math.pow(Math.abs(v[0]) + 2 * Math.abs(v[1]) + 1, 5));
  }

  @Test
  void transcendental() {
    IExpr e =
        F.Plus(
            F.Log(F.Times(F.C2, F.Cosh(X))),
            F.Tanh(Y),
            F.Times(F.Sinh(Z), F.Exp(F.Times(F.CN1, F.Sqr(X)))),
            F.Sqrt(F.Plus(F.C1, F.Sqr(Y))),
            F.Abs(Z),
            F.Sin(X),
            F.Cos(Y),
            F.Times(F.Pi, F.num(0.25)),
            F.Power(F.Plus(F.ZZ(3), F.Sqr(Z)), F.QQ(3, 2)));
    check(
        "transcendental",
        e,
        v ->
            Math.log(2 * Math.cosh(v[0]))
                + Math.tanh(v[1])
                + Math.sinh(v[2]) * Math.exp(-v[0] * v[0])
                + Math.sqrt(1 + v[1] * v[1])
                + Math.abs(v[2])
                + Math.sin(v[0])
                + Math.cos(v[1])
                + Math.PI * 0.25
                + Math.pow(3 + v[2] * v[2], 1.5),
        4);
  }

  @Test
  void boltzmannWeightsAndSoftplus() {
    // e^{-beta H} style: Exp(-(x y + z)) * (1 + E^x) and Log(1 + E^(x+y)) - Log(E^z + E^(-z))
    IExpr e =
        F.Plus(
            F.Log(F.Plus(F.C1, F.Exp(F.Plus(X, Y)))),
            F.Times(F.CN1, F.Log(F.Plus(F.Exp(Z), F.Exp(F.Times(F.CN1, Z))))),
            F.Times(F.Exp(F.Times(F.CN1, F.Plus(F.Times(X, Y), Z))), F.Plus(F.C1, F.Exp(X))));
    check(
        "boltzmann",
        e,
        v ->
            Math.log(1 + Math.exp(v[0] + v[1]))
                - Math.log(Math.exp(v[2]) + Math.exp(-v[2]))
                + Math.exp(-(v[0] * v[1] + v[2])) * (1 + Math.exp(v[0])),
        3);
  }

  @Test
  void bigIntegerAndRationalConstants() {
    BigInteger big = BigInteger.TEN.pow(30);
    IExpr e = F.Times(F.ZZ(big), F.QQ(1, 3), X);
    check("big", e, v -> 1e30 / 3 * v[0], 1);
    NumericFunction c = NumericFunction.compile(eval(F.Times(F.E, F.Pi)), List.of());
    assertEquals(Math.E * Math.PI, c.apply(new double[0]), 1e-15);
    assertTrue(c.isConstant());
  }

  @Test
  void integerPowersIncludingNegative() {
    for (int n = -7; n <= 9; n++) {
      NumericFunction f = NumericFunction.compile(eval(F.Power(X, F.ZZ(n))), List.of(X));
      for (double x : new double[] {-2.5, -1, 0.3, 1.7}) {
        assertRel(Math.pow(x, n), f.apply(new double[] {x}), 1e-14, "x^" + n + " at " + x);
      }
    }
  }

  @Test
  void softplusAndLog2CoshDoNotOverflow() {
    NumericFunction softplus =
        NumericFunction.compile(eval(F.Log(F.Plus(F.C1, F.Power(F.E, X)))), List.of(X));
    NumericFunction log2cosh =
        NumericFunction.compile(eval(F.Log(F.Times(F.C2, F.Cosh(X)))), List.of(X));
    NumericFunction logCosh = NumericFunction.compile(eval(F.Log(F.Cosh(X))), List.of(X));
    assertEquals(800.0, softplus.apply(new double[] {800}), 1e-12);
    assertEquals(Math.exp(-800), softplus.apply(new double[] {-800}), 1e-320);
    assertEquals(0.0, softplus.apply(new double[] {-800}), 1e-300);
    assertEquals(800.0, log2cosh.apply(new double[] {800}), 1e-12);
    assertEquals(800.0, log2cosh.apply(new double[] {-800}), 1e-12);
    assertEquals(800 - Math.log(2), logCosh.apply(new double[] {-800}), 1e-12);
    assertRel(Math.log(2), log2cosh.apply(new double[] {0}), 1e-15, "log 2cosh 0");
    assertRel(Math.log1p(Math.E), softplus.apply(new double[] {1}), 1e-15, "softplus 1");
    // small-argument accuracy: log(1+e^-40) ≈ e^-40
    assertRel(Math.exp(-40), softplus.apply(new double[] {-40}), 1e-12, "softplus -40");

    // a sum of exponentials with a scaled cosh: log(3 + 2 e^x + 5 cosh(y))
    NumericFunction mixed =
        NumericFunction.compile(
            eval(F.Log(F.Plus(F.ZZ(3), F.Times(F.C2, F.Exp(X)), F.Times(F.ZZ(5), F.Cosh(Y))))),
            List.of(X, Y));
    assertRel(
        Math.log(3 + 2 * Math.exp(1.3) + 5 * Math.cosh(-0.4)),
        mixed.apply(new double[] {1.3, -0.4}),
        1e-14,
        "mixed");
    double big = mixed.apply(new double[] {900, -1000});
    assertTrue(Double.isFinite(big), "mixed overflowed: " + big);
    assertRel(1000 + Math.log(2.5), big, 1e-14, "mixed at large arguments");
  }

  @Test
  void unsupportedHeadAndUnboundSymbol() {
    ISymbol f = F.Dummy("f");
    NumericFunction.Unsupported u1 =
        assertThrows(
            NumericFunction.Unsupported.class,
            () -> NumericFunction.compile(F.unaryAST1(f, X), List.of(X)));
    assertTrue(u1.getMessage().contains("f"), u1.getMessage());
    NumericFunction.Unsupported u2 =
        assertThrows(
            NumericFunction.Unsupported.class,
            () -> NumericFunction.compile(eval(F.Gamma(F.Plus(X, F.C1))), List.of(X)));
    assertTrue(u2.getMessage().contains("Gamma"), u2.getMessage());
    NumericFunction.Unsupported u3 =
        assertThrows(
            NumericFunction.Unsupported.class,
            () -> NumericFunction.compile(eval(F.Plus(X, Y)), List.of(X)));
    assertTrue(u3.getMessage().contains("unbound symbol"), u3.getMessage());
    assertTrue(u3.getMessage().contains("y"), u3.getMessage());
    // an unbound symbol inside a stable-log pattern is still reported
    assertThrows(
        NumericFunction.Unsupported.class,
        () -> NumericFunction.compile(eval(F.Log(F.Plus(F.C1, F.Exp(Y)))), List.of(X)));
  }

  @Test
  void compiledEnergyIntegratesToClosedForm() {
    // beta H = beta (1/2 (2x² + 1.5y² + 0.8z²) + 0.9xy - 0.4xz + 0.3yz - 3x + 2y - 7z + 1.5), via Symja
    double beta = 1.7;
    IExpr h =
        F.Plus(
            F.Times(F.C1D2, F.Plus(F.Times(F.C2, F.Sqr(X)), F.Times(F.num(1.5), F.Sqr(Y)), F.Times(F.QQ(4, 5), F.Sqr(Z)))),
            F.Times(F.QQ(9, 10), X, Y),
            F.Times(F.QQ(-2, 5), X, Z),
            F.Times(F.QQ(3, 10), Y, Z),
            F.Times(F.ZZ(-3), X),
            F.Times(F.C2, Y),
            F.Times(F.ZZ(-7), Z),
            F.QQ(3, 2));
    NumericFunction logW = NumericFunction.compile(eval(F.Times(F.num(-beta), h)), VARS);
    double[][] a = {{2.0, 0.9, -0.4}, {0.9, 1.5, 0.3}, {-0.4, 0.3, 0.8}};
    double[] b = {3, -2, 7};
    double expected = QuadratureTest.logClosedForm(a, b, 1.5, beta);
    Quadrature.logIntegrate(3, logW::apply); // JIT warm-up
    long t0 = System.nanoTime();
    Quadrature.Result r = Quadrature.logIntegrateDetailed(3, logW::apply);
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        "compiled 3D energy: log Z %.15g vs %.15g, %d evals, %.1f ms%n",
        r.value(), expected, r.evaluations(), ms);
    assertEquals(expected, r.value(), 1e-9 * Math.abs(expected));
    // and the linear version, through the compiled exp(-beta H)
    NumericFunction w = NumericFunction.compile(eval(F.Exp(F.Times(F.num(-beta), h))), VARS);
    double z = Quadrature.integrate(3, w::apply);
    assertEquals(Math.exp(expected), z, 1e-9 * Math.exp(expected));
  }

  @Test
  void variablesAreSlotsByIdentity() {
    ISymbol x2 = F.Dummy("x"); // same name, different symbol
    NumericFunction f = NumericFunction.compile(F.Plus(X, F.Times(F.ZZ(10), x2)), List.of(X, x2));
    assertEquals(21.0, f.apply(new double[] {1, 2}), 0);
    assertEquals(12.0, f.apply(new double[] {2, 1}), 0);
  }
}
