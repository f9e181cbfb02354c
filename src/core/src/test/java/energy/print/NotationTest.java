package energy.print;

import static energy.print.Sym.eval;
import static energy.print.Sym.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.print.Notation.Product;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

class NotationTest {
  private final ISymbol beta = s("beta"), x = s("x"), u = s("u");

  @Test
  void productSplitsIntoSignCoefficientFactorsCallsAndDenominator() {
    Product p = Product.of(eval(F.Times(F.QQ(-3, 2), x, F.Log(u), F.Power(beta, F.CN2))), java.util.Set.of());
    assertTrue(p.negative());
    assertEquals(F.QQ(3, 2), p.coefficient());
    assertEquals(List.of(x), p.factors());
    assertEquals(List.of(F.Log(u)), p.calls());
    assertEquals(List.of(F.Power(beta, F.C2)), p.denominator());
  }

  @Test
  void productFlattensAnInvertedProductIntoTheDenominator() {
    Product p = Product.of(F.Times(beta, F.Power(F.Times(F.C2, F.Pi), F.CN1)), java.util.Set.of());
    assertFalse(p.negative());
    assertEquals(F.C1D2, p.coefficient());
    assertEquals(List.of(beta), p.factors());
    assertEquals(List.of(F.Pi), p.denominator());
  }

  @Test
  void negativeTermsAreThoseWithALeadingMinus() {
    assertTrue(Notation.isNegativeTerm(F.CN1D2));
    assertTrue(Notation.isNegativeTerm(eval(F.Times(F.CN2, x))));
    assertFalse(Notation.isNegativeTerm(eval(F.Times(F.C2, x))));
    assertFalse(Notation.isNegativeTerm(eval(F.Exp(F.Negate(x)))));
  }

  @Test
  void termOrderMovesTheFirstPositiveTermToTheFront() {
    IExpr a = F.Negate(x), b = F.Negate(beta);
    assertEquals(List.of(u, a, b), TermOrder.NONE.order(energy.algebra.Symja.unsortedSum(List.of(a, b, u))));
    assertEquals(List.of(a, b), TermOrder.NONE.order(energy.algebra.Symja.unsortedSum(List.of(a, b))));
    assertEquals(List.of(u, a), TermOrder.NONE.order(energy.algebra.Symja.unsortedSum(List.of(u, a))));
  }

  @Test
  void precedenceDecidesBrackets() {
    IExpr sum = F.Plus(F.C1, x);
    assertTrue(Notation.needsParens(sum, Notation.PRODUCT, false, false));
    assertFalse(Notation.needsParens(sum, Notation.SUM, false, false));
    assertTrue(Notation.needsParens(F.Power(x, F.C2), Notation.POWER, true, false));
    assertFalse(Notation.needsParens(F.Sqrt(x), Notation.POWER, true, false));
    assertTrue(Notation.needsParens(F.Exp(x), Notation.POWER, true, false));
    assertFalse(Notation.needsParens(F.Exp(x), Notation.POWER, true, true));
    assertTrue(Notation.needsParens(F.CN2, Notation.PRODUCT, false, false));
  }

  @Test
  void decimalsKeepSixSignificantDigits() {
    assertEquals(new Notation.Decimal("3.14159", 0, false), Notation.decimal(F.num(Math.PI), 6));
    assertEquals(new Notation.Decimal("2.5", -5, true), Notation.decimal(F.num(-2.5e-5), 6));
    assertEquals(new Notation.Decimal("1", 7, true), Notation.decimal(F.num(1e7), 6));
  }
}
