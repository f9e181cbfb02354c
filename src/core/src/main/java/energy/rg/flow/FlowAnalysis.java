package energy.rg.flow;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Fixed points and their linearization for a {@link Recursion}.
 *
 * <p>Fixed points solve F(K) = f(K) − K = 0 inside a box. One coupling: F is sampled on a fine
 * grid; sign changes are bisected to machine precision and local minima of |F| (tangential roots)
 * are refined by Newton. Several couplings: damped Newton with the symbolic Jacobian (the step is
 * the minimal-norm least-squares solution through an SVD, so it also converges onto lines of fixed
 * points) from every point of a grid. Roots are kept when max_a |F_a| ≤ 1e-12·max(1, |K|), then
 * deduplicated.
 *
 * <p>At each fixed point the Jacobian J = ∂K'_a/∂K_b is evaluated from Symja's symbolic
 * derivatives; its eigenvalues come from Hipparchus' non-symmetric eigendecomposition, y = ln|λ| /
 * ln b. The thermal eigenvalue y_T is the relevant real positive eigenvalue whose eigenvector leans
 * most on the thermal coupling (the first unless the options say otherwise); ν = 1/y_T.
 *
 * <p>Degenerate cases: fixed points at which J − 1 is singular and which line up along its null
 * direction (at least three of them) are reported as a {@link FixedLine}, not as isolated points.
 * For one coupling the tails K → ±∞ are examined and reported as {@link LimitPoint}s when the
 * samples are unambiguous; for several couplings infinity is not examined (said in the notes).
 */
public final class FlowAnalysis {

  /** The search box [lower_a, upper_a], the grid size per axis and the thermal coupling index. */
  public record Options(List<Double> lower, List<Double> upper, int grid, int thermal) {
    public Options {
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      if (lower.size() != upper.size())
        throw new IllegalArgumentException("box bounds differ in size");
      for (int a = 0; a < lower.size(); a++) {
        if (!(lower.get(a) < upper.get(a))) {
          throw new IllegalArgumentException("empty range for coupling " + a);
        }
      }
      if (grid < 2) throw new IllegalArgumentException("grid must have at least 2 points");
      if (thermal < 0 || thermal >= lower.size()) {
        throw new IllegalArgumentException("thermal coupling index out of range: " + thermal);
      }
    }

    /**
     * [−3, 3] for every coupling; 4001 samples for one coupling, 31 per axis for two, and for n ≥ 3
     * at most 9 per axis with about 4000 Newton starts in all.
     */
    public static Options defaults(int n) {
      List<Double> lo = new ArrayList<>(), hi = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        lo.add(-3.0);
        hi.add(3.0);
      }
      int grid =
          n == 1 ? 4001 : n == 2 ? 31 : (int) Math.min(9, Math.max(3, Math.pow(4000, 1.0 / n)));
      return new Options(lo, hi, grid, 0);
    }

    /** The same options over a different box. */
    public Options withBox(List<Double> lower, List<Double> upper) {
      return new Options(lower, upper, grid, thermal);
    }

    /** The same options with a different thermal coupling. */
    public Options withThermal(int thermal) {
      return new Options(lower, upper, grid, thermal);
    }
  }

  /** |λ| within this of 1 is marginal. */
  static final double MARGINAL_TOL = 1e-9;

  /** A singular value of J − 1 below this (relative to max(1, ‖J‖)) makes J − 1 singular. */
  static final double SINGULAR_TOL = 1e-7;

  private FlowAnalysis() {}

  public static FlowResult analyze(Recursion r) {
    return analyze(r, Options.defaults(r.dimension()));
  }

  public static FlowResult analyze(Recursion r, Options o) {
    if (o.lower().size() != r.dimension()) {
      throw new IllegalArgumentException(
          "options for " + o.lower().size() + " couplings, recursion has " + r.dimension());
    }
    FlowMap map = new FlowMap(r);
    List<String> notes = new ArrayList<>();
    List<double[]> roots = dedupe(r.dimension() == 1 ? scan1(map, o) : newtonGrid(map, o));
    for (double[] x : roots) snapZeros(map, x);
    List<FixedPoint> points = new ArrayList<>();
    for (double[] x : roots) points.add(linearize(map, x, o.thermal()));
    List<FixedLine> lines = findLines(map, points, roots);
    for (FixedLine l : lines) points.removeAll(l.samples());
    points.sort(BY_COORDINATES);
    List<LimitPoint> limits = new ArrayList<>();
    if (r.dimension() == 1) {
      limits.addAll(limits1(map, o, notes));
    } else {
      notes.add("fixed points at infinity are not searched for two or more couplings");
    }
    notes.add(0, "searched " + box(r, o) + "; fixed points outside the box are not reported");
    boolean nonTrivial = false;
    for (FixedPoint p : points) {
      for (double c : p.coordinates()) nonTrivial |= c != 0;
    }
    if (!nonTrivial && lines.isEmpty()) notes.add("no non-trivial fixed point in the box");
    for (FixedPoint p : points) {
      if (hasUnitEigenvalue(p)) {
        notes.add(
            "J has an eigenvalue 1 at "
                + p.coordinates()
                + ": the root is degenerate, its coordinates are accurate to about "
                + String.format(Locale.ROOT, "%.0e", Math.max(p.uncertainty(), 1e-15)));
      }
    }
    if (map.usedDifferences()) {
      notes.add(
          "some ∂K'/∂K had no numeric symbolic form (e.g. Abs'); central differences were used"
              + " there, accurate to about 1e-9");
    }
    return new FlowResult(r, o, points, lines, limits, notes);
  }

  /** The linearization at a fixed point x (x need not be refined further). */
  public static FixedPoint linearize(FlowMap map, double[] x, int thermal) {
    int n = map.dimension();
    double[][] j = map.jacobian(x);
    double b = map.recursion().scale();
    List<Eigenvalue> eig = new ArrayList<>();
    Complex[] lambdas = eigenvalues(j);
    double norm = 0;
    for (double[] row : j) for (double v : row) norm = Math.max(norm, Math.abs(v));
    double[] widths = rootWidths(map, x);
    double uncertainty = 0, marginalTol = MARGINAL_TOL;
    for (int a = 0; a < n; a++) {
      uncertainty = Math.max(uncertainty, widths[a]);
      // Where the root is only known to ±w, so is J: |λ| − 1 below that spread is marginal.
      double[] xp = x.clone(), xm = x.clone();
      xp[a] += widths[a];
      xm[a] -= widths[a];
      double[][] jp = map.jacobian(xp), jm = map.jacobian(xm);
      for (int c = 0; c < n; c++) {
        for (int d = 0; d < n; d++)
          marginalTol = Math.max(marginalTol, 2 * Math.abs(jp[c][d] - jm[c][d]));
      }
    }
    for (Complex l : lambdas) {
      double re = l.getReal(), im = l.getImaginary();
      // Round-off-level parts are zero: J = 0 must give λ = 0 and y = −∞, not 1e-16 and −52.
      if (Math.abs(im) <= 1e-14 * Math.max(1, norm)) im = 0;
      if (Math.abs(re) <= 1e-14 * Math.max(1, norm)) re = 0;
      double mod = Math.hypot(re, im);
      double y = Math.log(mod) / Math.log(b);
      Eigenvalue.Relevance rel =
          Math.abs(mod - 1) <= marginalTol
              ? Eigenvalue.Relevance.MARGINAL
              : mod > 1 ? Eigenvalue.Relevance.RELEVANT : Eigenvalue.Relevance.IRRELEVANT;
      List<Double> v = im == 0 ? eigenvector(j, re, thermal) : List.of();
      eig.add(new Eigenvalue(re, im, y, rel, v));
    }
    eig.sort(
        Comparator.comparingDouble(Eigenvalue::modulus).reversed().thenComparing(Eigenvalue::re));
    boolean anyRelevant = false, anyMarginal = false;
    for (Eigenvalue e : eig) {
      anyRelevant |= e.relevance() == Eigenvalue.Relevance.RELEVANT;
      anyMarginal |= e.relevance() == Eigenvalue.Relevance.MARGINAL;
    }
    FixedPoint.Stability s =
        anyRelevant
            ? FixedPoint.Stability.UNSTABLE
            : anyMarginal ? FixedPoint.Stability.MARGINAL : FixedPoint.Stability.STABLE;
    Double nu = null;
    // A relevant direction with no thermal component (a pure field) gives no ν.
    double lean = 1e-8;
    for (Eigenvalue e : eig) {
      if (e.relevance() != Eigenvalue.Relevance.RELEVANT || !e.isReal() || e.re() <= 0) continue;
      double w = Math.abs(e.vector().get(thermal));
      if (w > lean) {
        lean = w;
        nu = 1 / e.exponent();
      }
    }
    double[] fx = map.apply(x);
    double res = 0;
    for (int a = 0; a < n; a++) res = Math.max(res, Math.abs(fx[a] - x[a]));
    List<List<Double>> jl = new ArrayList<>();
    for (double[] row : j) jl.add(boxed(row));
    return new FixedPoint(boxed(x), jl, eig, nu, s, res, uncertainty, magnetic(eig, map.recursion().field()));
  }

  /**
   * y_H: the relevant real positive eigenvalue whose eigenvector leans most on the field (at h* =
   * 0 of an even step J is block diagonal, so that eigenvector is the field itself); null when
   * there is no field or no such eigenvalue.
   */
  static Double magnetic(List<Eigenvalue> eig, int field) {
    if (field < 0) return null;
    Double y = null;
    double lean = 1e-8;
    for (Eigenvalue e : eig) {
      if (e.relevance() != Eigenvalue.Relevance.RELEVANT || !e.isReal() || e.re() <= 0) continue;
      double w = Math.abs(e.vector().get(field));
      if (w > lean) {
        lean = w;
        y = e.exponent();
      }
    }
    return y;
  }

  /**
   * Per axis, the half-width of the interval around x over which the residual stays at round-off
   * level (doubling from 1e-15·max(1, |x_a|), capped at 1e-6·max(1, |x_a|)).
   */
  static double[] rootWidths(FlowMap map, double[] x) {
    int n = x.length;
    double size = 1;
    double[] fx = map.apply(x);
    for (int a = 0; a < n; a++) size = Math.max(size, Math.max(Math.abs(x[a]), Math.abs(fx[a])));
    double noise = 8 * Math.ulp(size);
    double[] w = new double[n];
    for (int a = 0; a < n; a++) {
      double scale = Math.max(1, Math.abs(x[a])), d = 1e-15 * scale;
      while (d < 1e-6 * scale) {
        double[] xp = x.clone(), xm = x.clone();
        xp[a] += 2 * d;
        xm[a] -= 2 * d;
        double r = Math.max(residual(map, xp), residual(map, xm));
        if (!(r <= noise)) break;
        d *= 2;
      }
      w[a] = d;
    }
    return w;
  }

  // ---------------------------------------------------------------- root finding

  private static List<double[]> scan1(FlowMap map, Options o) {
    double lo = o.lower().get(0), hi = o.upper().get(0);
    int m = o.grid();
    double[] xs = new double[m], g = new double[m];
    for (int i = 0; i < m; i++) {
      xs[i] = i == m - 1 ? hi : lo + (hi - lo) * i / (m - 1);
      g[i] = residual1(map, xs[i]);
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (!Double.isFinite(g[i])) continue;
      if (g[i] == 0) out.add(new double[] {xs[i]});
      if (i + 1 < m && Double.isFinite(g[i + 1]) && g[i] * g[i + 1] < 0) {
        out.add(new double[] {bisect(map, xs[i], xs[i + 1], g[i])});
      }
      boolean localMin =
          i > 0
              && i + 1 < m
              && Math.abs(g[i]) <= Math.abs(g[i - 1])
              && Math.abs(g[i]) <= Math.abs(g[i + 1])
              && g[i - 1] * g[i] > 0
              && g[i] * g[i + 1] > 0;
      if (localMin) {
        double[] x = newton(map, new double[] {xs[i]}, o);
        if (x != null) out.add(x);
      }
    }
    List<double[]> kept = new ArrayList<>();
    for (double[] x : out) {
      double[] y = polish(map, x, o);
      if (y != null) kept.add(y);
    }
    return kept;
  }

  private static double residual1(FlowMap map, double x) {
    return map.apply(new double[] {x})[0] - x;
  }

  /** Bisection of f(x) − x on [a, b] with a sign change, to adjacent doubles. */
  private static double bisect(FlowMap map, double a, double b, double ga) {
    for (int k = 0; k < 200; k++) {
      double c = 0.5 * (a + b);
      if (c <= Math.min(a, b) || c >= Math.max(a, b)) break;
      double gc = residual1(map, c);
      if (gc == 0) return c;
      if (gc * ga < 0) {
        b = c;
      } else {
        a = c;
        ga = gc;
      }
    }
    return Math.abs(residual1(map, a)) <= Math.abs(residual1(map, b)) ? a : b;
  }

  /** A few Newton steps from an accurate root, kept only if they lower the residual. */
  private static double[] polish(FlowMap map, double[] x, Options o) {
    double[] y = newton(map, x, o);
    if (y != null && residual(map, y) <= residual(map, x)) x = y;
    return accepted(map, x, o) ? x : null;
  }

  private static List<double[]> newtonGrid(FlowMap map, Options o) {
    int n = map.dimension(), m = o.grid();
    List<double[]> out = new ArrayList<>();
    int[] idx = new int[n];
    while (true) {
      double[] x = new double[n];
      for (int a = 0; a < n; a++) {
        double lo = o.lower().get(a), hi = o.upper().get(a);
        x[a] = lo + (hi - lo) * idx[a] / (m - 1);
      }
      double[] y = newton(map, x, o);
      if (y != null) out.add(y);
      int a = 0;
      while (a < n && ++idx[a] == m) idx[a++] = 0;
      if (a == n) break;
    }
    return out;
  }

  /** Damped Newton on f(x) − x; null unless it ends accepted. */
  static double[] newton(FlowMap map, double[] x0, Options o) {
    int n = map.dimension();
    double[] x = x0.clone();
    double r = residual(map, x);
    if (!Double.isFinite(r)) return null;
    for (int it = 0; it < 100 && r > 0; it++) {
      double[][] j = map.jacobian(x);
      double[] fx = map.apply(x);
      double[] g = new double[n];
      for (int a = 0; a < n; a++) {
        g[a] = x[a] - fx[a];
        j[a][a] -= 1;
      }
      double[] step;
      try {
        step =
            new SingularValueDecomposition(new Array2DRowRealMatrix(j, false))
                .getSolver()
                .solve(new ArrayRealVector(g, false))
                .toArray();
      } catch (RuntimeException e) {
        return null;
      }
      boolean finite = true;
      for (double s : step) finite &= Double.isFinite(s);
      if (!finite) return null;
      double t = 1;
      double[] y = null;
      double ry = Double.NaN;
      for (int k = 0; k < 40; k++, t *= 0.5) {
        y = new double[n];
        for (int a = 0; a < n; a++) y[a] = x[a] + t * step[a];
        ry = residual(map, y);
        if (ry < r) break;
      }
      if (!(ry < r)) break;
      double moved = 0, size = 1;
      for (int a = 0; a < n; a++) {
        moved = Math.max(moved, Math.abs(y[a] - x[a]));
        size = Math.max(size, Math.abs(y[a]));
      }
      x = y;
      r = ry;
      if (moved <= 1e-16 * size) break;
      if (Math.abs(x[0]) > 1e6) return null;
    }
    return accepted(map, x, o) ? x : null;
  }

  private static boolean accepted(FlowMap map, double[] x, Options o) {
    double size = 1;
    for (int a = 0; a < x.length; a++) {
      double lo = o.lower().get(a), hi = o.upper().get(a), slack = 1e-9 * (hi - lo);
      if (!(x[a] >= lo - slack && x[a] <= hi + slack)) return false;
      size = Math.max(size, Math.abs(x[a]));
    }
    return residual(map, x) <= 1e-12 * size;
  }

  static double residual(FlowMap map, double[] x) {
    double[] fx = map.apply(x);
    double r = 0;
    for (int a = 0; a < x.length; a++) {
      double d = Math.abs(fx[a] - x[a]);
      if (Double.isNaN(d)) return Double.NaN;
      r = Math.max(r, d);
    }
    return r;
  }

  /** Merges roots closer than 1e-7·max(1, |x|), keeping the one with the smaller residual. */
  /**
   * Round-off-sized coordinates (|x_a| < 1e-12, e.g. h* = 1e-17 of a symmetric step) set to 0
   * when the residual there is no larger: an exact zero prints as 0.
   */
  private static void snapZeros(FlowMap map, double[] x) {
    for (int a = 0; a < x.length; a++) {
      if (x[a] == 0 || Math.abs(x[a]) >= 1e-12) continue;
      double[] y = x.clone();
      y[a] = 0;
      if (residual(map, y) <= residual(map, x)) x[a] = 0;
    }
  }

  private static List<double[]> dedupe(List<double[]> roots) {
    List<double[]> out = new ArrayList<>();
    outer:
    for (double[] x : roots) {
      for (int i = 0; i < out.size(); i++) {
        double[] y = out.get(i);
        double d = 0, size = 1;
        for (int a = 0; a < x.length; a++) {
          d = Math.max(d, Math.abs(x[a] - y[a]));
          size = Math.max(size, Math.abs(x[a]));
        }
        if (d <= 1e-7 * size) continue outer;
      }
      out.add(x);
    }
    return out;
  }

  // ---------------------------------------------------------------- linear algebra

  /**
   * The eigenvalues of j: Hipparchus' symmetric decomposition when j is symmetric, its
   * non-symmetric one otherwise; the closed form for 2×2 if Hipparchus fails (it throws on some
   * degenerate matrices).
   */
  static Complex[] eigenvalues(double[][] j) {
    int n = j.length;
    if (n == 1) return new Complex[] {new Complex(j[0][0])};
    RealMatrix m = new Array2DRowRealMatrix(j);
    try {
      if (m.equals(m.transpose())) {
        double[] d = new EigenDecompositionSymmetric(m).getEigenvalues();
        Complex[] out = new Complex[n];
        for (int i = 0; i < n; i++) out[i] = new Complex(d[i]);
        return out;
      }
      return new EigenDecompositionNonSymmetric(m).getEigenvalues();
    } catch (RuntimeException e) {
      if (n != 2) throw e;
      double tr = j[0][0] + j[1][1], det = j[0][0] * j[1][1] - j[0][1] * j[1][0];
      double half = 0.5 * (j[0][0] - j[1][1]), disc = half * half + j[0][1] * j[1][0];
      if (disc >= 0) {
        // Stable roots: the larger-magnitude one first, the other from the product.
        double big = 0.5 * tr + Math.copySign(Math.sqrt(disc), tr == 0 ? 1 : tr);
        double small = big == 0 ? 0 : det / big;
        return new Complex[] {new Complex(big), new Complex(small)};
      }
      double im = Math.sqrt(-disc);
      return new Complex[] {new Complex(0.5 * tr, im), new Complex(0.5 * tr, -im)};
    }
  }

  /**
   * A unit eigenvector of J for the real eigenvalue λ (largest component made positive): the null
   * space of J − λ from the SVD; when it has several dimensions (degenerate λ), the unit projection
   * of the thermal axis onto it, so that a thermal direction is found when one exists.
   */
  private static List<Double> eigenvector(double[][] j, double lambda, int thermal) {
    int n = j.length;
    double[][] m = new double[n][];
    double norm = 1;
    for (int a = 0; a < n; a++) {
      m[a] = j[a].clone();
      m[a][a] -= lambda;
      for (double v : m[a]) norm = Math.max(norm, Math.abs(v));
    }
    SingularValueDecomposition svd =
        new SingularValueDecomposition(new Array2DRowRealMatrix(m, false));
    double[] sv = svd.getSingularValues();
    RealMatrix v = svd.getV();
    double[] col = v.getColumn(n - 1);
    double[] proj = new double[n];
    for (int c = n - 1; c >= 0 && (c == n - 1 || sv[c] <= 1e-8 * norm); c--) {
      double[] b = v.getColumn(c);
      for (int a = 0; a < n; a++) proj[a] += b[thermal] * b[a];
    }
    double pn = 0;
    for (double x : proj) pn += x * x;
    if (pn > 1e-16) col = proj;
    int big = 0;
    for (int a = 1; a < n; a++) if (Math.abs(col[a]) > Math.abs(col[big])) big = a;
    double sign = col[big] < 0 ? -1 : 1, len = 0;
    for (double c : col) len += c * c;
    len = Math.sqrt(len);
    for (int a = 0; a < n; a++) col[a] = sign * col[a] / len;
    return boxed(col);
  }

  private static boolean hasUnitEigenvalue(FixedPoint p) {
    for (Eigenvalue e : p.eigenvalues()) {
      if (e.relevance() == Eigenvalue.Relevance.MARGINAL) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- degenerate cases

  /** Groups fixed points with singular J − 1 that lie along its null direction into lines. */
  private static List<FixedLine> findLines(
      FlowMap map, List<FixedPoint> points, List<double[]> roots) {
    int n = map.dimension();
    if (n < 2) return List.of();
    List<Integer> singular = new ArrayList<>();
    List<double[][]> nulls = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      double[][] m = map.jacobian(roots.get(i));
      double norm = 1;
      for (int a = 0; a < n; a++) {
        m[a][a] -= 1;
        for (double v : m[a]) norm = Math.max(norm, Math.abs(v));
      }
      SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m));
      double[] s = svd.getSingularValues();
      int nullity = 0;
      while (nullity < n && s[n - 1 - nullity] <= SINGULAR_TOL * norm) nullity++;
      if (nullity > 0) {
        double[][] basis = new double[nullity][];
        for (int c = 0; c < nullity; c++) basis[c] = svd.getV().getColumn(n - 1 - c);
        singular.add(i);
        nulls.add(basis);
      }
    }
    int k = singular.size();
    int[] parent = new int[k];
    for (int i = 0; i < k; i++) parent[i] = i;
    for (int i = 0; i < k; i++) {
      for (int l = i + 1; l < k; l++) {
        double[] p = roots.get(singular.get(i)), q = roots.get(singular.get(l));
        if (along(p, q, nulls.get(i)) && along(p, q, nulls.get(l))) {
          parent[find(parent, i)] = find(parent, l);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < k; i++)
      groups.computeIfAbsent(find(parent, i), z -> new ArrayList<>()).add(i);
    List<FixedLine> lines = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      if (g.size() < 3) continue;
      List<FixedPoint> samples = new ArrayList<>();
      int dim = n;
      for (int i : g) {
        samples.add(points.get(singular.get(i)));
        dim = Math.min(dim, nulls.get(i).length);
      }
      samples.sort(BY_COORDINATES);
      lines.add(describeLine(map, samples, nulls.get(g.get(0))[0], dim));
    }
    return lines;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  /** q − p lies in the span of the orthonormal basis (or p = q). */
  private static boolean along(double[] p, double[] q, double[][] basis) {
    double dd = 0, in = 0;
    for (int a = 0; a < p.length; a++) dd += (q[a] - p[a]) * (q[a] - p[a]);
    for (double[] v : basis) {
      double dot = 0;
      for (int a = 0; a < p.length; a++) dot += (q[a] - p[a]) * v[a];
      in += dot * dot;
    }
    return dd - in <= 1e-12 * Math.max(dd, 1e-300);
  }

  private static FixedLine describeLine(
      FlowMap map, List<FixedPoint> samples, double[] dir, int dimension) {
    Recursion r = map.recursion();
    int n = r.dimension();
    Map<String, Double> constant = new LinkedHashMap<>();
    IASTAppendable rules = F.ListAlloc(n);
    StringBuilder free = new StringBuilder();
    for (int a = 0; a < n; a++) {
      double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
      for (FixedPoint p : samples) {
        min = Math.min(min, p.coordinate(a));
        max = Math.max(max, p.coordinate(a));
      }
      String name = r.names().get(a);
      if (max - min <= 1e-9 * Math.max(1, Math.abs(max))) {
        double v = 0.5 * (min + max);
        double rounded = Math.rint(v);
        if (Math.abs(v - rounded) <= 1e-9) v = rounded + 0.0;
        constant.put(name, v);
        rules.append(F.Rule(r.couplings().get(a), v == rounded ? F.ZZ((long) v) : F.num(v)));
      } else {
        if (free.length() > 0) free.append(", ");
        free.append(name).append(" ∈ [").append(fmt(min)).append(", ").append(fmt(max)).append("]");
      }
    }
    boolean exact = false;
    if (!constant.isEmpty() && constant.size() < n) {
      exact = true;
      for (int a = 0; a < n && exact; a++) {
        IExpr d = F.Subtract(r.images().get(a), r.couplings().get(a));
        IExpr s = Symja.eval(F.Simplify(F.ReplaceAll(d, (IAST) rules)));
        exact = s.isZero();
      }
    }
    StringBuilder desc = new StringBuilder();
    if (dimension == n) {
      desc.append("every point is fixed (f(K) = K)");
    } else if (constant.isEmpty()) {
      desc.append(dimension == 1 ? "curve" : dimension + "-dimensional set")
          .append(" of fixed points through ")
          .append(samples.size())
          .append(" samples");
    } else {
      for (Map.Entry<String, Double> e : constant.entrySet()) {
        if (desc.length() > 0) desc.append(", ");
        desc.append(e.getKey()).append(" = ").append(fmt(e.getValue()));
      }
    }
    desc.append(" with ").append(free.length() > 0 ? free : "a free direction");
    desc.append(exact ? " (identically fixed: checked symbolically)" : " (found numerically)");
    return new FixedLine(samples, dimension, boxed(dir), constant, exact, desc.toString());
  }

  /** One coupling: is K → ±∞ an attractive or repulsive limit of the flow? */
  private static List<LimitPoint> limits1(FlowMap map, Options o, List<String> notes) {
    List<LimitPoint> out = new ArrayList<>();
    String name = map.recursion().names().get(0);
    for (int sgn : new int[] {1, -1}) {
      double start = sgn > 0 ? o.upper().get(0) : o.lower().get(0);
      String where = name + " → " + (sgn > 0 ? "+∞" : "−∞");
      if (start * sgn <= 0) continue;
      double[] ks = new double[6], ds = new double[6], fs = new double[6];
      boolean finite = true, followsK = true, up = true, down = true;
      for (int i = 0; i < ks.length; i++) {
        // Close to the box: far out, images like artanh(tanh² 2K) round to ∞ in doubles.
        ks[i] = start * (1 + 0.25 * (i + 1));
        fs[i] = map.apply(new double[] {ks[i]})[0];
        ds[i] = fs[i] - ks[i];
        finite &= Double.isFinite(ds[i]);
        followsK &= fs[i] * sgn > Math.abs(start) && (i == 0 || (fs[i] - fs[i - 1]) * sgn > 0);
        up &= ds[i] * sgn > 0;
        down &= ds[i] * sgn < 0;
      }
      StringBuilder ev = new StringBuilder();
      for (int i = 0; i < ks.length; i++) {
        if (i > 0) ev.append("; ");
        ev.append(
            String.format(Locale.ROOT, "%s=%s: %s'−%s=%.6g", name, fmt(ks[i]), name, name, ds[i]));
      }
      // Attractive needs K' − K > 0 that does not shrink along the tail.
      up &= finite && (ds[ds.length - 1] - ds[0]) * sgn >= -1e-9 * Math.abs(ks[0]);
      if (finite && !followsK) {
        notes.add(where + " is not a limit point: the step does not map the tail to itself");
        continue;
      }
      if (!finite || !(up || down)) {
        notes.add(where + ": omitted, the tail is not conclusive (" + ev + ")");
        continue;
      }
      out.add(new LimitPoint(name, sgn > 0, up, ev.toString()));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  static final Comparator<FixedPoint> BY_COORDINATES =
      (p, q) -> {
        for (int a = 0; a < p.coordinates().size(); a++) {
          int c = Double.compare(p.coordinate(a), q.coordinate(a));
          if (c != 0) return c;
        }
        return 0;
      };

  /** Boxed, with −0.0 written as 0.0. */
  private static List<Double> boxed(double[] x) {
    return Arrays.stream(x).map(v -> v + 0.0).boxed().toList();
  }

  private static String box(Recursion r, Options o) {
    StringBuilder s = new StringBuilder();
    for (int a = 0; a < r.dimension(); a++) {
      if (a > 0) s.append(" × ");
      s.append(r.names().get(a))
          .append(" ∈ [")
          .append(fmt(o.lower().get(a)))
          .append(", ")
          .append(fmt(o.upper().get(a)))
          .append("]");
    }
    return s.toString();
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%.12g", v)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replace(".e", "e");
  }
}
