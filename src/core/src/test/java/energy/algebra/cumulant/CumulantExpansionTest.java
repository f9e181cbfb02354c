package energy.algebra.cumulant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.result.ExpandedCouplings;
import energy.result.Marginal;
import energy.result.PriorCumulants;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.diag.CompileException;
import energy.diag.Source;
import energy.model.Variable;
import energy.verify.Checker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@code expand} against an independent route: the Taylor polynomial of the closed-form
 * marginal F(εW) in ε, by Symja's {@code D}, at random exact parameter values. G(εW) is a polynomial of degree k in
 * ε, so agreeing with the truncated series at k + 1 values of ε means agreeing term by term.
 */
class CumulantExpansionTest {
  static String rbm(String visible, String hidden, int n, int m, int order, String prior) {
    return "dim n = " + n + ", m = " + m + "\n" + visible + " v[n]\n" + hidden + " h[m]\n"
        + "param a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h" + prior + "\n"
        + "F = marginalize E over h\nG = expand F in W to order " + order + "\n";
  }

  @ParameterizedTest(name = "{0} visible, {1} hidden, n={2}, m={3}, order {4}")
  @CsvSource({
    "spin, binary, 3, 2, 4",
    "spin, spin, 3, 1, 5",
    "binary, spin, 2, 2, 3",
    "binary, binary, 3, 1, 4",
    "spin, real, 2, 2, 4",
  })
  void agreesWithSymjaSeries(String visible, String hidden, int n, int m, int order) {
    String prior = hidden.equals("real") ? " + 1/2*h.h" : "";
    Compilation c = Compiler.compile(new Source("<rbm>", rbm(visible, hidden, n, m, order, prior)));
    Marginal f = (Marginal) c.results().get(0);
    ExpandedCouplings g = (ExpandedCouplings) c.results().get(1);
    long seed = 1000L * n + 10L * m + order;
    Random random = new Random(seed);
    System.out.println("CumulantExpansionTest seed " + seed);
    SymbolTable symbols = c.symbols();
    Map<IExpr, IExpr> closed = new HashMap<>();
    for (CumulantExpansion.Cumulant k : g.cumulants()) closed.put(k.symbol(), k.value());
    IExpr gValue = g.value().replaceAll(e -> closed.getOrDefault(e, F.NIL)).orElse(g.value());
    ISymbol eps = symbols.derived("epsilon");
    for (int trial = 0; trial < 2; trial++) {
      // Exact values: small rationals for parameters, β = 1 or 3/2, random unit states.
      List<IExpr> rules = new ArrayList<>();
      for (Variable v : c.model().variables().values())
        for (SymbolTable.Component comp : symbols.components(v)) {
          IExpr value =
              v.isTemperature() ? (trial == 0 ? F.C1 : F.QQ(3, 2))
                  : v.isUnit() ? (v.kind() == energy.model.UnitKind.SPIN ? (random.nextBoolean() ? F.C1 : F.CN1) : random.nextBoolean() ? F.C1 : F.C0)
                  : F.QQ(random.nextInt(9) - 4, 5);
          if (v.name().equals("W")) value = F.Times(eps, value);
          rules.add(F.Rule(comp.symbol(), value));
        }
      IExpr rule = F.List(rules.toArray(new IExpr[0]));
      IExpr fe = Symja.eval(F.ReplaceAll(f.value(), rule));
      // Taylor coefficients by differentiation (Symja's Series mangles some constant terms).
      List<IExpr> taylor = new ArrayList<>();
      IExpr d = fe, factorial = F.C1;
      for (int k = 0; k <= order; k++) {
        if (k > 0) {
          d = Symja.eval(F.D(d, eps));
          factorial = Symja.eval(F.Times(factorial, F.ZZ(k)));
        }
        taylor.add(F.Times(F.Power(eps, F.ZZ(k)), F.Power(factorial, F.CN1), F.ReplaceAll(d, F.Rule(eps, F.C0))));
      }
      IExpr series = Symja.eval(F.Plus(taylor.toArray(new IExpr[0])));
      IExpr ge = Symja.eval(F.ReplaceAll(gValue, rule));
      for (int i = 1; i <= order + 1; i++) {
        IExpr at = F.Rule(eps, F.QQ(i, order + 1));
        double s = Symja.eval(F.N(F.ReplaceAll(series, at))).evalf();
        double x = Symja.eval(F.N(F.ReplaceAll(ge, at))).evalf();
        assertEquals(s, x, 1e-10 * (1 + Math.abs(s)), "ε = " + i + "/" + (order + 1) + ", trial " + trial);
      }
    }
  }

  @Test
  void gaussianHiddenUnitsStopAtSecondOrder() {
    Compilation c = Compiler.compile(new Source("<g>", rbm("spin", "real", 3, 2, 6, " + 1/2*h.h")));
    ExpandedCouplings g = (ExpandedCouplings) c.results().get(1);
    assertTrue(g.cumulants().stream().allMatch(k -> k.order() <= 2), g.cumulants().toString());
    IExpr closedG = g.value();
    for (CumulantExpansion.Cumulant k : g.cumulants())
      closedG = closedG.replaceAll(e -> e.equals(k.symbol()) ? k.value() : F.NIL).orElse(closedG);
    // Exactly the marginal: the difference simplifies to 0 (a constant, ln 2π/β, up to form).
    IExpr diff = Symja.eval(F.Simplify(F.PowerExpand(F.Subtract(closedG, ((Marginal) c.results().get(0)).value()))));
    assertTrue(diff.isZero(), "G − F = " + diff);
  }

  @Test
  void checkerPassesExpansionsAndCatchesAWrongOrder() {
    Compilation c = Compiler.compile(new Source("<rbm>", rbm("spin", "binary", 3, 2, 4, "")));
    List<Checker.Report> reports = Checker.check(c, 5, 7);
    assertTrue(reports.get(1).passed(), reports.get(1).toString());
    // The fourth-order terms dropped (κ₄ = 0) but still called order 4: the error falls like ε⁴, not ε⁵.
    ExpandedCouplings r4 = (ExpandedCouplings) c.results().get(1);
    IExpr third = r4.value();
    for (CumulantExpansion.Cumulant k : r4.cumulants())
      if (k.order() == 4) third = third.replaceAll(e -> e.equals(k.symbol()) ? F.C0 : F.NIL).orElse(third);
    ExpandedCouplings bad =
        new ExpandedCouplings(r4.query(), r4.args(), third, r4.couplings(), r4.cumulants(), r4.exact(), r4.conditions(), r4.from());
    Compilation sabotaged = new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(c.results().get(0), bad));
    Checker.Report report = Checker.check(sabotaged, 5, 7).get(1);
    assertFalse(report.passed(), report.toString());
  }

  @Test
  void interactingHiddenUnitsAreRefused() {
    String src =
        "spin v1, h1, h2\nparam w, k\nenergy E(v1, h1, h2) = -w*v1*h1 - w*v1*h2 - k*h1*h2\n"
            + "F = marginalize E over h1, h2\nG = expand F in w to order 2\n";
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<x>", src)));
    assertTrue(e.getMessage().contains("interact"), e.getMessage());
  }

  @Test
  void couplingsNotLinearInTheSmallParametersAreRefused() {
    String src =
        "spin v1, h1\nparam w\nenergy E(v1, h1) = -w^2*v1*h1\nF = marginalize E over h1\nG = expand F in w to order 2\n";
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<x>", src)));
    assertTrue(e.getMessage().contains("not linear"), e.getMessage());
  }

  @Test
  void expandingSomethingOtherThanAMarginalIsAnError() {
    String src = "spin v1\nparam w\nenergy E(v1) = -w*v1\nG = expand E in w to order 2\n";
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<x>", src)));
    assertTrue(e.getMessage().contains("not a marginal"), e.getMessage());
  }

  @Test
  void priorCumulantsAreCheckedAndAWrongOneIsCaught() {
    String src =
        "spin s\nbinary h\nreal z\nparam a, b, c, d, w\ntemperature beta\n"
            + "energy E(s, h, z) = -a*s - b*h + 1/2*c*z^2 - d*z - w*s*h*z\n"
            + "K4 = cumulant 4 of h in E\nK3 = cumulant 3 of s in E\nK2 = cumulant 2 of z in E\n";
    Compilation c = Compiler.compile(new Source("<priors>", src));
    for (Checker.Report r : Checker.check(c, 5, 11)) assertTrue(r.passed(), r.toString());
    PriorCumulants k4 = (PriorCumulants) c.results().get(0);
    CumulantExpansion.Cumulant right = k4.cumulants().get(0);
    // κ₄ of a binary unit with one coefficient changed: σ − 7σ² + 12σ³ − 5σ⁴.
    IExpr sigma = F.LogisticSigmoid(F.Times(c.beta(), c.symbols().component("b").symbol()));
    IExpr wrongValue = Symja.eval(F.Plus(right.value(), F.Power(sigma, F.C4)));
    PriorCumulants bad =
        new PriorCumulants(
            k4.query(), List.of(new CumulantExpansion.Cumulant(right.symbol(), right.order(), right.unit(), wrongValue)), k4.cgfs(), k4.conditions(), k4.source());
    Compilation sabotaged = new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(bad));
    assertFalse(Checker.check(sabotaged, 5, 11).get(0).passed());
  }
}
