package energy.algebra.cumulant;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Moments and cumulants, univariate and joint: ln⟨e^{tX}⟩ = Σₙ κₙ tⁿ/n!.
 *
 * <p>Univariate, with μ₀ = 1 and for every n ≥ 1,
 *
 * <pre>
 *   μₙ = Σ_{m=1}^{n} C(n−1, m−1) κₘ μₙ₋ₘ,   hence   κₙ = μₙ − Σ_{m=1}^{n−1} C(n−1, m−1) κₘ μₙ₋ₘ,
 * </pre>
 *
 * which is the derivative of M(t) = e^{K(t)} (M' = K'M) read off at order tⁿ⁻¹. Joint, for
 * X₀…X_{k−1} with μ(S) = ⟨Π_{i∈S} Xᵢ⟩ and μ(∅) = 1, and every non-empty S,
 *
 * <pre>
 *   μ(S) = Σ_{B ∋ min S, B ⊆ S} κ(B) μ(S∖B)
 * </pre>
 *
 * (sort the blocks of each set partition of S by the block holding min S). Both are identities
 * of formal power series: they hold for any commutative ring of values, so the moments may be
 * symbols, numbers or expressions; nothing about the existence of ⟨e^{tX}⟩ is assumed. Each
 * recursion costs O(n²) products univariately and 3^{k−1} products jointly (memoized over
 * subsets, not the Bell(k) partition sum); the expanded joint result in generic symbols still
 * has Bell(k) terms (4140 at k = 8, 4 213 597 at k = 12), which is what limits k in practice.
 *
 * <p>The recursions run on exact sparse polynomials ({@link Poly}) whose variables are the
 * given expressions, each treated as opaque, and whose coefficients are the rational numbers
 * among them; Symja sees each result once, and expands it when a given expression was not a
 * plain symbol. Inputs holding an inexact number (a double) cannot be exact coefficients and
 * go through the same recursion evaluated term by term in Symja instead.
 *
 * <p>Joint sets are passed to the caller's functions as 0-based {@link BitSet}s; symbols made
 * here are 1-based ({@code mu[1,3]} is ⟨X₁X₃⟩), as in the modelling language.
 */
public final class Cumulants {
  /** 2^16 memo entries; beyond that the 3^{k−1} recursion is out of reach anyway. */
  public static final int MAX_JOINT = 16;

  private static final Map<String, ISymbol> SYMBOLS = new ConcurrentHashMap<>();

  private Cumulants() {}

  /** κ₁…κₙ from μ₁…μₙ (index 0 holds the first), each expanded. */
  public static List<IExpr> cumulantsFromMoments(List<IExpr> mu) {
    checkAll(mu, "mu");
    if (!mu.stream().allMatch(Poly.Atoms::admissible)) return cumulantsBySymja(mu);
    Poly.Atoms atoms = new Poly.Atoms();
    List<Poly> m = new ArrayList<>(mu.size());
    List<Poly> kappa = new ArrayList<>(mu.size());
    List<IExpr> out = new ArrayList<>(mu.size());
    for (int n = 1; n <= mu.size(); n++) {
      m.add(atoms.of(mu.get(n - 1)));
      Poly k = Poly.zero();
      k.addScaled(F.C1, m.get(n - 1));
      for (int j = 1; j < n; j++) k.addProduct(F.ZZ(binomial(n - 1, j - 1).negate()), kappa.get(j - 1), m.get(n - j - 1));
      kappa.add(k);
      out.add(atoms.toExpr(k));
    }
    return out;
  }

  /** μ₁…μₙ from κ₁…κₙ (index 0 holds the first), each expanded. */
  public static List<IExpr> momentsFromCumulants(List<IExpr> kappa) {
    checkAll(kappa, "kappa");
    if (!kappa.stream().allMatch(Poly.Atoms::admissible)) return momentsBySymja(kappa);
    Poly.Atoms atoms = new Poly.Atoms();
    List<Poly> k = new ArrayList<>(kappa.size());
    List<Poly> mu = new ArrayList<>(kappa.size());
    List<IExpr> out = new ArrayList<>(kappa.size());
    for (int n = 1; n <= kappa.size(); n++) {
      k.add(atoms.of(kappa.get(n - 1)));
      Poly m = Poly.zero();
      m.addScaled(F.C1, k.get(n - 1));
      for (int j = 1; j < n; j++) m.addProduct(F.ZZ(binomial(n - 1, j - 1)), k.get(j - 1), mu.get(n - j - 1));
      mu.add(m);
      out.add(atoms.toExpr(m));
    }
    return out;
  }

  /**
   * The joint cumulant κ(X₀,…,X_{k−1}) from the joint moments μ(S), S ⊆ {0…k−1} non-empty,
   * expanded. Only the cumulants of subsets holding 0 are formed (2^{k−1} of them), each as
   * κ(B) = μ(B) − Σ_{0 ∈ B' ⊊ B} κ(B') μ(B∖B'). The moment function is called exactly once
   * for every non-empty subset, all of which are needed.
   */
  public static IExpr jointCumulant(int k, Function<BitSet, IExpr> moment) {
    IExpr[] mu = fetch(k, moment, "moment");
    if (!Arrays.stream(mu, 1, mu.length).allMatch(Poly.Atoms::admissible)) return jointCumulantBySymja(mu);
    Poly.Atoms atoms = new Poly.Atoms();
    Poly[] m = new Poly[mu.length];
    for (int s = 1; s < mu.length; s++) m[s] = atoms.of(mu[s]);
    Poly[] kappa = new Poly[mu.length];
    // Every proper subset of a mask is numerically smaller, so increasing order is topological.
    for (int s = 1; s < mu.length; s += 2) {
      Poly ks = Poly.zero();
      ks.addScaled(F.C1, m[s]);
      int rest = s & ~1;
      // B = {0} ∪ sub for every proper subset sub of rest; none when s = {0}.
      for (int sub = (rest - 1) & rest; rest != 0; sub = (sub - 1) & rest) {
        int b = sub | 1;
        ks.addProduct(F.CN1, kappa[b], m[s & ~b]);
        if (sub == 0) break;
      }
      kappa[s] = ks;
    }
    return atoms.toExpr(kappa[mu.length - 1]);
  }

  /**
   * The joint moment ⟨X₀⋯X_{k−1}⟩ from the joint cumulants κ(S), expanded: the sum over set
   * partitions of Π κ(B), computed as μ(S) = Σ_{B ∋ min S} κ(B) μ(S∖B) over the 2^{k−1}
   * subsets of {1…k−1} and the full set. The cumulant function is called once per subset.
   */
  public static IExpr jointMoment(int k, Function<BitSet, IExpr> cumulant) {
    IExpr[] kappa = fetch(k, cumulant, "cumulant");
    if (!Arrays.stream(kappa, 1, kappa.length).allMatch(Poly.Atoms::admissible)) return jointMomentBySymja(kappa);
    Poly.Atoms atoms = new Poly.Atoms();
    Poly[] c = new Poly[kappa.length];
    for (int s = 1; s < kappa.length; s++) c[s] = atoms.of(kappa[s]);
    Poly[] mu = new Poly[kappa.length];
    mu[0] = Poly.constant(F.C1);
    int full = kappa.length - 1;
    // The even masks are the subsets of {1…k−1}: all that the full set's recursion reaches.
    for (int s = 2; s < full; s += 2) mu[s] = momentStep(s, c, mu);
    return atoms.toExpr(momentStep(full, c, mu));
  }

  private static Poly momentStep(int s, Poly[] c, Poly[] mu) {
    int low = Integer.lowestOneBit(s);
    int rest = s & ~low;
    Poly ms = Poly.zero();
    for (int sub = rest; ; sub = (sub - 1) & rest) {
      int b = sub | low;
      ms.addProduct(F.C1, c[b], mu[s & ~b]);
      if (sub == 0) return ms;
    }
  }

  // The same recursions evaluated term by term in Symja, for inputs with inexact numbers
  // (which cannot be exact polynomial coefficients). Fine for numbers, slow for symbols.

  private static List<IExpr> cumulantsBySymja(List<IExpr> mu) {
    List<IExpr> kappa = new ArrayList<>(mu.size());
    for (int n = 1; n <= mu.size(); n++) {
      List<IExpr> terms = new ArrayList<>(n);
      terms.add(mu.get(n - 1));
      for (int m = 1; m < n; m++)
        terms.add(F.Times(F.ZZ(binomial(n - 1, m - 1).negate()), kappa.get(m - 1), mu.get(n - m - 1)));
      kappa.add(Symja.expand(F.Plus(terms.toArray(new IExpr[0]))));
    }
    return kappa;
  }

  private static List<IExpr> momentsBySymja(List<IExpr> kappa) {
    List<IExpr> mu = new ArrayList<>(kappa.size());
    for (int n = 1; n <= kappa.size(); n++) {
      List<IExpr> terms = new ArrayList<>(n);
      for (int m = 1; m <= n; m++)
        terms.add(F.Times(F.ZZ(binomial(n - 1, m - 1)), kappa.get(m - 1), m == n ? F.C1 : mu.get(n - m - 1)));
      mu.add(Symja.expand(F.Plus(terms.toArray(new IExpr[0]))));
    }
    return mu;
  }

  private static IExpr jointCumulantBySymja(IExpr[] mu) {
    IExpr[] kappa = new IExpr[mu.length];
    for (int s = 1; s < mu.length; s += 2) {
      List<IExpr> terms = new ArrayList<>();
      terms.add(mu[s]);
      int rest = s & ~1;
      for (int sub = (rest - 1) & rest; rest != 0; sub = (sub - 1) & rest) {
        int b = sub | 1;
        terms.add(F.Times(F.CN1, kappa[b], mu[s & ~b]));
        if (sub == 0) break;
      }
      kappa[s] = Symja.expand(F.Plus(terms.toArray(new IExpr[0])));
    }
    return kappa[mu.length - 1];
  }

  private static IExpr jointMomentBySymja(IExpr[] kappa) {
    IExpr[] mu = new IExpr[kappa.length];
    mu[0] = F.C1;
    int full = kappa.length - 1;
    for (int s = 2; s < full; s += 2) mu[s] = momentStepBySymja(s, kappa, mu);
    return momentStepBySymja(full, kappa, mu);
  }

  private static IExpr momentStepBySymja(int s, IExpr[] kappa, IExpr[] mu) {
    int low = Integer.lowestOneBit(s);
    int rest = s & ~low;
    List<IExpr> terms = new ArrayList<>();
    for (int sub = rest; ; sub = (sub - 1) & rest) {
      int b = sub | low;
      terms.add(F.Times(kappa[b], mu[s & ~b]));
      if (sub == 0) return Symja.expand(F.Plus(terms.toArray(new IExpr[0])));
    }
  }

  /** κₙ in the symbols {@code mu1}…{@code mun}. */
  public static IExpr cumulantInMoments(int n) {
    return cumulantsFromMoments(symbols("mu", n)).get(n - 1);
  }

  /** μₙ in the symbols {@code kappa1}…{@code kappan}. */
  public static IExpr momentInCumulants(int n) {
    return momentsFromCumulants(symbols("kappa", n)).get(n - 1);
  }

  /** κ(X₁,…,X_k) in the symbols {@code mu[1]}, {@code mu[1,2]}, …, {@code mu[1,…,k]}. */
  public static IExpr jointCumulantInMoments(int k) {
    return jointCumulant(k, s -> jointSymbol("mu", s));
  }

  /** ⟨X₁⋯X_k⟩ in the symbols {@code kappa[1]}, {@code kappa[1,2]}, …. */
  public static IExpr jointMomentInCumulants(int k) {
    return jointMoment(k, s -> jointSymbol("kappa", s));
  }

  /** The symbol {@code prefix}n, e.g. {@code mu3}; one instance per name. */
  public static ISymbol symbol(String prefix, int n) {
    if (n < 1) throw new IllegalArgumentException("orders start at 1, got " + n);
    return named(prefix + n);
  }

  /** The symbol {@code prefix[i,j,…]} for the 0-based set s, written 1-based and sorted. */
  public static ISymbol jointSymbol(String prefix, BitSet s) {
    if (s.isEmpty()) throw new IllegalArgumentException("the empty set has no moment symbol (μ(∅) = 1)");
    StringBuilder name = new StringBuilder(prefix).append('[');
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1))
      name.append(name.charAt(name.length() - 1) == '[' ? "" : ",").append(i + 1);
    return named(name.append(']').toString());
  }

  private static ISymbol named(String name) {
    // Made directly in the dummy context: F.symbol would fold the name to lower case.
    return SYMBOLS.computeIfAbsent(name, s -> new Symbol(s, Context.DUMMY));
  }

  private static List<IExpr> symbols(String prefix, int n) {
    if (n < 1) throw new IllegalArgumentException("orders start at 1, got " + n);
    List<IExpr> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) out.add(symbol(prefix, i));
    return out;
  }

  /** f(S) for every non-empty S ⊆ {0…k−1}, indexed by bit mask; index 0 is unused. */
  private static IExpr[] fetch(int k, Function<BitSet, IExpr> f, String what) {
    checkJoint(k);
    IExpr[] v = new IExpr[1 << k];
    for (int s = 1; s < v.length; s++) {
      BitSet set = BitSet.valueOf(new long[] {s});
      v[s] = f.apply(set);
      if (v[s] == null) throw new IllegalArgumentException("no " + what + " given for " + BitSet.valueOf(new long[] {s}));
    }
    return v;
  }

  private static void checkAll(List<IExpr> values, String what) {
    for (int i = 0; i < values.size(); i++)
      if (values.get(i) == null) throw new IllegalArgumentException(what + (i + 1) + " is null");
  }

  private static void checkJoint(int k) {
    if (k < 1 || k > MAX_JOINT)
      throw new IllegalArgumentException("joint cumulants are for 1 to " + MAX_JOINT + " variables, got " + k);
  }

  static java.math.BigInteger binomial(int n, int r) {
    java.math.BigInteger c = java.math.BigInteger.ONE;
    for (int i = 0; i < r; i++)
      c = c.multiply(java.math.BigInteger.valueOf(n - i)).divide(java.math.BigInteger.valueOf(i + 1));
    return c;
  }
}
