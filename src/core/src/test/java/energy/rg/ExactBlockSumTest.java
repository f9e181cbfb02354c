package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/** The block-by-block elimination against a plain loop over all 2^N fine configurations. */
class ExactBlockSumTest {
  @Test
  void matchesBruteForce() {
    long seed = 20261123L;
    System.out.println("ExactBlockSumTest seed " + seed);
    Random r = new Random(seed);
    ISymbol k = new Symbol("K", Context.DUMMY), k2 = new Symbol("K2", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    // Triangles on the 12-site torus with NN, NNN and a field; the chain with a Kadanoff-like soft rule.
    Map<CouplingClass, org.matheclipse.core.interfaces.IExpr> tri = new LinkedHashMap<>();
    tri.put(CouplingClass.pair(Lattice.Kind.TRIANGULAR, 1), k);
    tri.put(CouplingClass.pair(Lattice.Kind.TRIANGULAR, 2), k2);
    tri.put(CouplingClass.field(Lattice.Kind.TRIANGULAR), h);
    ReducedHamiltonian kt = new ReducedHamiltonian(Lattice.Kind.TRIANGULAR, tri);
    Map<ISymbol, Double> v = new LinkedHashMap<>();
    v.put(k, r.nextDouble());
    v.put(k2, r.nextDouble() - 0.5);
    v.put(h, r.nextDouble() - 0.5);
    Blocking.Instance inst = Blocking.triangles().on(2);
    List<ReducedHamiltonian.Term> terms = kt.terms(inst.fine(), v);
    double[] a = ExactBlockSum.renormalized(inst, terms, BlockRule.majority(3));
    double[] b = enumerate(inst, terms, BlockRule.majority(3));
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);

    // Without the field the spin-flip shortcut is taken; it must give the same numbers.
    tri.remove(CouplingClass.field(Lattice.Kind.TRIANGULAR));
    List<ReducedHamiltonian.Term> even = new ReducedHamiltonian(Lattice.Kind.TRIANGULAR, tri).terms(inst.fine(), v);
    a = ExactBlockSum.renormalized(inst, even, BlockRule.majority(3));
    b = enumerate(inst, even, BlockRule.majority(3));
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);

    double lam = r.nextDouble();
    BlockRule soft = (sp, x) -> {
      int m = 3 - 2 * Integer.bitCount(x);
      return Math.exp(lam * sp * m) / (2 * Math.cosh(lam * m));
    };
    ReducedHamiltonian kc = ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.CHAIN, k, h);
    Blocking.Instance chain = Blocking.chain(3).on(4);
    List<ReducedHamiltonian.Term> ct = kc.terms(chain.fine(), v);
    a = ExactBlockSum.renormalized(chain, ct, soft);
    b = enumerate(chain, ct, soft);
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);

    // Checkerboard decimation (18 sites): bonds depend on the kept site's block only through its
    // fixed spin, so the elimination drops that block from them; the sums must not change.
    ReducedHamiltonian ks = ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.SQUARE, k, h);
    Blocking.Instance board = Blocking.checkerboard().on(3);
    List<ReducedHamiltonian.Term> st = ks.terms(board.fine(), v);
    a = ExactBlockSum.renormalized(board, st, BlockRule.first());
    b = enumerate(board, st, BlockRule.first());
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);
  }

  /**
   * Σ over all 2^N fine configurations, each weighted into the block configurations its rule
   * allows (the blocks' weights per spin first, zero weights skipped): fast enough for 18 sites.
   */
  static double[] enumerate(Blocking.Instance inst, List<ReducedHamiltonian.Term> terms, BlockRule rule) {
    int n = inst.fine().size(), nb = inst.coarse().size(), bs = inst.blocking().blockSize();
    double[] z = new double[1 << nb];
    double[][] w = new double[nb][2];
    for (int x = 0; x < 1 << n; x++) {
      double e = 0;
      for (ReducedHamiltonian.Term t : terms) {
        int p = 1;
        for (int s : t.sites()) p *= WalshProjector.spin(x, s);
        e += t.coefficient() * p;
      }
      for (int b = 0; b < nb; b++) {
        int local = 0;
        for (int k = 0; k < bs; k++) if (WalshProjector.spin(x, inst.sites()[b][k]) < 0) local |= 1 << k;
        w[b][0] = rule.weight(1, local);
        w[b][1] = rule.weight(-1, local);
      }
      spread(z, w, 0, 0, Math.exp(e));
    }
    for (int i = 0; i < z.length; i++) z[i] = Math.log(z[i]);
    return z;
  }

  private static void spread(double[] z, double[][] w, int b, int sp, double weight) {
    if (b == w.length) {
      z[sp] += weight;
      return;
    }
    for (int bit = 0; bit < 2; bit++)
      if (w[b][bit] > 0) spread(z, w, b + 1, sp | bit << b, weight * w[b][bit]);
  }

  /**
   * Random translation-invariant energies (fields, pairs of three shells, triangles or
   * plaquettes, a random cluster of 3 or 4 sites) on every blocking at sizes enumeration
   * affords, majority, decimating and soft rules: the elimination over mask patterns must give
   * the enumerated sums.
   */
  @Test
  void randomEnergiesMatchEnumeration() {
    long seed = System.nanoTime();
    System.out.println("ExactBlockSumTest.randomEnergiesMatchEnumeration seed " + seed);
    Random r = new Random(seed);
    List<Case> cases = List.of(
        new Case(Blocking.triangles().on(2), BlockRule.majority(3)),
        new Case(Blocking.squares(3).on(1), BlockRule.majority(9)),
        new Case(Blocking.checkerboard().on(2), BlockRule.first()),
        new Case(Blocking.chain(3).on(4), BlockRule.majority(3)),
        new Case(Blocking.chain(5).on(3), BlockRule.first()),
        new Case(Blocking.chain(3).on(5), softRule(3, 0.3 + r.nextDouble())));
    for (Case c : cases) {
      for (int round = 0; round < 3; round++) {
        Lattice.Kind kind = c.inst().fine().kind();
        List<CouplingClass> classes = new java.util.ArrayList<>();
        if (round != 1) classes.add(CouplingClass.field(kind)); // round 1: even, the spin-flip shortcut
        for (int shell = 1; shell <= 3; shell++) classes.add(CouplingClass.pair(kind, shell));
        if (kind == Lattice.Kind.TRIANGULAR && round != 1) classes.add(CouplingClass.triangle());
        if (kind == Lattice.Kind.SQUARE) classes.add(CouplingClass.plaquette());
        classes.add(CouplingClass.of(kind, randomCluster(r, kind == Lattice.Kind.CHAIN, round == 1 ? 4 : 3 + r.nextInt(2))));
        List<ReducedHamiltonian.Term> terms = new java.util.ArrayList<>();
        for (CouplingClass k : classes) {
          double coefficient = r.nextDouble() - 0.5;
          for (int[] sites : k.instances(c.inst().fine())) terms.add(new ReducedHamiltonian.Term(coefficient, sites));
        }
        assertSame(c, terms, "round " + round);
      }
      // A few random terms repeated on every block only: sites no term touches stay summed over
      // by the rule's weights alone, and the blocks' patterns are then proper restrictions.
      for (int round = 0; round < 3; round++) {
        List<ReducedHamiltonian.Term> terms = blockPeriodic(r, c.inst(), 1 + r.nextInt(3));
        assertSame(c, terms, "block-periodic round " + round);
      }
    }
  }

  private record Case(Blocking.Instance inst, BlockRule rule) {}

  private static void assertSame(Case c, List<ReducedHamiltonian.Term> terms, String what) {
    double[] a = ExactBlockSum.renormalized(c.inst(), terms, c.rule());
    double[] b = enumerate(c.inst(), terms, c.rule());
    for (int i = 0; i < a.length; i++)
      assertEquals(b[i], a[i], 1e-10 * Math.max(1, Math.abs(b[i])), c.inst().fine() + " " + what + " σ' " + i);
  }

  // Terms of 1 to 3 random sites, each with its images under every translation of the blocks.
  private static List<ReducedHamiltonian.Term> blockPeriodic(Random r, Blocking.Instance inst, int count) {
    Lattice coarse = inst.coarse();
    List<ReducedHamiltonian.Term> out = new java.util.ArrayList<>();
    for (int t = 0; t < count; t++) {
      int[] sites = new int[1 + r.nextInt(3)];
      for (int k = 0; k < sites.length; k++) sites[k] = r.nextInt(inst.fine().size());
      double coefficient = 2 * r.nextDouble() - 1;
      for (int d = 0; d < coarse.size(); d++) {
        int[] image = new int[sites.length];
        for (int k = 0; k < sites.length; k++) {
          int s = sites[k];
          image[k] = inst.sites()[coarse.shift(inst.blockOf()[s], coarse.x(d), coarse.y(d))][inst.local()[s]];
        }
        out.add(new ReducedHamiltonian.Term(coefficient, image));
      }
    }
    return out;
  }

  // Distinct sites within distance 2 of the origin (on the chain: y = 0).
  private static int[][] randomCluster(Random r, boolean chain, int size) {
    java.util.Set<List<Integer>> sites = new java.util.LinkedHashSet<>();
    sites.add(List.of(0, 0));
    while (sites.size() < size) sites.add(List.of(r.nextInt(5) - 2, chain ? 0 : r.nextInt(5) - 2));
    return sites.stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new);
  }

  // Kadanoff's soft rule: p(σ'|χ) = e^{λσ'm}/2cosh(λm) with m the block magnetization.
  private static BlockRule softRule(int size, double lambda) {
    return (sp, x) -> {
      int m = size - 2 * Integer.bitCount(x);
      return Math.exp(lambda * sp * m) / (2 * Math.cosh(lambda * m));
    };
  }

  /**
   * The fuzz finding: 3 × 3 square blocks on the 36-site torus took seconds of CPU per sum (over
   * 20 s for a check). The majority rule gives every χ exactly one σ', so Σ_σ' e^{𝒦'(σ')} is the
   * whole partition function, here ln Tr T⁶ of the 64-state column transfer matrix.
   */
  @Test
  void squareBlocksOfNineSumToTheTransferMatrixTrace() {
    long seed = System.nanoTime();
    System.out.println("ExactBlockSumTest.squareBlocksOfNineSumToTheTransferMatrixTrace seed " + seed);
    Random r = new Random(seed);
    Blocking.Instance inst = Blocking.squares(3).on(2);
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    ExactBlockSum.renormalized(inst, List.of(), BlockRule.majority(9)); // classes loaded
    long start = cpu.getCurrentThreadCpuTime();
    for (int round = 0; round < 4; round++) {
      double k = r.nextDouble() - 0.5, h = round % 2 == 0 ? 0 : 0.6 * r.nextDouble() - 0.3;
      List<ReducedHamiltonian.Term> terms = new java.util.ArrayList<>();
      for (int[] sites : CouplingClass.pair(Lattice.Kind.SQUARE, 1).instances(inst.fine())) terms.add(new ReducedHamiltonian.Term(k, sites));
      if (h != 0) for (int[] sites : CouplingClass.field(Lattice.Kind.SQUARE).instances(inst.fine())) terms.add(new ReducedHamiltonian.Term(h, sites));
      double[] z = ExactBlockSum.renormalized(inst, terms, BlockRule.majority(9));
      double max = Double.NEGATIVE_INFINITY, sum = 0;
      for (double x : z) max = Math.max(max, x);
      for (double x : z) sum += Math.exp(x - max);
      double expected = logTrace(k, h, 6);
      assertEquals(expected, max + Math.log(sum), 1e-10 * Math.abs(expected), "K " + k + " h " + h);
    }
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    System.out.println("4 sums over 3 x 3 square blocks: " + seconds + " s CPU");
    org.junit.jupiter.api.Assertions.assertTrue(seconds < 2, "4 sums took " + seconds + " s of CPU");
  }

  // ln Tr T^n on the n × n torus, T(c, c') = e^{K Σ s s' + (E(c) + E(c'))/2}, E(c) = K Σ s_y s_{y+1} + h Σ s_y.
  private static double logTrace(double k, double h, int n) {
    int states = 1 << n;
    double[][] t = new double[states][states];
    double[] own = new double[states];
    for (int c = 0; c < states; c++)
      for (int y = 0; y < n; y++) own[c] += k * WalshProjector.spin(c, y) * WalshProjector.spin(c, (y + 1) % n) + h * WalshProjector.spin(c, y);
    for (int c = 0; c < states; c++)
      for (int d = 0; d < states; d++) {
        double e = (own[c] + own[d]) / 2;
        for (int y = 0; y < n; y++) e += k * WalshProjector.spin(c, y) * WalshProjector.spin(d, y);
        t[c][d] = Math.exp(e);
      }
    double[][] m = t;
    double logScale = 0;
    for (int step = 1; step < n; step++) {
      double[][] next = new double[states][states];
      double max = 0;
      for (int a = 0; a < states; a++)
        for (int b = 0; b < states; b++) {
          double s = 0;
          for (int c = 0; c < states; c++) s += m[a][c] * t[c][b];
          next[a][b] = s;
          max = Math.max(max, s);
        }
      for (double[] row : next) for (int b = 0; b < states; b++) row[b] /= max;
      logScale += Math.log(max);
      m = next;
    }
    double trace = 0;
    for (int a = 0; a < states; a++) trace += m[a][a];
    return logScale + Math.log(trace);
  }

  @Test
  void walshTransformRecoversCoefficients() {
    Random r = new Random(7);
    int n = 6;
    double[] c = new double[1 << n];
    for (int i = 0; i < c.length; i++) c[i] = r.nextGaussian();
    double[] f = new double[c.length];
    for (int x = 0; x < f.length; x++)
      for (int s = 0; s < c.length; s++) f[x] += c[s] * (Integer.bitCount(s & x) % 2 == 0 ? 1 : -1);
    double[] back = WalshProjector.transform(f);
    for (int i = 0; i < c.length; i++) assertEquals(c[i], back[i], 1e-12);
  }
}
