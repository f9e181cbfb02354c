package energy.print;

import static energy.print.Sym.eval;
import static energy.print.Sym.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.Symja;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** The conventional order of terms and factors (issue 11 item 8), in both notations. */
class TermOrderTest {
  private final ISymbol k = s("K"), h = s("h"), j = s("J"), g = s("g"), c = s("c"), d = s("d"), t = s("t"), beta = s("beta");

  private static TextPrinter text(String... names) {
    return new TextPrinter(List.of(), List.of(names));
  }

  @Test
  void theMainCouplingComesFirstAndPlusBeforeMinusBetweenSiblingCalls() {
    IExpr twoK = F.Times(F.C2, k);
    // cosh(2K − h) as the decimation writes it (Symja's Cosh would turn it into cosh(h − 2K)).
    IExpr e = F.Times(F.Cosh(eval(F.Plus(twoK, F.Negate(h)))), F.Cosh(eval(F.Plus(h, twoK))));
    assertEquals("cosh(2K + h)·cosh(2K − h)", text("K", "h").print(e));
    String latex = new LatexPrinter(List.of(), List.of("K", "h")).print(e);
    assertTrue(latex.indexOf("2 K + h") >= 0 && latex.indexOf("2 K + h") < latex.indexOf("2 K - h"), latex);
  }

  @Test
  void evenFunctionsTakeTheSignThatLeadsWithAPlusAndSechGoesBelowTheBar() {
    IExpr four = F.Times(F.C4, k);
    // Migdal–Kadanoff with a field: Symja writes cosh(4K + h)·sech(h − 4K)
    IExpr e = eval(F.Times(F.Cosh(F.Plus(four, h)), F.Sech(F.Plus(h, F.Negate(four)))));
    assertEquals("cosh(4K + h)/cosh(4K − h)", text("K", "h").print(e));
    IExpr k2 = eval(F.Times(F.Sqr(F.Sech(h)), F.Cosh(F.Plus(four, h)), F.Cosh(F.Plus(h, F.Negate(four)))));
    assertEquals("cosh(4K + h)·cosh(4K − h)/cosh(h)²", text("K", "h").print(k2));
    String latex = new LatexPrinter(List.of(), List.of("K", "h")).print(k2);
    assertTrue(latex.startsWith("\\frac{\\cosh(4 K + h) \\cosh(4 K - h)}{\\cosh^{2}") && !latex.contains("sech"), latex);
    // a sinh is odd: its argument keeps its sign
    IExpr odd = eval(F.Sinh(F.Plus(h, F.Negate(four))));
    assertEquals("sinh(h − 4K)", text("K", "h").print(odd));
  }

  @Test
  void exponentialsOfSumsGoNameByName() {
    IExpr a = F.Exp(F.Plus(F.Times(F.C4, k), F.Times(F.C2, h))), b = F.Exp(F.Plus(F.Times(F.C4, k), F.Times(F.C6, h)));
    IExpr c8 = F.Exp(F.Plus(F.Times(F.C8, k), F.Times(F.C4, h))), d4 = F.Exp(F.Times(F.C4, h));
    IExpr e = eval(F.Plus(a, b, c8, d4));
    assertEquals("exp(8K + 4h) + exp(4K + 6h) + exp(4K + 2h) + exp(4h)", text("K", "h").print(e));
  }

  @Test
  void termsFollowTheModelsDeclarationOrder() {
    IExpr e = eval(F.Plus(j, F.Times(F.Sqr(g), F.Power(c, F.CN1))));
    assertEquals("J + g²/c", text("J", "g", "c").print(e));
    IExpr f = eval(F.Plus(h, F.Times(F.C2, k)));
    assertEquals("2K + h", text("K", "h").print(f));
    assertEquals("h + 2K", text("h", "K").print(f), "declared the other way round");
  }

  @Test
  void exponentialsGoByDecreasingExponentAsNiemeijerAndVanLeeuwen() {
    IExpr up = F.Exp(F.Times(F.C3, k)), down = F.Exp(F.Negate(k));
    IExpr phi = eval(F.Times(F.Plus(up, down), F.Power(F.Plus(up, F.Times(F.C3, down)), F.CN1)));
    assertEquals("(exp(3K) + exp(−K))/(exp(3K) + 3exp(−K))", text("K").print(phi));
  }

  @Test
  void constantsFirstAndCallsAfterTheOtherTerms() {
    IExpr e = eval(F.Plus(F.Log(F.C2), F.Times(F.C1D4, F.Log(F.Cosh(k))), h));
    assertEquals("ln(2) + h + ¼ln(cosh(K))", text("K", "h").print(e));
  }

  @Test
  void factorsGoBetaThenCumulantsThenParameters() {
    ISymbol kappa = s("kappa[2]^(1)"), b11 = s("B[1,1]"), b21 = s("B[2,1]");
    IExpr e = eval(F.Times(beta, b11, b21, kappa));
    assertEquals("β·κ₂⁽¹⁾·B₁₁·B₂₁", text("B[1,1]", "B[2,1]").print(e));
    assertEquals("\\beta \\kappa_{2}^{(1)} B_{11} B_{21}", new LatexPrinter(List.of(), List.of("B[1,1]", "B[2,1]")).print(e));
  }

  @Test
  void aLoneDNeverReadsAsADifferential() {
    IExpr e = eval(F.Times(d, t, F.Power(c, F.CN1)));
    assertEquals("\\frac{t d}{c}", new LatexPrinter(List.of(), List.of("c", "d")).print(e));
    ISymbol x = s("x");
    assertEquals("d \\cdot x", new LatexPrinter(List.of(x), List.of("d", "x")).print(eval(F.Times(d, x))));
  }

  @Test
  void aSumTheCallerOrderedKeepsItsOrder() {
    // A caller's order that is not Symja's (which would put h first) is kept, whatever the model's order.
    assertEquals("J + h", text("h", "J").print(Symja.unsortedSum(List.of(j, h))));
    // One in Symja's order is the same sum as Symja's own, and prints in the conventional order.
    assertEquals("J + h", text("J", "h").print(Symja.unsortedSum(List.of(h, j))));
  }

  /** Reordering never changes a value: the ordered terms are a permutation of the sum's, and sum to it (seeded). */
  @Test
  void orderNeverChangesAValue() {
    long seed = 20261127L;
    System.out.println("TermOrderTest seed " + seed);
    Random rnd = new Random(seed);
    ISymbol[] syms = {k, h, j, g, c};
    TermOrder order = TermOrder.of(List.of(h), List.of("J", "g", "K", "c", "h"));
    for (int n = 0; n < 200; n++) {
      IExpr sum = F.C0;
      for (int i = 0; i < 5; i++) {
        IExpr term = F.ZZ(rnd.nextInt(7) - 3);
        for (int m = rnd.nextInt(3); m >= 0; m--) term = F.Times(term, syms[rnd.nextInt(syms.length)]);
        if (rnd.nextBoolean()) term = F.Times(term, F.Exp(F.Times(F.ZZ(rnd.nextInt(5) - 2), k)));
        if (rnd.nextInt(4) == 0) term = F.Times(term, F.Cosh(F.Plus(k, F.Times(F.ZZ(rnd.nextInt(3) - 1), h))));
        sum = F.Plus(sum, term);
      }
      IExpr e = eval(sum);
      List<IExpr> terms = order.terms(e);
      List<IExpr> sortedBack = new java.util.ArrayList<>(terms), original = new java.util.ArrayList<>(Symja.terms(e));
      sortedBack.sort(IExpr::compareTo);
      original.sort(IExpr::compareTo);
      assertEquals(original, sortedBack, "a permutation (seed " + seed + ")");
      assertEquals(e, eval(F.Subtract(F.Plus(terms.toArray(new IExpr[0])), F.C0)), "same value (seed " + seed + ")");
    }
  }
}
