package energy.rg;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Decimation of the periodic Ising chain 𝒦 = K Σ s_i s_{i+1} + h Σ s_i, keeping every b-th
 * spin. Summing the b−1 spins between two kept spins s₀, s_b gives a weight W(s₀, s_b) (the
 * field of s₀ counted in the segment to its right) and every positive W is exp(A + B₀s₀ + B₁s_b
 * + C s₀s_b), so the step is exact and closes on (K, h):
 *
 * <pre>
 *   K' = ¼ ln(W₊₊W₋₋ / W₊₋W₋₊),  h' = B₀ + B₁ = ½ ln(W₊₊/W₋₋),  g = ¼ ln(W₊₊W₋₋W₊₋W₋₊),
 * </pre>
 *
 * g per kept site. W = T^b with the transfer matrix T(s, s') = e^{K s s' + h s}. Closed forms:
 * b = 2 gives K' = ¼ ln[cosh(2K+h) cosh(2K−h)/cosh²h], h' = h + ½ ln[cosh(2K+h)/cosh(2K−h)], g =
 * ln 2 + ¼ ln[cosh(2K+h) cosh(2K−h) cosh²h]; h = 0 and any b gives tanh K' = tanh^b K, g = (b−1)
 * ln 2 + b ln cosh K + ½ ln(1 − tanh^{2b} K). With a field, b ≤ {@value #ENUMERATED_UP_TO}: W as
 * the sum over the 2^{b−1} decimated configurations; larger b: through the eigenvalues λ > |λ₂|
 * of T, with τ = λ₂/λ = det T/λ² = 2 sinh 2K/λ² and N = (1 + τ^b)² + 4e^{4K} sinh²h τ^b,
 *
 * <pre>
 *   K' = ¼ ln[N/(1 − τ^b)²],  h' = arsinh[e^{2K} sinh h (1 − τ^b)/√N],
 *   g = b ln λ + ½ ln(1 − τ^b) + ¼ ln N − ln 2 − ½ ln(1 + e^{4K} sinh²h),
 * </pre>
 *
 * written without differences of nearly equal terms, so they evaluate to full precision for
 * every b up to {@value #MAX_SCALE}.
 *
 * <p>No finite fixed point: with h = 0, tanh K' = tanh^b K < tanh K for every finite K.
 */
public final class ChainDecimation {
  /**
   * The largest b accepted (for Migdal–Kadanoff's scale too). The closed forms have a fixed size,
   * but Symja evaluates exact powers such as 2^b where the flow analysis substitutes exact
   * values: b = 10⁶ takes seconds, b = 10⁹ ran for minutes.
   */
  public static final int MAX_SCALE = 1_000_000;

  /** With a field, b up to this is written as sums over the decimated configurations (≤ 8 terms). */
  static final int ENUMERATED_UP_TO = 4;

  private ChainDecimation() {}

  /** Decimation of K Σ s s (+ h Σ s when {@code h} is not null), keeping every b-th spin. */
  public static Recursion step(ISymbol k, ISymbol h, int b) {
    if (b < 2 || b > MAX_SCALE) throw new IllegalArgumentException("decimation needs 2 ≤ b ≤ " + MAX_SCALE);
    CouplingClass nn = CouplingClass.pair(Lattice.Kind.CHAIN, 1);
    CouplingClass field = CouplingClass.field(Lattice.Kind.CHAIN);
    List<ISymbol> couplings = new ArrayList<>(List.of(k));
    List<CouplingClass> classes = new ArrayList<>(List.of(nn));
    List<IExpr> images = new ArrayList<>();
    IExpr g;
    if (h == null) {
      IExpr t = F.Power(F.Tanh(k), F.ZZ(b));
      images.add(b == 2 ? F.Times(F.C1D2, F.Log(F.Cosh(F.Times(F.C2, k)))) : F.ArcTanh(t));
      g = F.Plus(
          F.Times(F.ZZ(b - 1), F.Log(F.C2)),
          F.Times(F.ZZ(b), F.Log(F.Cosh(k))),
          F.Times(F.C1D2, F.Log(F.Subtract(F.C1, F.Power(t, F.C2)))));
    } else if (b > ENUMERATED_UP_TO) {
      return eigenvalueStep(k, h, b);
    } else if (b == 2) {
      IExpr cp = F.Cosh(F.Plus(F.Times(F.C2, k), h));
      IExpr cm = F.Cosh(F.Subtract(F.Times(F.C2, k), h));
      IExpr ch = F.Cosh(h);
      images.add(F.Times(F.C1D4, F.Log(F.Times(cp, cm, F.Power(ch, F.CN2)))));
      images.add(F.Plus(h, F.Times(F.C1D2, F.Log(F.Times(cp, F.Power(cm, F.CN1))))));
      g = F.Plus(F.Log(F.C2), F.Times(F.C1D4, F.Log(F.Times(cp, cm, F.Power(ch, F.C2)))));
      couplings.add(h);
      classes.add(field);
    } else {
      IExpr[][] w = segmentWeights(k, h, b);
      IExpr lpp = F.Log(w[1][1]), lmm = F.Log(w[0][0]), lpm = F.Log(w[1][0]), lmp = F.Log(w[0][1]);
      images.add(F.Times(F.C1D4, F.Plus(lpp, lmm, F.Negate(lpm), F.Negate(lmp))));
      images.add(F.Times(F.C1D2, F.Subtract(lpp, lmm)));
      g = F.Times(F.C1D4, F.Plus(lpp, lmm, lpm, lmp));
      couplings.add(h);
      classes.add(field);
    }
    return new Recursion(
        "decimation of the chain, b = " + b, couplings, classes, images, g, b, Map.of(), Map.of());
  }

  // Large b with a field: printed through λ and τ (definitions), evaluated with them substituted.
  private static Recursion eigenvalueStep(ISymbol k, ISymbol h, int b) {
    ISymbol lambda = new Symbol("lambda", Context.DUMMY), tau = new Symbol("tau", Context.DUMMY);
    IExpr e2kSinh = F.Times(F.Exp(F.Times(F.C2, k)), F.Sinh(h));
    IExpr lambdaValue =
        F.Plus(F.Times(F.Exp(k), F.Cosh(h)), F.Sqrt(F.Plus(F.Times(F.Exp(F.Times(F.C2, k)), F.Sqr(F.Sinh(h))), F.Exp(F.Times(F.CN2, k)))));
    IExpr tauValue = F.Times(F.C2, F.Sinh(F.Times(F.C2, k)), F.Power(lambda, F.CN2));
    Map<ISymbol, IExpr> definitions = new LinkedHashMap<>();
    definitions.put(lambda, lambdaValue);
    definitions.put(tau, tauValue);
    List<IExpr> shown = eigenvalueForms(k, h, b, lambda, tau, e2kSinh);
    List<IExpr> values = eigenvalueForms(k, h, b, lambdaValue, F.Times(F.C2, F.Sinh(F.Times(F.C2, k)), F.Power(lambdaValue, F.CN2)), e2kSinh);
    List<IExpr> display = new ArrayList<>();
    for (IExpr e : shown) display.add(Symja.eval(e));
    return new Recursion(
        "decimation of the chain, b = " + b,
        List.of(k, h),
        List.of(CouplingClass.pair(Lattice.Kind.CHAIN, 1), CouplingClass.field(Lattice.Kind.CHAIN)),
        values.subList(0, 2), values.get(2), b, Map.of(), definitions,
        new Recursion.Display(display.subList(0, 2), display.get(2), Map.of()));
  }

  /** [K', h', g] of the eigenvalue closed form, in terms of the given λ and τ. */
  private static List<IExpr> eigenvalueForms(ISymbol k, ISymbol h, int b, IExpr lambda, IExpr tau, IExpr e2kSinh) {
    IExpr tb = F.Power(tau, F.ZZ(b));
    IExpr oneMinus = F.Subtract(F.C1, tb);
    IExpr n = F.Plus(F.Sqr(F.Plus(F.C1, tb)), F.Times(F.C4, F.Sqr(e2kSinh), tb));
    IExpr kPrime = F.Times(F.C1D4, F.Log(F.Times(n, F.Power(oneMinus, F.CN2))));
    IExpr hPrime = F.ArcSinh(F.Times(e2kSinh, oneMinus, F.Power(n, F.CN1D2)));
    IExpr g = F.Plus(
        F.Times(F.ZZ(b), F.Log(lambda)),
        F.Times(F.C1D2, F.Log(oneMinus)),
        F.Times(F.C1D4, F.Log(n)),
        F.Negate(F.Log(F.C2)),
        F.Times(F.CN1D2, F.Log(F.Plus(F.C1, F.Sqr(e2kSinh)))));
    return List.of(kPrime, hPrime, g);
  }

  /** The same step for a chain Hamiltonian with classes K (and optionally h) only. */
  public static Recursion step(ReducedHamiltonian k0, int b) {
    if (k0.kind() != Lattice.Kind.CHAIN) throw new IllegalArgumentException("not a chain");
    IExpr k = k0.coefficient(CouplingClass.pair(Lattice.Kind.CHAIN, 1));
    IExpr h = k0.coefficient(CouplingClass.field(Lattice.Kind.CHAIN));
    if (k == null || !k.isSymbol() || (h != null && !h.isSymbol()) || k0.coefficients().size() > (h == null ? 1 : 2))
      throw new IllegalArgumentException("decimation needs 𝒦 = K Σ s s + h Σ s with symbols K, h");
    return step((ISymbol) k, (ISymbol) h, b);
  }

  // W[s₀][s_b] (index 0 for −1, 1 for +1): the sum over the b−1 spins between s₀ and s_b of
  // exp(K Σ bonds + h (s₀ + Σ inner)); 2^{b−1} terms, so only for small b.
  static IExpr[][] segmentWeights(ISymbol k, ISymbol h, int b) {
    if (b > ENUMERATED_UP_TO) throw new IllegalArgumentException("enumerating 2^" + (b - 1) + " configurations");
    IExpr[][] w = new IExpr[2][2];
    for (int e0 = 0; e0 < 2; e0++)
      for (int eb = 0; eb < 2; eb++) {
        List<IExpr> terms = new ArrayList<>();
        for (int m = 0; m < 1 << (b - 1); m++) {
          int[] s = new int[b + 1];
          s[0] = 2 * e0 - 1;
          s[b] = 2 * eb - 1;
          for (int i = 1; i < b; i++) s[i] = ((m >> (i - 1)) & 1) == 1 ? 1 : -1;
          int bonds = 0, spins = s[0];
          for (int i = 0; i < b; i++) bonds += s[i] * s[i + 1];
          for (int i = 1; i < b; i++) spins += s[i];
          terms.add(F.Exp(F.Plus(F.Times(F.ZZ(bonds), k), F.Times(F.ZZ(spins), h))));
        }
        w[e0][eb] = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
      }
    return w;
  }
}
