package energy.rg;

import energy.algebra.Symja;
import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A variational RG kernel for one block: T(v, h) over the block's visible spins v₁…v_b and one
 * hidden spin h, with p(h|v) = e^{T(v,h)}. The trace condition Σ_h e^{T(v,h)} = 1 for every v
 * makes the step preserve Z; the renormalized Hamiltonian of the hidden chain is 𝒦'(h) =
 * ln Σ_v e^{Σ_blocks T(v_I, h_I) + 𝒦(v)} (Mehta & Schwab's H' = −ln Σ_v e^{T − H}, in reduced
 * form 𝒦 = −H).
 */
public final class VariationalKernel {
  private final List<ISymbol> visible;
  private final ISymbol hidden;
  private final IExpr t;

  public VariationalKernel(List<ISymbol> visible, ISymbol hidden, IExpr t) {
    this.visible = List.copyOf(visible);
    this.hidden = hidden;
    this.t = t;
  }

  public List<ISymbol> visible() {
    return visible;
  }

  public ISymbol hidden() {
    return hidden;
  }

  public IExpr expression() {
    return t;
  }

  /** Kadanoff's block kernel e^{λ h Σv}/(2 cosh(λ Σv)): T = λ h Σv − ln(2 cosh(λ Σv)). */
  public static VariationalKernel kadanoff(int blockSize, ISymbol lambda) {
    List<ISymbol> v = spins("v", blockSize);
    ISymbol h = new Symbol("h", Context.DUMMY);
    IExpr sum = F.Plus(v.toArray(new IExpr[0]));
    if (blockSize == 1) sum = v.get(0);
    IExpr t = F.Subtract(F.Times(lambda, h, sum), F.Log(F.Times(F.C2, F.Cosh(F.Times(lambda, sum)))));
    return new VariationalKernel(v, h, t);
  }

  /**
   * Mehta & Schwab's RBM for decimation of the chain, blocks of two: the hidden spin couples
   * only to the first visible spin, T = λ h v₁ − ln(2 cosh λ) (a hidden–visible weight λ and a
   * constant; v₁ = ±1 makes the normalization v-independent). As λ → ∞, p(h|v) → δ(h, v₁): the
   * decimation b = 2, exact up to O(e^{−2λ}).
   */
  public static VariationalKernel mehtaSchwabDecimation(ISymbol lambda) {
    List<ISymbol> v = spins("v", 2);
    ISymbol h = new Symbol("h", Context.DUMMY);
    IExpr t = F.Subtract(F.Times(lambda, h, v.get(0)), F.Log(F.Times(F.C2, F.Cosh(lambda))));
    return new VariationalKernel(v, h, t);
  }

  private static List<ISymbol> spins(String name, int n) {
    List<ISymbol> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add(new Symbol(name + "[" + i + "]", Context.DUMMY));
    return out;
  }

  /** The outcome of the trace check: exact (symbolic zero for every v) or the largest numeric residual. */
  public record TraceCheck(boolean symbolic, double maxResidual, List<IExpr> residuals) {
    public boolean holds() {
      return symbolic || maxResidual < 1e-12;
    }
  }

  /**
   * Σ_h e^{T(v,h)} − 1 for each of the 2^b visible configurations: simplified symbolically
   * (exponentials of trig form) and, when that does not give 0, evaluated at 20 random
   * parameter points in [−2, 2] (seeded).
   */
  public TraceCheck traceCondition(List<ISymbol> parameters, long seed) {
    boolean allZero = true;
    double max = 0;
    List<IExpr> residuals = new ArrayList<>();
    Random random = new Random(seed);
    for (int x = 0; x < 1 << visible.size(); x++) {
      IExpr sum = F.C0;
      for (int hs = -1; hs <= 1; hs += 2) sum = F.Plus(sum, F.Exp(substitute(x, hs)));
      IExpr r = Symja.eval(F.Simplify(F.TrigToExp(F.Subtract(sum, F.C1))));
      residuals.add(r);
      if (r.isZero()) continue;
      allZero = false;
      NumericFunction f = NumericFunction.compile(r, parameters);
      for (int k = 0; k < 20; k++) {
        double[] p = new double[parameters.size()];
        for (int i = 0; i < p.length; i++) p[i] = -2 + 4 * random.nextDouble();
        max = Math.max(max, Math.abs(f.apply(p)));
      }
    }
    return new TraceCheck(allZero, max, residuals);
  }

  // T with the visible spins set by the bits of x (bit 1 → −1) and the hidden spin to hs.
  private IExpr substitute(int x, int hs) {
    IASTAppendable rules = F.ListAlloc();
    for (int i = 0; i < visible.size(); i++) rules.append(F.Rule(visible.get(i), F.ZZ(WalshProjector.spin(x, i))));
    rules.append(F.Rule(hidden, F.ZZ(hs)));
    return Symja.eval(F.ReplaceAll(t, rules));
  }

  /** p(h|v) = e^{T} at numeric parameter values, as a block rule. */
  public BlockRule rule(List<ISymbol> parameters, double[] values) {
    double[][] w = new double[2][1 << visible.size()];
    for (int x = 0; x < w[0].length; x++)
      for (int hs = 0; hs < 2; hs++)
        w[hs][x] = Math.exp(NumericFunction.compile(substitute(x, 2 * hs - 1), parameters).apply(values));
    return (sp, x) -> w[sp > 0 ? 1 : 0][x];
  }

  /**
   * The renormalized chain Hamiltonian on a periodic chain of {@code hiddenSites} blocks,
   * exactly (enumeration), projected onto the chain classes field, K, K2, K3 and the constant
   * per site (key null); {@code residual} is the largest coefficient of every other monomial,
   * i.e. what truncating to these classes drops.
   */
  public Projection renormalize(ReducedHamiltonian k0, Map<ISymbol, Double> values, int hiddenSites) {
    Blocking.Instance inst = Blocking.chain(visible.size()).on(hiddenSites);
    List<ISymbol> params = new ArrayList<>(values.keySet());
    double[] vals = values.values().stream().mapToDouble(Double::doubleValue).toArray();
    double[] exact = ExactBlockSum.renormalized(inst, k0.terms(inst.fine(), values), rule(params, vals));
    double[] c = WalshProjector.transform(exact);
    List<CouplingClass> classes = new ArrayList<>();
    classes.add(CouplingClass.field(Lattice.Kind.CHAIN));
    for (int s = 1; s <= 3; s++) classes.add(CouplingClass.pair(Lattice.Kind.CHAIN, s));
    Map<CouplingClass, Double> couplings = WalshProjector.couplings(inst.coarse(), c, classes);
    Map<CouplingClass, Double> known = new LinkedHashMap<>(couplings);
    known.remove(null);
    double[] fitted = WalshProjector.coefficients(inst.coarse(), known, couplings.get(null));
    double residual = 0;
    for (int i = 1; i < c.length; i++) residual = Math.max(residual, Math.abs(c[i] - fitted[i]));
    return new Projection(couplings, residual);
  }

  /** Projected couplings (constant per site under null) and the largest dropped coefficient. */
  public record Projection(Map<CouplingClass, Double> couplings, double residual) {}
}
