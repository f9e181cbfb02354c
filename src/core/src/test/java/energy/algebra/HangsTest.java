package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.diag.CompileException;
import energy.diag.Source;
import energy.verify.Checker;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Inputs that once ran for minutes or gigabytes without a word. Each now finishes (checked
 * against an independent numeric route) or is refused up front with an estimate of its size.
 * The timeouts are hang guards only, far above the expected times.
 */
class HangsTest {
  private static final Duration GUARD = Duration.ofSeconds(90);

  private static void assertChecked(Compilation c, long seed) {
    System.out.println("seed " + seed);
    List<Checker.Report> reports = Checker.check(c, 3, seed);
    for (Checker.Report r : reports) assertTrue(r.passed(), r.name() + ": " + r);
  }

  /**
   * Without a temperature the field is a bare sum, and Symja matched its built-in rule
   * Cosh(iπ/2 + x_) against ln 2cosh(h₁ + … + h₂₀) by enumerating the sum's 2²⁰ partitions.
   */
  @Test
  void fieldOfTwentyParametersWithoutTemperature() {
    StringJoiner params = new StringJoiner(", "), sum = new StringJoiner(" + ");
    for (int i = 1; i <= 20; i++) {
      params.add("h" + i);
      sum.add("h" + i);
    }
    String src =
        "spin s\nparam " + params + "\nenergy H(s) = -(" + sum + ")*s\n"
            + "F = marginalize H over s\nZ = partition H\ncouplings H\ncouplings F\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<field>", src)));
    assertEquals(4, c.results().size());
    assertChecked(c, 20);
  }

  /** (Js₁ + s₂)³⁰s₁ is reduced by s² = 1 while it is multiplied out: Js₁-even powers stay on s₁. */
  @Test
  void powerOfASumOfSpinsIsReducedWhileExpanding() {
    String src =
        "spin s1, s2\nparam J\nenergy H(s1, s2) = (J*s1 + s2)^30*s1\n"
            + "F = marginalize H over s1, s2\ncouplings H\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<power>", src)));
    assertChecked(c, 30);
    // H = A s₁ + B s₂ with A, B the even and odd parts of (J + 1)³⁰: two fields, no pair.
    assertEquals(2, ((energy.result.Couplings) c.results().get(1)).couplings().size(), ((energy.result.Couplings) c.results().get(1)).couplings().toString());
  }

  /** Binary units and three spins under one power: b² = b, s² = 1, checked by enumeration. */
  @Test
  void powerOfAMixedSumIsReducedWhileExpanding() {
    String src =
        "spin s1, s2, s3\nbinary b\nparam J, K\n"
            + "energy H(s1, s2, s3, b) = 1/1000*(J*s1 + s2 - s3 + K*b)^12*(s1 + b)\nZ = partition H\ncouplings H\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<mixed>", src)));
    assertChecked(c, 12);
  }

  /** An RBM (32, 8) to order 6: 2.2·10⁷ monomials in W (6.4 GB measured), refused up front. */
  @Test
  void hugeExpansionIsRefusedWithAnEstimate() {
    String src = rbm(32, 8) + "G = expand F in W to order 6\n";
    CompileException e =
        assertTimeoutPreemptively(GUARD, () -> assertThrows(CompileException.class, () -> Compiler.compile(new Source("<rbm>", src))));
    String message = e.diagnostics().get(0).message();
    assertTrue(message.contains("about 2.2·10⁷ monomials"), e.render());
    assertTrue(e.diagnostics().get(0).hint().contains("order 4 has about 4.7·10⁵"), e.render());
    assertTrue(e.render().contains("<rbm>:8:1"), e.render());
  }

  /** The estimate behind the refusal counts the monomials in W of a small result exactly. */
  @Test
  void expansionSizeEstimateCountsTheResult() {
    int n = 4, m = 2, order = 4;
    Compilation c = Compiler.compile(new Source("<rbm>", rbm(n, m) + "G = expand F in W to order " + order + "\n"));
    long counted = 0;
    for (var k : ((energy.result.ExpandedCouplings) c.results().get(1)).couplings()) counted += monomialsIn(k.value(), "W");
    long formula = 0;
    for (int j = 0; j < m; j++)
      for (int d = 1; d <= order; d++) formula += binomial(n + d - 1, d);
    assertEquals(formula, counted);
  }

  /**
   * The exact couplings of an RBM (12, 4) hold 4·2¹²·2¹² logarithms: refused with the count,
   * where it once ran for minutes without a word.
   */
  @Test
  void hugeExactCouplingsAreRefusedWithAnEstimate() {
    String src =
        "dim n = 12, m = 4\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\n"
            + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\ncouplings F\n";
    CompileException e =
        assertTimeoutPreemptively(GUARD, () -> assertThrows(CompileException.class, () -> Compiler.compile(new Source("<rbm>", src))));
    assertTrue(e.diagnostics().get(0).message().contains("about 6.7·10⁷ values"), e.render());
    assertTrue(e.render().contains("<rbm>:7:1"), e.render());
  }

  /**
   * The projection's weights (½ and ½s per spin, Möbius ±1 per binary unit) on a term over
   * spins and binary units together, against the checker's brute-force projection; six units
   * in one ln 2cosh once took minutes.
   */
  @Test
  void exactCouplingsOverSpinsAndBinaryUnits() {
    String src =
        "dim n = 4, k = 2, m = 1\nspin v[n]\nbinary u[k]\nspin h[m]\nparam a[n], c[k], b[m], W[n,m], U[k,m]\n"
            + "energy E(v, u, h) = -a.v - c.u - b.h - v.W.h - u.U.h\nF = marginalize E over h\ncouplings F\ncouplings F up to 2\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<mixed>", src)));
    assertChecked(c, 6);
  }

  static String rbm(int n, int m) {
    return "dim n = " + n + ", m = " + m + "\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\n";
  }

  /** Leaf monomials mentioning a symbol whose name starts with {@code prefix}. */
  private static long monomialsIn(org.matheclipse.core.interfaces.IExpr e, String prefix) {
    if (e.isPlus()) {
      long s = 0;
      for (var a : Symja.args(e)) s += monomialsIn(a, prefix);
      return s;
    }
    if (e.isTimes()) {
      long most = 0;
      for (var a : Symja.args(e)) if (a.isPlus()) most = Math.max(most, monomialsIn(a, prefix));
      return most > 0 ? most : mentions(e, prefix) ? 1 : 0;
    }
    return mentions(e, prefix) ? 1 : 0;
  }

  private static boolean mentions(org.matheclipse.core.interfaces.IExpr e, String prefix) {
    if (e.isSymbol()) return e.toString().startsWith(prefix);
    for (var a : Symja.args(e)) if (mentions(a, prefix)) return true;
    return false;
  }

  private static long binomial(int a, int k) {
    long c = 1;
    for (int i = 1; i <= k; i++) c = c * (a - k + i) / i;
    return c;
  }
}
