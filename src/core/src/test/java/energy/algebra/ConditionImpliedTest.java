package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@link Condition#impliedBy}: every implication it claims holds at random points (b > 0 never
 * with a ≤ 0), and the ones it must find (dbm3's Sylvester minors) are found.
 */
class ConditionImpliedTest {
  static final ISymbol B11 = new Symbol("B11", Context.DUMMY), B21 = new Symbol("B21", Context.DUMMY), C = new Symbol("c", Context.DUMMY);
  static final List<ISymbol> VARS = List.of(B11, B21, C);

  static Condition positive(IExpr x) {
    return new Condition(F.Greater(x, F.C0), "test");
  }

  /** Points where b > 0 and a ≤ 0: a counterexample to "b > 0 implies a > 0". */
  static int counterexamples(IExpr a, IExpr b, Random random) {
    NumericFunction fa = NumericFunction.compile(a, VARS), fb = NumericFunction.compile(b, VARS);
    int bad = 0;
    for (int i = 0; i < 4000; i++) {
      double[] x = {4 * random.nextDouble() - 2, 4 * random.nextDouble() - 2, 4 * random.nextDouble() - 2};
      if (fb.apply(x) > 0 && fa.apply(x) <= 0) bad++;
    }
    return bad;
  }

  @Test
  void sylvestersSecondMinorImpliesTheFirst() {
    IExpr first = F.Subtract(F.C1, F.Sqr(B11));
    IExpr second = F.Plus(F.C1, F.Negate(F.Sqr(B11)), F.Negate(F.Sqr(B21)));
    assertTrue(positive(first).impliedBy(positive(second)));
    assertFalse(positive(second).impliedBy(positive(first)));
    long seed = 11;
    System.out.println("seed " + seed);
    assertEquals(0, counterexamples(first, second, new Random(seed)));
    List<Condition> shown = Condition.withoutImplied(List.of(positive(first), positive(second)));
    assertEquals(List.of(positive(second)), shown);
  }

  @Test
  void equalConditionsKeepTheFirst() {
    IExpr c = F.Subtract(F.C1, F.Sqr(B11));
    Condition a = positive(c), b = new Condition(F.Greater(F.Expand(c), F.C0), "other");
    assertEquals(List.of(a), Condition.withoutImplied(List.of(a, b)));
  }

  /** Random polynomial pairs: every claimed implication survives sampling; odd powers and negative coefficients are never claimed. */
  @Test
  void claimedImplicationsHoldAtRandomPoints() {
    long seed = 20261127;
    System.out.println("seed " + seed);
    Random random = new Random(seed);
    int claimed = 0;
    for (int trial = 0; trial < 300; trial++) {
      IExpr b = randomPolynomial(random), extra = random.nextBoolean() ? randomPolynomial(random) : randomSquares(random);
      IExpr a = Symja.eval(F.Plus(b, extra));
      boolean implied = positive(a).impliedBy(positive(b));
      if (!implied) continue;
      claimed++;
      assertEquals(0, counterexamples(a, b, random), "claimed " + b + " > 0 implies " + a + " > 0");
    }
    assertTrue(claimed > 10, "too few implications claimed to test: " + claimed);
  }

  @Test
  void notImpliedWhenTheDifferenceCanBeNegative() {
    IExpr b = F.Subtract(F.C1, F.Sqr(B11));
    assertFalse(positive(F.Subtract(b, F.Sqr(C))).impliedBy(positive(b)));
    assertFalse(positive(F.Plus(b, C)).impliedBy(positive(b)));
    assertFalse(positive(F.Plus(b, F.Times(B11, B21))).impliedBy(positive(b)));
    assertFalse(positive(F.Plus(b, F.Power(C, F.C3))).impliedBy(positive(b)));
    assertFalse(new Condition(F.Less(b, F.C1), "not x > 0").impliedBy(positive(b)));
  }

  /** A positive constant or positive multiples of even powers: what impliedBy must accept. */
  private static IExpr randomSquares(Random random) {
    List<IExpr> terms = new ArrayList<>();
    for (ISymbol v : VARS) if (random.nextBoolean()) terms.add(F.Times(F.ZZ(1 + random.nextInt(3)), F.Power(v, F.ZZ(2 * (1 + random.nextInt(2))))));
    if (terms.isEmpty() || random.nextBoolean()) terms.add(F.ZZ(random.nextInt(3)));
    return Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
  }

  /** A small polynomial in B11, B21, c with coefficients in {−2, …, 2} and degrees ≤ 3. */
  private static IExpr randomPolynomial(Random random) {
    List<IExpr> terms = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      IExpr t = F.ZZ(random.nextInt(5) - 2 == 0 ? 1 : random.nextInt(5) - 2);
      for (ISymbol v : VARS) if (random.nextInt(3) == 0) t = F.Times(t, F.Power(v, F.ZZ(1 + random.nextInt(3))));
      terms.add(t);
    }
    return Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
  }
}
