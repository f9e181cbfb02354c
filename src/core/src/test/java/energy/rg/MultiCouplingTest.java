package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * "Keep" instead of "truncate": the cumulant step with further-neighbour couplings in 𝒦, against
 * enumeration along rays of its power counting (further neighbours ∝ K², {@link
 * CumulantExpansion#power}), so order n must miss by K^{n+1}.
 */
class MultiCouplingTest {
  static ReducedHamiltonian pairs(Lattice.Kind kind, Symbol... k) {
    Map<CouplingClass, IExpr> m = new LinkedHashMap<>();
    for (int s = 0; s < k.length; s++) m.put(CouplingClass.pair(kind, s + 1), k[s]);
    return new ReducedHamiltonian(kind, m);
  }

  static double slope(Recursion r, ReducedHamiltonian k0, Blocking.Instance inst, BlockRule rule, double[] dir) {
    double[] ks = {0.005, 0.01, 0.02, 0.04};
    double[] e = new double[ks.length];
    for (int j = 0; j < ks.length; j++) {
      double[] v = new double[dir.length];
      for (int i = 0; i < v.length; i++) v[i] = Math.pow(ks[j], CumulantExpansion.power(r.classes().get(i))) * dir[i];
      e[j] = RgChecks.monomialError(r, k0, inst, rule, v);
    }
    System.out.println("errors " + java.util.Arrays.toString(e));
    return Math.log(e[3] / e[0]) / Math.log(8);
  }

  /**
   * Majority blocks of 3 on the chain with K, K2, K3: a 30-site ring (10 blocks) is wider than
   * any second-order cluster, so the error must fall as K³ (order 2) and K² (order 1).
   */
  @Test
  void chainBlocksWithThreeCouplings() {
    Symbol k1 = new Symbol("K", Context.DUMMY), k2 = new Symbol("K2", Context.DUMMY), k3 = new Symbol("K3", Context.DUMMY);
    ReducedHamiltonian k0 = pairs(Lattice.Kind.CHAIN, k1, k2, k3);
    Blocking.Instance inst = Blocking.chain(3).on(10);
    double[] dir = {1, 0.6, -0.4};
    for (int order = 1; order <= 2; order++) {
      Recursion r = CumulantExpansion.step(k0, Blocking.chain(3), order);
      double s = slope(r, k0, inst, BlockRule.majority(3), dir);
      System.out.printf("chain blocks of 3, K,K2,K3, order %d: slope %.4f; generated %s%n", order, s, r.generated().keySet());
      assertEquals(order + 1, s, 0.2);
    }
  }

  /**
   * NvL with K, K2, K3 kept. First order has the textbook structure K' = φ²(2K + 3K2 + 2K3),
   * K2' = φ²K3, K3' = 0 (checked numerically). At second order the error falls as K³ (K2, K3
   * ∝ K² enter at first order only, so no pair of K3 bonds wraps around the 27-site torus).
   */
  @Test
  void nvlWithThreeCouplings() {
    Symbol k1 = new Symbol("K", Context.DUMMY), k2 = new Symbol("K2", Context.DUMMY), k3 = new Symbol("K3", Context.DUMMY);
    ReducedHamiltonian k0 = pairs(Lattice.Kind.TRIANGULAR, k1, k2, k3);
    Recursion r1 = CumulantExpansion.step(k0, Blocking.triangles(), 1);
    java.util.Random random = new java.util.Random(99);
    for (int i = 0; i < 10; i++) {
      double k = random.nextDouble() - 0.3, l = 0.2 * random.nextGaussian(), m = 0.2 * random.nextGaussian();
      double phi = (Math.exp(3 * k) + Math.exp(-k)) / (Math.exp(3 * k) + 3 * Math.exp(-k));
      double[] img = r1.apply(k, l, m);
      assertEquals(phi * phi * (2 * k + 3 * l + 2 * m), img[0], 1e-12);
      assertEquals(phi * phi * m, img[1], 1e-12);
      assertEquals(0, img[2], 1e-12);
    }
    Recursion r2 = CumulantExpansion.step(k0, Blocking.triangles(), 2);
    System.out.println("NvL order 2 with K, K2, K3 generates " + r2.generated().keySet());
    double s = slope(r2, k0, Blocking.triangles().on(3), BlockRule.majority(3), new double[] {1, 0.3, -0.2});
    System.out.printf("NvL K,K2,K3 order 2: slope %.4f%n", s);
    assertEquals(3, s, 0.25);
  }
}
