package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.result.Marginal;
import energy.diag.CompileException;
import energy.diag.Source;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;

class DiscreteSummerTest {
  static Marginal only(String text) {
    Compilation c = Compiler.compile(new Source("<test>", text));
    return (Marginal) c.results().get(0);
  }

  /** 40 independent hidden units: 40 softplus terms, not 2⁴⁰ states. */
  @Test
  void independentHiddenUnitsFactorize() {
    Marginal f =
        only("dim n = 3, m = 40\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\n"
            + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\n");
    long logs = f.terms().stream().filter(t -> t.toString().contains("Log")).count();
    assertEquals(40, logs);
    assertEquals(3 + 40, f.terms().size());
  }

  /** Σ_{s=±1} e^{βhs} = 2 cosh βh, kept in that form. */
  @Test
  void singleSpinGivesLnTwoCosh() {
    Marginal f = only("spin s, t\nparam h, J\ntemperature beta\nenergy H(s, t) = -h*s - J*s*t\nF = marginalize H over s\n");
    IExpr term = f.terms().get(0);
    assertTrue(term.toString().contains("Log(2*Cosh("), term.toString());
  }

  @Test
  void tooManyCoupledUnitsIsAClearError() {
    StringBuilder ring = new StringBuilder("dim n = 13\nspin s[n]\nparam J\nenergy H(s) = -J*(");
    for (int i = 1; i <= 13; i++) ring.append(i > 1 ? " + " : "").append("s[").append(i).append("]*s[").append(i % 13 + 1).append("]");
    ring.append(")\nZ = partition H\n");
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<ring>", ring.toString())));
    assertTrue(e.diagnostics().get(0).message().contains("13 of the units"), e.render());
    assertTrue(e.diagnostics().get(0).message().contains("above the limit of 2^12"), e.render());
  }
}
