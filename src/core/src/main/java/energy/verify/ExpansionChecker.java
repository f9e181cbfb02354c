package energy.verify;

import energy.Compilation;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Result;
import energy.algebra.Condition;
import energy.algebra.SymbolTable;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Checks a truncated expansion G ≈ F to order k in W by its defining property: with W scaled
 * to εW, |G − F| = O(ε^{k+1}). At random parameters and units the error is measured at several
 * small ε and the slope of log |G − F| against log ε is fitted; it must be at least k + 1 less a
 * margin for the next order's own ε-dependence. F is the marginal, itself checked against
 * brute-force sums and quadrature; G is evaluated with its cumulants in closed form.
 * An expansion that is exact (a Gaussian prior, whose cumulants above the second vanish) shows
 * errors at rounding level, which passes.
 */
final class ExpansionChecker {
  static final String MEASURE = "truncation error";
  /** The fitted slope may fall this far below k + 1 (curvature of the log–log line at finite ε). */
  static final double SLOPE_MARGIN = 0.3;

  /**
   * ε runs down from ε₀ (ε₀^{k+1} = 10⁻⁵) in steps of 3/4; the slope is fitted on the smallest
   * {@value #POINTS} ε whose error is still well above rounding, i.e. closest to the limit.
   */
  private static final int STEPS = 16, POINTS = 4;
  /** Below this (relative to |F|) an error is rounding, not truncation. */
  private static final double ROUNDING = 1e-10;
  /** ε₀ is raised by this factor, up to W itself, while too few errors lie above rounding. */
  private static final double RAISE = 4, MAX_START = 1;

  private ExpansionChecker() {}

  static Checker.Report check(Compilation c, Expansion r, int samples, Random random) {
    return check(c, r.name(), r.query(), r.args(), r.value(), r.cumulants(), r.exact(), samples, random);
  }

  static Checker.Report check(Compilation c, ExpandedCouplings r, int samples, Random random) {
    return check(c, r.name(), r.query(), r.args(), r.value(), r.cumulants(), r.exact(), samples, random);
  }

  /** @param value the expansion, in the cumulants; {@code exact} the marginal it approximates */
  private static Checker.Report check(
      Compilation c, String name, Query.Expand q, List<Variable> args, IExpr value, List<CumulantExpansion.Cumulant> cumulants, IExpr exactValue,
      int samples, Random random) {
    SymbolTable symbols = c.symbols();
    List<ISymbol> params = new ArrayList<>();
    for (Variable v : c.model().variables().values()) if (!v.isUnit()) params.addAll(symbols.symbols(List.of(v)));
    List<ISymbol> units = symbols.symbols(args);
    List<ISymbol> all = new ArrayList<>(params);
    all.addAll(units);
    Map<IExpr, IExpr> closedForms = new HashMap<>();
    for (CumulantExpansion.Cumulant k : cumulants) closedForms.put(k.symbol(), k.value());
    IExpr g = value.replaceAll(e -> closedForms.getOrDefault(e, F.NIL)).orElse(value);
    NumericFunction expansion = NumericFunction.compile(g, all);
    NumericFunction exact = NumericFunction.compile(exactValue, all);
    List<NumericFunction> conditions = new ArrayList<>();
    for (Result any : c.results())
      for (Condition cond : Conditions.of(any)) conditions.add(NumericFunction.compile(cond.relation().getAt(1), all));
    Set<ISymbol> small = new HashSet<>(symbols.symbols(q.small()));
    ISymbol beta = c.model().temperature() == null ? null : symbols.symbol(c.model().temperature());

    double minSlope = Double.POSITIVE_INFINITY, worstRoundingError = 0;
    int fitted = 0, nearlyExact = 0;
    for (int s = 0; s < samples; s++) {
      double[] point = Draws.parameters(params, beta, conditions, all.size(), random);
      drawUnits(point, params.size(), units, symbols, random);
      // Too few errors above rounding (W's truncated orders tiny at this draw, or none): ε₀ moves up.
      List<double[]> fit = List.of();
      double[] worst = {0};
      for (double start = Math.pow(10, -5.0 / (q.order() + 1)); ; start = Math.min(MAX_START, RAISE * start)) {
        worst[0] = 0;
        fit = errors(exact, expansion, point, params, small, start, worst);
        if (fit.size() >= POINTS || start == MAX_START) break;
      }
      if (fit.size() >= POINTS) {
        minSlope = Math.min(minSlope, slope(fit.subList(fit.size() - POINTS, fit.size())));
        fitted++;
      } else {
        // At rounding level at every ε, or above it at too few ε up to ε = 1 to fit a slope:
        // the expansion is exact to rounding at this draw.
        if (!fit.isEmpty()) nearlyExact++;
        for (double[] p : fit) worst[0] = Math.max(worst[0], p[2]);
        worstRoundingError = Math.max(worstRoundingError, worst[0]);
      }
    }
    double expected = q.order() + 1 - SLOPE_MARGIN;
    boolean ok = fitted == 0 || minSlope >= expected;
    String detail =
        fitted > 0
            ? String.format(Locale.ROOT, "|G − F| ∝ ε^%.2f as W → εW (order %d: need ≥ %.1f)", minSlope, q.order(), expected)
            : nearlyExact == 0
                ? String.format(Locale.ROOT, "exact (|G − F| ≤ %.1e at every ε up to ε = 1)", worstRoundingError)
                : String.format(
                    Locale.ROOT, "exact to rounding (|G − F| ≤ %.1e relative; above %.0e at fewer than %d ε up to ε = %.0f)",
                    worstRoundingError, ROUNDING, POINTS, MAX_START);
    return new Checker.Report("expand " + name, MEASURE, ok ? 0 : 1, Double.NaN, Double.NaN, samples, null, detail);
  }

  /**
   * {log ε, log |G − F|, relative error} for ε = start·(3/4)^step whose error is above rounding,
   * in decreasing ε; {@code worst[0]} gets the largest relative error of the others.
   */
  private static List<double[]> errors(
      NumericFunction exact, NumericFunction expansion, double[] point, List<ISymbol> params, Set<ISymbol> small, double start, double[] worst) {
    List<double[]> fit = new ArrayList<>();
    for (int step = 0; step < STEPS; step++) {
      double eps = start * Math.pow(0.75, step);
      double[] x = point.clone();
      for (int i = 0; i < params.size(); i++) if (small.contains(params.get(i))) x[i] *= eps;
      double f = exact.apply(x), err = Math.abs(expansion.apply(x) - f), relative = err / (1 + Math.abs(f));
      if (relative > ROUNDING) fit.add(new double[] {Math.log(eps), Math.log(err), relative});
      else worst[0] = Math.max(worst[0], relative);
    }
    return fit;
  }

  /**
   * The exponent s of e(ε) = ε^s (a + bε + …), by least squares on log e = s·log ε + log a +
   * (b/a)·ε: the linear correction taken into the fit, so the next order's coefficient does not
   * bend the measured slope. Points are {log ε, log e}.
   */
  static double slope(List<double[]> points) {
    double[][] m = new double[3][4]; // normal equations for (s, log a, b/a), augmented
    for (double[] p : points) {
      double[] row = {p[0], 1, Math.exp(p[0])};
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) m[i][j] += row[i] * row[j];
        m[i][3] += row[i] * p[1];
      }
    }
    for (int c = 0; c < 3; c++) { // Gaussian elimination with partial pivoting
      int pivot = c;
      for (int r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < 3; r++) {
        if (r == c) continue;
        double f = m[r][c] / m[c][c];
        for (int k = c; k < 4; k++) m[r][k] -= f * m[c][k];
      }
    }
    return m[0][3] / m[0][0];
  }

  /** Units after the parameters: ±1 or 0/1 for discrete ones, [−1.5, 1.5] for real ones. */
  private static void drawUnits(double[] x, int nParams, List<ISymbol> units, SymbolTable symbols, Random random) {
    for (int i = 0; i < units.size(); i++) {
      UnitKind kind = symbols.component(units.get(i)).variable().kind();
      x[nParams + i] =
          switch (kind) {
            case SPIN -> random.nextBoolean() ? 1 : -1;
            case BINARY -> random.nextBoolean() ? 1 : 0;
            case REAL -> 3 * random.nextDouble() - 1.5;
          };
    }
  }
}
