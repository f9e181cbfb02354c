package energy.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import energy.algebra.Symja;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;

/** The Symja form keeps apart what the printers keep apart. */
class SymjaFormTest {
  private static final ExprEvaluator PARSER = new ExprEvaluator(false, (short) 0);

  @Test
  void theMomentAndCumulantHeadsAreNotUserNames() {
    // A file may declare parameters named Expectation and Cumulant; ⟨x⟩ and κ(x, y) must not read back as them.
    IExpr user = new Symbol("Expectation", Context.DUMMY), other = new Symbol("Cumulant", Context.DUMMY);
    String moment = SymjaForm.print(F.ast(new IExpr[] {user}, Symja.EXPECTATION));
    String cumulant = SymjaForm.print(F.ast(new IExpr[] {user, other}, Symja.CUMULANT));
    IExpr m = PARSER.parse(moment), k = PARSER.parse(cumulant);
    assertNotEquals(m.head(), m.first(), moment);
    assertNotEquals(k.head(), k.second(), cumulant);
    assertEquals(SymjaForm.EXPECTATION, m.head().toString(), moment);
    assertEquals(SymjaForm.CUMULANT, k.head().toString(), cumulant);
  }

  @Test
  void betaIsNotSymjasBetaFunction() {
    String printed = SymjaForm.print(F.Times(new Symbol("beta", Context.DUMMY), new Symbol("Beta", Context.DUMMY)));
    IExpr read = PARSER.parse(printed);
    assertEquals(2, read.argSize(), printed);
    assertNotEquals(read.first(), read.second(), printed);
    assertEquals("beta", SymjaForm.decode(read.first().toString().startsWith("u$$") ? read.second().toString() : read.first().toString()), printed);
  }
}
