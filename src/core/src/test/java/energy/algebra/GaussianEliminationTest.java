package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import energy.Compilation;
import energy.Compiler;
import energy.result.Marginal;
import energy.diag.Source;
import energy.numeric.NumericFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Gaussian integrals over symbolic matrices of size 4 to 8, which once ran for minutes and
 * gigabytes in Symja's Det and adjugate minors. Each result H' is compared at random values
 * with −β⁻¹ ln ∫ e^{−βH} from the closed Gaussian formula evaluated here in doubles (Cholesky),
 * and each Sylvester condition with the leading minors of the numeric matrix. The timeouts are
 * hang guards only.
 */
class GaussianEliminationTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  /**
   * The three-layer DBM with 2 + 4 + 4 units: H0 against the joint Gaussian over all 8 real
   * units, M = [[𝟙, −B], [−Bᵀ, 𝟙]], c = (Aᵀx, 0), not the two integrals the compiler chains.
   */
  @Test
  void threeLayerDbmWithFourAndFourHiddenUnits() {
    int n = 2, m = 4, p = 4;
    String src =
        "dim n = " + n + ", m = " + m + ", p = " + p + "\nspin x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\n"
            + "temperature beta\nenergy H(x, y, z) = -a.x + 1/2*(y.y + z.z) - x.A.y - y.B.z\n"
            + "H1 = marginalize H over z\nH0 = marginalize H1 over y\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<dbm3>", src)));
    long seed = 44;
    System.out.println("seed " + seed);
    Random rnd = new Random(seed);
    for (int trial = 0; trial < 5; trial++) {
      Map<String, Double> v = new HashMap<>();
      double beta = 0.5 + 1.5 * rnd.nextDouble();
      double[][] mat = new double[m + p][m + p];
      double[] lin = new double[m + p];
      double h0 = 0;
      for (int i = 0; i < m + p; i++) mat[i][i] = 1;
      for (int i = 1; i <= n; i++) {
        double x = rnd.nextBoolean() ? 1 : -1, a = uniform(rnd, 1);
        v.put("x[" + i + "]", x);
        v.put("a[" + i + "]", a);
        h0 -= a * x;
        for (int j = 1; j <= m; j++) {
          double w = uniform(rnd, 1);
          v.put("A[" + i + "," + j + "]", w);
          lin[j - 1] += x * w;
        }
      }
      // |B_jl| ≤ 0.2 keeps the spectral norm of B below 1, so M is positive definite.
      for (int j = 1; j <= m; j++)
        for (int l = 1; l <= p; l++) {
          double w = uniform(rnd, 0.2);
          v.put("B[" + j + "," + l + "]", w);
          mat[j - 1][m + l - 1] = mat[m + l - 1][j - 1] = -w;
        }
      double expected = h0 + gaussianFreeEnergy(mat, lin, beta);
      assertEquals(expected, value(c, ((Marginal) c.result("H0")).value(), v, beta), 1e-9 * (1 + Math.abs(expected)), "trial " + trial);
      // The Sylvester minors of the integral over y are those of 𝟙 − BBᵀ.
      double[][] schur = new double[m][m];
      for (int i = 0; i < m; i++)
        for (int j = 0; j < m; j++) {
          schur[i][j] = mat[i][j];
          for (int l = 0; l < p; l++) schur[i][j] -= mat[i][m + l] * mat[j][m + l];
        }
      assertMinors(c, ((Marginal) c.result("H0")), schur, v, beta);
    }
  }

  /**
   * A dense symmetric 6 × 6 matrix whose entries are random integer combinations of three
   * parameters, and a field: H = ½ yᵀA y − hᵀy.
   */
  @Test
  void denseSymbolicSixBySix() {
    int k = 6, params = 3;
    long seed = 66;
    System.out.println("seed " + seed);
    Random rnd = new Random(seed);
    int[][][] coef = new int[k][k][params + 1];
    StringBuilder energy = new StringBuilder();
    for (int i = 0; i < k; i++)
      for (int j = i; j < k; j++) {
        for (int l = 0; l <= params; l++) coef[i][j][l] = coef[j][i][l] = rnd.nextInt(5) - 2;
        if (i == j) coef[i][i][0] = 10 * k;
        StringBuilder entry = new StringBuilder(String.valueOf(coef[i][j][0]));
        for (int l = 1; l <= params; l++) entry.append(" + (").append(coef[i][j][l]).append(")*g").append(l);
        energy.append(i == j ? " + 1/2*(" : " + (").append(entry).append(")*y[").append(i + 1).append("]*y[").append(j + 1).append("]");
      }
    for (int i = 1; i <= k; i++) energy.append(" - h[").append(i).append("]*y[").append(i).append("]");
    String src =
        "dim k = " + k + "\nreal y[k]\nparam g1, g2, g3, h[k]\ntemperature beta\nenergy H(y) =" + energy
            + "\nF = marginalize H over y\n";
    Compilation c = assertTimeoutPreemptively(GUARD, () -> Compiler.compile(new Source("<dense>", src)));
    assertEquals(k, ((Marginal) c.result("F")).conditions().size(), ((Marginal) c.result("F")).conditions().toString());
    for (int trial = 0; trial < 5; trial++) {
      Map<String, Double> v = new HashMap<>();
      double beta = 0.5 + 1.5 * rnd.nextDouble();
      double[] g = new double[params + 1];
      g[0] = 1;
      for (int l = 1; l <= params; l++) v.put("g" + l, g[l] = uniform(rnd, 1));
      double[] h = new double[k];
      for (int i = 0; i < k; i++) v.put("h[" + (i + 1) + "]", h[i] = uniform(rnd, 1));
      // Diagonal at least 10k − 6 against off-diagonal rows of at most 8(k − 1): positive definite.
      double[][] mat = new double[k][k];
      for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++)
          for (int l = 0; l <= params; l++) mat[i][j] += coef[i][j][l] * g[l];
      double expected = gaussianFreeEnergy(mat, h, beta);
      assertEquals(expected, value(c, ((Marginal) c.result("F")).value(), v, beta), 1e-9 * (1 + Math.abs(expected)), "trial " + trial);
      assertMinors(c, ((Marginal) c.result("F")), mat, v, beta);
    }
  }

  /**
   * −β⁻¹ ln ∫dᵏu e^{−β(½uᵀMu − cᵀu)} = −½cᵀM⁻¹c + (k/2β) ln(β/2π) + (1/2β) ln det M, by
   * Cholesky M = LLᵀ: ln det M = 2 Σ ln Lᵢᵢ and M⁻¹c by two triangular solves.
   */
  private static double gaussianFreeEnergy(double[][] mat, double[] c, double beta) {
    int k = c.length;
    double[][] l = cholesky(mat);
    double logDet = 0;
    for (int i = 0; i < k; i++) logDet += 2 * Math.log(l[i][i]);
    double[] w = new double[k]; // L w = c, so cᵀM⁻¹c = |w|²
    double quad = 0;
    for (int i = 0; i < k; i++) {
      double s = c[i];
      for (int j = 0; j < i; j++) s -= l[i][j] * w[j];
      w[i] = s / l[i][i];
      quad += w[i] * w[i];
    }
    return -0.5 * quad + k / (2 * beta) * Math.log(beta / (2 * Math.PI)) + logDet / (2 * beta);
  }

  private static double[][] cholesky(double[][] a) {
    int k = a.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++)
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int r = 0; r < j; r++) s -= l[i][r] * l[j][r];
        if (i == j) {
          if (s <= 0) throw new AssertionError("test matrix not positive definite");
          l[i][i] = Math.sqrt(s);
        } else l[i][j] = s / l[j][j];
      }
    return l;
  }

  /** The conditions' minors, in order, against det of the leading blocks (squared Cholesky diagonals). */
  private static void assertMinors(Compilation c, Marginal r, double[][] mat, Map<String, Double> v, double beta) {
    double[][] l = cholesky(mat);
    List<Double> minors = new ArrayList<>();
    double det = 1;
    for (int i = 0; i < mat.length; i++) minors.add(det *= l[i][i] * l[i][i]);
    assertEquals(mat.length, r.conditions().size(), r.conditions().toString());
    for (int i = 0; i < mat.length; i++) {
      IExpr relation = r.conditions().get(i).relation();
      assertEquals(0.0, value(c, relation.second(), v, beta), 0.0, relation.toString());
      assertEquals(minors.get(i), value(c, relation.first(), v, beta), 1e-9 * (1 + minors.get(i)), relation.toString());
    }
  }

  private static double value(Compilation c, IExpr e, Map<String, Double> v, double beta) {
    List<ISymbol> symbols = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Map.Entry<String, Double> x : v.entrySet()) {
      symbols.add(c.symbols().component(x.getKey()).symbol());
      values.add(x.getValue());
    }
    symbols.add((ISymbol) c.beta());
    values.add(beta);
    return NumericFunction.compile(e, symbols).apply(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double uniform(Random rnd, double bound) {
    return bound * (2 * rnd.nextDouble() - 1);
  }
}
