package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Sylvester's minors, det A and bᵀ adj(A) b of the Gaussian integrator, by Laplace expansion
 * (small matrices and sparse ones) or by fraction-free elimination (when the expansion's minors
 * pass the cap), against exact rational Gaussian elimination of the same matrix at random
 * rational values of its parameters: leading minors as products of pivots, bᵀA⁻¹b by solving
 * A w = b. Matrices are random sparse symmetric polynomial matrices in a few parameters,
 * diagonally dominant so that the numeric leading minors are positive.
 */
class GaussianMinorsTest {
  private static final ISymbol[] PARAMS = {F.Dummy("p1"), F.Dummy("p2"), F.Dummy("p3"), F.Dummy("p4")};
  private static final ISymbol[] SOURCES = {F.Dummy("x1"), F.Dummy("x2")};

  @Test
  void expansionAndEliminationAgreeWithRationalEliminationAtRandomValues() {
    long seed = 15;
    System.out.println("seed " + seed);
    Random rnd = new Random(seed);
    for (int trial = 0; trial < 15; trial++) {
      int k = 1 + trial % 5;
      IExpr[][] a = randomMatrix(rnd, k, trial % 3 == 0 ? 0.3 : 0.8);
      IExpr[] b = new IExpr[k];
      for (int i = 0; i < k; i++) b[i] = rnd.nextInt(4) == 0 ? F.C0 : Symja.eval(F.Plus(F.Times(entry(rnd), SOURCES[0]), F.Times(F.ZZ(rnd.nextInt(5) - 2), SOURCES[1])));
      List<ISymbol> u = units(k);
      GaussianIntegrator.Minors expanded = GaussianIntegrator.minors(a, b, u);
      GaussianIntegrator.Minors eliminated = GaussianIntegrator.minors(a, b, u, 0);
      for (int draw = 0; draw < 3; draw++) assertAtRandomValues(rnd, a, b, expanded, "trial " + trial + " expansion");
      for (int draw = 0; draw < 2; draw++) assertAtRandomValues(rnd, a, b, eliminated, "trial " + trial + " elimination");
    }
  }

  /**
   * A 12 × 12 dense matrix passes the cap on minors (715 column sets at the fourth row) and is
   * eliminated instead; a banded 14 × 14 one is expanded; a diagonal 31 × 31 one has more columns
   * (32 with the border) than an int has bits for column sets, and is eliminated.
   */
  @Test
  void largeMatricesEitherWayAgreeWithRationalElimination() {
    long seed = 16;
    System.out.println("seed " + seed);
    Random rnd = new Random(seed);
    for (int[] shape : new int[][] {{12, 12}, {14, 1}, {31, 0}}) {
      int k = shape[0], band = shape[1];
      IExpr[][] a = new IExpr[k][k];
      for (int i = 0; i < k; i++)
        for (int j = i; j < k; j++)
          a[i][j] = a[j][i] = i == j ? Symja.eval(F.Plus(F.ZZ(10L * k), PARAMS[0])) : j - i <= band ? Symja.eval(F.Times(F.ZZ(rnd.nextInt(3) - 1), PARAMS[i % 2])) : F.C0;
      IExpr[] b = new IExpr[k];
      for (int i = 0; i < k; i++) b[i] = SOURCES[i % 2];
      GaussianIntegrator.Minors m = GaussianIntegrator.minors(a, b, units(k));
      assertAtRandomValues(rnd, a, b, m, k + " x " + k + " band " + band);
    }
  }

  /** At random rational values where no leading minor vanishes (elimination without pivoting), redrawn until so. */
  private static void assertAtRandomValues(Random rnd, IExpr[][] a, IExpr[] b, GaussianIntegrator.Minors m, String what) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<IExpr> rules = new ArrayList<>();
      for (ISymbol s : PARAMS) rules.add(F.Rule(s, F.QQ(rnd.nextInt(21) - 10, 1 + rnd.nextInt(7))));
      for (ISymbol s : SOURCES) rules.add(F.Rule(s, F.QQ(rnd.nextInt(21) - 10, 1 + rnd.nextInt(7))));
      IExpr at = F.List(rules.toArray(new IExpr[0]));
      boolean regular = true;
      for (IExpr minor : m.leading()) regular &= !value(minor, at).isZero();
      if (regular) {
        assertAt(at, a, b, m, what);
        return;
      }
    }
    throw new AssertionError(what + ": no draw with nonzero leading minors");
  }

  private static void assertAt(IExpr at, IExpr[][] a, IExpr[] b, GaussianIntegrator.Minors m, String what) {
    int k = a.length;
    IRational[][] mat = new IRational[k][k];
    IRational[] vec = new IRational[k];
    for (int i = 0; i < k; i++) {
      vec[i] = value(b[i], at);
      for (int j = 0; j < k; j++) mat[i][j] = value(a[i][j], at);
    }
    // Gaussian elimination without pivoting (the leading minors are nonzero): minor j = product of the first j pivots.
    IRational[] w = vec.clone();
    IRational det = F.C1;
    assertEquals(k, m.leading().size(), what);
    for (int s = 0; s < k; s++) {
      IRational pivot = mat[s][s];
      assertTrue(!pivot.isZero(), what + ": zero pivot in the test matrix");
      det = det.multiply(pivot);
      same(det, value(m.leading().get(s), at), what + ": leading minor " + (s + 1));
      for (int i = s + 1; i < k; i++) {
        IRational f = mat[i][s].divideBy(pivot);
        for (int j = s; j < k; j++) mat[i][j] = mat[i][j].subtract(f.multiply(mat[s][j]));
        w[i] = w[i].subtract(f.multiply(w[s]));
      }
    }
    same(det, value(m.det(), at), what + ": det A");
    // Back substitution: x = A⁻¹b, and bᵀ adj(A) b = det A · bᵀx.
    IRational[] x = new IRational[k];
    IRational quad = F.C0;
    for (int i = k - 1; i >= 0; i--) {
      IRational s = w[i];
      for (int j = i + 1; j < k; j++) s = s.subtract(mat[i][j].multiply(x[j]));
      x[i] = s.divideBy(mat[i][i]);
      quad = quad.add(vec[i].multiply(x[i]));
    }
    same(det.multiply(quad), value(m.adjugateForm(), at), what + ": b^T adj(A) b");
  }

  /** A random symmetric matrix: diagonal 10k plus a small polynomial, off-diagonal entries present with the given density. */
  private static IExpr[][] randomMatrix(Random rnd, int k, double density) {
    IExpr[][] a = new IExpr[k][k];
    for (int i = 0; i < k; i++)
      for (int j = i; j < k; j++)
        a[i][j] = a[j][i] = i == j ? Symja.eval(F.Plus(F.ZZ(10L * k), entry(rnd))) : rnd.nextDouble() < density ? entry(rnd) : F.C0;
    return a;
  }

  /** A polynomial of one to three terms of degree ≤ 2 in the parameters, coefficients in [−2, 2]. */
  private static IExpr entry(Random rnd) {
    List<IExpr> terms = new ArrayList<>();
    for (int t = rnd.nextInt(3) + 1; t > 0; t--) {
      IExpr term = F.ZZ(rnd.nextInt(5) - 2);
      for (int d = rnd.nextInt(3); d > 0; d--) term = F.Times(term, PARAMS[rnd.nextInt(PARAMS.length)]);
      terms.add(term);
    }
    return Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
  }

  private static List<ISymbol> units(int k) {
    List<ISymbol> u = new ArrayList<>();
    for (int i = 0; i < k; i++) u.add(F.Dummy("u" + i));
    return u;
  }

  /** Exact equality of two rationals, whatever Symja's representation (small or big fraction). */
  private static void same(IRational expected, IRational actual, String what) {
    assertTrue(expected.subtract(actual).isZero(), what + ": expected " + expected + " but was " + actual);
  }

  private static IRational value(IExpr e, IExpr rules) {
    IExpr v = Symja.eval(F.ReplaceAll(e, rules));
    assertTrue(v.isRational(), "not a rational number: " + v);
    return (IRational) v;
  }
}
