package energy.verify;

import energy.Compilation;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.model.EnergyDef;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.Enumeration;
import energy.numeric.NumericFunction;
import energy.numeric.Quadrature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import energy.algebra.Symja;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Verifies results numerically by a route independent of the symbolic one: the declared
 * energy is summed by brute-force enumeration over its discrete units and integrated by
 * quadrature over its real units, at random parameter values (seeded). Compared are
 *
 * <ul>
 *   <li>the Boltzmann weights e^{−βH'(rest)} against Σ/∫ e^{−βH} over the integrated units,
 *       at random values of the remaining units (relative error);
 *   <li>the correlators ⟨sᵢsⱼ⟩ of the remaining discrete units under the full and the
 *       marginal distribution (the seed's eq. 23; absolute error, they lie in [−1, 1]);
 *   <li>for a partition function, Z itself and e^{−βF}, in log space.
 * </ul>
 *
 * The unit-free terms of both energies are compared symbolically (their difference), so an
 * additive constant of any size neither overflows nor costs the comparison digits. When e^{−βH}
 * does not decay in a remaining real unit, the correlators are those at its drawn value.
 *
 * Parameters are drawn uniformly from [−1, 1] and β from [0.5, 2]; a draw that violates a
 * result's stated conditions (a divergent Gaussian) is redrawn.
 */
public final class Checker {
  /** Largest relative (weights, Z) or absolute (correlators) error accepted. */
  public static final double TOLERANCE = 1e-8;
  /** Quadrature is tensor-product: at most this many real dimensions at once. */
  public static final int MAX_REAL_DIMENSIONS = 3;
  /**
   * Largest |log weight| (after the constants are split off) at which doubles still resolve a
   * relative weight error of {@link #TOLERANCE}: ulp(1e5) ≈ 1.5e-11 leaves room for the few
   * hundred rounding errors of a sum or quadrature. Past it the two logs differ by rounding alone.
   */
  static final double RESOLVABLE_LOG_WEIGHT = 1e5;

  /** A sample whose log weights are too large for doubles to compare at {@link #TOLERANCE}. */
  private static final class Unresolvable extends RuntimeException {
    final double magnitude;

    Unresolvable(double magnitude) {
      super(null, null, false, false);
      this.magnitude = magnitude;
    }
  }

  /**
   * @param measure what {@code weightError} compares: Boltzmann weights, or an identity's two sides
   * @param correlatorError NaN when there were fewer than two discrete units left to correlate
   * @param couplingError for a couplings statement, the largest error of a coupling against the
   *     brute-force projection 2^{−N} Σ_s H(s) Π_{i∈S} sᵢ (Möbius sums for binary units),
   *     relative to the largest coupling; NaN otherwise
   */
  public record Report(
      String name,
      String measure,
      double weightError,
      double correlatorError,
      double couplingError,
      int samples,
      String skipped,
      String detail) {
    static final String WEIGHTS = "weights";

    public Report(
        String name, String measure, double weightError, double correlatorError, double couplingError, int samples, String skipped) {
      this(name, measure, weightError, correlatorError, couplingError, samples, skipped, null);
    }

    public boolean passed() {
      return skipped != null
          || (weightError <= TOLERANCE && !(correlatorError > TOLERANCE) && !(couplingError > TOLERANCE));
    }
  }

  private final Compilation c;
  private final Random random;
  private final long seed;
  /** The reports of the results in matrix notation by name, made together on the first one's turn. */
  private Map<String, Report> matrix;

  private Checker(Compilation c, long seed) {
    this.c = c;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Reports on every result in statement order (an RG step with a flow gets two). */
  public static List<Report> check(Compilation c, int samples, long seed) {
    Checker checker = new Checker(c, seed);
    List<Report> out = new ArrayList<>();
    for (Result r : c.results()) out.addAll(r.accept(checker.new ByKind(samples)));
    return out;
  }

  /** The independent route for each kind of result. */
  private final class ByKind implements Result.Visitor<List<Report>> {
    private final int samples;

    ByKind(int samples) {
      this.samples = samples;
    }

    public List<Report> marginal(Marginal r) {
      return List.of(weights(r.name(), r.args(), r.value(), null, r.from().source(), null, samples));
    }

    public List<Report> partitionFunction(PartitionFunction r) {
      return List.of(weights(r.name(), List.of(), r.freeEnergy(), r.z(), r.from().source(), null, samples));
    }

    public List<Report> couplings(Couplings r) {
      return List.of(weights(r.name(), r.args(), r.energy(), null, r.from().source(), r, samples));
    }

    public List<Report> expansion(Expansion r) {
      return List.of(ExpansionChecker.check(c, r, samples, random));
    }

    public List<Report> expandedCouplings(ExpandedCouplings r) {
      return List.of(ExpansionChecker.check(c, r, samples, random));
    }

    public List<Report> priorCumulants(PriorCumulants r) {
      return List.of(PriorCumulantChecker.check(c, r, samples, random));
    }

    public List<Report> momentIdentity(MomentIdentity r) {
      return List.of(MomentIdentityChecker.check(r, samples, random));
    }

    public List<Report> kernel(Kernel r) {
      return List.of(KernelChecker.check(c, r, samples, random));
    }

    public List<Report> matrixMarginal(MatrixMarginal r) {
      if (matrix == null) {
        matrix = new java.util.HashMap<>();
        for (Report report : MatrixChecker.check(c, samples, seed)) matrix.put(report.name(), report);
      }
      return List.of(matrix.get(r.name()));
    }

    public List<Report> rgStep(RgStep r) {
      return LatticeChecker.check(r, samples, random);
    }

    public List<Report> coefficient(energy.result.Coefficient r) {
      return List.of(QueryChecker.coefficient(c, r, samples, random));
    }

    public List<Report> substitution(energy.result.Substitution r) {
      return List.of(QueryChecker.substitution(c, r, samples, random));
    }

    public List<Report> derivative(energy.result.Derivative r) {
      return List.of(QueryChecker.derivative(c, r, samples, random));
    }

    public List<Report> evaluation(energy.result.Evaluation r) {
      return List.of(QueryChecker.evaluation(r));
    }

    public List<Report> verification(energy.result.Verification r) {
      return QueryChecker.verification(r);
    }
  }

  /** The symbols of one numeric evaluation: parameters and β first, then units. */
  private final class Frame {
    final List<ISymbol> symbols = new ArrayList<>();
    final List<ISymbol> params = new ArrayList<>();
    final List<ISymbol> discrete = new ArrayList<>();
    final List<Boolean> spin = new ArrayList<>();
    final List<ISymbol> real = new ArrayList<>();

    Frame(List<Variable> units) {
      for (Variable v : c.model().variables().values()) if (!v.isUnit()) params.addAll(c.symbols().symbols(List.of(v)));
      symbols.addAll(params);
      for (Variable v : units)
        for (SymbolTable.Component comp : c.symbols().components(v)) {
          if (v.kind() == UnitKind.REAL) real.add(comp.symbol());
          else {
            discrete.add(comp.symbol());
            spin.add(v.kind() == UnitKind.SPIN);
          }
        }
      symbols.addAll(discrete);
      symbols.addAll(real);
    }

    int discreteAt(int i) {
      return params.size() + i;
    }

    List<ISymbol> units() {
      return symbols.subList(params.size(), symbols.size());
    }

    int realAt(int i) {
      return params.size() + discrete.size() + i;
    }

    boolean[] spins() {
      boolean[] out = new boolean[spin.size()];
      for (int i = 0; i < out.length; i++) out[i] = spin.get(i);
      return out;
    }
  }

  /**
   * A marginal's (or partition function's, or couplings statement's) Boltzmann weights and
   * correlators against the declared energy summed and integrated numerically.
   *
   * @param value the energy of the remaining units (the free energy of a partition function)
   * @param z the partition function, or null
   * @param source the declared energy it derives from
   * @param couplings a couplings statement's result (its coefficients are projected too), or null
   */
  private Report weights(String name, List<Variable> args, IExpr value, IExpr z, String source, Couplings couplings, int samples) {
    EnergyDef declared = c.model().energies().get(source);
    Frame full = new Frame(declared.args());
    Frame marg = new Frame(args);
    if (full.real.size() > MAX_REAL_DIMENSIONS)
      return new Report(name, Report.WEIGHTS, 0, 0, Double.NaN, 0, "more than " + MAX_REAL_DIMENSIONS + " real units: quadrature not attempted");
    if (full.discrete.size() > energy.numeric.Enumeration.MAX_UNITS)
      return new Report(
          name, Report.WEIGHTS, 0, 0, Double.NaN, 0,
          full.discrete.size() + " discrete units, more than " + energy.numeric.Enumeration.MAX_UNITS
              + ": enumerating 2^" + full.discrete.size() + " states not attempted");
    // Unit-free terms are split off and compared symbolically (their difference, and Z·e^{βH₀}),
    // so a large additive constant costs the numerical comparison no digits and cannot overflow.
    IExpr[] hParts = splitConstant(c.energies().get(source), full.units());
    IExpr[] margParts = splitConstant(value, marg.units());
    NumericFunction h = NumericFunction.compile(hParts[1], full.symbols);
    NumericFunction hMarg = NumericFunction.compile(margParts[1], marg.symbols);
    NumericFunction constantShift = NumericFunction.compile(Symja.eval(F.Subtract(margParts[0], hParts[0])), marg.symbols);
    // log Z, compiled in log space (a product of exp and cosh stays finite where Z overflows).
    NumericFunction logZShifted =
        z != null ? NumericFunction.compile(F.Log(Symja.eval(F.Times(z, F.Exp(F.Times(c.beta(), hParts[0]))))), marg.symbols) : null;
    // Parameters are drawn inside the domain where the model is normalizable: every stated
    // condition of every result holds (units in a condition are taken at 0).
    List<NumericFunction> conditions = new ArrayList<>();
    for (Result any : c.results())
      for (Condition cond : Conditions.of(any)) conditions.add(NumericFunction.compile(cond.relation().getAt(1), full.symbols));

    double weightError = 0, correlatorError = marg.discrete.size() >= 2 ? 0 : Double.NaN;
    double couplingError = couplings != null ? 0 : Double.NaN;
    List<NumericFunction> coefficients = new ArrayList<>();
    // The projection includes the empty set: the marginal with its unit-free terms.
    NumericFunction projected = couplings != null ? NumericFunction.compile(value, marg.symbols) : null;
    if (couplings != null)
      for (CouplingExtractor.Coefficient k : couplings.couplings()) coefficients.add(NumericFunction.compile(k.value(), marg.symbols));
    int rejected = 0, resolved = 0;
    double unresolved = 0;
    for (int s = 0; s < samples; s++) {
      double[] params = drawParameters(full.params, conditions, full.symbols.size());
      try {
        double[] errors = sample(full, marg, h, hMarg, constantShift, logZShifted, params);
        resolved++;
        weightError = Math.max(weightError, errors[0]);
        correlatorError = Math.max(correlatorError, errors[1]);
        if (couplings != null) couplingError = Math.max(couplingError, projectionError(couplings, marg, projected, coefficients, params));
      } catch (ArithmeticException notIntegrable) {
        // Outside the domain where the full distribution is normalizable: draw again.
        if (++rejected > 100 * samples) throw notIntegrable;
        s--;
      } catch (Unresolvable tooLarge) {
        unresolved = Math.max(unresolved, tooLarge.magnitude);
      }
    }
    if (resolved == 0)
      return new Report(
          name, Report.WEIGHTS, 0, 0, Double.NaN, 0,
          String.format(Locale.ROOT, "log weights of order %.0e at every sample; doubles resolve a weight error of 1e-8 only for |βH| up to %.0e",
              unresolved, RESOLVABLE_LOG_WEIGHT));
    samples = resolved;
    String detail = conditionalCorrelators ? "correlators at fixed real units (not normalizable in them)" : null;
    return new Report(couplings != null ? "couplings " + name : name, Report.WEIGHTS, weightError, correlatorError, couplingError, samples, null, detail);
  }

  /**
   * Projects the energy onto the multilinear basis by brute force — every coefficient c_S as a
   * sum over all 2^N states, c_S = 2^{−N} Σ_s H(s) Π_{i∈S} sᵢ for spins, Σ_{T⊆S} (−1)^{|S∖T|} H(1_T)
   * for binary units (mixed: the product of the per-unit rules) — and compares with the symbolic
   * couplings. Coefficients the symbolic result leaves out (exact zeros, or orders above "up to")
   * are compared with 0 only up to the requested order.
   */
  private double projectionError(Couplings r, Frame f, NumericFunction h, List<NumericFunction> couplings, double[] params) {
    int n = f.discrete.size();
    double[] point = new double[f.symbols.size()];
    System.arraycopy(params, 0, point, 0, params.length);
    double[] values = new double[1 << n];
    for (int state = 0; state < values.length; state++) {
      for (int i = 0; i < n; i++) {
        boolean high = ((state >> i) & 1) == 1;
        point[f.discreteAt(i)] = f.spin.get(i) ? (high ? 1 : -1) : (high ? 1 : 0);
      }
      values[state] = h.apply(point);
    }
    Integer upTo = r.query().upTo();
    int maxOrder = upTo == null ? n : upTo;
    java.util.Map<Integer, Double> symbolic = new java.util.HashMap<>();
    for (int k = 0; k < couplings.size(); k++) {
      int mask = 0;
      for (int u : r.couplings().get(k).units()) mask |= 1 << u;
      symbolic.put(mask, couplings.get(k).apply(point));
    }
    // Errors relative to the energy's size: with "up to k" every compared coefficient may be 0,
    // and rounding noise must not then count as a relative error of 1.
    double scale = 1e-300, worst = 0;
    for (double v : values) scale = Math.max(scale, Math.abs(v));
    for (int set = 0; set < values.length; set++) {
      if (Integer.bitCount(set) > maxOrder) continue;
      double c = 0;
      for (int state = 0; state < values.length; state++) {
        double w = 1;
        for (int i = 0; i < n && w != 0; i++) {
          boolean inS = ((set >> i) & 1) == 1, high = ((state >> i) & 1) == 1;
          if (f.spin.get(i)) w *= inS ? (high ? 0.5 : -0.5) : 0.5;
          else w *= inS ? (high ? 1 : -1) : (high ? 0 : 1);
        }
        c += w * values[state];
      }
      scale = Math.max(scale, Math.abs(c));
      worst = Math.max(worst, Math.abs(c - symbolic.getOrDefault(set, 0.0)));
    }
    return worst / scale;
  }

  /**
   * {constant, rest}: the terms of a top-level sum free of {@code units}, and the others. Only
   * the top level is split (no expansion); an expression that is not a sum is all rest.
   */
  static IExpr[] splitConstant(IExpr e, List<ISymbol> units) {
    if (!e.isPlus()) return new IExpr[] {F.C0, e};
    List<IExpr> constant = new ArrayList<>(), rest = new ArrayList<>();
    IAST sum = (IAST) e;
    for (int i = 1; i < sum.size(); i++) {
      IExpr t = sum.get(i);
      boolean free = true;
      for (ISymbol u : units) free &= t.isFree(u);
      (free ? constant : rest).add(t);
    }
    return new IExpr[] {Symja.eval(F.Plus(constant.toArray(new IExpr[0]))), Symja.eval(F.Plus(rest.toArray(new IExpr[0])))};
  }

  /** Set once the full distribution proved not normalizable in the remaining real units. */
  private boolean conditionalCorrelators;

  /**
   * The errors {weights, correlators} at one draw of the parameters. {@code h} and {@code hMarg}
   * are the energies without their unit-free terms; {@code constantShift} is the marginal's
   * unit-free part less the energy's, {@code z} is Z·e^{βH₀} (H₀ the energy's unit-free part).
   */
  private double[] sample(
      Frame full, Frame marg, NumericFunction h, NumericFunction hMarg, NumericFunction constantShift, NumericFunction logZ, double[] params) {
    double weightError = 0, correlatorError = 0;
    double beta = c.model().temperature() == null ? 1 : params[full.params.indexOf(c.symbols().symbol(c.model().temperature()))];
    // Weights at a random point of the remaining units.
    double[] restValues = drawUnits(marg);
    double[] fullPoint = new double[full.symbols.size()];
    System.arraycopy(params, 0, fullPoint, 0, params.length);
    double[] margPoint = new double[marg.symbols.size()];
    System.arraycopy(params, 0, margPoint, 0, params.length);
    for (int i = 0; i < marg.discrete.size() + marg.real.size(); i++) margPoint[params.length + i] = restValues[i];
    for (int i = 0; i < marg.symbols.size() - params.length; i++) {
      ISymbol sym = marg.symbols.get(params.length + i);
      fullPoint[full.symbols.indexOf(sym)] = restValues[i];
    }
    double logFull = logMarginal(h, full, fullPoint, beta, marg.symbols);
    double logMarg = -beta * (hMarg.apply(margPoint) + constantShift.apply(margPoint));
    double magnitude = Math.max(Math.abs(logFull), Math.abs(logMarg));
    // Both finite and huge: rounding alone separates them. An infinite one is a real failure.
    if (Double.isFinite(logFull) && Double.isFinite(logMarg) && magnitude > RESOLVABLE_LOG_WEIGHT) throw new Unresolvable(magnitude);
    weightError = Math.max(weightError, Math.abs(Math.expm1(logMarg - logFull)));
    if (logZ != null) weightError = Math.max(weightError, Math.abs(Math.expm1(logZ.apply(margPoint) - logFull)));
    // Correlators of the remaining discrete units, from both distributions.
    if (marg.discrete.size() >= 2) {
      double[][] fromFull, fromMarg;
      try {
        if (conditionalCorrelators) throw new ArithmeticException("not normalizable in the remaining real units");
        fromFull = correlators(h, full, fullPoint, beta, marg.discrete, List.of());
        fromMarg = correlators(hMarg, marg, margPoint, beta, marg.discrete, List.of());
      } catch (ArithmeticException notNormalizable) {
        if (marg.real.isEmpty()) throw notNormalizable;
        // e^{−βH} does not decay in a remaining real unit: the distribution over the remaining
        // discrete units is compared conditionally, at the drawn values of the real ones (no
        // integral over them is needed; the weights above are pointwise already).
        conditionalCorrelators = true;
        fromFull = correlators(h, full, fullPoint, beta, marg.discrete, marg.real);
        fromMarg = correlators(hMarg, marg, margPoint, beta, marg.discrete, marg.real);
      }
      for (int i = 0; i < fromFull.length; i++)
        for (int j = 0; j < fromFull.length; j++)
          correlatorError = Math.max(correlatorError, Math.abs(fromFull[i][j] - fromMarg[i][j]));
    }
    return new double[] {weightError, correlatorError};
  }

  /** log Σ_discrete ∫_real e^{−βH} over the units of {@code f} not in {@code fixed}. */
  private double logMarginal(NumericFunction h, Frame f, double[] point, double beta, List<ISymbol> fixed) {
    List<Integer> sumOver = new ArrayList<>();
    List<Boolean> spins = new ArrayList<>();
    for (int i = 0; i < f.discrete.size(); i++)
      if (!fixed.contains(f.discrete.get(i))) {
        sumOver.add(f.discreteAt(i));
        spins.add(f.spin.get(i));
      }
    List<Integer> integrate = new ArrayList<>();
    for (int i = 0; i < f.real.size(); i++) if (!fixed.contains(f.real.get(i))) integrate.add(f.realAt(i));
    boolean[] isSpin = new boolean[spins.size()];
    for (int i = 0; i < isSpin.length; i++) isSpin[i] = spins.get(i);
    double[] x = point.clone();
    return Enumeration.logSum(
        isSpin,
        state -> {
          for (int i = 0; i < state.length; i++) x[sumOver.get(i)] = state[i];
          if (integrate.isEmpty()) return -beta * h.apply(x);
          return Quadrature.logIntegrate(
              integrate.size(),
              u -> {
                for (int i = 0; i < u.length; i++) x[integrate.get(i)] = u[i];
                return -beta * h.apply(x);
              });
        });
  }

  /**
   * ⟨sᵢsⱼ⟩ of the given discrete units under e^{−βH}/Z, the other units of {@code f} summed or
   * integrated except {@code held}, which keep their values in {@code base} (parameters first).
   */
  private double[][] correlators(NumericFunction h, Frame f, double[] base, double beta, List<ISymbol> observed, List<ISymbol> held) {
    int n = observed.size();
    int[] at = new int[n];
    for (int i = 0; i < n; i++) at[i] = f.discreteAt(f.discrete.indexOf(observed.get(i)));
    double[] point = base.clone();
    List<Integer> others = new ArrayList<>();
    List<Boolean> spins = new ArrayList<>();
    for (int i = 0; i < f.discrete.size(); i++)
      if (!observed.contains(f.discrete.get(i))) {
        others.add(f.discreteAt(i));
        spins.add(f.spin.get(i));
      }
    boolean[] observedSpins = new boolean[n];
    for (int i = 0; i < n; i++) observedSpins[i] = f.spin.get(f.discrete.indexOf(observed.get(i)));
    // Z(s_obs) for every state of the observed units, then the moments, in log space.
    List<double[]> states = new ArrayList<>();
    List<Double> logWeights = new ArrayList<>();
    Enumeration.forEach(
        observedSpins,
        state -> {
          double[] x = point.clone();
          for (int i = 0; i < n; i++) x[at[i]] = state[i];
          List<ISymbol> fixed = new ArrayList<>(observed);
          fixed.addAll(held);
          states.add(state.clone());
          logWeights.add(logMarginal(h, f, x, beta, fixed));
        });
    double max = Double.NEGATIVE_INFINITY;
    for (double w : logWeights) max = Math.max(max, w);
    double zNorm = 0;
    double[][] m = new double[n][n];
    for (int k = 0; k < states.size(); k++) {
      double w = Math.exp(logWeights.get(k) - max);
      zNorm += w;
      double[] s = states.get(k);
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] += w * s[i] * s[j];
    }
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] /= zNorm;
    return m;
  }

  private double[] drawParameters(List<ISymbol> params, List<NumericFunction> conditions, int size) {
    ISymbol beta = c.model().temperature() == null ? null : c.symbols().symbol(c.model().temperature());
    return java.util.Arrays.copyOf(Draws.parameters(params, beta, conditions, size, random), params.size());
  }

  /** Random values of the remaining units: ±1 or 0/1 for discrete ones, [−1.5, 1.5] for real ones. */
  private double[] drawUnits(Frame f) {
    double[] out = new double[f.discrete.size() + f.real.size()];
    for (int i = 0; i < f.discrete.size(); i++)
      out[i] = f.spin.get(i) ? (random.nextBoolean() ? 1 : -1) : (random.nextBoolean() ? 1 : 0);
    for (int i = 0; i < f.real.size(); i++) out[f.discrete.size() + i] = 3 * random.nextDouble() - 1.5;
    return out;
  }
}
