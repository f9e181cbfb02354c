package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.algebra.SymbolTable;
import energy.diag.Source;
import energy.numeric.NumericFunction;
import energy.rg.ChainDecimation;
import energy.rg.Recursion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * examples/mehta-schwab.energy reproduces 'rg decimate': the coupling of the hidden spins in
 * the RBM's marginal, J = −¼ Σ_h h₁h₂ H′(h), equals the decimation K′ = ½ ln cosh 2K up to
 * O(e^{−2λ}), at random K and λ = 20.
 */
class MehtaSchwabTest {
  @Test
  void largeLambdaGivesTheDecimationCoupling() throws Exception {
    Path file = Path.of("examples/mehta-schwab.energy");
    Compilation c = Compiler.compile(new Source(file.toString(), Files.readString(file)));
    energy.result.Marginal hp = (energy.result.Marginal) c.result("Hp");
    SymbolTable s = c.symbols();
    List<ISymbol> order = new ArrayList<>(List.of(s.component("K").symbol(), s.component("lambda").symbol()));
    order.addAll(List.of(s.component("h1").symbol(), s.component("h2").symbol()));
    NumericFunction h = NumericFunction.compile(hp.value(), order);
    Recursion decimation = ChainDecimation.step(new Symbol("K", Context.DUMMY), null, 2);
    long seed = 20261123L;
    System.out.println("MehtaSchwabTest seed " + seed);
    Random random = new Random(seed);
    for (int trial = 0; trial < 5; trial++) {
      double k = 0.1 + 1.4 * random.nextDouble();
      double j = 0;
      for (int h1 = -1; h1 <= 1; h1 += 2)
        for (int h2 = -1; h2 <= 1; h2 += 2) j -= 0.25 * h1 * h2 * h.apply(new double[] {k, 20, h1, h2});
      assertEquals(decimation.apply(k)[0], j, 1e-12, "K = " + k);
      assertEquals(0.5 * Math.log(Math.cosh(2 * k)), j, 1e-12, "K = " + k);
    }
  }
}
