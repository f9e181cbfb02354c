package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

class VariationalKernelTest {
  static final Symbol LAMBDA = new Symbol("lambda", Context.DUMMY);

  @Test
  void kadanoffKernelIsNormalized() {
    for (int b = 1; b <= 3; b++) {
      VariationalKernel.TraceCheck t = VariationalKernel.kadanoff(b, LAMBDA).traceCondition(List.of(LAMBDA), 3);
      System.out.println("Kadanoff b=" + b + " trace residuals " + t.residuals() + " symbolic=" + t.symbolic());
      assertTrue(t.holds());
    }
    assertTrue(VariationalKernel.mehtaSchwabDecimation(LAMBDA).traceCondition(List.of(LAMBDA), 3).holds());
  }

  /** Without its normalization the kernel violates the trace condition, and the check says so. */
  @Test
  void unnormalizedKernelFails() {
    VariationalKernel k = VariationalKernel.kadanoff(2, LAMBDA);
    VariationalKernel bare = new VariationalKernel(k.visible(), k.hidden(), F.Times(LAMBDA, k.hidden(), F.Plus(k.visible().get(0), k.visible().get(1))));
    VariationalKernel.TraceCheck t = bare.traceCondition(List.of(LAMBDA), 3);
    assertFalse(t.holds());
    assertTrue(t.maxResidual() > 0.1);
  }

  @Test
  void mehtaSchwabReproducesDecimation() {
    for (long seed = 1; seed <= 3; seed++) {
      RgChecks.Measured m = RgChecks.mehtaSchwab(seed);
      System.out.println(m);
      assertTrue(m.passed(), m.toString());
    }
  }

  /**
   * Kadanoff's kernel on blocks of 3 at λ → ∞ is the majority rule: the projected chain
   * couplings approach those of the majority-rule block sum, and at finite λ a field stays zero.
   */
  @Test
  void kadanoffKernelApproachesMajority() {
    Symbol k = new Symbol("K", Context.DUMMY);
    ReducedHamiltonian k0 = ReducedHamiltonian.nearestNeighbour(Lattice.Kind.CHAIN, k);
    Map<ISymbol, Double> values = new LinkedHashMap<>();
    values.put(k, 0.7);
    values.put(LAMBDA, 25.0);
    VariationalKernel.Projection p = VariationalKernel.kadanoff(3, LAMBDA).renormalize(k0, values, 6);
    Blocking.Instance inst = Blocking.chain(3).on(6);
    Map<ISymbol, Double> kv = Map.of(k, 0.7);
    double[] c = WalshProjector.transform(ExactBlockSum.renormalized(inst, k0.terms(inst.fine(), kv), BlockRule.majority(3)));
    CouplingClass nn = CouplingClass.pair(Lattice.Kind.CHAIN, 1);
    double majority = WalshProjector.couplings(inst.coarse(), c, List.of(nn)).get(nn);
    System.out.printf("Kadanoff b=3 lambda=25 K=0.7: K' = %.12f, majority K' = %.12f, residual %.3g%n",
        p.couplings().get(nn), majority, p.residual());
    assertEquals(majority, p.couplings().get(nn), 1e-9);
    assertEquals(0, p.couplings().get(CouplingClass.field(Lattice.Kind.CHAIN)), 1e-12);
  }
}
