package energy.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuadratureTest {

  // ---- tiny linear algebra for the closed forms

  static double det(double[][] a) {
    int n = a.length;
    double[][] m = copy(a);
    double d = 1;
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
      if (p != c) {
        double[] t = m[p];
        m[p] = m[c];
        m[c] = t;
        d = -d;
      }
      d *= m[c][c];
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int q = c; q < n; q++) m[r][q] -= f * m[c][q];
      }
    }
    return d;
  }

  static double[] solve(double[][] a, double[] b) {
    int n = a.length;
    double[][] m = copy(a);
    double[] x = b.clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
      double[] t = m[p];
      m[p] = m[c];
      m[c] = t;
      double tx = x[p];
      x[p] = x[c];
      x[c] = tx;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int q = c; q < n; q++) m[r][q] -= f * m[c][q];
        x[r] -= f * x[c];
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = x[r];
      for (int q = r + 1; q < n; q++) s -= m[r][q] * x[q];
      x[r] = s / m[r][r];
    }
    return x;
  }

  static double[][] copy(double[][] a) {
    double[][] m = new double[a.length][];
    for (int i = 0; i < a.length; i++) m[i] = a[i].clone();
    return m;
  }

  /** A random symmetric positive-definite A = Q diag(lambda) Q^T with a random rotation Q. */
  static double[][] randomSpd(Random rnd, int k, double[] lambda) {
    double[][] q = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) q[i][j] = rnd.nextGaussian();
      for (int p = 0; p < i; p++) {
        double d = 0;
        for (int j = 0; j < k; j++) d += q[i][j] * q[p][j];
        for (int j = 0; j < k; j++) q[i][j] -= d * q[p][j];
      }
      double nrm = 0;
      for (int j = 0; j < k; j++) nrm += q[i][j] * q[i][j];
      nrm = Math.sqrt(nrm);
      for (int j = 0; j < k; j++) q[i][j] /= nrm;
    }
    double[][] a = new double[k][k];
    for (int i = 0; i < k; i++)
      for (int j = 0; j < k; j++)
        for (int p = 0; p < k; p++) a[i][j] += q[p][i] * lambda[p] * q[p][j];
    return a;
  }

  static double energy(double[][] a, double[] b, double c, double[] u) {
    int k = u.length;
    double e = c;
    for (int i = 0; i < k; i++) {
      e -= b[i] * u[i];
      for (int j = 0; j < k; j++) e += 0.5 * u[i] * a[i][j] * u[j];
    }
    return e;
  }

  /** log of the closed form √((2π)^k/det(βA)) exp(β² bᵀ(βA)⁻¹ b/2 − βc). */
  static double logClosedForm(double[][] a, double[] b, double c, double beta) {
    int k = b.length;
    double[][] ba = new double[k][k];
    for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) ba[i][j] = beta * a[i][j];
    double[] x = solve(ba, b);
    double quad = 0;
    for (int i = 0; i < k; i++) quad += b[i] * x[i];
    return 0.5 * (k * Math.log(2 * Math.PI) - Math.log(det(ba))) + beta * beta * quad / 2 - beta * c;
  }

  @Test
  void randomGaussiansMatchClosedForm() {
    long seed = 20240611L;
    System.out.println("QuadratureTest.randomGaussiansMatchClosedForm seed " + seed);
    Random rnd = new Random(seed);
    double worst = 0;
    for (int k = 1; k <= 3; k++) {
      for (int trial = 0; trial < 12; trial++) {
        double beta = 0.2 + 3 * rnd.nextDouble();
        double[] lambda = new double[k];
        // widths 1/sqrt(beta*lambda) between 0.1 and 10
        for (int i = 0; i < k; i++) lambda[i] = Math.pow(10, -2 + 4 * rnd.nextDouble()) / beta;
        double[][] a = randomSpd(rnd, k, lambda);
        double[] centre = new double[k];
        for (int i = 0; i < k; i++) centre[i] = -10 + 20 * rnd.nextDouble();
        double[] b = new double[k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) b[i] += a[i][j] * centre[j];
        // c such that the peak weight e^{-beta*min H} stays moderate (for the linear integrate)
        double hmin = energy(a, b, 0, centre);
        double c = -hmin + (-2 + 4 * rnd.nextDouble()) / beta;
        double expectedLog = logClosedForm(a, b, c, beta);
        double expected = Math.exp(expectedLog);

        long t0 = System.nanoTime();
        Quadrature.Result r =
            Quadrature.integrateDetailed(k, u -> Math.exp(-beta * energy(a, b, c, u)));
        long t1 = System.nanoTime();
        double rel = Math.abs(r.value() - expected) / expected;
        double logErr =
            Math.abs(Quadrature.logIntegrate(k, u -> -beta * energy(a, b, c, u)) - expectedLog);
        worst = Math.max(worst, Math.max(rel, logErr));
        System.out.printf(
            "k=%d beta=%.3f lambda=%s centre=%s: rel err %.2e, log err %.2e, h=%.3g, %d evals, %.1f ms%n",
            k, beta, Arrays.toString(lambda), Arrays.toString(centre), rel, logErr, r.step(),
            r.evaluations(), (t1 - t0) / 1e6);
        assertTrue(rel < 1e-9, "k=" + k + " trial " + trial + ": rel err " + rel);
        assertTrue(logErr < 1e-9, "k=" + k + " trial " + trial + ": log err " + logErr);
      }
    }
    System.out.println("worst error " + worst);
  }

  @Test
  void threeDimensionalTiming() {
    double[][] a = {{2.0, 0.9, -0.4}, {0.9, 1.5, 0.3}, {-0.4, 0.3, 0.8}};
    double[] b = {3, -2, 7};
    double c = 1.5, beta = 1.7;
    double expectedLog = logClosedForm(a, b, c, beta);
    // warm up the JIT once, then time
    Quadrature.logIntegrate(3, u -> -beta * energy(a, b, c, u));
    long t0 = System.nanoTime();
    Quadrature.Result r = Quadrature.logIntegrateDetailed(3, u -> -beta * energy(a, b, c, u));
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf(
        "3D timing: log err %.2e, %d evaluations, h=%.3g, %.1f ms%n",
        Math.abs(r.value() - expectedLog), r.evaluations(), r.step(), ms);
    assertEquals(expectedLog, r.value(), 1e-10);
    assertTrue(ms < 1000, "3D took " + ms + " ms");
  }

  @Test
  void nonGaussianIntegrands() {
    // ∫ e^{-u^4} du = 2 Γ(5/4)
    double quartic = Quadrature.integrate(1, u -> Math.exp(-Math.pow(u[0], 4)));
    assertEquals(1.8128049541109541, quartic, 1e-9 * 1.8128049541109541);
    // ∫ e^{-x²} cosh x dx = √π e^{1/4}
    double expected = Math.sqrt(Math.PI) * Math.exp(0.25);
    double coshGauss = Quadrature.integrate(1, u -> Math.exp(-u[0] * u[0]) * Math.cosh(u[0]));
    assertEquals(expected, coshGauss, 1e-9 * expected);
    // shifted and scaled quartic in 2D: ∫∫ e^{-((x-3)/2)^4 - ((y+1)*3)^4} = (2Γ(5/4))² · 2/3
    double q2 =
        Quadrature.integrate(
            2, u -> Math.exp(-Math.pow((u[0] - 3) / 2, 4) - Math.pow((u[1] + 1) * 3, 4)));
    double e2 = 1.8128049541109541 * 1.8128049541109541 * 2 / 3;
    assertEquals(e2, q2, 1e-9 * e2);
    // a double well with a low barrier: ∫ e^{-(u²-1)²} du = 1.97130699311...
    // (checked against the 1D closed form π/2 · e^{-1/2} · (I_{-1/4}(1/2) + I_{1/4}(1/2)) via a fine Simpson rule)
    double well = Quadrature.integrate(1, u -> Math.exp(-Math.pow(u[0] * u[0] - 1, 2)));
    double simpson = simpson(x -> Math.exp(-Math.pow(x * x - 1, 2)), -6, 6, 200000);
    assertEquals(simpson, well, 1e-9 * simpson);
    // a signed integrand: ∫ u e^{-(u-2)²} du = 2√π ; ∫ (x y) e^{-x²-y²+x+y}
    double signed = Quadrature.integrate(1, u -> u[0] * Math.exp(-(u[0] - 2) * (u[0] - 2)));
    assertEquals(2 * Math.sqrt(Math.PI), signed, 1e-9 * 2 * Math.sqrt(Math.PI));
    // 3D: Gaussian times a smooth factor, separable: (∫ e^{-x²} cosh x)³
    double sep =
        Quadrature.integrate(
            3,
            u ->
                Math.exp(-u[0] * u[0] - u[1] * u[1] - u[2] * u[2])
                    * Math.cosh(u[0])
                    * Math.cosh(u[1])
                    * Math.cosh(u[2]));
    double e3 = expected * expected * expected;
    assertEquals(e3, sep, 1e-9 * e3);
  }

  @Test
  void symmetricDoubleWellWithHighBarrier() {
    // e^{-10(u²-4)²}: wells at ±2 of width ≈ 0.056, barrier e^{-160}; both wells must be found
    double one = Quadrature.integrate(1, u -> Math.exp(-10 * Math.pow(u[0] * u[0] - 4, 2)));
    double ref = simpson(x -> Math.exp(-10 * Math.pow(x * x - 4, 2)), -3, 3, 600000);
    assertEquals(ref, one, 1e-9 * ref);
    // 2D, the double well along a diagonal, times a Gaussian across it, in log space
    double logTwo =
        Quadrature.logIntegrate(
            2,
            u -> {
              double p = (u[0] + u[1]) / Math.sqrt(2), q = (u[0] - u[1]) / Math.sqrt(2);
              return -10 * Math.pow(p * p - 4, 2) - q * q / 2;
            });
    assertEquals(Math.log(ref * Math.sqrt(2 * Math.PI)), logTwo, 1e-9);
  }

  static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n, s = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    return s * h / 3;
  }

  @Test
  void logIntegrateWithHugeAndTinyWeights() {
    // weight e^{+300} and e^{-300} at the peak; widths 0.5 and 3
    for (double shift : new double[] {300, -300, 700, -800}) {
      double[][] a = {{4, 0.5}, {0.5, 1.0 / 9}};
      double[] b = {1, 2};
      double c = -shift;
      double expected = logClosedForm(a, b, c, 1);
      double got = Quadrature.logIntegrate(2, u -> -energy(a, b, c, u));
      assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), "shift " + shift);
    }
    // 1D non-Gaussian at e^{-500}: log ∫ e^{-500 - u^4} = -500 + log(2Γ(5/4))
    double got = Quadrature.logIntegrate(1, u -> -500 - Math.pow(u[0] - 7, 4));
    assertEquals(-500 + Math.log(1.8128049541109541), got, 1e-12 * 500);
  }

  @Test
  void narrowFarBumpFromUnderflowingOrigin() {
    // width 0.1 at centre 10 in 3D: the integrand underflows to 0 at the origin
    double s2 = 0.01;
    double v =
        Quadrature.integrate(
            3,
            u -> {
              double r2 = 0;
              for (int i = 0; i < 3; i++) r2 += (u[i] - 10) * (u[i] - 10);
              return Math.exp(-r2 / (2 * s2));
            });
    double expected = Math.pow(2 * Math.PI * s2, 1.5);
    assertEquals(expected, v, 1e-9 * expected);
  }

  @Test
  void dimensionLimits() {
    assertThrows(IllegalArgumentException.class, () -> Quadrature.integrate(4, u -> 1));
    assertThrows(IllegalArgumentException.class, () -> Quadrature.logIntegrate(0, u -> 0));
    assertThrows(ArithmeticException.class, () -> Quadrature.integrate(1, u -> 1.0));
  }

  @Test
  void eigenDecomposition() {
    double[][] m = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 5}};
    double[][] vecs = new double[3][3];
    double[] lambda = new double[3];
    Quadrature.eigen(m, vecs, lambda);
    for (int i = 0; i < 3; i++) {
      for (int r = 0; r < 3; r++) {
        double mv = 0;
        for (int j = 0; j < 3; j++) mv += m[r][j] * vecs[i][j];
        assertEquals(lambda[i] * vecs[i][r], mv, 1e-12);
      }
    }
    assertEquals(det(m), lambda[0] * lambda[1] * lambda[2], 1e-10);
  }
}
