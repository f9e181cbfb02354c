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

class LatexPrinterTest {
  private final LatexPrinter p = new LatexPrinter();

  private final ISymbol beta = s("beta"), c = s("c"), g = s("g"), x = s("x"), J = s("J");
  private final ISymbol B = s("B[1,1]"), y = s("y[1]"), u = s("u");

  private String both(IExpr e) {
    return p.print(eval(e));
  }

  /** A held sum (DiscreteSummer's enumerated states) binds like a sum: Z = e^{−c}(…), not e^{−c} a + b. */
  @Test
  void heldSumInAProductIsBracketed() {
    IExpr J = Sym.s("J"), c = Sym.s("c");
    IExpr held = F.HoldForm(F.Plus(F.Times(F.C2, F.Exp(J)), F.Times(F.C2, F.Exp(F.Negate(J)))));
    assertEquals("e^{-c} (2 e^{J} + 2 e^{-J})", new LatexPrinter().print(F.Times(F.Exp(F.Negate(c)), held)));
    assertEquals("(2 e^{J} + 2 e^{-J})^{2}", new LatexPrinter().print(F.Power(held, F.C2)));
  }

  @Test
  void unevaluatedTreePrintsLikeEvaluatedOne() {
    IExpr e = F.Times(F.C1D2, F.Plus(F.C1, F.Times(F.CN1, F.Power(B, F.C2))), F.Power(y, F.C2));
    assertEquals("\\frac{1}{2} (1 - B_{11}^{2}) y_{1}^{2}", p.print(e));
    assertEquals("\\frac{1}{2} (1 - B_{11}^{2}) y_{1}^{2}", both(e));
  }

  @Test
  void factorsAreJuxtaposedWithoutCdot() {
    assertEquals("-J s_{1} s_{2}", both(F.Times(F.CN1, J, s("s1"), s("s2"))));
    assertEquals("2 \\cosh \\beta", both(F.Times(F.C2, F.Cosh(beta))));
    assertEquals("3 \\cdot 2^{x}", both(F.Times(F.C3, F.Power(F.C2, x))));
  }

  @Test
  void fractionsOfSymbolsGoInOneFrac() {
    assertEquals("\\frac{1}{2 \\beta}", both(F.Divide(F.C1, F.Times(F.C2, beta))));
    assertEquals("\\frac{g^{2}}{c}", both(F.Divide(F.Sqr(g), c)));
    assertEquals("\\frac{x}{2 \\beta}", both(F.Divide(x, F.Times(F.C2, beta))));
    assertEquals("\\frac{1 + x}{\\beta}", both(F.Divide(F.Plus(F.C1, x), beta)));
    assertEquals("\\frac{2 (1 + x)}{\\beta}", both(F.Times(F.C2, F.Plus(F.C1, x), F.Power(beta, F.CN1))));
    assertEquals("\\frac{x}{1 + \\beta}", both(F.Divide(x, F.Plus(F.C1, beta))));
    assertEquals("-\\frac{3 x}{2 \\beta}", both(F.Times(F.QQ(-3, 2), x, F.Power(beta, F.CN1))));
  }

  @Test
  void rationalCoefficientOfSymbolsStaysInFront() {
    assertEquals("\\frac{1}{2} c y_{1}^{2}", both(F.Times(F.C1D2, c, F.Sqr(y))));
    assertEquals("-\\frac{1}{2} J x y_{1}", both(F.Times(F.CN1D2, J, x, y)));
    assertEquals("\\frac{3}{7} J", both(F.Times(F.QQ(3, 7), J)));
  }

  @Test
  void functionCallsStayOutsideTheFraction() {
    assertEquals("\\frac{1}{2 \\beta} \\ln u", both(F.Divide(F.Log(u), F.Times(F.C2, beta))));
    assertEquals(
        "\\frac{1}{2 \\beta} \\ln\\frac{\\beta c}{2 \\pi}",
        both(F.Times(F.Divide(F.C1, F.Times(F.C2, beta)), F.Log(F.Divide(F.Times(beta, c), F.Times(F.C2, F.Pi))))));
    assertEquals("\\frac{x}{\\beta} \\ln u", p.print(F.Times(F.Log(u), x, F.Power(beta, F.CN1))));
  }

  @Test
  void freeEnergyOfABinaryUnit() {
    ISymbol b1 = s("b[1]"), v1 = s("v[1]"), v2 = s("v[2]"), w11 = s("W[1,1]"), w21 = s("W[2,1]");
    // F.Plus/F.Times sort their arguments; binaryAST2 keeps W before v as written.
    IExpr field = F.ternaryAST3(S.Plus, b1, F.binaryAST2(S.Times, w11, v1), F.binaryAST2(S.Times, w21, v2));
    IExpr f = F.Times(F.CN1, F.Power(beta, F.CN1), F.Log(F.Plus(F.C1, F.Exp(F.Times(beta, field)))));
    assertEquals(
        "-\\frac{1}{\\beta} \\ln(1 + \\exp(\\beta (b_{1} + W_{11} v_{1} + W_{21} v_{2})))",
        p.print(f));
    // Evaluated, Symja sorts v before W; the printer keeps that order.
    assertEquals(
        "-\\frac{1}{\\beta} \\ln(1 + \\exp(\\beta (b_{1} + v_{1} W_{11} + v_{2} W_{21})))",
        both(f));
  }

  @Test
  void exponentialsAreEUnlessTheExponentIsLong() {
    assertEquals("e^{\\beta x}", both(F.Exp(F.Times(beta, x))));
    assertEquals("e^{-\\beta x}", both(F.Exp(F.Times(F.CN1, beta, x))));
    assertEquals("e^{2}", both(F.Exp(F.C2)));
    assertEquals("e^{x}", p.print(F.unaryAST1(S.Exp, x)));
    IExpr longSum = F.Plus(s("a1"), s("a2"), s("a3"), s("a4"), s("a5"), s("a6"), s("a7"), s("a8"), s("a9"));
    assertEquals(
        "\\exp(\\beta (a_{1} + a_{2} + a_{3} + a_{4} + a_{5} + a_{6} + a_{7} + a_{8} + a_{9}))",
        both(F.Exp(F.Times(beta, longSum))));
  }

  @Test
  void squareRoots() {
    assertEquals("\\sqrt{x}", both(F.Sqrt(x)));
    assertEquals("\\frac{1}{\\sqrt{x}}", both(F.Divide(F.C1, F.Sqrt(x))));
    assertEquals("\\sqrt{2} x", both(F.Times(F.Sqrt(F.C2), x)));
    assertEquals("\\frac{x}{\\sqrt{2}}", both(F.Divide(x, F.Sqrt(F.C2))));
    assertEquals("\\sqrt{1 + x}", both(F.Sqrt(F.Plus(F.C1, x))));
  }

  @Test
  void powersOfSumsProductsAndNegativesAreBracketed() {
    assertEquals("\\frac{1}{1 - B_{11}^{2}}", both(F.Power(F.Plus(F.C1, F.Negate(F.Sqr(B))), F.CN1)));
    assertEquals("\\frac{1}{2 \\pi}", p.print(F.Power(F.Times(F.C2, F.Pi), F.CN1)));
    assertEquals("(-2)^{x}", both(F.Power(F.CN2, x)));
    assertEquals("\\left(\\frac{1}{2}\\right)^{x}", both(F.Power(F.C1D2, x)));
    assertEquals("(e^{x})^{y_{1}}", p.print(F.Power(F.Exp(x), y)));
    assertEquals("\\frac{1}{\\beta}", both(F.Power(beta, F.CN1)));
    assertEquals("x^{1/3}", both(F.Power(x, F.C1D3)));
    assertEquals("2 \\sqrt{2} x^{3/2}", both(F.Power(F.Times(F.C2, x), F.QQ(3, 2))));
  }

  @Test
  void powersOfFunctionsDoNotSquareTheArgument() {
    assertEquals("\\cosh^{2} x", both(F.Power(F.Cosh(x), F.C2)));
    assertEquals("\\ln^{2}(1 + x)", both(F.Power(F.Log(F.Plus(F.C1, x)), F.C2)));
    assertEquals("\\frac{1}{\\cosh x}", p.print(F.Power(F.Cosh(x), F.CN1)));
    assertEquals("\\operatorname{sech} x", both(F.Power(F.Cosh(x), F.CN1)));
  }

  @Test
  void functionArgumentsAreBareWhenSimple() {
    assertEquals("\\ln 2", both(F.Log(F.C2)));
    assertEquals("\\cosh \\beta", both(F.Cosh(beta)));
    assertEquals("\\ln y_{1}", both(F.Log(y)));
    assertEquals("\\ln\\frac{\\beta}{2 \\pi}", p.print(F.Log(F.Times(beta, F.Power(F.Times(F.C2, F.Pi), F.CN1)))));
    assertEquals("\\ln\\frac{\\beta}{2 \\pi}", both(F.Log(F.Times(beta, F.Power(F.Times(F.C2, F.Pi), F.CN1)))));
    assertEquals("\\tanh \\beta J", both(F.Tanh(F.Times(beta, J))));
    assertEquals("\\ln(-x)", p.print(F.Log(F.Negate(x))));
    assertEquals("\\ln(x/2)", both(F.Log(F.Times(F.C1D2, x))));
    IExpr inner = F.Times(beta, F.binaryAST2(S.Plus, J, F.Times(F.Sqr(g), F.Power(c, F.CN1))));
    // Inside a function's brackets a small fraction takes a slash: no stretched brackets.
    assertEquals("\\ln(2 \\cosh(\\beta (J + g^{2}/c)))", p.print(F.Log(F.Times(F.C2, F.Cosh(inner)))));
    // evaluated, the sum is in the conventional order (TermOrder: lower degree first), J + g²/c
    assertEquals("\\ln(2 \\cosh(\\beta (J + g^{2}/c)))", both(F.Log(F.Times(F.C2, F.Cosh(inner)))));
    IExpr big = F.Times(F.Plus(F.C1, x), F.Power(F.Plus(F.C1, beta), F.CN1));
    assertEquals("\\ln\\frac{2 (1 + x)}{1 + \\beta}", p.print(F.Log(F.binaryAST2(S.Times, F.C2, big))));
  }

  /** Notation#isSimpleArgument: bare arguments as a physicist writes them, brackets otherwise. */
  @Test
  void simpleArgumentsGoBareOthersTakePlainBrackets() {
    ISymbol K = s("K"), h = s("h"), a1 = s("a[1]"), b1 = s("b[1]");
    assertEquals("\\cosh 4 K", both(F.Cosh(F.Times(F.C4, K))));
    assertEquals("\\ln\\cosh 2 K", both(F.Log(F.Cosh(F.Times(F.C2, K)))));
    assertEquals("\\ln 2", both(F.Log(F.C2)));
    assertEquals("\\tanh \\beta a_{1}", both(F.Tanh(F.Times(beta, a1))));
    assertEquals("\\cosh 0.5 K", both(F.Cosh(F.Times(F.num(0.5), K))));
    assertEquals("\\cosh(K/2)", both(F.Cosh(F.Times(F.C1D2, K))));
    assertEquals("\\cosh(2 K + h)", p.print(F.Cosh(F.binaryAST2(S.Plus, F.Times(F.C2, K), h))));
    assertEquals("\\ln\\cosh(2 K + h)", p.print(F.Log(F.Cosh(F.binaryAST2(S.Plus, F.Times(F.C2, K), h)))));
    assertEquals("\\ln(2 \\cosh 2 K)", both(F.Log(F.Times(F.C2, F.Cosh(F.Times(F.C2, K))))));
    assertEquals("\\cosh(-K)", p.print(F.Cosh(F.Times(F.CN1, K))));
    assertEquals("\\ln(1 - \\tanh^{4} 2 K)", both(F.Log(F.Subtract(F.C1, F.Power(F.Tanh(F.Times(F.C2, K)), F.C4)))));
    // σ alone reads as a variable: always bracketed.
    assertEquals("\\sigma(\\beta b_{1})", both(F.unaryAST1(S.LogisticSigmoid, F.Times(beta, b1))));
    assertEquals("\\sigma^{2}(\\beta b_{1})", both(F.Power(F.unaryAST1(S.LogisticSigmoid, F.Times(beta, b1)), F.C2)));
  }

  /** \\cosh^{2} 2K is the square of the cosh; the cosh of a square keeps its brackets. */
  @Test
  void powersOfFunctionsCannotBeMisread() {
    ISymbol K = s("K");
    assertEquals("\\cosh^{2} 2 K", both(F.Power(F.Cosh(F.Times(F.C2, K)), F.C2)));
    assertEquals("\\cosh(2 K^{2})", both(F.Cosh(F.Times(F.C2, F.Sqr(K)))));
    assertEquals("\\ln(\\beta^{2})", p.print(F.Log(F.Sqr(beta))));
    assertEquals("(\\cosh 2 K)^{1/3}", both(F.Power(F.Cosh(F.Times(F.C2, K)), F.C1D3)));
  }

  @Test
  void stretchedBracketsOnlyAroundTallContent() {
    assertEquals("(1 + x) y_{1}", p.print(F.Times(F.Plus(F.C1, x), y)));
    assertEquals("\\left(1 + \\frac{x}{\\beta}\\right) y_{1}", p.print(F.Times(F.binaryAST2(S.Plus, F.C1, F.Divide(x, beta)), y)));
    assertEquals("\\ln(1 + x/\\beta)", p.print(F.Log(F.binaryAST2(S.Plus, F.C1, F.Divide(x, beta)))));
    IExpr big = F.Times(F.Plus(F.C1, x), F.Power(F.Plus(F.C1, beta), F.CN1));
    assertEquals("\\ln\\left(1 + \\frac{1 + x}{1 + \\beta}\\right)", p.print(F.Log(F.binaryAST2(S.Plus, F.C1, big))));
    assertEquals("|x|", p.print(F.Abs(x)));
    assertEquals("\\left|\\frac{x}{\\beta}\\right|", p.print(F.Abs(F.Divide(x, beta))));
  }

  /** A superscript is set small: its fractions take a slash (e^{\\beta g^2/c}, never e^{\\frac{…}{…}}). */
  @Test
  void fractionsInExponentsTakeASlash() {
    assertEquals("e^{\\beta g^{2}/c}", both(F.Exp(F.Times(beta, F.Sqr(g), F.Power(c, F.CN1)))));
    assertEquals("e^{-x/(2 \\beta)}", both(F.Exp(F.Times(F.CN1D2, x, F.Power(beta, F.CN1)))));
    assertEquals("e^{x/2}", both(F.Exp(F.Times(F.C1D2, x))));
    assertEquals("e^{-1/2}", both(F.Exp(F.CN1D2)));
    assertEquals("e^{(1 + x)/c}", p.print(F.Exp(F.Times(F.Plus(F.C1, x), F.Power(c, F.CN1)))));
    assertEquals("x^{1/\\beta}", p.print(F.Power(x, F.Power(beta, F.CN1))));
    assertEquals("e^{\\beta (J + g^{2}/c)}", p.print(F.Exp(F.Times(beta, F.binaryAST2(S.Plus, J, F.Times(F.Sqr(g), F.Power(c, F.CN1)))))));
  }

  /** The one exponential rule: e^{…} while the exponent is short as typeset, \\exp(…) beyond. */
  @Test
  void longExponentsTakeExp() {
    IExpr shortSum = F.Plus(s("a1"), s("a2"), s("a3"));
    assertEquals("e^{\\beta (a_{1} + a_{2} + a_{3})}", both(F.Exp(F.Times(beta, shortSum))));
    IExpr longSum = F.Plus(s("a1"), s("a2"), s("a3"), s("a4"), s("a5"), s("a6"));
    assertEquals("\\exp(\\beta (a_{1} + a_{2} + a_{3} + a_{4} + a_{5} + a_{6}))", both(F.Exp(F.Times(beta, longSum))));
  }

  /**
   * The rule counts typeset width ({@link TexWidth#superscriptWidth}), not characters: wide
   * letters (W, M) take {@code \\exp} at fewer characters than narrow ones (t) allow in {@code e^{…}}.
   */
  @Test
  void theExponentRuleMeasuresTypesetWidth() {
    IExpr wide = F.Times(beta, F.Plus(F.Times(s("W11"), s("M21")), F.Times(s("W12"), s("M22"))));
    String wideExponent = "\\beta (M_{21} W_{11} + M_{22} W_{12})";
    assertEquals(16, wideExponent.replaceAll("\\\\[a-zA-Z]+", "x").replaceAll("[{}_^ ]", "").length(), "sixteen characters");
    assertEquals("\\exp(" + wideExponent + ")", both(F.Exp(wide)));
    IExpr narrow = F.Times(s("t1"), s("t2"), s("t3"), s("t4"), s("t5"), s("t6"), s("t7"), s("t8"), s("t9"));
    assertEquals("e^{t_{1} t_{2} t_{3} t_{4} t_{5} t_{6} t_{7} t_{8} t_{9}}", both(F.Exp(narrow)), "eighteen characters, narrow");
  }

  /** 1/β is one form, \\frac{1}{\\beta}, never \\beta^{-1}; in an exponent 1/\\beta. */
  @Test
  void reciprocalsPrintAsFractions() {
    assertEquals("\\frac{1}{\\beta}", both(F.Power(beta, F.CN1)));
    assertEquals("\\frac{1}{\\beta^{2}}", both(F.Power(beta, F.CN2)));
    assertEquals("\\frac{1}{1 - B_{11}^{2}}", both(F.Power(F.Plus(F.C1, F.Negate(F.Sqr(B))), F.CN1)));
    assertEquals("\\ln\\frac{1}{\\beta}", p.print(F.Log(F.Power(beta, F.CN1))));
    assertEquals("e^{-1}", both(F.Power(F.E, F.CN1)));
  }

  @Test
  void nestedSumStartsWithAPositiveTerm() {
    assertEquals("1 - x", both(F.Plus(F.Negate(x), F.C1)));
    assertEquals("1 - x", p.print(F.Plus(F.Negate(x), F.C1)));
    assertEquals("-x - \\beta", p.print(F.binaryAST2(S.Plus, F.Negate(x), F.Negate(beta))));
    assertEquals("(1 - B_{11}^{2}) x", p.print(F.Times(x, F.Plus(F.Negate(F.Sqr(B)), F.C1))));
  }

  @Test
  void printSumKeepsTheCallersOrderAndSigns() {
    IExpr t1 = eval(F.Times(F.CN1, J, s("s1"), s("s2")));
    IExpr t2 = eval(F.Times(F.CN1D2, c, F.Sqr(y)));
    IExpr t3 = eval(F.Divide(F.Log(u), beta));
    assertEquals(
        "-J s_{1} s_{2} - \\frac{1}{2} c y_{1}^{2} + \\frac{1}{\\beta} \\ln u - 3 + x",
        p.printSum(List.of(t1, t2, t3, F.ZZ(-3), x)));
    assertEquals("-x + 1", p.printSum(List.of(F.Negate(x), F.C1)));
    assertEquals("x - \\frac{1}{2} - 0.25", p.printSum(List.of(x, F.CN1D2, F.num(-0.25))));
    assertEquals("a - (b + c)", p.printSum(List.of(s("a"), F.Times(F.CN1, F.Plus(s("b"), c)))));
    assertEquals("0", p.printSum(List.of()));
  }

  @Test
  void numbers() {
    assertEquals("0.123457", p.print(F.num(0.1234567)));
    assertEquals("1.5 \\times 10^{-7}", p.print(F.num(1.5e-7)));
    assertEquals("1.23457 \\times 10^{8}", p.print(F.num(123456789.0)));
    assertEquals("-2.5", p.print(F.num(-2.5)));
    assertEquals("-\\frac{2}{3}", p.print(F.QQ(-2, 3)));
    assertEquals("42", p.print(F.ZZ(42)));
    assertEquals("0.5 x", both(F.Times(F.num(0.5), x)));
  }

  @Test
  void constants() {
    assertEquals("\\pi", both(F.Pi));
    assertEquals("e", both(F.E));
    assertEquals("\\infty", both(F.CInfinity));
    assertEquals("-\\infty", both(F.CNInfinity));
    assertEquals("2 \\pi \\beta", p.print(F.ternaryAST3(S.Times, F.C2, F.Pi, beta)));
  }

  @Test
  void relationsForSideConditions() {
    assertEquals("c > 0", both(F.Greater(c, F.C0)));
    assertEquals("x < 1", both(F.Less(x, F.C1)));
    assertEquals("x \\geq 1", both(F.GreaterEqual(x, F.C1)));
    assertEquals("x \\leq 1", both(F.LessEqual(x, F.C1)));
    assertEquals("x \\neq 1", both(F.Unequal(x, F.C1)));
    assertEquals("x = 1", p.print(F.Equal(x, F.C1)));
    assertEquals("1 - B_{11}^{2} > 0", p.print(F.Greater(F.Plus(F.C1, F.Negate(F.Sqr(B))), F.C0)));
  }

  @Test
  void listsMatricesAndDeterminants() {
    IExpr m = F.List(F.List(x, beta), F.List(c, g));
    assertEquals("\\begin{pmatrix} x & \\beta \\end{pmatrix}", p.print(F.List(x, beta)));
    assertEquals("\\begin{pmatrix} x & \\beta \\\\ c & g \\end{pmatrix}", p.print(m));
    assertEquals("\\det \\begin{pmatrix} x & \\beta \\\\ c & g \\end{pmatrix}", p.print(F.Det(m)));
    assertEquals("\\det A", p.print(F.Det(s("A"))));
    assertEquals("\\det A B_{11}", p.print(F.Det(F.Times(s("A"), B))));
  }

  @Test
  void unknownHeadsFallBackToOperatorname() {
    assertEquals("\\operatorname{f}(x, \\beta)", p.print(F.binaryAST2(s("f"), x, beta)));
    assertEquals("\\operatorname{Gamma}(x)", p.print(F.unaryAST1(S.Gamma, x)));
  }

  /** Within one model no two names print alike, nor like a constant; h_ is not h. */
  @Test
  void namesThatWouldPrintAlikePrintLiterally() {
    List<String> names = List.of("J12", "J[1,2]", "pi", "h_", "h", "epsilon", "varepsilon", "e", "x[1]");
    LatexPrinter lp = new LatexPrinter(List.of(), names);
    TextPrinter tp = new TextPrinter(List.of(), names);
    assertEquals("\\mathrm{J12}", lp.symbol("J12"));
    assertEquals("\\mathrm{J}_{12}", lp.symbol("J[1,2]"));
    assertEquals("\\mathrm{pi}", lp.symbol("pi"));
    assertEquals("pi", tp.symbol("pi"));
    assertEquals("\\mathrm{h\\_}", lp.symbol("h_"));
    assertEquals("h_", tp.symbol("h_"));
    assertEquals("h", tp.symbol("h"));
    assertEquals("epsilon", tp.symbol("epsilon"));
    assertEquals("varepsilon", tp.symbol("varepsilon"));
    assertEquals("x_{1}", lp.symbol("x[1]"));
    assertEquals("\\mathrm{e}^{x_{1}}", lp.print(F.Exp(s("x[1]"))));
    assertEquals("exp(1)", tp.print(S.E));
    assertEquals("e^{x_{1}}", new LatexPrinter().print(F.Exp(s("x[1]"))));
  }

  @Test
  void namesBecomeGreekAndSubscripts() {
    assertEquals("\\beta", p.symbol("beta"));
    assertEquals("\\lambda", p.symbol("lambda"));
    assertEquals("\\Gamma", p.symbol("Gamma"));
    assertEquals("\\mathrm{Beta}", p.symbol("Beta")); // Β would read as the Latin B
    assertEquals("x_{1}", p.symbol("x[1]"));
    assertEquals("A_{12}", p.symbol("A[1,2]"));
    assertEquals("A_{1,12}", p.symbol("A[1,12]"));
    assertEquals("s_{1}", p.symbol("s1"));
    assertEquals("H_{0}", p.symbol("H0"));
    assertEquals("J_{12}", p.symbol("J12"));
    assertEquals("H_{\\mathrm{eff}}", p.symbol("Heff"));
    assertEquals("\\mathrm{foo}", p.symbol("foo"));
    assertEquals("\\gamma_{2}", p.symbol("gamma2"));
    assertEquals("\\beta_{2}", p.symbol("beta[2]"));
    assertEquals("h_{\\mathrm{eff}}", p.symbol("h_eff"));
    assertEquals("W_{32}", p.print(s("W[3,2]")));
    assertEquals("\\beta_{2}^{2}", p.print(F.Sqr(s("beta[2]"))));
  }
}
