package energy.verify;

import energy.Compilation;
import energy.result.PriorCumulants;
import energy.algebra.Condition;
import energy.algebra.Marginalizer;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.model.EnergyDef;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import energy.numeric.Quadrature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * κₙ and K(t) of a unit's prior, by brute force: the prior weight is read off the declared
 * energy numerically, e^{−β[E₀(u) − E₀(0)]}, where E₀(u) is E with every other binary or real
 * unit at 0 and averaged over the two states of every other spin. That keeps exactly the terms
 * in u alone on the units' domains: a spin at 0 would also drop z²·u, which is u (z² = 1). Its raw moments are summed over the unit's two states, or integrated
 * by quadrature for a real unit; κₙ follows from the moments by the recursion κₙ = μₙ −
 * Σ_{m<n} C(n−1, m−1) κₘ μ_{n−m}, and K(t) = ln⟨e^{tu}⟩ directly.
 */
final class PriorCumulantChecker {
  private PriorCumulantChecker() {}

  static Checker.Report check(Compilation c, PriorCumulants r, int samples, Random random) {
    Query.PriorCumulant q = r.query();
    SymbolTable symbols = c.symbols();
    EnergyDef source = c.model().energies().get(r.source());
    List<ISymbol> params = new ArrayList<>();
    for (Variable v : c.model().variables().values()) if (!v.isUnit()) params.addAll(symbols.symbols(List.of(v)));
    List<ISymbol> all = new ArrayList<>(params);
    all.addAll(symbols.symbols(source.args()));
    ISymbol t = symbols.derived("t");
    List<ISymbol> withT = new ArrayList<>(all);
    withT.add(t);
    NumericFunction energy = NumericFunction.compile(c.energies().get(r.source()), all);
    List<NumericFunction> conditions = new ArrayList<>();
    for (Condition k : r.conditions()) conditions.add(NumericFunction.compile(k.relation().getAt(1), all));
    ISymbol beta = c.model().temperature() == null ? null : symbols.symbol(c.model().temperature());
    UnitKind kind = q.unit().kind();
    UnitKind[] kinds = Marginalizer.kinds(source.args(), all.size() - params.size());
    List<Integer> spins = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) if (kinds[i] == UnitKind.SPIN) spins.add(params.size() + i);
    int otherSpins = spins.size() - (kind == UnitKind.SPIN ? 1 : 0);
    if (otherSpins > MAX_SPINS)
      return new Checker.Report("cumulant " + r.name(), "prior cumulants", Double.NaN, Double.NaN, Double.NaN, 0,
          "the prior is averaged over the other spins' states, and " + otherSpins + " spins are more than " + MAX_SPINS);
    int n = q.order();
    List<NumericFunction> kappas = new ArrayList<>();
    List<List<NumericFunction>> cgfTerms = new ArrayList<>(); // K(t) term by term (its size, below)
    for (int i = 0; i < r.cumulants().size(); i++) {
      kappas.add(NumericFunction.compile(r.cumulants().get(i).value(), all));
      IExpr cgf = r.cgfs().get(i);
      List<NumericFunction> terms = new ArrayList<>();
      for (IExpr term : cgf.isPlus() ? Symja.args(cgf) : List.of(cgf)) terms.add(NumericFunction.compile(term, withT));
      cgfTerms.add(terms);
    }
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      double[] x = Draws.parameters(params, beta, conditions, all.size(), random);
      double b = beta == null ? 1 : x[all.indexOf(beta)];
      for (int i = 0; i < r.cumulants().size(); i++) {
        CumulantExpansion.Cumulant k = r.cumulants().get(i);
        int at = all.indexOf(k.unit());
        List<Integer> others = spins.stream().filter(p -> p != at).toList();
        double e0 = selfEnergy(energy, x, at, 0, others);
        java.util.function.DoubleUnaryOperator logWeight = u -> -b * (selfEnergy(energy, x, at, u, others) - e0);
        double[] mu = moments(kind, logWeight, n);
        double[] kappa = new double[n + 1];
        for (int m = 1; m <= n; m++) {
          kappa[m] = mu[m];
          for (int j = 1; j < m; j++) kappa[m] -= binomial(m - 1, j - 1) * kappa[j] * mu[m - j];
        }
        double symbolic = kappas.get(i).apply(x);
        worst = Math.max(worst, Math.abs(symbolic - kappa[n]) / Math.max(1, Math.abs(kappa[n])));
        double tv = 0.3;
        double cgf = Math.log(expectation(kind, logWeight, u -> Math.exp(tv * u)));
        double[] xt = java.util.Arrays.copyOf(x, withT.size());
        xt[withT.size() - 1] = tv;
        // Relative to the terms' size: ln(1 + e^{x+t}) − ln(1 + e^{x}) at x ~ 10⁹ keeps only
        // what doubles resolve of 10⁹, however right the closed form is.
        double symbolicCgf = 0, size = Math.max(1, Math.abs(cgf));
        for (NumericFunction term : cgfTerms.get(i)) {
          double v = term.apply(xt);
          symbolicCgf += v;
          size = Math.max(size, Math.abs(v));
        }
        worst = Math.max(worst, Math.abs(symbolicCgf - cgf) / size);
      }
    }
    String detail = String.format(Locale.ROOT, "κ_%d and K(t) vs moments by %s: max rel. error %.1e", n, kind == UnitKind.REAL ? "quadrature" : "enumeration", worst);
    // Quadrature of a Gaussian's moments is good to about 1e-10, not to rounding.
    double tolerance = kind == UnitKind.REAL ? 1e-7 : Checker.TOLERANCE;
    return new Checker.Report("cumulant " + r.name(), "prior cumulants", worst <= tolerance ? 0 : 1, Double.NaN, Double.NaN, samples, null, detail);
  }

  /** Most other spins the prior is averaged over (2ⁿ evaluations of E per value of the unit). */
  private static final int MAX_SPINS = 12;

  /**
   * E₀(u): E at parameters and units x (every unit at 0), the unit at u, averaged over the two
   * states of each spin in {@code spins}; the mean over ±1 of a spin keeps the monomials with an
   * even power of it, i.e. those free of it after s² = 1.
   */
  private static double selfEnergy(NumericFunction energy, double[] x, int at, double u, List<Integer> spins) {
    double[] y = x.clone();
    y[at] = u;
    double sum = 0;
    for (int mask = 0; mask < 1 << spins.size(); mask++) {
      for (int k = 0; k < spins.size(); k++) y[spins.get(k)] = (mask >> k & 1) == 1 ? 1 : -1;
      sum += energy.apply(y);
    }
    return sum / (1 << spins.size());
  }

  /** μ₀…μₙ under the weight e^{logWeight(u)}, normalized. */
  private static double[] moments(UnitKind kind, java.util.function.DoubleUnaryOperator logWeight, int n) {
    double[] mu = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      int power = k;
      mu[k] = expectation(kind, logWeight, u -> Math.pow(u, power));
    }
    return mu;
  }

  private static double expectation(UnitKind kind, java.util.function.DoubleUnaryOperator logWeight, java.util.function.DoubleUnaryOperator f) {
    if (kind == UnitKind.REAL) {
      double z = Quadrature.integrate(1, u -> Math.exp(logWeight.applyAsDouble(u[0])));
      return Quadrature.integrate(1, u -> f.applyAsDouble(u[0]) * Math.exp(logWeight.applyAsDouble(u[0]))) / z;
    }
    double[] states = kind == UnitKind.SPIN ? new double[] {-1, 1} : new double[] {0, 1};
    // Weights relative to the largest: a field of 2³¹ would overflow e^{−βE} to ∞/∞.
    double top = Double.NEGATIVE_INFINITY;
    for (double u : states) top = Math.max(top, logWeight.applyAsDouble(u));
    double z = 0, sum = 0;
    for (double u : states) {
      double w = Math.exp(logWeight.applyAsDouble(u) - top);
      z += w;
      sum += w * f.applyAsDouble(u);
    }
    return sum / z;
  }

  private static double binomial(int n, int k) {
    double out = 1;
    for (int i = 1; i <= k; i++) out = out * (n - k + i) / i;
    return out;
  }
}
