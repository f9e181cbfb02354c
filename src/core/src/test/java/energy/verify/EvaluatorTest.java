package energy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.algebra.Symja;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Every function the printers write evaluates numerically, also inside the HoldForm the
 * canonical printing order wraps results in (the cause of "the value is not a real number:
 * …Cosh(…)"), against java.lang.Math.
 */
class EvaluatorTest {
  static final ISymbol X = new Symbol("x", Context.DUMMY);

  static void assertFunction(IExpr head, DoubleUnaryOperator expected, double at) {
    IExpr held = F.HoldForm(F.Plus(F.C1, F.unaryAST1(head, F.Times(F.C2, X))));
    double want = 1 + expected.applyAsDouble(2 * at);
    assertEquals(want, Evaluator.value(held, Map.of(X, at)), 1e-12 * Math.max(1, Math.abs(want)), head.toString());
    assertEquals(want, new Assignment(Map.of(X, at)).evaluate(held), 1e-12 * Math.max(1, Math.abs(want)), "Assignment " + head);
  }

  @Test
  void everyPrintedFunctionEvaluatesInsideHeldForms() {
    double x = 0.3;
    assertFunction(S.Log, Math::log, x);
    assertFunction(S.Sin, Math::sin, x);
    assertFunction(S.Cos, Math::cos, x);
    assertFunction(S.Tan, Math::tan, x);
    assertFunction(S.Cot, t -> 1 / Math.tan(t), x);
    assertFunction(S.Sec, t -> 1 / Math.cos(t), x);
    assertFunction(S.Csc, t -> 1 / Math.sin(t), x);
    assertFunction(S.Sinh, Math::sinh, x);
    assertFunction(S.Cosh, Math::cosh, x);
    assertFunction(S.Tanh, Math::tanh, x);
    assertFunction(S.Coth, t -> 1 / Math.tanh(t), x);
    assertFunction(S.Sech, t -> 1 / Math.cosh(t), x);
    assertFunction(S.Csch, t -> 1 / Math.sinh(t), x);
    assertFunction(S.ArcSin, Math::asin, x);
    assertFunction(S.ArcCos, Math::acos, x);
    assertFunction(S.ArcTan, Math::atan, x);
    assertFunction(S.ArcTanh, t -> 0.5 * Math.log((1 + t) / (1 - t)), x);
    assertFunction(S.LogisticSigmoid, t -> 1 / (1 + Math.exp(-t)), x);
    assertFunction(S.Exp, Math::exp, x);
    assertFunction(S.Sqrt, Math::sqrt, x);
    assertFunction(S.Abs, Math::abs, -x);
    // erf(0.6) by its Maclaurin series, summed to double precision
    assertFunction(S.Erf, t -> {
      double sum = 0, term = t;
      for (int n = 0; n < 40; n++) {
        sum += term / (2 * n + 1);
        term *= -t * t / (n + 1);
      }
      return 2 / Math.sqrt(Math.PI) * sum;
    }, x);
  }

  @Test
  void logOfCoshAtLargeArgumentsIsFinite() {
    IExpr f = Symja.eval(F.Log(F.Times(F.C2, F.Cosh(X))));
    assertEquals(800 + Math.log1p(Math.exp(-1600)), Evaluator.value(F.HoldForm(f), Map.of(X, 800.0)), 1e-12);
  }
}
