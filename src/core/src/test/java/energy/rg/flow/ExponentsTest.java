package energy.rg.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;

class ExponentsTest {
  /** y_T = 1, y_H = 15/8 in d = 2 give Onsager's and Yang's exponents. */
  @Test
  void exactTwoDimensionalIsing() {
    Exponents x = new Exponents(1, 15.0 / 8, 2);
    assertEquals(1, x.nu(), 1e-15);
    assertEquals(0, x.alpha(), 1e-15);
    assertEquals(1.0 / 8, x.beta(), 1e-15);
    assertEquals(7.0 / 4, x.gamma(), 1e-15);
    assertEquals(15, x.delta(), 1e-12);
    assertEquals(1.0 / 4, x.eta(), 1e-15);
    assertEquals(x.beta() / x.nu(), x.betaOverNu(), 1e-15);
    assertEquals(x.gamma() / x.nu(), x.gammaOverNu(), 1e-15);
    // Rushbrooke and Widom hold by construction: α + 2β + γ = 2, γ = β(δ − 1).
    assertEquals(2, x.alpha() + 2 * x.beta() + x.gamma(), 1e-14);
    assertEquals(x.gamma(), x.beta() * (x.delta() - 1), 1e-12);
  }

  /**
   * A linear recursion K′ = λ_T K, h′ = λ_H h: the flow finds the fixed point 0 with
   * y_T = ln λ_T / ln b and y_H = ln λ_H / ln b, and prints them with the exponents.
   */
  @Test
  void flowReportsTheMagneticExponent() {
    Symbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    double b = 2, lt = 2, lh = Math.pow(2, 15.0 / 8);
    Recursion r = new Recursion(List.of(k, h), List.of(F.Times(F.num(lt), k), F.Times(F.num(lh), h)), b, 1, 2);
    FlowResult f = FlowAnalysis.analyze(r);
    FixedPoint p = f.critical();
    assertNotNull(p);
    assertEquals(15.0 / 8, p.yH(), 1e-12);
    assertEquals(1, p.nu(), 1e-12);
    Exponents x = Exponents.of(f);
    assertEquals(15, x.delta(), 1e-9);
    String text = FlowTables.text(f);
    System.out.println(text);
    assertTrue(text.contains("y_H") && text.contains("β/ν") && text.contains("δ = 15"), text);
    assertTrue(FlowFormat.jsonString(f).contains("\"yH\" : 1.875"), FlowFormat.jsonString(f));
    assertTrue(FlowTables.latex(f).contains("$\\delta = 15$"), FlowTables.latex(f));
    // Without a field index there is no y_H.
    assertNull(FlowAnalysis.analyze(new Recursion(r.couplings(), r.images(), b)).critical().yH());
  }
}
