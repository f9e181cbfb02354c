package energy.print;

import static energy.print.Sym.eval;
import static energy.print.Sym.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

class TextPrinterTest {
  private final TextPrinter p = new TextPrinter();

  private final ISymbol beta = s("beta"), c = s("c"), g = s("g"), x = s("x"), J = s("J");
  private final ISymbol B = s("B[1,1]"), y = s("y[1]"), u = s("u");

  private String both(IExpr e) {
    return p.print(eval(e));
  }

  @Test
  void unevaluatedTreePrintsLikeEvaluatedOne() {
    IExpr e = F.Times(F.C1D2, F.Plus(F.C1, F.Times(F.CN1, F.Power(B, F.C2))), F.Power(y, F.C2));
    assertEquals("½(1 − B₁₁²)·y₁²", p.print(e));
    assertEquals("½(1 − B₁₁²)·y₁²", both(e));
  }

  /** A held sum (DiscreteSummer's enumerated states) binds like a sum: Z = e^{−c}·(…), not e^{−c}·a + b. */
  @Test
  void heldSumInAProductIsBracketed() {
    IExpr held = F.HoldForm(F.Plus(F.Times(F.C2, F.Exp(J)), F.Times(F.C2, F.Exp(F.Negate(J)))));
    assertEquals("exp(−c)·(2exp(J) + 2exp(−J))", p.print(F.Times(F.Exp(F.Negate(c)), held)));
    assertEquals("(2exp(J) + 2exp(−J))²", p.print(F.Power(held, F.C2)));
    assertEquals("−(2exp(J) + 2exp(−J))", p.print(F.Times(F.CN1, held)));
  }

  @Test
  void factorsAreJoinedByMiddleDotsAndCoefficientsJuxtaposed() {
    assertEquals("−J·s₁·s₂", both(F.Times(F.CN1, J, s("s1"), s("s2"))));
    assertEquals("½c·y₁²", both(F.Times(F.C1D2, c, F.Sqr(y))));
    assertEquals("−¾J", both(F.Times(F.QQ(-3, 4), J)));
    assertEquals("(3/7)J·x", both(F.Times(F.QQ(3, 7), J, x)));
    assertEquals("2cosh(β)", both(F.Times(F.C2, F.Cosh(beta))));
    assertEquals("3·2^x", both(F.Times(F.C3, F.Power(F.C2, x))));
    assertEquals("0.5x", both(F.Times(F.num(0.5), x)));
  }

  @Test
  void divisionUsesASlash() {
    assertEquals("1/(2β)", both(F.Divide(F.C1, F.Times(F.C2, beta))));
    assertEquals("g²/c", both(F.Divide(F.Sqr(g), c)));
    assertEquals("x/(2β)", both(F.Divide(x, F.Times(F.C2, beta))));
    assertEquals("(1 + x)/β", both(F.Divide(F.Plus(F.C1, x), beta)));
    assertEquals("x/(1 + β)", both(F.Divide(x, F.Plus(F.C1, beta))));
    assertEquals("x/β²", both(F.Divide(x, F.Sqr(beta))));
    assertEquals("−3x/(2β)", both(F.Times(F.QQ(-3, 2), x, F.Power(beta, F.CN1))));
  }

  @Test
  void functionCallsFollowABracketedFraction() {
    assertEquals("(1/(2β))·ln(u)", both(F.Divide(F.Log(u), F.Times(F.C2, beta))));
    assertEquals(
        "(1/(2β))·ln(β·c/(2π))",
        both(F.Times(F.Divide(F.C1, F.Times(F.C2, beta)), F.Log(F.Divide(F.Times(beta, c), F.Times(F.C2, F.Pi))))));
    assertEquals("½ln(x)", both(F.Times(F.C1D2, F.Log(x))));
  }

  @Test
  void freeEnergyOfABinaryUnit() {
    ISymbol b1 = s("b[1]"), v1 = s("v[1]"), v2 = s("v[2]"), w11 = s("W[1,1]"), w21 = s("W[2,1]");
    IExpr field = F.Plus(b1, F.Times(w11, v1), F.Times(w21, v2));
    IExpr f = F.Times(F.CN1, F.Power(beta, F.CN1), F.Log(F.Plus(F.C1, F.Exp(F.Times(beta, field)))));
    assertEquals("−(1/β)·ln(1 + exp(β·(b₁ + v₁·W₁₁ + v₂·W₂₁)))", both(f));
  }

  @Test
  void powersUseSuperscriptDigits() {
    // 1/β is one form in every notation (LaTeX \\frac{1}{\\beta}), never β⁻¹.
    assertEquals("1/β", both(F.Power(beta, F.CN1)));
    assertEquals("1/(1 − B₁₁²)", both(F.Power(F.Plus(F.C1, F.Negate(F.Sqr(B))), F.CN1)));
    assertEquals("x^(1/3)", both(F.Power(x, F.C1D3)));
    assertEquals("x^β", both(F.Power(x, beta)));
    assertEquals("x^(β + 1)", p.print(F.binaryAST2(S.Power, x, F.binaryAST2(S.Plus, beta, F.C1))));
    assertEquals("(−2)^x", both(F.Power(F.CN2, x)));
    assertEquals("(1/2)^x", both(F.Power(F.C1D2, x)));
    assertEquals("x¹²", both(F.Power(x, F.ZZ(12))));
    assertEquals("cosh(x)²", both(F.Power(F.Cosh(x), F.C2)));
  }

  @Test
  void exponentialsAndSquareRoots() {
    assertEquals("exp(β·x)", both(F.Exp(F.Times(beta, x))));
    assertEquals("exp(−β·x)", both(F.Exp(F.Times(F.CN1, beta, x))));
    assertEquals("√x", both(F.Sqrt(x)));
    assertEquals("√(1 + x)", both(F.Sqrt(F.Plus(F.C1, x))));
    assertEquals("1/√x", both(F.Divide(F.C1, F.Sqrt(x))));
    assertEquals("x/√2", both(F.Divide(x, F.Sqrt(F.C2))));
    assertEquals("√2·x", both(F.Times(F.Sqrt(F.C2), x)));
  }

  @Test
  void functionsAlwaysBracketTheirArgument() {
    assertEquals("ln(2)", both(F.Log(F.C2)));
    assertEquals("ln(β/(2π))", both(F.Log(F.Times(beta, F.Power(F.Times(F.C2, F.Pi), F.CN1)))));
    assertEquals("tanh(β·J)", both(F.Tanh(F.Times(beta, J))));
    assertEquals("f(x, β)", p.print(F.binaryAST2(s("f"), x, beta)));
  }

  @Test
  void sumsUseTheUnicodeMinus() {
    assertEquals("1 − x", both(F.Plus(F.Negate(x), F.C1)));
    assertEquals("−x − β", p.print(F.binaryAST2(S.Plus, F.Negate(x), F.Negate(beta))));
    IExpr t1 = eval(F.Times(F.CN1, J, s("s1"), s("s2")));
    IExpr t2 = eval(F.Divide(F.Log(u), beta));
    assertEquals("−J·s₁·s₂ + (1/β)·ln(u) − 1/2", p.printSum(List.of(t1, t2, F.CN1D2)));
    assertEquals("−x + 1", p.printSum(List.of(F.Negate(x), F.C1)));
    assertEquals("0", p.printSum(List.of()));
  }

  @Test
  void numbersAndConstants() {
    assertEquals("0.123457", p.print(F.num(0.1234567)));
    assertEquals("1.5×10⁻⁷", p.print(F.num(1.5e-7)));
    assertEquals("−2/3", p.print(F.QQ(-2, 3)));
    assertEquals("−7", p.print(F.ZZ(-7)));
    assertEquals("π", both(F.Pi));
    assertEquals("e", both(F.E));
    assertEquals("∞", both(F.CInfinity));
  }

  @Test
  void relationsAndLists() {
    assertEquals("c > 0", both(F.Greater(c, F.C0)));
    assertEquals("x ≥ 1", both(F.GreaterEqual(x, F.C1)));
    assertEquals("x ≤ 1", both(F.LessEqual(x, F.C1)));
    assertEquals("x ≠ 1", both(F.Unequal(x, F.C1)));
    assertEquals("[x, β]", p.print(F.List(x, beta)));
    assertEquals("[[x, β], [c, g]]", p.print(F.List(F.List(x, beta), F.List(c, g))));
    assertEquals("det(A)", p.print(F.Det(s("A"))));
  }

  @Test
  void namesBecomeGreekAndUnicodeSubscripts() {
    assertEquals("β", p.symbol("beta"));
    assertEquals("λ", p.symbol("lambda"));
    assertEquals("Γ", p.symbol("Gamma"));
    assertEquals("x₁", p.symbol("x[1]"));
    assertEquals("A₁₂", p.symbol("A[1,2]"));
    assertEquals("A₁,₁₂", p.symbol("A[1,12]"));
    assertEquals("s₁", p.symbol("s1"));
    assertEquals("H₀", p.symbol("H0"));
    assertEquals("J₁₂", p.symbol("J12"));
    assertEquals("H_eff", p.symbol("Heff"));
    assertEquals("foo", p.symbol("foo"));
    assertEquals("γ₂", p.symbol("gamma2"));
    assertEquals("β₂", p.symbol("beta[2]"));
    assertEquals("W₃₂", p.print(s("W[3,2]")));
  }
}
