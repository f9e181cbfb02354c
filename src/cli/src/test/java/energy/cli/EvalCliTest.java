package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code eval} against brute force: each number is recomputed here by enumeration, exact
 * moments or finite lattices, not through the tool's algebra; and each bad {@code --at} gets
 * a clear error with the documented exit status.
 */
class EvalCliTest {
  /** The printed lines as label → value. */
  static Map<String, Double> eval(String... args) {
    List<String> all = new ArrayList<>(List.of("eval"));
    all.addAll(List.of(args));
    CliTest.Run r = CliTest.run(all.toArray(new String[0]));
    assertEquals(0, r.status(), String.join(" ", all) + ": " + r.err());
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : r.out().split("\n")) {
      int eq = line.lastIndexOf(" = ");
      out.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 3)));
    }
    return out;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void partitionFunctionWithCoshEqualsTheEnumeratedSum() {
    double j = 0.5, h = 0.2, beta = 1.3, z = 0;
    for (int m = 0; m < 16; m++) {
      int[] s = new int[4];
      for (int i = 0; i < 4; i++) s[i] = (m >> i & 1) == 1 ? 1 : -1;
      double e = -j * (s[0] * s[1] + s[1] * s[2] + s[2] * s[3] + s[3] * s[0]) - h * (s[0] + s[1] + s[2] + s[3]);
      z += Math.exp(-beta * e);
    }
    Map<String, Double> v = eval("examples/ising-ring.energy", "Z", "--at", "J=0.5", "h=0.2", "beta=1.3");
    assertEquals(z, v.get("Z"), 1e-12 * z);
    assertEquals(-Math.log(z) / beta, v.get("-ln(Z)/beta"), 1e-12);
  }

  @Test
  void kadanoffBlockEnergyEqualsTheEnumeratedMarginal() {
    double lambda = 0.7, k = 0.5, h = 0.2;
    for (int bigS : new int[] {1, -1}) {
      double w = 0;
      for (int m = 0; m < 8; m++) {
        int v1 = (m & 1) == 1 ? 1 : -1, v2 = (m >> 1 & 1) == 1 ? 1 : -1, v3 = (m >> 2 & 1) == 1 ? 1 : -1;
        double sum = v1 + v2 + v3;
        double e = -k * (v1 * v2 + v2 * v3) - h * sum - lambda * bigS * sum + Math.log(2 * Math.cosh(lambda * sum));
        w += Math.exp(-e);
      }
      Map<String, Double> v = eval("examples/kadanoff-kernel.energy", "Hb", "--at", "lambda=0.7", "K=0.5", "h=0.2", "S=" + bigS);
      assertEquals(-Math.log(w), v.get("Hb"), 1e-12);
    }
    Map<String, Double> t = eval("examples/kadanoff-kernel.energy", "T", "--at", "lambda=0.7", "S=1", "v1=1", "v2=-1", "v3=1");
    assertEquals(0.7 - Math.log(2 * Math.cosh(0.7)), t.get("T"), 1e-12);
    assertEquals(1, t.get("sum_S exp(T)"), 1e-12);
  }

  /**
   * The expansion's couplings with the cumulants substituted by eval itself, against the
   * brute-force projection of the exact marginal F(v) = −a·v − β⁻¹Σⱼ ln(1 + e^{β(bⱼ + (Wᵀv)ⱼ)})
   * onto the spin monomials: at W ~ 0.03 they differ by the neglected order W⁵.
   */
  @Test
  void expansionCouplingsSubstituteTheCumulantsAndMatchTheExactProjection() {
    long seed = 11;
    System.out.println("expansion seed " + seed);
    Random random = new Random(seed);
    double beta = 0.9;
    double[] a = new double[3], b = new double[2];
    double[][] w = new double[3][2];
    List<String> at = new ArrayList<>(List.of("examples/rbm-couplings.energy", "G", "--at", "beta=" + beta));
    for (int i = 0; i < 3; i++) at.add("a[" + (i + 1) + "]=" + (a[i] = random.nextDouble() - 0.5));
    for (int j = 0; j < 2; j++) at.add("b[" + (j + 1) + "]=" + (b[j] = random.nextDouble() - 0.5));
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 2; j++) at.add("W[" + (i + 1) + "," + (j + 1) + "]=" + (w[i][j] = 0.06 * random.nextDouble() - 0.03));
    Map<String, Double> v = eval(at.toArray(new String[0]));
    double[] c = new double[8]; // c_S = 2⁻³ Σ_v F(v) Π_{i∈S} vᵢ, by mask S
    for (int m = 0; m < 8; m++) {
      double[] s = {(m & 1) == 1 ? 1 : -1, (m >> 1 & 1) == 1 ? 1 : -1, (m >> 2 & 1) == 1 ? 1 : -1};
      double f = -(a[0] * s[0] + a[1] * s[1] + a[2] * s[2]);
      for (int j = 0; j < 2; j++) f -= Math.log1p(Math.exp(beta * (b[j] + w[0][j] * s[0] + w[1][j] * s[1] + w[2][j] * s[2]))) / beta;
      for (int mask = 0; mask < 8; mask++) {
        double p = f / 8;
        for (int i = 0; i < 3; i++) if ((mask >> i & 1) == 1) p *= s[i];
        c[mask] += p;
      }
    }
    assertEquals(c[0], v.get("E0"), 1e-9);
    assertEquals(-c[1], v.get("h[1]"), 1e-9);
    assertEquals(-c[3], v.get("J[1,2]"), 1e-9);
    assertEquals(-c[6], v.get("J[2,3]"), 1e-9);
    assertEquals(-c[7], v.get("K[1,2,3]"), 1e-9);
    assertTrue(Math.abs(c[7]) > 1e-7, "the three-body coupling is resolved: " + c[7]);
  }

  /** κₙ from exact raw moments by κₙ = μₙ − Σ_{m<n} C(n−1, m−1) κₘ μₙ₋ₘ. */
  static double[] cumulantsFromMoments(double[] mu) {
    int n = mu.length - 1;
    double[] k = new double[n + 1];
    for (int r = 1; r <= n; r++) {
      k[r] = mu[r];
      for (int m = 1; m < r; m++) k[r] -= binomial(r - 1, m - 1) * k[m] * mu[r - m];
    }
    return k;
  }

  static double binomial(int n, int k) {
    double out = 1;
    for (int i = 1; i <= k; i++) out = out * (n - k + i) / i;
    return out;
  }

  @Test
  void priorCumulantsEqualThoseOfTheExactPriorsMoments() {
    double beta = 1.2, b1 = 0.4, b2 = -0.7, a1 = 0.3;
    Map<String, Double> k5 = eval("examples/priors.energy", "K5", "--at", "beta=1.2", "b[1]=0.4", "b[2]=-0.7", "t=0.25");
    for (double[] bj : new double[][] {{1, b1}, {2, b2}}) {
      double p = sigmoid(beta * bj[1]);
      double[] mu = {1, p, p, p, p, p}; // h ∈ {0, 1}: every moment is P(h = 1)
      int j = (int) bj[0];
      assertEquals(cumulantsFromMoments(mu)[5], k5.get("kappa[5]^(" + j + ")"), 1e-12);
      assertEquals(Math.log((1 + Math.exp(beta * bj[1] + 0.25)) / (1 + Math.exp(beta * bj[1]))), k5.get("K^(" + j + ")(t)"), 1e-12);
    }
    Map<String, Double> k3 = eval("examples/priors.energy", "K3", "--at", "beta=1.2", "a[1]=0.3", "a[2]=0.1");
    double m = Math.tanh(beta * a1);
    assertEquals(cumulantsFromMoments(new double[] {1, m, 1, m})[3], k3.get("kappa[3]^(1)"), 1e-12);
    Map<String, Double> k2 = eval("examples/priors.energy", "K2", "--at", "beta=1.2", "c=2", "d=0.3");
    assertEquals(1 / (1.2 * 2), k2.get("kappa[2]^(z)"), 1e-12);
  }

  @Test
  void momentIdentitiesAtTheMomentsOfARandomDistribution() {
    long seed = 5;
    System.out.println("moments seed " + seed);
    Random random = new Random(seed);
    double[] x = new double[4], p = new double[4];
    double total = 0;
    for (int i = 0; i < 4; i++) {
      x[i] = 2 * random.nextDouble() - 1;
      total += p[i] = 0.1 + random.nextDouble();
    }
    double[] mu = new double[5];
    for (int n = 0; n <= 4; n++) for (int i = 0; i < 4; i++) mu[n] += p[i] / total * Math.pow(x[i], n);
    double[] kappa = cumulantsFromMoments(mu);
    Map<String, Double> k4 = eval("examples/cumulants.energy", "K4", "--at", "mu1=" + mu[1], "μ₂=" + mu[2], "mu[3]=" + mu[3], "mu_4=" + mu[4]);
    assertEquals(kappa[4], k4.get("K4"), 1e-12);
    Map<String, Double> m4 = eval("examples/cumulants.energy", "M4", "--at", "kappa1=" + kappa[1], "kappa2=" + kappa[2], "κ3=" + kappa[3], "kappa[4]=" + kappa[4]);
    assertEquals(mu[4], m4.get("M4"), 1e-12);
  }

  /** κ(x₁, x₂, x₃) = ∂³/∂t₁∂t₂∂t₃ ln⟨e^{t·x}⟩ at 0, by central differences on a random three-point law. */
  @Test
  void jointCumulantAtTheJointMomentsOfARandomDistribution() {
    long seed = 7;
    System.out.println("joint seed " + seed);
    Random random = new Random(seed);
    double[][] pts = new double[3][3];
    double[] p = new double[3];
    double total = 0;
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < 3; i++) pts[j][i] = 2 * random.nextDouble() - 1;
      total += p[j] = 0.2 + random.nextDouble();
    }
    for (int j = 0; j < 3; j++) p[j] /= total;
    List<String> at = new ArrayList<>(List.of("examples/cumulants.energy", "C3", "--at"));
    String[] names = {"x1", "x2", "x3"};
    for (int mask = 1; mask < 8; mask++) {
      double m = 0;
      List<String> vs = new ArrayList<>();
      for (int i = 0; i < 3; i++) if ((mask >> i & 1) == 1) vs.add(names[i]);
      for (int j = 0; j < 3; j++) {
        double prod = p[j];
        for (int i = 0; i < 3; i++) if ((mask >> i & 1) == 1) prod *= pts[j][i];
        m += prod;
      }
      at.add("<" + String.join(" ", vs) + ">=" + m);
    }
    double h = 1e-3, d = 0;
    for (int sgn = 0; sgn < 8; sgn++) {
      double[] t = {(sgn & 1) == 1 ? h : -h, (sgn >> 1 & 1) == 1 ? h : -h, (sgn >> 2 & 1) == 1 ? h : -h};
      double mgf = 0;
      for (int j = 0; j < 3; j++) mgf += p[j] * Math.exp(t[0] * pts[j][0] + t[1] * pts[j][1] + t[2] * pts[j][2]);
      d += Math.signum(t[0] * t[1] * t[2]) * Math.log(mgf);
    }
    d /= 8 * h * h * h;
    assertEquals(d, eval(at.toArray(new String[0])).get("C3"), 1e-5);
  }

  /** K′, h′, g of the chain decimation from Σ_{s₂} e^{K s₂(s₁+s₃) + h s₂} = e^{g + K′s₁s₃ + (h′−h)(s₁+s₃)/2}. */
  @Test
  void chainDecimationStepEqualsTheThreeSpinSum() {
    double k = 0.37, h = 0.21;
    Map<String, Double> v = eval("examples/ising-chain.energy", "K1", "--at", "K=0.37", "h=0.21");
    for (int s1 : new int[] {1, -1})
      for (int s3 : new int[] {1, -1}) {
        double sum = 0;
        for (int s2 : new int[] {1, -1}) sum += Math.exp(k * s2 * (s1 + s3) + h * s2);
        double predicted = v.get("g") + v.get("K'") * s1 * s3 + (v.get("h'") - h) * (s1 + s3) / 2;
        assertEquals(Math.log(sum), predicted, 1e-12, "s1=" + s1 + " s3=" + s3);
      }
    Map<String, Double> mk = eval("examples/square-mk.energy", "K1", "--at", "K=0.3");
    assertEquals(0.5 * Math.log(Math.cosh(4 * 0.3)), mk.get("K'"), 1e-12);
  }

  // ---------------------------------------------------------------- bad values

  static CliTest.Run bad(String... args) {
    List<String> all = new ArrayList<>(List.of("eval"));
    all.addAll(List.of(args));
    return CliTest.run(all.toArray(new String[0]));
  }

  static void assertError(int status, String message, CliTest.Run r) {
    assertEquals(status, r.status(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(!r.err().contains("Exception"), r.err());
  }

  static final String[] PAIR = {"examples/pair.energy", "Heff", "--at", "beta=1", "J=0.5", "g=0.3", "c=2"};

  static String[] pair(String... more) {
    List<String> all = new ArrayList<>(List.of(PAIR));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  @Test
  void unitsOutsideTheirDomainAreRefused() {
    assertError(1, "s1 is a spin: its value is 1 or -1, not 0.5", bad(pair("s1=0.5", "s2=1")));
    assertError(1, "s2 is a spin: its value is 1 or -1, not 2", bad(pair("s1=1", "s2=2")));
    assertError(1, "h[1] is a binary unit: its value is 0 or 1, not 0.5",
        bad("examples/rbm-couplings.energy", "E", "--at", "beta=1", "h[1]=0.5"));
  }

  @Test
  void anIntegratedUnitTakesNoValue() {
    assertError(2, "y is summed or integrated out in Heff; it takes no value", bad(pair("s1=1", "s2=1", "y=0.3")));
  }

  @Test
  void aNameTwiceOrUnknownIsAUsageError() {
    assertError(2, "'J' is given twice in --at", bad(pair("J=0.1", "s1=1", "s2=1")));
    CliTest.Run r = bad(pair("s1=1", "s2=1", "q=1"));
    assertError(2, "unknown name 'q' in --at; Heff takes s1 s2 J g c beta", r);
  }

  @Test
  void nonNumbersAreUsageErrors() {
    for (String value : new String[] {"Infinity", "NaN", "0x1p3", "1e400", "1d", "", "two"}) {
      CliTest.Run r = bad(pair("s1=1", "s2=" + value));
      assertEquals(2, r.status(), value + ": " + r.err());
      assertTrue(r.err().contains("s2"), r.err());
    }
    assertEquals(0, bad("examples/pair.energy", "Heff", "--at", "beta=1", "J=1/4", "g=0.3", "c=2", "s1=1", "s2=-1").status(), "a fraction is a number");
    assertError(2, "expected NAME=VALUE in --at, got 'J'", bad(pair("J")));
  }

  @Test
  void missingValuesAreNamed() {
    assertError(1, "missing values for s1, s2", bad(PAIR));
    assertError(1, "missing values for kappa2, kappa3, kappa4", bad("examples/cumulants.energy", "M4", "--at", "kappa1=1"));
  }

  @Test
  void noSuchResultListsTheResults() {
    assertError(2, "no result or energy named 'Q'; there are: H, Heff, Z", bad("examples/pair.energy", "Q"));
    assertError(2, "there are: K1", bad("examples/ising-chain.energy", "Q"));
    assertError(2, "there are: K4, M4, C3", bad("examples/cumulants.energy", "Q"));
  }

  @Test
  void aValueThatIsNotRealIsAnErrorNotNaN(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("log.energy");
    java.nio.file.Files.writeString(file, "model L\nspin s\nparam c\nenergy E(s) = ln(c)*s\n");
    assertError(1, "E is not a real number at these values", bad(file.toString(), "E", "--at", "c=-1", "s=1"));
    assertEquals(0, bad(file.toString(), "E", "--at", "c=2", "s=1").status());
  }

  @Test
  void aNonPositiveTemperatureOrAViolatedConditionIsNamed() {
    assertError(1, "the inverse temperature beta must be positive, not 0", bad("examples/pair.energy", "Heff", "--at", "beta=0", "J=0.5", "g=0.3", "c=2", "s1=1", "s2=1"));
    assertError(1, "Heff holds only for c > 0, which fails at these values", bad("examples/pair.energy", "Heff", "--at", "beta=1", "J=0.5", "g=0.3", "c=-2", "s1=1", "s2=1"));
    assertError(1, "H0 holds only for 1 − B₁₁² − B₂₁² > 0, which fails at these values",
        bad("examples/dbm3.energy", "H0", "--at", "beta=1", "a[1]=0", "a[2]=0", "A[1,1]=0", "A[1,2]=0", "A[2,1]=0", "A[2,2]=0",
            "B[1,1]=0.9", "B[2,1]=0.9", "x[1]=1", "x[2]=1"));
  }
}
