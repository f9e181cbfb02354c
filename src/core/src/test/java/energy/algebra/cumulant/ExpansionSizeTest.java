package energy.algebra.cumulant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.algebra.CouplingExtractor;
import energy.diag.CompileException;
import energy.diag.Source;
import energy.result.ExpandedCouplings;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The size an expansion is refused by is its real size: the estimated number of monomials in W
 * equals the number counted in the computed couplings (fully expanded by Symja), and the limit
 * can be raised.
 */
class ExpansionSizeTest {
  static String rbm(int n, int m, int k, String visible, String hidden) {
    return "dim n = " + n + ", m = " + m + "\n" + visible + " v[n]\n" + hidden + " h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\nG = expand F in W to order " + k + "\n";
  }

  /** Monomials in W of the couplings, by Symja's Expand: terms free of W (ln Z, the fields a) do not count. */
  static long counted(ExpandedCouplings g) {
    long count = 0;
    for (CouplingExtractor.Coefficient c : g.couplings()) {
      IExpr e = F.eval(F.Expand(c.value()));
      for (IExpr t : e.isPlus() ? energy.algebra.Symja.args(e) : java.util.List.of(e))
        if (!t.isFree(x -> x.isSymbol() && ((org.matheclipse.core.interfaces.ISymbol) x).getSymbolName().startsWith("W["), false)) count++;
    }
    return count;
  }

  /** The estimate a refusal states (exact below 10⁴). */
  static long estimated(String source) {
    System.setProperty(CumulantExpansion.LIMIT_PROPERTY, "0");
    try {
      CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<rbm>", source)));
      Matcher m = Pattern.compile("would have about (\\d+) monomials").matcher(e.diagnostics().get(0).message());
      assertTrue(m.find(), e.render());
      return Long.parseLong(m.group(1));
    } finally {
      System.clearProperty(CumulantExpansion.LIMIT_PROPERTY);
    }
  }

  @Test
  void theEstimateIsTheCountOnSmallExpansions() {
    long seed = 20261127L;
    System.out.println("seed " + seed);
    Random random = new Random(seed);
    for (int trial = 0; trial < 6; trial++) {
      int n = 2 + random.nextInt(4), m = 1 + random.nextInt(3), k = 1 + random.nextInt(5);
      String visible = random.nextBoolean() ? "spin" : "binary", hidden = random.nextBoolean() ? "spin" : "binary";
      String source = rbm(n, m, k, visible, hidden);
      Compilation c = Compiler.compile(new Source("<rbm>", source));
      long count = counted((ExpandedCouplings) c.results().get(1));
      assertEquals(count, estimated(source), source);
    }
  }

  @Test
  void aLargeExpansionIsRefusedWithItsSizeAndAHint() {
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<rbm>", rbm(32, 8, 6, "spin", "binary"))));
    String all = e.render();
    // 8 hidden units, each Σ_{n ≤ 6} C(31 + n, n) monomials in its 32 couplings.
    long expected = 0;
    for (int n = 1; n <= 6; n++) {
      java.math.BigInteger c = java.math.BigInteger.ONE;
      for (int i = 1; i <= n; i++) c = c.multiply(java.math.BigInteger.valueOf(31 + i)).divide(java.math.BigInteger.valueOf(i));
      expected += 8 * c.longValueExact();
    }
    String mantissa = String.format(java.util.Locale.ROOT, "%.1f·10⁷", expected / 1e7);
    assertTrue(all.contains("would have about " + mantissa + " monomials"), all);
    assertTrue(all.contains("lower the order (order 4 has about"), all);
    assertTrue(all.contains("-D" + CumulantExpansion.LIMIT_PROPERTY + "="), all);
  }

  @Test
  void aRaisedLimitLetsTheExpansionThrough() {
    String source = rbm(6, 2, 3, "spin", "binary");
    long size = estimated(source);
    System.setProperty(CumulantExpansion.LIMIT_PROPERTY, String.valueOf(size));
    try {
      Compilation c = Compiler.compile(new Source("<rbm>", source));
      assertEquals(size, counted((ExpandedCouplings) c.results().get(1)));
      System.setProperty(CumulantExpansion.LIMIT_PROPERTY, String.valueOf(size - 1));
      assertThrows(CompileException.class, () -> Compiler.compile(new Source("<rbm>", source)));
    } finally {
      System.clearProperty(CumulantExpansion.LIMIT_PROPERTY);
    }
  }
}
