package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.algebra.GaussianIntegrator;
import energy.algebra.Symja;
import energy.diag.Source;
import energy.model.UnitKind;
import energy.result.Derivation;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Marginal;
import energy.result.Result;
import energy.verify.Assignment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Every intermediate a derivation shows is checked by an independent numerical route at random
 * values: M and J by finite differences of the energy the step starts from, det M and the leading
 * minors by elimination in doubles, JᵀM⁻¹J by solving M x = J, each discrete group's sum by
 * enumerating its states, the cumulant formula against the expansion it explains.
 */
class StepsTest {
  static final String MIXED = """
      dim n = 2
      spin s[n], v
      real y
      param a, J, W[n], c
      temperature beta
      energy H(v, s, y) = 1/2*c*y^2 - a*y*v - y*(W[1]*s[1] + W[2]*s[2]) - J*s[1]*s[2]
      F = marginalize H over y, s
      """;

  static Compilation compile(Path file) throws Exception {
    return Compiler.compile(new Source(file.toString(), Files.readString(file)));
  }

  static Compilation compile(String text) {
    return Compiler.compile(new Source("<test>", text));
  }

  /** The energy a marginal's derivation starts from: the declared energy or the earlier result it names. */
  static IExpr source(Compilation c, Marginal r) {
    String name = r.query().energy().text();
    if (c.energies().containsKey(name)) return c.energies().get(name);
    return ((Marginal) c.result(name)).value();
  }

  /** Random values for every free symbol of {@code es}: β in [0.5, 2], the rest small and positive (so 1 − B² and a curvature c stay positive). */
  static Map<ISymbol, Double> values(Random random, IExpr... es) {
    Set<ISymbol> symbols = new LinkedHashSet<>();
    for (IExpr e : es) collect(e, symbols);
    Map<ISymbol, Double> v = new HashMap<>();
    for (ISymbol s : symbols) v.put(s, s.getSymbolName().toLowerCase().contains("beta") ? 0.5 + 1.5 * random.nextDouble() : 0.05 + 0.4 * random.nextDouble());
    return v;
  }

  static void collect(IExpr e, Set<ISymbol> out) {
    if (e.isSymbol() && !e.isBuiltInSymbol()) out.add((ISymbol) e);
    for (IExpr a : Symja.args(e)) collect(a, out);
  }

  static double at(Map<ISymbol, Double> values, IExpr e) {
    return new Assignment(values).evaluate(e);
  }

  static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-8 * java.lang.Math.max(1, java.lang.Math.abs(expected)), what);
  }

  // ---------------------------------------------------------------- Gaussian steps

  @Test
  void gaussianIntermediatesMatchFiniteDifferencesOfTheEnergy() throws Exception {
    long seed = 20261127L;
    System.out.println("StepsTest gaussian seed " + seed);
    Random random = new Random(seed);
    Compilation dbm3 = compile(Path.of("examples/dbm3.energy"));
    int checked = 0;
    for (Compilation c : List.of(dbm3, compile(Path.of("examples/pair.energy")), compile(MIXED)))
      for (Result r : c.results()) {
        if (!(r instanceof Marginal m)) continue;
        for (Derivation.Step s : m.steps().steps())
          if (s instanceof Derivation.Gaussian g) {
            checkGaussian(g, m.steps().steps().indexOf(s) == 0 ? source(c, m) : null, c.beta(), random);
            checked++;
          }
      }
    assertTrue(checked >= 4, "Gaussian steps checked: " + checked);
  }

  /** M, J, H̃ from the energy (when given) by central differences; det M, minors, JᵀM⁻¹J and the step's result by linear algebra in doubles. */
  static void checkGaussian(Derivation.Gaussian g, IExpr energy, IExpr beta, Random random) {
    int k = g.units().size();
    List<IExpr> all = new ArrayList<>(List.of(g.rest(), g.det(), g.form(), g.result()));
    if (energy != null) all.add(energy);
    for (List<IExpr> row : g.m()) all.addAll(row);
    all.addAll(g.j());
    all.add(beta);
    for (int trial = 0; trial < 3; trial++) {
      Map<ISymbol, Double> v = values(random, all.toArray(new IExpr[0]));
      for (ISymbol u : g.units()) v.put(u, 0.0);
      double[][] m = new double[k][k];
      double[] j = new double[k];
      for (int a = 0; a < k; a++) {
        j[a] = at(v, g.j().get(a));
        for (int b = 0; b < k; b++) m[a][b] = at(v, g.m().get(a).get(b));
      }
      if (energy != null) {
        double h = 0.5;
        // The energy is quadratic in u: central differences are exact up to rounding.
        for (int a = 0; a < k; a++) {
          close(-(shifted(v, energy, g.units(), a, h, -1, 0) - shifted(v, energy, g.units(), a, -h, -1, 0)) / (2 * h), j[a], "J" + a);
          for (int b = 0; b < k; b++) {
            double d2 = (shifted(v, energy, g.units(), a, h, b, h) - shifted(v, energy, g.units(), a, h, b, -h) - shifted(v, energy, g.units(), a, -h, b, h)
                + shifted(v, energy, g.units(), a, -h, b, -h)) / (4 * h * h);
            close(d2, m[a][b], "M" + a + b);
          }
        }
        close(at(v, energy), at(v, g.rest()), "H̃ is the energy at u = 0");
      }
      for (int n = 1; n <= k; n++) close(det(leading(m, n)), at(v, g.minors().get(n - 1)), "leading minor " + n);
      close(det(m), at(v, g.det()), "det M");
      double[] x = solve(m, j);
      double jmj = 0;
      for (int a = 0; a < k; a++) jmj += j[a] * x[a];
      double detM = det(m);
      close(jmj, at(v, g.form()) / detM, "JᵀM⁻¹J");
      // M⁻¹ as shown: adj M / det M against the inverse by elimination.
      List<List<IExpr>> adj = GaussianIntegrator.adjugate(g.m());
      for (int a = 0; a < k; a++) {
        double[] e = new double[k];
        e[a] = 1;
        double[] col = solve(m, e);
        for (int b = 0; b < k; b++) close(col[b], at(v, adj.get(b).get(a)) / detM, "M⁻¹ " + b + a);
      }
      if (detM > 0 && leadingPositive(m)) {
        double b = at(v, beta);
        double expected = at(v, g.rest()) - jmj / 2 + k / (2 * b) * java.lang.Math.log(b / (2 * java.lang.Math.PI)) + java.lang.Math.log(detM) / (2 * b);
        close(expected, at(v, g.result()), "the step's formula gives its result");
      }
    }
  }

  /** The energy with units a and b shifted (b = −1: only a). */
  static double shifted(Map<ISymbol, Double> v, IExpr energy, List<ISymbol> units, int a, double ha, int b, double hb) {
    Map<ISymbol, Double> w = new HashMap<>(v);
    w.put(units.get(a), w.get(units.get(a)) + ha);
    if (b >= 0) w.put(units.get(b), w.get(units.get(b)) + hb);
    return at(w, energy);
  }

  static boolean leadingPositive(double[][] m) {
    for (int n = 1; n <= m.length; n++) if (det(leading(m, n)) <= 0) return false;
    return true;
  }

  static double[][] leading(double[][] m, int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) System.arraycopy(m[i], 0, out[i], 0, n);
    return out;
  }

  /** Determinant by Gaussian elimination with partial pivoting. */
  static double det(double[][] m0) {
    int n = m0.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) m[i] = m0[i].clone();
    double d = 1;
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) if (java.lang.Math.abs(m[r][c]) > java.lang.Math.abs(m[p][c])) p = r;
      if (m[p][c] == 0) return 0;
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

  static double[] solve(double[][] m0, double[] b0) {
    int n = m0.length;
    double[][] m = new double[n][];
    double[] b = b0.clone();
    for (int i = 0; i < n; i++) m[i] = m0[i].clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) if (java.lang.Math.abs(m[r][c]) > java.lang.Math.abs(m[p][c])) p = r;
      double[] t = m[p];
      m[p] = m[c];
      m[c] = t;
      double tb = b[p];
      b[p] = b[c];
      b[c] = tb;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int q = c; q < n; q++) m[r][q] -= f * m[c][q];
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int q = r + 1; q < n; q++) s -= m[r][q] * x[q];
      x[r] = s / m[r][r];
    }
    return x;
  }

  // ---------------------------------------------------------------- discrete steps

  @Test
  void discreteGroupsFactorizeTheSumAndEachGroupsSumIsItsEnumeration() throws Exception {
    long seed = 7117L;
    System.out.println("StepsTest discrete seed " + seed);
    Random random = new Random(seed);
    int groups = 0;
    String coupled = "dim n = 3\nspin s[n], v\nparam J, K, h\ntemperature beta\n"
        + "energy H(v, s) = -J*s[1]*s[2] - K*s[2]*v - h*s[3]*v - h*s[3]\nF = marginalize H over s\n";
    for (Compilation c : List.of(compile(Path.of("examples/rbm.energy")), compile(MIXED), compile(coupled)))
      for (Result r : c.results()) {
        if (!(r instanceof Marginal m)) continue;
        List<Derivation.Step> steps = m.steps().steps();
        for (int i = 0; i < steps.size(); i++)
          if (steps.get(i) instanceof Derivation.DiscreteSum s) {
            IExpr before = i == 0 ? source(c, m) : steps.get(i - 1).result();
            groups += checkDiscrete(s, before, c.beta(), random);
          }
      }
    assertTrue(groups >= 5, "groups checked: " + groups);
  }

  /** Each group's sum against its enumeration; the groups and H̃ against the whole energy; the product against the full enumeration. */
  static int checkDiscrete(Derivation.DiscreteSum s, IExpr energy, IExpr beta, Random random) {
    List<ISymbol> units = new ArrayList<>();
    List<UnitKind> kinds = new ArrayList<>();
    for (Derivation.Group g : s.groups()) {
      units.addAll(g.units());
      kinds.addAll(g.kinds());
    }
    assertEquals(units.size(), new LinkedHashSet<>(units).size(), "a unit in two groups");
    List<IExpr> all = new ArrayList<>(List.of(energy, s.rest(), s.result(), beta));
    for (Derivation.Group g : s.groups()) all.addAll(List.of(g.energy(), g.sum()));
    Map<ISymbol, Double> v = values(random, all.toArray(new IExpr[0]));
    double b = at(v, beta);
    // Every state: H = H̃ + Σ_g E_g, with the units set.
    double full = 0;
    for (int state = 0; state < 1 << units.size(); state++) {
      Map<ISymbol, Double> w = new HashMap<>(v);
      for (int i = 0; i < units.size(); i++) w.put(units.get(i), value(kinds.get(i), (state >> i) & 1));
      double parts = at(w, s.rest());
      for (Derivation.Group g : s.groups()) parts += at(w, g.energy());
      double h = at(w, energy);
      close(h, parts, "H = H̃ + Σ E_g");
      full += java.lang.Math.exp(-b * h);
    }
    double product = java.lang.Math.exp(-b * at(v, s.rest()));
    for (Derivation.Group g : s.groups()) {
      double sum = 0;
      for (int state = 0; state < 1 << g.units().size(); state++) {
        Map<ISymbol, Double> w = new HashMap<>(v);
        for (int i = 0; i < g.units().size(); i++) w.put(g.units().get(i), value(g.kinds().get(i), (state >> i) & 1));
        sum += java.lang.Math.exp(-b * at(w, g.energy()));
      }
      close(sum, at(v, g.sum()), "the group sum of " + g.units());
      product *= sum;
    }
    close(full, product, "the groups factorize the sum");
    close(-java.lang.Math.log(full) / b, at(v, s.result()), "the step's result");
    return s.groups().size();
  }

  static double value(UnitKind kind, int bit) {
    return kind == UnitKind.SPIN ? (bit == 0 ? 1 : -1) : bit;
  }

  // ---------------------------------------------------------------- expansion steps

  @Test
  void expansionFormulaWithItsTermsGivesTheResult() throws Exception {
    long seed = 314159L;
    System.out.println("StepsTest expansion seed " + seed);
    Random random = new Random(seed);
    int checked = 0;
    for (String example : List.of("rbm-gaussian-expansion", "rbm-couplings", "rbm-spin-couplings")) {
      Compilation c = compile(Path.of("examples/" + example + ".energy"));
      for (Result r : c.results()) {
        Derivation d = Steps.derivation(r);
        if (!(r instanceof Expansion || r instanceof ExpandedCouplings)) continue;
        Derivation.CumulantSeries s = (Derivation.CumulantSeries) d.steps().get(0);
        List<energy.algebra.cumulant.CumulantExpansion.Cumulant> cumulants = r instanceof Expansion x ? x.cumulants() : ((ExpandedCouplings) r).cumulants();
        IExpr value = r instanceof Expansion x ? x.value() : ((ExpandedCouplings) r).value();
        Map<IExpr, IExpr> closed = new HashMap<>();
        for (var k : cumulants) closed.put(k.symbol(), k.value());
        // F = E_v − β⁻¹ Σⱼ [ln Zⱼ + Σₙ κₙ tⱼⁿ/n!], tⱼ = β sⱼ, as the steps write it.
        IExpr beta = c.beta();
        List<IExpr> formula = new ArrayList<>(List.of(s.visible()));
        for (Derivation.Hidden h : s.hidden()) {
          List<IExpr> k = new ArrayList<>(List.of(h.logZ()));
          for (int i = 0; i < h.orders().size(); i++) {
            int n = h.orders().get(i);
            k.add(F.Times(h.kappas().get(i), F.Power(F.Times(beta, h.field()), F.ZZ(n)), F.QQ(1, factorial(n))));
          }
          formula.add(F.Times(F.CN1, F.Power(beta, F.CN1), F.Plus(k.toArray(new IExpr[0]))));
        }
        IExpr f = substitute(F.Plus(formula.toArray(new IExpr[0])), closed), g = substitute(value, closed);
        for (int trial = 0; trial < 3; trial++) {
          Map<ISymbol, Double> v = values(random, f, g, beta);
          // The result is reduced on the units' values (s² = 1, b² = b): compare there.
          for (energy.model.Variable u : c.model().units())
            for (ISymbol sym : c.symbols().symbols(List.of(u))) v.put(sym, value(u.kind(), random.nextInt(2)));
          close(at(v, f), at(v, g), example + " " + r.name() + ": the expansion's formula gives the result");
          checked++;
        }
      }
    }
    assertTrue(checked >= 9, "checked " + checked);
  }

  static IExpr substitute(IExpr e, Map<IExpr, IExpr> closed) {
    return e.replaceAll(k -> closed.getOrDefault(k, F.NIL)).orElse(e);
  }

  static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) f *= i;
    return f;
  }

  // ---------------------------------------------------------------- recording is free and invisible

  @Test
  void withoutStepsThePresentationIsUnchanged() throws Exception {
    Compilation c = compile(Path.of("examples/dbm3.energy"));
    assertEquals(TextRenderer.render(List.of(Presenter.present(c))), TextRenderer.render(List.of(Presenter.present(c, false))));
    assertFalse(TextRenderer.render(List.of(Presenter.present(c))).contains("obtained"));
    assertTrue(TextRenderer.render(List.of(Presenter.present(c, true))).contains("How H₁ is obtained."));
  }
}
