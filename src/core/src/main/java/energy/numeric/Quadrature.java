package energy.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Numerical integration over ℝ^k, k = 1..3, of smooth, rapidly decaying integrands such as
 * Boltzmann weights e^{-βH(u)} of real units.
 *
 * <h2>Method</h2>
 *
 * <ol>
 *   <li><b>Mode.</b> A damped Newton ascent on g = log|integrand| from the origin (if g is not
 *       finite there, from the best of a deterministic scan of points out to radius 64), with
 *       central finite-difference gradient and Hessian, eigenvalues of −H clamped positive, a trust
 *       radius and a backtracking line search. At a stationary point that is not a maximum (e.g. the
 *       top of a double well) it probes along the non-concave eigendirections and continues.
 *   <li><b>Whitening.</b> The eigenvectors v_i of −H at the mode give the axes; the scale s_i along
 *       each is measured, not assumed: the mean distance (both sides) at which g drops by ½ below its
 *       value at the mode (exactly σ_i for a Gaussian; also meaningful where the Hessian vanishes,
 *       e.g. e^{−u⁴}). Then u = c + Σ_i s_i z_i v_i.
 *   <li><b>Box.</b> Along each ±z_i the distance at which g has dropped by 45 (e^{−45} ≈ 3·10⁻²⁰)
 *       gives an initial box; after every sweep, any face of the box on which g is still within 40
 *       of the largest value seen is pushed outwards, and the sweep is repeated.
 *   <li><b>Rule.</b> The tensor-product trapezoidal rule with step h in z (h = 1, ½, ¼, …). For
 *       integrands analytic in a strip around ℝ and decaying this fast, it converges geometrically
 *       (for a Gaussian the error is ≈ 2e^{−2π²/h²} per axis: 5·10⁻⁹ at h = 1, 10⁻³⁴ at h = ½), and
 *       halving h squares (or better) the error. The result at step h is accepted when h ≤ ½ and it
 *       agrees with the result at 2h to 10⁻⁷ relative (for {@link #integrate}: relative to ∫|f|;
 *       for {@link #logIntegrate}: absolute in the log), so its own error is ~10⁻¹⁴.
 * </ol>
 *
 * Everything in {@link #logIntegrate} is done in log space (a running log-sum-exp), so weights of
 * e^{±700} and beyond are fine. Failure to converge within 4·10⁶ points per sweep, an integrand
 * that does not decay, or a NaN on the grid throws {@link ArithmeticException} rather than return a
 * doubtful number.
 *
 * <p>The {@code double[]} passed to the integrand is reused between calls; copy it to keep it.
 *
 * <p>Multiple modes: when the ascent meets a saddle (e.g. the origin of a symmetric double well)
 * it also ascends from the mirror image of the probe point, and the box is enlarged to cover every
 * mode found within e^{−40} of the best. Limitations: a mode not reached this way is included only
 * when the integrand between it and the box stays within e^{−40} of the maximum, or it lies inside
 * the box anyway. Integrands with
 * kinks (e^{−|u|}) converge slowly and may hit the point limit.
 */
public final class Quadrature {
  public static final int MAX_DIMENSION = 3;

  /** Relative agreement between successive step sizes required to accept. */
  static final double TOLERANCE = 1e-7;

  /** Faces whose log-integrand is within this of the maximum are pushed outwards. */
  private static final double FACE_DROP = 40;

  /** Drop in log-integrand used for the initial box. */
  private static final double BOX_DROP = 45;

  private static final long MAX_POINTS = 4_000_000L;

  private Quadrature() {}

  /** The outcome of an integration with its diagnostics. */
  public record Result(
      double value, double estimatedError, double step, long evaluations, double[] centre) {}

  /**
   * ∫_{ℝ^k} f(u) d^k u for an integrable, smooth integrand, k = 1..3. f may change sign.
   *
   * @throws IllegalArgumentException if k is not in 1..3
   * @throws ArithmeticException if the quadrature does not converge
   */
  public static double integrate(int k, ToDoubleFunction<double[]> f) {
    return integrateDetailed(k, f).value();
  }

  /**
   * log ∫_{ℝ^k} e^{logF(u)} d^k u, computed stably: {@code logF} returns the LOG of a positive
   * integrand (e.g. -βH(u)); it may return -∞.
   *
   * @throws IllegalArgumentException if k is not in 1..3
   * @throws ArithmeticException if the quadrature does not converge
   */
  public static double logIntegrate(int k, ToDoubleFunction<double[]> logF) {
    return logIntegrateDetailed(k, logF).value();
  }

  /** As {@link #integrate}, with diagnostics (estimatedError is absolute). */
  public static Result integrateDetailed(int k, ToDoubleFunction<double[]> f) {
    return new Run(k, f, false).run();
  }

  /** As {@link #logIntegrate}, with diagnostics (estimatedError is absolute, on the log). */
  public static Result logIntegrateDetailed(int k, ToDoubleFunction<double[]> logF) {
    return new Run(k, logF, true).run();
  }

  // ------------------------------------------------------------------------------------------

  private static final class Run {
    final int k;
    final ToDoubleFunction<double[]> fn;
    final boolean logMode;
    final double[] buf;
    long evaluations;
    final List<double[]> mirrorStarts = new ArrayList<>();

    Run(int k, ToDoubleFunction<double[]> fn, boolean logMode) {
      if (k < 1 || k > MAX_DIMENSION) {
        throw new IllegalArgumentException(
            "can integrate over 1 to " + MAX_DIMENSION + " dimensions, not " + k);
      }
      this.k = k;
      this.fn = fn;
      this.logMode = logMode;
      this.buf = new double[k];
    }

    /** log|integrand| at u (NaN mapped to -∞), for the searches. */
    double g(double[] u) {
      System.arraycopy(u, 0, buf, 0, k);
      evaluations++;
      double v = fn.applyAsDouble(buf);
      double lg = logMode ? v : Math.log(Math.abs(v));
      return Double.isNaN(lg) ? Double.NEGATIVE_INFINITY : lg;
    }

    Result run() {
      double[] x = start();
      double[][] vecs = new double[k][k];
      double[] lambda = new double[k];
      double gx = findMode(x, vecs, lambda);

      // Other side of every saddle crossed on the way (symmetric double wells and the like).
      List<double[]> modes = new ArrayList<>();
      List<Double> modeG = new ArrayList<>();
      modes.add(x.clone());
      modeG.add(gx);
      for (int t = 0; t < mirrorStarts.size() && t < 8; t++) {
        double[] y = mirrorStarts.get(t);
        if (!Double.isFinite(g(y))) continue;
        double[][] vy = new double[k][k];
        double[] ly = new double[k];
        double gy = findMode(y, vy, ly);
        modes.add(y);
        modeG.add(gy);
        if (gy > gx) {
          x = y;
          gx = gy;
          vecs = vy;
          lambda = ly;
        }
      }

      // Scales along the eigendirections.
      double[] s = new double[k];
      double[][] extent = new double[k][2];
      for (int i = 0; i < k; i++) {
        double d0 = lambda[i] > 0 ? 1 / Math.sqrt(lambda[i]) : 1;
        d0 = Math.min(Math.max(d0, 1e-8), 1e8);
        double up = crossing(x, gx, vecs[i], +1, 0.5, d0);
        double dn = crossing(x, gx, vecs[i], -1, 0.5, d0);
        s[i] = 0.5 * (up + dn);
        extent[i][0] = -crossing(x, gx, vecs[i], -1, BOX_DROP, dn) / s[i];
        extent[i][1] = crossing(x, gx, vecs[i], +1, BOX_DROP, up) / s[i];
      }
      // Secondary modes with weight within e^{-FACE_DROP} of the best: cover them by the box.
      for (int m = 0; m < modes.size(); m++) {
        double[] y = modes.get(m);
        double gy = modeG.get(m);
        if (gy < gx - FACE_DROP || y == x) continue;
        for (int i = 0; i < k; i++) {
          double zi = 0;
          for (int j = 0; j < k; j++) zi += vecs[i][j] * (y[j] - x[j]);
          zi /= s[i];
          double dUp = crossing(y, gy, vecs[i], +1, BOX_DROP, s[i]) / s[i];
          double dDn = crossing(y, gy, vecs[i], -1, BOX_DROP, s[i]) / s[i];
          extent[i][0] = Math.min(extent[i][0], zi - dDn);
          extent[i][1] = Math.max(extent[i][1], zi + dUp);
        }
      }
      double[][] w = new double[k][k]; // w[i] = s_i v_i
      double logJac = 0;
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) w[i][j] = s[i] * vecs[i][j];
        logJac += Math.log(s[i]);
      }

      Grid grid = new Grid(x, w, extent, gx);
      double h = 1;
      double prev = Double.NaN;
      while (true) {
        Sweep sw = grid.sweep(h);
        double value, scaleForTol;
        if (logMode) {
          value = sw.logSum + k * Math.log(h) + logJac;
          scaleForTol = 1;
        } else {
          double jac = Math.pow(h, k) * Math.exp(logJac);
          value = sw.sum * jac;
          scaleForTol = sw.absSum * jac;
        }
        if (!Double.isNaN(prev) && h <= 0.5) {
          double diff = Math.abs(value - prev);
          if (diff <= TOLERANCE * scaleForTol
              || (logMode && value == prev)
              || (!logMode && scaleForTol == 0)) {
            return new Result(value, diff, h, evaluations, x.clone());
          }
        }
        prev = value;
        h /= 2;
        if (grid.points(h) > MAX_POINTS) {
          throw new ArithmeticException(
              "quadrature did not converge within "
                  + MAX_POINTS
                  + " points per sweep (last estimate "
                  + value
                  + (logMode ? " for the log" : "")
                  + " at step "
                  + 2 * h
                  + ")");
        }
      }
    }

    // ---------------------------------------------------------------- start point

    double[] start() {
      double[] origin = new double[k];
      if (Double.isFinite(g(origin))) return origin;
      double[] best = null;
      double bestG = Double.NEGATIVE_INFINITY;
      SplittableRandom rnd = new SplittableRandom(12345);
      double[] p = new double[k];
      for (double r = 0.5; r <= 64; r *= 2) {
        // axes
        for (int i = 0; i < k; i++) {
          for (int sign = -1; sign <= 1; sign += 2) {
            Arrays.fill(p, 0);
            p[i] = sign * r;
            double gp = g(p);
            if (gp > bestG) {
              bestG = gp;
              best = p.clone();
            }
          }
        }
        // diagonals
        for (int m = 0; m < (1 << k); m++) {
          for (int i = 0; i < k; i++) p[i] = ((m >> i & 1) == 0 ? -r : r) / Math.sqrt(k);
          double gp = g(p);
          if (gp > bestG) {
            bestG = gp;
            best = p.clone();
          }
        }
        for (int t = 0; t < 30; t++) {
          for (int i = 0; i < k; i++) p[i] = rnd.nextDouble(-r, r);
          double gp = g(p);
          if (gp > bestG) {
            bestG = gp;
            best = p.clone();
          }
        }
      }
      if (best == null || bestG == Double.NEGATIVE_INFINITY) {
        throw new ArithmeticException(
            "integrand is zero (or not finite) everywhere it was sampled, out to radius 64");
      }
      if (bestG == Double.POSITIVE_INFINITY) {
        throw new ArithmeticException("integrand is infinite at " + Arrays.toString(best));
      }
      return best;
    }

    // ---------------------------------------------------------------- mode

    /**
     * Moves x to (near) the mode of g; fills the eigenvectors (rows of vecs) and eigenvalues of −H
     * there. Returns g(x).
     */
    double findMode(double[] x, double[][] vecs, double[] lambda) {
      double gx = g(x);
      if (gx == Double.POSITIVE_INFINITY) {
        throw new ArithmeticException("integrand is infinite at " + Arrays.toString(x));
      }
      double sEst = 1; // current length scale for finite differences
      double trust = 10;
      int perturbations = 0;
      double[] grad = new double[k];
      double[][] m = new double[k][k];
      double[] step = new double[k];
      double[] y = new double[k];
      for (int iter = 0; iter < 300; iter++) {
        double fdh = Math.max(1e-3 * sEst, 1e-7 * (1 + maxAbs(x)));
        if (!derivatives(x, gx, fdh, grad, m)) {
          // not finite near x: try a smaller stencil once, else stop here
          fdh *= 1e-2;
          if (!derivatives(x, gx, fdh, grad, m)) {
            identity(vecs, lambda);
            return gx;
          }
        }
        eigen(m, vecs, lambda);
        double lmax = 0;
        for (double l : lambda) lmax = Math.max(lmax, Math.abs(l));
        double floor = 1e-10 * Math.max(lmax, 1e-300);
        boolean concave = true;
        for (double l : lambda) concave &= l > floor;
        if (lmax > 0) sEst = clamp(1 / Math.sqrt(lmax), 1e-6, 1e6);

        // Newton step in the eigenbasis, non-concave directions by |λ| (or 1/trust²).
        double decrement = 0;
        Arrays.fill(step, 0);
        for (int i = 0; i < k; i++) {
          double gi = dot(vecs[i], grad);
          double li = Math.max(Math.abs(lambda[i]), 1 / (trust * trust));
          if (lambda[i] > floor) decrement += gi * gi / lambda[i];
          else decrement += gi * gi / li;
          double di = gi / li;
          for (int j = 0; j < k; j++) step[j] += di * vecs[i][j];
        }
        if (decrement < 1e-20 * (1 + Math.abs(gx)) || norm(step) < 1e-12 * (sEst + maxAbs(x))) {
          if (concave || perturbations >= 10) return gx;
          // stationary but not a maximum: probe along non-concave directions
          perturbations++;
          double bestG = gx;
          double[] best = null;
          for (int i = 0; i < k; i++) {
            if (lambda[i] > floor) continue;
            for (double t = 1e-2 * sEst; t <= 1e3 * sEst; t *= 10) {
              for (int sign = -1; sign <= 1; sign += 2) {
                for (int j = 0; j < k; j++) y[j] = x[j] + sign * t * vecs[i][j];
                double gy = g(y);
                if (gy > bestG + 1e-12 * (1 + Math.abs(gx))) {
                  bestG = gy;
                  best = y.clone();
                }
              }
              if (best != null) break;
            }
          }
          if (best == null) return gx;
          // remember the mirror image of the probe: the other side of the saddle may hold a mode
          double[] mirror = new double[k];
          for (int j = 0; j < k; j++) mirror[j] = 2 * x[j] - best[j];
          if (mirrorStarts.size() < 8) mirrorStarts.add(mirror);
          System.arraycopy(best, 0, x, 0, k);
          gx = bestG;
          continue;
        }
        double len = norm(step);
        if (len > trust) {
          for (int j = 0; j < k; j++) step[j] *= trust / len;
          len = trust;
        }
        boolean accepted = false;
        for (int ls = 0; ls < 50; ls++) {
          for (int j = 0; j < k; j++) y[j] = x[j] + step[j];
          double gy = g(y);
          if (gy == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("integrand is infinite at " + Arrays.toString(y));
          }
          if (gy >= gx) {
            boolean progress = gy > gx || len > 1e-12 * (sEst + maxAbs(x));
            System.arraycopy(y, 0, x, 0, k);
            gx = gy;
            accepted = progress;
            if (ls == 0) trust = Math.min(trust * 2, 1e8);
            break;
          }
          for (int j = 0; j < k; j++) step[j] *= 0.5;
          len *= 0.5;
          trust = Math.max(len, 1e-12);
        }
        if (!accepted) {
          // line search failed: we are at the numerical maximum along the Newton direction
          if (concave || perturbations >= 10) return gx;
          perturbations++;
        }
      }
      return gx;
    }

    /** Central differences; false if any needed value is not finite. */
    boolean derivatives(double[] x, double gx, double h, double[] grad, double[][] m) {
      double[] y = x.clone();
      double[] gp = new double[k], gm = new double[k];
      for (int i = 0; i < k; i++) {
        y[i] = x[i] + h;
        gp[i] = g(y);
        y[i] = x[i] - h;
        gm[i] = g(y);
        y[i] = x[i];
        if (!Double.isFinite(gp[i]) || !Double.isFinite(gm[i])) return false;
        grad[i] = (gp[i] - gm[i]) / (2 * h);
        m[i][i] = -(gp[i] - 2 * gx + gm[i]) / (h * h);
      }
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          double[] v = new double[4];
          int t = 0;
          for (int si = -1; si <= 1; si += 2) {
            for (int sj = -1; sj <= 1; sj += 2) {
              y[i] = x[i] + si * h;
              y[j] = x[j] + sj * h;
              v[t++] = g(y);
            }
          }
          y[i] = x[i];
          y[j] = x[j];
          for (double vv : v) if (!Double.isFinite(vv)) return false;
          // v = g(--), g(-+), g(+-), g(++)
          double hij = (v[3] - v[2] - v[1] + v[0]) / (4 * h * h);
          m[i][j] = m[j][i] = -hij;
        }
      }
      return true;
    }

    /**
     * The distance d > 0 along sign·v from x at which g first falls to gx − drop (to ~1e-3
     * relative), starting the bracket search from d0.
     */
    double crossing(double[] x, double gx, double[] v, int sign, double drop, double d0) {
      double target = gx - drop;
      double[] y = new double[k];
      java.util.function.DoubleUnaryOperator at =
          d -> {
            for (int j = 0; j < k; j++) y[j] = x[j] + sign * d * v[j];
            return g(y);
          };
      double lo = 0, hi;
      double d = clamp(d0, 1e-10, 1e10);
      if (at.applyAsDouble(d) > target) {
        lo = d;
        int n = 0;
        do {
          d *= 2;
          if (++n > 80) {
            throw new ArithmeticException(
                "integrand does not decay along direction "
                    + Arrays.toString(v)
                    + " from "
                    + Arrays.toString(x)
                    + " (not integrable?)");
          }
          if (at.applyAsDouble(d) > target) lo = d;
          else break;
        } while (true);
        hi = d;
      } else {
        hi = d;
        int n = 0;
        while (n++ < 80) {
          d *= 0.5;
          if (at.applyAsDouble(d) > target) {
            lo = d;
            break;
          }
          hi = d;
        }
      }
      while (hi - lo > 1e-3 * hi) {
        double mid = 0.5 * (lo + hi);
        if (at.applyAsDouble(mid) > target) lo = mid;
        else hi = mid;
      }
      return Math.max(0.5 * (lo + hi), 1e-300);
    }

    // ---------------------------------------------------------------- grid sweeps

    private final class Grid {
      final double[] c;
      final double[][] w;
      final double[][] ext; // ext[i] = {a_i, b_i} in z units, updated by face pushes
      double gmax;

      Grid(double[] c, double[][] w, double[][] ext, double gmode) {
        this.c = c;
        this.w = w;
        this.ext = ext;
        this.gmax = gmode;
      }

      long points(double h) {
        long n = 1;
        for (int i = 0; i < k; i++) {
          long ni = (long) Math.ceil(ext[i][1] / h) - (long) Math.floor(ext[i][0] / h) + 1;
          n = Math.multiplyExact(n, Math.max(ni, 1));
          if (n > Long.MAX_VALUE / 1024) return Long.MAX_VALUE;
        }
        return n;
      }

      Sweep sweep(double h) {
        while (true) {
          if (points(h) > MAX_POINTS) {
            throw new ArithmeticException(
                "quadrature box grew beyond " + MAX_POINTS + " points (integrand too wide?)");
          }
          Sweep sw = sweepOnce(h);
          gmax = Math.max(gmax, sw.gmax);
          boolean pushed = false;
          for (int i = 0; i < k; i++) {
            double width = ext[i][1] - ext[i][0];
            double push = Math.max(2, 0.25 * width);
            if (sw.face[i][0] > gmax - FACE_DROP) {
              ext[i][0] -= push;
              pushed = true;
            }
            if (sw.face[i][1] > gmax - FACE_DROP) {
              ext[i][1] += push;
              pushed = true;
            }
          }
          if (!pushed) return sw;
        }
      }

      private Sweep sweepOnce(double h) {
        long[] lo = new long[k], hi = new long[k];
        for (int i = 0; i < k; i++) {
          lo[i] = (long) Math.floor(ext[i][0] / h);
          hi[i] = (long) Math.ceil(ext[i][1] / h);
          if (hi[i] <= lo[i]) hi[i] = lo[i] + 1;
        }
        Sweep sw = new Sweep(k);
        Enumeration.LogSumAccumulator acc = new Enumeration.LogSumAccumulator();
        double sum = 0, comp = 0, absSum = 0;
        long[] idx = lo.clone();
        double[] u = buf;
        while (true) {
          for (int j = 0; j < k; j++) {
            double uj = c[j];
            for (int i = 0; i < k; i++) uj += idx[i] * h * w[i][j];
            u[j] = uj;
          }
          evaluations++;
          double v = fn.applyAsDouble(u);
          if (Double.isNaN(v)) {
            double[] at = new double[k];
            for (int j = 0; j < k; j++) {
              at[j] = c[j];
              for (int i = 0; i < k; i++) at[j] += idx[i] * h * w[i][j];
            }
            throw new ArithmeticException("integrand is NaN at " + Arrays.toString(at));
          }
          double lg;
          if (logMode) {
            lg = v;
            acc.add(v);
          } else {
            lg = Math.log(Math.abs(v));
            double yk = v - comp;
            double t = sum + yk;
            comp = (t - sum) - yk;
            sum = t;
            absSum += Math.abs(v);
          }
          if (lg > sw.gmax) sw.gmax = lg;
          for (int i = 0; i < k; i++) {
            if (idx[i] == lo[i] && lg > sw.face[i][0]) sw.face[i][0] = lg;
            if (idx[i] == hi[i] && lg > sw.face[i][1]) sw.face[i][1] = lg;
          }
          int d = k - 1;
          while (d >= 0 && idx[d] == hi[d]) {
            idx[d] = lo[d];
            d--;
          }
          if (d < 0) break;
          idx[d]++;
        }
        if (logMode) {
          sw.logSum = acc.value();
          if (sw.logSum == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("integrand is infinite on the grid");
          }
        } else {
          sw.sum = sum;
          sw.absSum = absSum;
          if (!Double.isFinite(sum)) {
            throw new ArithmeticException("integrand overflows on the grid; use logIntegrate");
          }
        }
        return sw;
      }
    }
  }

  private static final class Sweep {
    double logSum, sum, absSum;
    double gmax = Double.NEGATIVE_INFINITY;
    final double[][] face;

    Sweep(int k) {
      face = new double[k][2];
      for (double[] f : face) Arrays.fill(f, Double.NEGATIVE_INFINITY);
    }
  }

  // ---------------------------------------------------------------- small linear algebra

  private static void identity(double[][] vecs, double[] lambda) {
    for (int i = 0; i < vecs.length; i++) {
      Arrays.fill(vecs[i], 0);
      vecs[i][i] = 1;
      lambda[i] = 0;
    }
  }

  /**
   * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: eigenvalues in lambda,
   * orthonormal eigenvectors as the ROWS of vecs.
   */
  static void eigen(double[][] m, double[][] vecs, double[] lambda) {
    int n = m.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = m[i].clone();
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) v[i][i] = 1;
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0, diag = 0;
      for (int i = 0; i < n; i++) {
        diag += a[i][i] * a[i][i];
        for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
      }
      if (off <= 1e-32 * diag || off == 0) break;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) continue;
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) t = 1;
          double cs = 1 / Math.sqrt(t * t + 1), sn = t * cs;
          for (int r = 0; r < n; r++) {
            double arp = a[r][p], arq = a[r][q];
            a[r][p] = cs * arp - sn * arq;
            a[r][q] = sn * arp + cs * arq;
          }
          for (int r = 0; r < n; r++) {
            double apr = a[p][r], aqr = a[q][r];
            a[p][r] = cs * apr - sn * aqr;
            a[q][r] = sn * apr + cs * aqr;
          }
          for (int r = 0; r < n; r++) {
            double vrp = v[r][p], vrq = v[r][q];
            v[r][p] = cs * vrp - sn * vrq;
            v[r][q] = sn * vrp + cs * vrq;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      lambda[i] = a[i][i];
      for (int j = 0; j < n; j++) vecs[i][j] = v[j][i];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double x : a) m = Math.max(m, Math.abs(x));
    return m;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
