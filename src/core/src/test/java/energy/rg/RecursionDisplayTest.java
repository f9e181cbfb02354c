package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import energy.algebra.Symja;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** The compact (φ, ψ) display and the flow view say the same as the substituted images. */
class RecursionDisplayTest {
  @Test
  void displayAgreesWithImages() {
    Symbol k = new Symbol("K", Context.DUMMY);
    Recursion r = CumulantExpansion.step(ReducedHamiltonian.nearestNeighbour(Lattice.Kind.TRIANGULAR, k), Blocking.triangles(), 2);
    r.lines().forEach(System.out::println);
    assertNotNull(r.display());
    IASTAppendable rules = F.ListAlloc();
    for (Map.Entry<ISymbol, IExpr> d : r.definitions().entrySet()) rules.append(F.Rule(d.getKey(), d.getValue()));
    for (double kv : new double[] {-0.3, 0.1, 0.4}) {
      IExpr compact = Symja.eval(F.ReplaceAll(r.display().images().get(0), rules));
      double a = energy.numeric.NumericFunction.compile(compact, r.couplings()).apply(new double[] {kv});
      assertEquals(r.apply(kv)[0], a, 1e-12);
    }
    Recursion.FlowView v = r.flowView();
    assertEquals(r.couplings(), v.couplings());
    assertEquals(Math.sqrt(3), v.scale(), 0);
  }
}
