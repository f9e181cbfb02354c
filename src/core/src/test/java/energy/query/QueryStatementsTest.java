package energy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.algebra.Symja;
import energy.diag.CompileException;
import energy.diag.Source;
import energy.result.Coefficient;
import energy.result.Derivative;
import energy.result.Evaluation;
import energy.result.Result;
import energy.result.Substitution;
import energy.result.Verification;
import energy.verify.Checker;
import energy.verify.Evaluator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The query statements (coefficient, where, derivative, at, check) in a file: their values
 * against closed forms derived by hand, and their numerical checks passing and, on sabotaged
 * values, failing.
 */
class QueryStatementsTest {
  private static final String PAIR =
      "model Pair\nspin s1, s2\nreal y\nparam J, g, c, h, x\ntemperature beta\n"
          + "energy H(s1, s2, y) = -J*s1*s2 - h*s1 + 1/2*c*y^2 - g*y*(s1 + s2)\n"
          + "Heff = marginalize H over y\n";

  private static Compilation compile(String text) {
    return Compiler.compile(new Source("test.energy", text));
  }

  /** e − expected is 0 identically (in the user's names, A[1] spelled as the table spells it). */
  private static void assertSame(Compilation c, String expected, IExpr e) {
    IExpr want = Symja.eval(energy.lowering.Lowerer.lower(
        energy.syntax.Parser.parse(new Source("x", "energy Q() = " + expected), new energy.diag.Diagnostics()).statements().stream()
            .map(s -> ((energy.model.Stmt.EnergyDecl) s).body()).findFirst().orElseThrow(),
        c.model(), c.symbols()));
    IExpr difference = Symja.eval(F.Simplify(F.Subtract(e, want)));
    assertTrue(difference.isZero(), "expected " + expected + ", got " + e + " (difference " + difference + ")");
  }

  private static <T extends Result> T result(Compilation c, String name, Class<T> kind) {
    return assertInstanceOf(kind, c.result(name));
  }

  @Test
  void coefficientsOfMonomialsInDiscreteAndRealUnits() {
    Compilation c = compile(PAIR + "K = coefficient s1*s2 in H\nL = coefficient s1 in H\nN = coefficient 1 in H\n"
        + "Y2 = coefficient y^2 in H\nY1 = coefficient s2*y in H\nA = coefficient s1*s2 in Heff\nY3 = coefficient y^3 in H\n");
    assertSame(c, "-J", result(c, "K", Coefficient.class).value());
    assertSame(c, "-h", result(c, "L", Coefficient.class).value());
    assertSame(c, "0", result(c, "N", Coefficient.class).value()); // absent: 0
    assertSame(c, "c/2", result(c, "Y2", Coefficient.class).value());
    assertSame(c, "-g", result(c, "Y1", Coefficient.class).value());
    assertSame(c, "-J - g^2/c", result(c, "A", Coefficient.class).value()); // the induced coupling of the marginal
    assertSame(c, "0", result(c, "Y3", Coefficient.class).value());
    checksPass(c);
  }

  @Test
  void substitutionKeepsTheMeaningAndReevaluatesConditions() {
    Compilation c = compile(PAIR + "H2 = H where J = x + 1, s2 = -1\nG = Heff where c = 2, beta = 1\nG2 = Heff where g = c\n");
    Substitution h2 = result(c, "H2", Substitution.class);
    assertSame(c, "-(x+1)*s1*(-1) - h*s1 + 1/2*c*y^2 - g*y*(s1 - 1)", h2.value());
    assertEquals(List.of("s1", "y"), h2.args().stream().map(energy.model.Variable::name).toList());
    Substitution g = result(c, "G", Substitution.class);
    assertTrue(g.conditions().isEmpty(), "c > 0 holds at c = 2: " + g.conditions());
    assertFalse(result(c, "G2", Substitution.class).conditions().isEmpty(), "c > 0 stays");
    checksPass(c);
    CompileException e = assertThrows(CompileException.class, () -> compile(PAIR + "B = Heff where c = -1\n"));
    assertTrue(e.render().contains("fails at these values"), e.render());
  }

  @Test
  void derivativesOfFirstAndSecondOrder() {
    Compilation c = compile(PAIR + "D1 = derivative H by h\nD2 = derivative Heff by g, g\nDy = derivative H by y\nZ = partition H\nM = derivative Z by h\n");
    assertSame(c, "-s1", result(c, "D1", Derivative.class).value());
    assertSame(c, "-2/c*(1 + s1*s2)", result(c, "D2", Derivative.class).value());
    assertSame(c, "c*y - g*(s1 + s2)", result(c, "Dy", Derivative.class).value());
    checksPass(c);
  }

  @Test
  void valuesAtNumbersAreWhatEvalPrints() {
    String at = "beta=1 J=0.5 g=0.3 c=2 h=-1/4 s1=1 s2=-1";
    Compilation c = compile(PAIR + "Heff at " + at + "\nV = H at beta=1 J=0.5 g=0.3 c=2 h=0.1 x=0 s1=1 s2=1 y=0.2\n");
    Evaluation e = result(c, "Heff(beta=1, J=0.5, g=0.3, c=2, h=-1/4, s1=1, s2=-1)", Evaluation.class);
    List<Evaluator.Line> eval = new Evaluator(c).evaluate("Heff", Evaluator.parse(List.of(at.split(" "))));
    assertEquals(eval.get(0).value(), e.lines().get(0).value());
    // By hand: H_eff = (1/2β) ln(β c/2π) − g²/(2c)(s1+s2)² − J s1 s2 − h s1.
    double byHand = 0.5 * Math.log(2 / (2 * Math.PI)) + 0.5 + 0.25;
    assertEquals(byHand, e.lines().get(0).value(), 1e-12);
    Evaluation v = result(c, "V", Evaluation.class);
    assertEquals(-0.5 - 0.1 + 0.5 * 2 * 0.04 - 0.3 * 0.2 * 2, v.lines().get(0).value(), 1e-12);
    checksPass(c);
  }

  @Test
  void atTakesEvalsValidation() {
    CompileException e = assertThrows(CompileException.class, () -> compile(PAIR + "Heff at beta=1 y=0.5\n"));
    assertTrue(e.render().contains("y is summed or integrated out in Heff; it takes no value"), e.render());
    e = assertThrows(CompileException.class, () -> compile(PAIR + "Heff at beta=1 s1=0.5\n"));
    assertTrue(e.render().contains("s1 is a spin: its value is 1 or -1"), e.render());
    e = assertThrows(CompileException.class, () -> compile(PAIR + "Heff at beta=-1\n"));
    assertTrue(e.render().contains("must be positive"), e.render());
  }

  @Test
  void checkStatementVerifiesOneResult() {
    Compilation c = compile(PAIR + "check Heff\n");
    Verification v = result(c, "check Heff", Verification.class);
    assertEquals(1, v.reports().size());
    assertEquals("weights", v.reports().get(0).measure());
    checksPass(c);
  }

  /** Every query result's route catches a wrong value. */
  @Test
  void sabotagedValuesAreCaught() {
    Compilation c = compile(PAIR + "K = coefficient s1*s2 in Heff\nY = coefficient y^2 in H\nG = Heff where g = c, beta = 1\n"
        + "D = derivative Heff by g, J\nHeff at beta=1 J=0.5 g=0.3 c=2 h=0 s1=1 s2=-1\n");
    IExpr wrong = F.num(1e-6);
    for (Result r : c.results()) {
      Result bad;
      if (r instanceof Coefficient k) bad = new Coefficient(k.query(), Symja.eval(F.Plus(k.value(), wrong)), k.parent(), k.conditions(), k.from());
      else if (r instanceof Substitution s)
        bad = new Substitution(s.query(), s.args(), s.terms(), Symja.eval(F.Plus(s.value(), wrong)), s.rules(), s.parent(), s.conditions(), s.from());
      else if (r instanceof Derivative d)
        bad = new Derivative(d.query(), d.args(), d.by(), d.terms(), Symja.eval(F.Plus(d.value(), wrong)), d.parent(), d.conditions(), d.from());
      else if (r instanceof Evaluation e)
        bad = new Evaluation(e.query(), e.given(), List.of(new Evaluation.Line(e.lines().get(0).label(), e.lines().get(0).value() + 1e-6)), e.quantity(), e.quantityLine(), e.values());
      else continue;
      Compilation sabotaged = new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(bad));
      List<Checker.Report> reports = Checker.check(sabotaged, 5, 3);
      assertFalse(reports.get(0).passed(), r.name() + " sabotaged passed: " + reports.get(0));
      assertTrue(Checker.check(new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(r)), 5, 3).get(0).passed(), r.name());
    }
  }

  @Test
  void queriesAreNotEnergiesToMarginalize() {
    CompileException e = assertThrows(CompileException.class, () -> compile(PAIR + "G = H where J = 1\nK = marginalize G over y\n"));
    assertTrue(e.render().contains("unknown energy 'G'"), e.render());
  }

  private static void checksPass(Compilation c) {
    for (Checker.Report r : Checker.check(c, 5, 11)) assertTrue(r.passed() && r.skipped() == null, r.toString());
  }
}
