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
  static double[] bruteForce(Blocking.Instance inst, List<ReducedHamiltonian.Term> terms, BlockRule rule) {
    int n = inst.fine().size(), nb = inst.coarse().size(), bs = inst.blocking().blockSize();
    double[] z = new double[1 << nb];
    for (int x = 0; x < 1 << n; x++) {
      double e = 0;
      for (ReducedHamiltonian.Term t : terms) {
        int p = 1;
        for (int s : t.sites()) p *= WalshProjector.spin(x, s);
        e += t.coefficient() * p;
      }
      for (int sp = 0; sp < z.length; sp++) {
        double w = Math.exp(e);
        for (int b = 0; b < nb && w > 0; b++) {
          int local = 0;
          for (int k = 0; k < bs; k++) if (WalshProjector.spin(x, inst.sites()[b][k]) < 0) local |= 1 << k;
          w *= rule.weight(WalshProjector.spin(sp, b), local);
        }
        z[sp] += w;
      }
    }
    for (int i = 0; i < z.length; i++) z[i] = Math.log(z[i]);
    return z;
  }

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
    double[] b = bruteForce(inst, terms, BlockRule.majority(3));
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);

    // Without the field the spin-flip shortcut is taken; it must give the same numbers.
    tri.remove(CouplingClass.field(Lattice.Kind.TRIANGULAR));
    List<ReducedHamiltonian.Term> even = new ReducedHamiltonian(Lattice.Kind.TRIANGULAR, tri).terms(inst.fine(), v);
    a = ExactBlockSum.renormalized(inst, even, BlockRule.majority(3));
    b = bruteForce(inst, even, BlockRule.majority(3));
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
    b = bruteForce(chain, ct, soft);
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);

    // Checkerboard decimation (18 sites): bonds depend on the kept site's block only through its
    // fixed spin, so the elimination drops that block from them; the sums must not change.
    ReducedHamiltonian ks = ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.SQUARE, k, h);
    Blocking.Instance board = Blocking.checkerboard().on(3);
    List<ReducedHamiltonian.Term> st = ks.terms(board.fine(), v);
    a = ExactBlockSum.renormalized(board, st, BlockRule.first());
    b = bruteForce(board, st, BlockRule.first());
    for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-10);
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
