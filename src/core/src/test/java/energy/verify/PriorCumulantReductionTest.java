package energy.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.result.PriorCumulants;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.diag.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A unit's prior is its self-energy on the units' domains: with z a spin, z·y·z = y is a field
 * on y (z² = 1). Found by the fuzzer as a wrong answer; the compiled κₙ were right and the check
 * was wrong: it read the prior with every other unit at 0, which for a spin is outside its
 * domain and drops z²·y. The prior is now read by averaging E over each other spin's two states
 * (which keeps exactly the monomials free of it after s² = 1) with the other units at 0.
 */
class PriorCumulantReductionTest {
  @Test
  void fieldWrittenThroughASpinSquaredIsInThePrior() {
    String src = "binary y\nspin z\nparam c1\nenergy E(y, z) = z*y*z - c1\nP = cumulant 2 of y in E\n";
    Compilation c = Compiler.compile(new Source("<prior>", src));
    // By hand: E = y − c1 on the domains, β = 1, so P(y = 1) = e^{−1}/(1 + e^{−1}) and κ₂ = p(1 − p).
    double p = Math.exp(-1) / (1 + Math.exp(-1));
    double got = Symja.eval(F.N(((PriorCumulants) c.results().get(0)).cumulants().get(0).value())).evalf();
    assertEquals(p * (1 - p), got, 1e-12);
    for (Checker.Report r : Checker.check(c, 5, 7)) assertTrue(r.passed(), r.toString());
  }

  @Test
  void checkStillCatchesAPriorThatMissesTheField() {
    String src = "binary y\nspin z\nparam c1\nenergy E(y, z) = z*y*z - c1\nP = cumulant 2 of y in E\n";
    Compilation c = Compiler.compile(new Source("<prior>", src));
    PriorCumulants k = (PriorCumulants) c.results().get(0);
    CumulantExpansion.Cumulant right = k.cumulants().get(0);
    IExpr fieldless = F.QQ(1, 4); // κ₂ of a binary unit with no field
    PriorCumulants bad = new PriorCumulants(
        k.query(), List.of(new CumulantExpansion.Cumulant(right.symbol(), right.order(), right.unit(), fieldless)), k.cgfs(), k.conditions(), k.source());
    Compilation sabotaged = new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(bad));
    assertFalse(Checker.check(sabotaged, 5, 7).get(0).passed());
  }

  /** The same reduction in 'expand' (self-energies and couplings) and in the priors, checked together. */
  @Test
  void squaredSpinsInAnRbmAgreeWithEnumeration() {
    String src = "dim n = 2, m = 2\nspin v[n]\nbinary h[m]\nreal r\nparam a[n], b[m], W[n,m], c, d\ntemperature beta\n"
        + "energy E(v, h, r) = -a.v - b.h - v.W.h - c*v[1]*h[1]*v[1] + c*v[2]*v[2]*h[2]*h[2] + 1/2*r^2 - d*r*v[1]^2\n"
        + "F = marginalize E over h\nG = expand F in W to order 3\nK = cumulant 2 of h in E\nKr = cumulant 2 of r in E\n";
    Compilation c = Compiler.compile(new Source("<rbm>", src));
    List<Checker.Report> reports = Checker.check(c, 5, 7);
    assertEquals(4, reports.size(), reports.toString());
    for (Checker.Report r : reports) assertTrue(r.passed(), r.toString());
  }

  /** Averaging over 2ⁿ states of the other spins is bounded: past 12 the check says it skipped, it does not run for minutes. */
  @Test
  void manyOtherSpinsAreSkippedWithAReason() {
    String src = "dim n = 13\nbinary y\nspin z[n]\nparam c[n]\nenergy E(y, z) = -c.z*y\nP = cumulant 2 of y in E\n";
    Checker.Report r = Checker.check(Compiler.compile(new Source("<prior>", src)), 3, 7).get(0);
    assertTrue(r.skipped() != null && r.skipped().contains("13 spins"), r.toString());
  }
}
