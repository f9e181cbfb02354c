package energy.verify;

import energy.Compilation;
import energy.algebra.Condition;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import energy.result.Coefficient;
import energy.result.Derivative;
import energy.result.Evaluation;
import energy.result.Substitution;
import energy.result.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The numerical routes of the query statements' results, each against the value of the result or
 * energy it was made from, at random parameters and units:
 *
 * <ul>
 *   <li>a coefficient: the parent projected by brute force — every state of its discrete units
 *       (c_S = 2^{−N} Σ_s G(s) Π_{i∈S} sᵢ for spins, Möbius sums for binary units) times exact
 *       polynomial interpolation on five nodes in each real unit of the monomial (degree ≤ 4), the
 *       other real units at 0;
 *   <li>a substitution: the parent evaluated at the values of the substituted components;
 *   <li>a derivative: central differences of the parent, Richardson-extrapolated, nested per order;
 *   <li>a value ({@code at}): the expression evaluated again by the engine's own arithmetic;
 *   <li>a check: its reports, made when the statement ran.
 * </ul>
 */
final class QueryChecker {
  /** Most discrete units a coefficient's projection enumerates. */
  static final int MAX_DISCRETE = 16;
  /** Interpolation nodes in a real unit: exact for polynomials of degree ≤ 4. */
  private static final double[] NODES = {-1, -0.5, 0, 0.5, 1};

  private QueryChecker() {}

  /** Parameters and β first, then every unit's components: the symbols of a point. */
  private static final class Frame {
    final List<ISymbol> symbols = new ArrayList<>();
    final List<ISymbol> params = new ArrayList<>();
    final List<UnitKind> kinds = new ArrayList<>();
    final Compilation c;

    Frame(Compilation c) {
      this.c = c;
      for (Variable v : c.model().variables().values()) if (!v.isUnit()) params.addAll(c.symbols().symbols(List.of(v)));
      symbols.addAll(params);
      for (Variable v : c.model().units())
        for (SymbolTable.Component comp : c.symbols().components(v)) {
          symbols.add(comp.symbol());
          kinds.add(v.kind());
        }
    }

    NumericFunction compile(IExpr e) {
      return NumericFunction.compile(e, symbols);
    }

    /** Parameters where the conditions hold, units at random in their domains. */
    double[] draw(List<Condition> conditions, Random random) {
      List<NumericFunction> conds = new ArrayList<>();
      for (Condition k : conditions) if (k.relation().argSize() == 2) conds.add(compile(Symja.eval(F.Subtract(k.relation().getAt(1), k.relation().getAt(2)))));
      ISymbol beta = c.model().temperature() == null ? null : c.symbols().symbol(c.model().temperature());
      double[] x = Draws.parameters(params, beta, conds, symbols.size(), random);
      for (int i = 0; i < kinds.size(); i++)
        x[params.size() + i] = switch (kinds.get(i)) {
          case SPIN -> random.nextBoolean() ? 1 : -1;
          case BINARY -> random.nextBoolean() ? 1 : 0;
          case REAL -> 3 * random.nextDouble() - 1.5;
        };
      return x;
    }

    int at(ISymbol s) {
      return symbols.indexOf(s);
    }
  }

  private static double relative(double a, double b, double scale) {
    if (Double.isNaN(a) || Double.isNaN(b)) return Double.POSITIVE_INFINITY;
    return Math.abs(a - b) / Math.max(scale, Math.max(1, Math.max(Math.abs(a), Math.abs(b))));
  }

  static Checker.Report coefficient(Compilation c, Coefficient r, int samples, Random random) {
    Frame f = new Frame(c);
    List<Integer> discrete = new ArrayList<>(), inSet = new ArrayList<>(), reals = new ArrayList<>(), powers = new ArrayList<>(), zeroed = new ArrayList<>();
    List<Boolean> spin = new ArrayList<>();
    for (Variable v : r.query().args())
      for (SymbolTable.Component comp : c.symbols().components(v)) {
        int k = r.query().powers().getOrDefault(comp.name(), 0);
        int i = f.at(comp.symbol());
        if (v.kind() == UnitKind.REAL) {
          if (k > 0) {
            reals.add(i);
            powers.add(k);
          } else zeroed.add(i);
        } else {
          discrete.add(i);
          spin.add(v.kind() == UnitKind.SPIN);
          inSet.add(k > 0 ? 1 : 0);
        }
      }
    if (discrete.size() > MAX_DISCRETE)
      return skipped(r.name(), "coefficient", discrete.size() + " discrete units, more than " + MAX_DISCRETE + ": the projection is not attempted");
    if (reals.size() > 3 || powers.stream().anyMatch(k -> k >= NODES.length))
      return skipped(r.name(), "coefficient", "more than 3 real units or a power above " + (NODES.length - 1) + ": interpolation not attempted");
    NumericFunction parent = f.compile(r.parent()), value = f.compile(r.value());
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      double[] x = f.draw(r.conditions(), random);
      for (int i : zeroed) x[i] = 0;
      double[] scale = {0};
      double projected = 0;
      int n = discrete.size();
      for (int state = 0; state < 1 << n; state++) {
        double w = 1;
        for (int i = 0; i < n; i++) {
          boolean high = (state >> i & 1) == 1, in = inSet.get(i) == 1;
          x[discrete.get(i)] = spin.get(i) ? (high ? 1 : -1) : (high ? 1 : 0);
          w *= spin.get(i) ? (in ? (high ? 0.5 : -0.5) : 0.5) : in ? (high ? 1 : -1) : (high ? 0 : 1);
        }
        if (w != 0) projected += w * interpolated(parent, x, reals, powers, 0, scale);
      }
      worst = Math.max(worst, relative(projected, value.apply(x), scale[0]));
    }
    return new Checker.Report(r.name(), "coefficient", worst, Double.NaN, Double.NaN, samples, null, null);
  }

  /** The coefficient of Π yᵢ^{kᵢ} (the real units from {@code from} on) of the polynomial at x, by interpolation. */
  private static double interpolated(NumericFunction p, double[] x, List<Integer> reals, List<Integer> powers, int from, double[] scale) {
    if (from == reals.size()) {
      double v = p.apply(x);
      scale[0] = Math.max(scale[0], Math.abs(v));
      return v;
    }
    int i = reals.get(from);
    double[] values = new double[NODES.length];
    for (int j = 0; j < NODES.length; j++) {
      x[i] = NODES[j];
      values[j] = interpolated(p, x, reals, powers, from + 1, scale);
    }
    return polynomial(values)[powers.get(from)];
  }

  /** The coefficients a₀…a₄ of the polynomial through (NODES[j], values[j]): a Vandermonde system. */
  private static double[] polynomial(double[] values) {
    int n = NODES.length;
    double[][] a = new double[n][n + 1];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) a[j][k] = Math.pow(NODES[j], k);
      a[j][n] = values[j];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int row = 0; row < n; row++) {
        if (row == col) continue;
        double m = a[row][col] / a[col][col];
        for (int k = col; k <= n; k++) a[row][k] -= m * a[col][k];
      }
    }
    double[] out = new double[n];
    for (int k = 0; k < n; k++) out[k] = a[k][n] / a[k][k];
    return out;
  }

  static Checker.Report substitution(Compilation c, Substitution r, int samples, Random random) {
    Frame f = new Frame(c);
    NumericFunction parent = f.compile(r.parent()), value = f.compile(r.value());
    List<Integer> at = new ArrayList<>();
    List<NumericFunction> rules = new ArrayList<>();
    for (Map.Entry<ISymbol, IExpr> e : r.rules().entrySet()) {
      at.add(f.at(e.getKey()));
      rules.add(f.compile(e.getValue()));
    }
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      double[] x = f.draw(r.conditions(), random);
      double[] y = x.clone();
      for (int k = 0; k < at.size(); k++) y[at.get(k)] = rules.get(k).apply(x);
      worst = Math.max(worst, relative(value.apply(x), parent.apply(y), 0));
    }
    return new Checker.Report(r.name(), "substitution", worst, Double.NaN, Double.NaN, samples, null, null);
  }

  static Checker.Report derivative(Compilation c, Derivative r, int samples, Random random) {
    Frame f = new Frame(c);
    NumericFunction parent = f.compile(r.parent()), value = f.compile(r.value());
    List<Integer> by = new ArrayList<>();
    for (ISymbol s : r.by()) by.add(f.at(s));
    // Rounding grows like ε/hⁿ, the extrapolated truncation like h⁴: their balance for order n.
    double h = Math.pow(2.2e-16, 1.0 / (by.size() + 4));
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      double[] x = f.draw(r.conditions(), random);
      worst = Math.max(worst, relative(differentiated(parent, x, by, 0, h), value.apply(x), 0));
    }
    return new Checker.Report(r.name(), "derivative", worst, Double.NaN, Double.NaN, samples, null, null);
  }

  /** ∂/∂x_{by[from]} … of p at x: central differences at h and h/2, Richardson-extrapolated. */
  private static double differentiated(NumericFunction p, double[] x, List<Integer> by, int from, double h) {
    if (from == by.size()) return p.apply(x);
    int i = by.get(from);
    double x0 = x[i];
    double[] d = new double[2];
    for (int k = 0; k < 2; k++) {
      double step = k == 0 ? h : h / 2;
      x[i] = x0 + step;
      double plus = differentiated(p, x, by, from + 1, h);
      x[i] = x0 - step;
      double minus = differentiated(p, x, by, from + 1, h);
      d[k] = (plus - minus) / (2 * step);
    }
    x[i] = x0;
    return (4 * d[1] - d[0]) / 3;
  }

  static Checker.Report evaluation(Evaluation r) {
    if (r.quantity() == null || r.quantityLine() < 0)
      return skipped(r.name(), "value", "its lines are the parent's own evaluation, checked with the parent");
    List<IExpr> rules = new ArrayList<>();
    for (Map.Entry<ISymbol, Double> e : r.values().entrySet()) rules.add(F.Rule(e.getKey(), F.num(e.getValue())));
    IExpr v = Symja.eval(F.N(F.ReplaceAll(NumericFunction.released(r.quantity()), F.List(rules.toArray(new IExpr[0])))));
    double engine = v.isReal() ? v.evalf() : Double.NaN;
    double error = relative(engine, r.lines().get(r.quantityLine()).value(), 0);
    return new Checker.Report(r.name(), "value", error, Double.NaN, Double.NaN, 1, null, null);
  }

  static List<Checker.Report> verification(Verification r) {
    List<Checker.Report> out = new ArrayList<>();
    for (Verification.Line l : r.reports()) out.add(new Checker.Report(r.name() + ": " + l.name(), l.measure(), l.error(), Double.NaN, Double.NaN, l.samples(), l.skipped()));
    return out;
  }

  private static Checker.Report skipped(String name, String measure, String why) {
    return new Checker.Report(name, measure, 0, Double.NaN, Double.NaN, 0, why);
  }
}
