package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.algebra.Symja;
import energy.algebra.matrix.Instantiation;
import energy.algebra.matrix.MatrixExpr;
import energy.result.Derivation;
import energy.result.MatrixMarginal;
import energy.result.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The steps of marginals in matrix notation (symbolic sizes), each shown intermediate checked in
 * components at instantiated sizes and random values: M and J by central differences of the
 * energy the step starts from, H̃ as the energy at u = 0, det M and JᵀM⁻¹J by elimination, M⁻¹ by
 * M·M⁻¹ = 𝟙, the step's formula against its result, and a summed-out vector's result against
 * enumeration of its states. With and without a temperature.
 */
class MatrixStepsTest {
  /** Two steps in one statement (an intermediate H′), and a sum over spins with a uᵀu term. */
  static final String SPINS = """
      model Spins
      dim n, m
      spin x[n], s[m]
      real y[m]
      param a[n], b[m], W[n,m], c
      temperature beta
      energy H(x, s, y) = -a.x + 1/2*y.y - b.y + c*s.s - x.W.s
      F = marginalize H over y, s
      """;

  static final List<Map<String, Integer>> SIZES = List.of(Map.of("n", 2, "m", 1, "p", 2), Map.of("n", 1, "m", 2, "p", 3), Map.of("n", 3, "m", 3, "p", 1));

  static List<Compilation> models() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String name : List.of("dbm3-symbolic", "rbm-symbolic")) texts.add(Files.readString(Path.of("examples", name + ".energy")));
    texts.add(SPINS);
    List<Compilation> out = new ArrayList<>();
    for (String t : texts) {
      out.add(StepsTest.compile(t));
      out.add(StepsTest.compile(t.replace("temperature beta\n", ""))); // the weight e^{−H}
    }
    return out;
  }

  /** Values drawn on first use: β in [0.5, 2], visible spins ±1, other symbols in [−0.3, 0.3] (so 𝟙 − BBᵀ ≻ 0 up to size 3). */
  static final class Values {
    final Map<String, Double> v = new HashMap<>();
    final Random random;
    final Map<String, Integer> sizes;
    final Instantiation inst;
    final IExpr beta;

    Values(Random random, Map<String, Integer> sizes, Compilation c) {
      this.random = random;
      this.sizes = sizes;
      this.beta = c.beta();
      inst = new Instantiation(sizes, Instantiation.BRACKETS, s -> F.num(value(s.getSymbolName(), c)));
    }

    double value(String name, Compilation c) {
      return v.computeIfAbsent(name, n -> {
        if (n.equals("beta")) return 0.5 + 1.5 * random.nextDouble();
        String head = n.contains("[") ? n.substring(0, n.indexOf('[')) : n;
        var variable = c.model().variables().get(head);
        if (variable != null && variable.kind() == energy.model.UnitKind.SPIN) return random.nextBoolean() ? 1.0 : -1.0;
        if (variable != null && variable.kind() == energy.model.UnitKind.BINARY) return random.nextBoolean() ? 1.0 : 0.0;
        return 0.6 * random.nextDouble() - 0.3;
      });
    }

    double at(IExpr scalar) {
      return Symja.eval(F.N(inst.scalar(scalar))).evalf();
    }

    double[][] entries(MatrixExpr m) {
      IExpr[][] e = inst.entries(m);
      double[][] out = new double[e.length][e[0].length];
      for (int i = 0; i < e.length; i++) for (int j = 0; j < e[0].length; j++) out[i][j] = Symja.eval(F.N(e[i][j])).evalf();
      return out;
    }

    double beta() {
      return at(beta);
    }

    /** Sets u's components (1-based names u[i]). */
    void put(MatrixExpr.Named u, double[] x) {
      for (int i = 0; i < x.length; i++) v.put(u.name() + "[" + (i + 1) + "]", x[i]);
    }
  }

  /** The energy a marginal's derivation starts from: the declared energy or the earlier result it names. */
  static IExpr source(Compilation c, MatrixMarginal r) {
    String name = r.query().energy().text();
    if (c.energies().containsKey(name)) return c.energies().get(name);
    return ((MatrixMarginal) c.result(name)).value();
  }

  @Test
  void everyShownIntermediateMatchesTheComponentComputation() throws Exception {
    long seed = 20261127L;
    System.out.println("MatrixStepsTest seed " + seed);
    Random random = new Random(seed);
    int gaussians = 0, sums = 0;
    for (Compilation c : models())
      for (Result result : c.results()) {
        if (!(result instanceof MatrixMarginal r)) continue;
        List<Derivation.Step> steps = r.steps().steps();
        assertEquals(r.from().integrated().size() - (c.result(r.query().energy().text()) instanceof MatrixMarginal m ? m.from().integrated().size() : 0),
            steps.size(), "one step per vector summed or integrated out: " + r.name());
        for (Map<String, Integer> sizes : SIZES)
          for (int trial = 0; trial < 2; trial++) {
            Values v = new Values(random, sizes, c);
            IExpr before = source(c, r);
            for (Derivation.Step s : steps) {
              if (s instanceof Derivation.MatrixGaussian g) {
                checkGaussian(g, before, r, v);
                gaussians++;
              } else {
                checkSum((Derivation.MatrixSum) s, before, v);
                sums++;
              }
              before = s.result();
            }
            // The last step's energy is the result (visible spins at ±1, where uᵀu = k holds).
            assertClose(v.at(r.value()), v.at(steps.get(steps.size() - 1).result()), r.name() + " is the last step's energy");
          }
      }
    assertTrue(gaussians >= 24 && sums >= 18, "Gaussian steps checked " + gaussians + ", sums " + sums);
  }

  static void checkGaussian(Derivation.MatrixGaussian g, IExpr energy, MatrixMarginal r, Values v) {
    MatrixExpr.Named u = g.unit();
    int k = v.inst.size(u.rows());
    double[][] m = v.entries(g.m());
    double[] j = column(v.entries(g.j()));
    String where = " (" + u.name() + ", sizes " + v.sizes + ")";
    // The energy is quadratic in u: central differences at u = 0 are exact up to rounding.
    double h = 0.5;
    for (int a = 0; a < k; a++) {
      close(-(at(v, energy, u, k, a, h, -1, 0) - at(v, energy, u, k, a, -h, -1, 0)) / (2 * h), j[a], "J" + a + where);
      for (int b = 0; b < k; b++) {
        double d2 = (at(v, energy, u, k, a, h, b, h) - at(v, energy, u, k, a, h, b, -h) - at(v, energy, u, k, a, -h, b, h) + at(v, energy, u, k, a, -h, b, -h))
            / (4 * h * h);
        close(d2, m[a][b], "M" + a + b + where);
      }
    }
    close(at(v, energy, u, k, -1, 0, -1, 0), v.at(g.rest()), "H̃ is the energy at u = 0" + where);
    double det = StepsTest.det(m);
    close(det, v.at(g.det()), "det M" + where);
    double[][] inverse = v.entries(g.inverse());
    for (int a = 0; a < k; a++)
      for (int b = 0; b < k; b++) {
        double p = 0;
        for (int x = 0; x < k; x++) p += m[a][x] * inverse[x][b];
        close(a == b ? 1 : 0, p, "M M⁻¹ = 𝟙 at " + a + b + where);
      }
    double[] x = StepsTest.solve(m, j);
    double form = 0;
    for (int a = 0; a < k; a++) form += j[a] * x[a];
    close(form, v.at(g.form()), "JᵀM⁻¹J" + where);
    if (g.condition()) assertTrue(r.positiveDefinite().contains(g.m()), "the condition M ≻ 0 is the result's" + where);
    else assertTrue(StepsTest.leadingPositive(m), "M is positive definite whatever the parameters" + where);
    // The shown formula H′ = H̃ − ½ JᵀM⁻¹J + (k/2β) ln(β/2π) + (1/2β) ln det M, from the numbers above.
    double beta = v.beta();
    double expected = v.at(g.rest()) - form / 2 + k / (2 * beta) * java.lang.Math.log(beta / (2 * java.lang.Math.PI)) + java.lang.Math.log(det) / (2 * beta);
    close(expected, v.at(g.result()), "the step's result" + where);
  }

  static void checkSum(Derivation.MatrixSum s, IExpr energy, Values v) {
    MatrixExpr.Named u = s.unit();
    int k = v.inst.size(u.rows());
    double[] psi = column(v.entries(s.field()));
    String where = " (" + u.name() + ", sizes " + v.sizes + ")";
    // The energy as a polynomial in u (units taken real): ψ = −∇H at 0, M its Hessian (a multiple of 𝟙 for spins, else none).
    double h = 0.5;
    for (int a = 0; a < k; a++) {
      close(-(at(v, energy, u, k, a, h, -1, 0) - at(v, energy, u, k, a, -h, -1, 0)) / (2 * h), psi[a], "ψ" + a + where);
      for (int b = 0; b < k; b++) {
        double d2 = (at(v, energy, u, k, a, h, b, h) - at(v, energy, u, k, a, h, b, -h) - at(v, energy, u, k, a, -h, b, h) + at(v, energy, u, k, a, -h, b, -h))
            / (4 * h * h);
        close(d2, s.m() == null ? 0 : v.entries(s.m())[a][b], "M" + a + b + where);
      }
    }
    close(at(v, energy, u, k, -1, 0, -1, 0), v.at(s.rest()), "H̃ is the energy at u = 0" + where);
    // The result against enumerating the 2^k states.
    double beta = v.beta(), z = 0;
    for (int state = 0; state < (1 << k); state++) {
      double[] x = new double[k];
      for (int a = 0; a < k; a++) x[a] = ((state >> a) & 1) == 1 ? 1 : s.spin() ? -1 : 0;
      v.put(u, x);
      z += java.lang.Math.exp(-beta * v.at(energy));
    }
    double result = v.at(s.result());
    close(-java.lang.Math.log(z) / beta, result, "the step's result against enumeration" + where);
    // The shown formula H̃ + ½ tr M − β⁻¹ Σⱼ ln(1 + e^{βψⱼ}) (or ln 2cosh βψⱼ), from the numbers above.
    double shown = v.at(s.rest());
    if (s.m() != null) for (int a = 0; a < k; a++) shown += v.entries(s.m())[a][a] / 2;
    for (int a = 0; a < k; a++) shown -= java.lang.Math.log(s.spin() ? 2 * java.lang.Math.cosh(beta * psi[a]) : 1 + java.lang.Math.exp(beta * psi[a])) / beta;
    close(shown, result, "the shown formula" + where);
  }

  /** The energy with u = 0 but for u_a = ha and u_b = hb (a or b = −1: none). */
  static double at(Values v, IExpr energy, MatrixExpr.Named u, int k, int a, double ha, int b, double hb) {
    double[] x = new double[k];
    if (a >= 0) x[a] += ha;
    if (b >= 0) x[b] += hb;
    v.put(u, x);
    return v.at(energy);
  }

  static double[] column(double[][] m) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) out[i] = m[i][0];
    return out;
  }

  static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-8 * java.lang.Math.max(1, java.lang.Math.abs(expected)), what);
  }

  static void assertClose(double expected, double actual, String what) {
    assertFalse(Double.isNaN(actual), what + ": NaN");
    close(expected, actual, what);
  }
}
