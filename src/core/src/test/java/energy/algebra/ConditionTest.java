package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.numeric.NumericFunction;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@link Condition#neverPositive}: forms that are ≤ 0 for all real values are recognized, and
 * nothing that is positive somewhere is ever reported — both confirmed by sampling the form.
 */
class ConditionTest {
  static final ISymbol C = new Symbol("c", Context.DUMMY), G = new Symbol("g", Context.DUMMY), BETA = new Symbol("beta", Context.DUMMY);
  static final Set<ISymbol> POSITIVE = Set.of(BETA);

  /** The largest value of x at random points (β > 0), with c, g ∈ [−3, 3]. */
  static double maxSampled(IExpr x, Random random) {
    NumericFunction f = NumericFunction.compile(x, List.of(C, G, BETA));
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 2000; i++) {
      double v = f.apply(new double[] {6 * random.nextDouble() - 3, 6 * random.nextDouble() - 3, 0.1 + 2 * random.nextDouble()});
      if (!Double.isNaN(v)) max = Math.max(max, v);
    }
    return max;
  }

  static IExpr sq(IExpr x) {
    return F.Sqr(x);
  }

  @Test
  void negatedSquaresAndNegativeMultiplesOfSquaresAreNeverPositive() {
    Random random = new Random(1);
    List<IExpr> never =
        List.of(
            F.Negate(sq(C)),
            F.Plus(F.CN1, F.Times(F.ZZ(-3), sq(C), F.Power(G, F.C4))),
            F.Negate(sq(F.Subtract(C, G))),
            F.Plus(F.Negate(sq(C)), F.Negate(sq(G))),
            F.Times(F.CN1, sq(F.Plus(C, F.C1)), sq(G)),
            F.Times(F.CN1, BETA, sq(C)),
            F.Times(F.CN1, F.Plus(sq(C), F.C1), F.Power(F.Plus(sq(G), F.C1), F.CN1)),
            F.Negate(F.Exp(C)),
            F.C0);
    for (IExpr x : never) {
      IExpr e = Symja.eval(x);
      assertTrue(Condition.neverPositive(e, POSITIVE), "not recognized: " + e);
      assertTrue(maxSampled(e, random) <= 0, "the form itself is positive somewhere: " + e);
    }
  }

  @Test
  void satisfiableConditionsAreNeverRejected() {
    Random random = new Random(2);
    List<IExpr> satisfiable =
        List.of(
            C,
            F.Times(F.CN1, C, G),
            F.Subtract(sq(C), sq(G)),
            F.Subtract(F.C1, sq(C)),
            F.Subtract(F.Times(C, G), sq(C)),
            sq(F.Subtract(C, G)),
            F.Negate(F.Power(C, F.C3)),
            F.Plus(F.Negate(sq(F.Subtract(C, G))), F.QQ(1, 100)),
            F.Times(F.CN1, BETA, C),
            F.Times(F.CN1, sq(C), G),
            F.Subtract(BETA, sq(C)));
    for (IExpr x : satisfiable) {
      IExpr e = Symja.eval(x);
      assertTrue(maxSampled(e, random) > 0, "the test's premise: positive somewhere: " + e);
      assertFalse(Condition.neverPositive(e, POSITIVE), "a satisfiable condition was rejected: " + e);
    }
  }

  /** Random sums of ± coefficient × monomials, some squared: whatever is reported must sample ≤ 0; all-negative sums of squares must be reported. */
  @Test
  void randomFormsAreDecidedSoundly() {
    long seed = 20261127L;
    System.out.println("ConditionTest seed " + seed);
    Random random = new Random(seed);
    int reported = 0;
    for (int trial = 0; trial < 150; trial++) {
      int terms = 1 + random.nextInt(3);
      boolean allNegativeSquares = true;
      IExpr[] sum = new IExpr[terms];
      for (int t = 0; t < terms; t++) {
        IExpr base = F.Plus(F.Times(F.ZZ(random.nextInt(3) - 1), C), F.Times(F.ZZ(random.nextInt(3)), G), F.ZZ(random.nextInt(2)));
        boolean squared = random.nextInt(3) > 0;
        int coefficient = (random.nextInt(4) + 1) * (random.nextInt(4) == 0 ? 1 : -1);
        allNegativeSquares &= squared && coefficient < 0;
        sum[t] = F.Times(F.ZZ(coefficient), squared ? sq(base) : base);
      }
      IExpr e = Symja.eval(F.Plus(sum));
      boolean never = Condition.neverPositive(e, POSITIVE);
      if (allNegativeSquares) assertTrue(never, "not recognized: " + e);
      if (never) {
        reported++;
        assertTrue(maxSampled(e, random) <= 0, "reported but positive somewhere: " + e);
      }
    }
    assertTrue(reported > 10, "the trial mix reports some: " + reported);
  }
}
