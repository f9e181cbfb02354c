package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixSimplifier.simplify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;

/** Random expression trees, checked against Symja's component computations at random values. */
class MatrixPropertyTest {
  static final int TREES = 250;

  @Test
  void simplifyPreservesValue() {
    long seed = RandomMatrices.seed("simplifyPreservesValue");
    RandomMatrices g = new RandomMatrices(new Random(seed));
    int changed = 0;
    for (int t = 0; t < TREES; t++) {
      g.reset();
      MatrixExpr e = g.gen(g.dim(), g.dim(), 3);
      MatrixExpr s = simplify(e);
      if (!s.equals(e)) changed++;
      String what = "tree " + t + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(e) + "  ~>  " + MatrixPrinter.TEXT.print(s);
      assertEquals(e.rows(), s.rows(), what);
      assertEquals(e.cols(), s.cols(), what);
      Instantiation inst = g.numeric();
      RandomMatrices.assertClose(inst.entries(e), inst.entries(s), what);
      assertEquals(s, simplify(s), "idempotent: " + what);
    }
    assertTrue(changed > TREES / 2, "the simplifier changed only " + changed + " trees");
  }

  /** Whatever the recogniser calls symmetric is symmetric in components. */
  @Test
  void recognisedSymmetryHolds() {
    long seed = RandomMatrices.seed("recognisedSymmetryHolds");
    RandomMatrices g = new RandomMatrices(new Random(seed));
    int nontrivial = 0;
    for (int t = 0; t < TREES; t++) {
      g.reset();
      Size n = g.dim();
      MatrixExpr root = t % 2 == 0 ? g.symmetricish(n, 2) : g.gen(n, n, 3);
      for (MatrixExpr e : RandomMatrices.subexpressions(root)) {
        for (MatrixExpr f : new MatrixExpr[] {e, simplify(e)}) {
          if (!f.isSymmetric()) continue;
          if (!(f instanceof MatrixExpr.Named) && !f.rows().equals(Size.ONE)) nontrivial++;
          Instantiation inst = g.numeric();
          IExpr[][] a = inst.entries(f);
          IExpr[][] at = new IExpr[a.length][a.length];
          for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) at[i][j] = a[j][i];
          RandomMatrices.assertClose(a, at, "tree " + t + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(f) + " called symmetric");
        }
      }
    }
    assertTrue(nontrivial > TREES, "only " + nontrivial + " non-trivial symmetric matrices recognised");
  }
}
