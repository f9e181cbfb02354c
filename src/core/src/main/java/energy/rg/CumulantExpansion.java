package energy.rg;

import energy.algebra.Symja;
import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Block spins by majority rule with the cumulant expansion (Niemeijer–van Leeuwen):
 *
 * <pre>
 *   𝒦'(σ') = ln Z₀ + ln p(σ') + ln⟨e^{𝒦₁}⟩ = N' ln z₊ + ⟨𝒦₁⟩ + ½(⟨𝒦₁²⟩ − ⟨𝒦₁⟩²) + O(𝒦₁³),
 * </pre>
 *
 * 𝒦₀ the terms inside one block, 𝒦₁ the rest, ⟨·⟩ over p(χ|σ') ∝ p(σ'|χ) e^{𝒦₀(χ)}, which
 * factorizes over blocks. z₊ = Σ_{χ_b: majority +} e^{𝒦_b} is Z_b·p(σ'_I) (p(σ'_I) = ½ by
 * spin-flip symmetry). The cumulants are those of the dimensionless 𝒦₁ itself: κ_n/n! with no
 * (−β)ⁿ (the seed's eq. 34 multiplies them by (−β)ⁿ once more — a mistake, since 𝒦 = −βH
 * already carries the β).
 *
 * <p>Given σ', a block average of a product of block sites A is m_A(σ') = E_A + O_A σ', found
 * by exact enumeration of the block with majority + and − (for an even 𝒦 one part is
 * ⟨Π_A s⟩_{σ'=+} and the other vanishes, since flipping all spins maps σ' = + to −). A field
 * lies inside the blocks, so it is exact; ln z_{σ'} gives the block's own field ½ ln(z₊/z₋).
 * Averages of products of 𝒦₁ terms factorize over blocks, so each
 * order is a polynomial in σ' whose coefficients are polynomials in the couplings and the m_A;
 * it is built on a torus of 7 × 7 blocks (wider than any cluster of two terms, also with
 * further-neighbour couplings in 𝒦, so no wrap-around) and each coefficient is read off once per translation class, which is the
 * "count every bond once" of translation invariance. Terms on the same class must agree (checked).
 *
 * <p>Order 2 counts powers as Niemeijer and van Leeuwen did ({@link #power}): couplings beyond
 * the nearest neighbours are O(K²) and enter at first order, so the second cumulant pairs
 * nearest-neighbour terms only; with K, K₂, K₃ kept this is their three-coupling calculation.
 */
public final class CumulantExpansion {
  private static final int TORUS = 7;

  private CumulantExpansion() {}

  /**
   * The majority-rule step to the given order (1 or 2) for 𝒦 in bare coupling symbols; the classes
   * of 𝒦 are kept (renormalized), the others reported as generated. A field only at order 1.
   */
  public static Recursion step(ReducedHamiltonian k0, Blocking blocking, int order) {
    if (order < 1 || order > 2) throw new IllegalArgumentException("orders 1 and 2 are implemented");
    if (order == 2 && !k0.isEven()) throw new IllegalArgumentException("a field is implemented at order 1");
    if (k0.kind() != blocking.kind()) throw new IllegalArgumentException("𝒦 and blocks on different lattices");
    List<ISymbol> couplings = k0.couplingSymbols();
    List<CouplingClass> classes = new ArrayList<>(k0.coefficients().keySet());
    Blocking.Instance inst = blocking.on(TORUS);
    int bs = blocking.blockSize();

    // Split 𝒦 into the terms of block 0 (𝒦_b) and the inter-block terms (𝒦₁).
    List<int[]> intra = new ArrayList<>(); // {coupling, mask in block}
    List<Inter> inter = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++)
      for (int[] sites : classes.get(k).instances(inst.fine())) {
        TreeMap<Integer, Integer> masks = new TreeMap<>();
        for (int s : sites) masks.merge(inst.blockOf()[s], 1 << inst.local()[s], (x, y) -> x ^ y);
        masks.values().removeIf(m -> m == 0);
        if (masks.size() == 1) {
          if (masks.firstKey() == 0) intra.add(new int[] {k, masks.firstEntry().getValue()});
        } else if (masks.size() > 1) inter.add(new Inter(k, masks));
      }

    BlockAverages avg = new BlockAverages(bs, intra, couplings, k0.isEven());
    Poly poly = new Poly();
    for (Inter t : inter) poly.add(order1(t, avg));
    if (order == 2) {
      // Niemeijer–van Leeuwen's power counting: couplings beyond the nearest neighbours are of
      // order K² and enter at first order only, so the second cumulant pairs nearest-neighbour terms.
      Map<Integer, List<Inter>> byBlock = new HashMap<>();
      for (Inter t : inter)
        if (power(classes.get(t.coupling)) == 1)
          for (int b : t.masks.keySet()) byBlock.computeIfAbsent(b, x -> new ArrayList<>()).add(t);
      for (Inter t : inter) {
        if (power(classes.get(t.coupling)) != 1) continue;
        java.util.Set<Inter> partners = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int b : t.masks.keySet()) partners.addAll(byBlock.get(b));
        for (Inter u : partners) poly.add(order2(t, u, avg));
      }
    }

    // Read the coefficients off per class of block clusters.
    int nb = inst.coarse().size();
    Map<CouplingClass, Map<String, Double>> perClass = new LinkedHashMap<>();
    Map<CouplingClass, Integer> seen = new HashMap<>();
    Map<String, Double> constant = poly.terms.getOrDefault(0L, Map.of());
    for (Map.Entry<Long, Map<String, Double>> e : poly.terms.entrySet()) {
      if (e.getKey() == 0L || e.getValue().values().stream().allMatch(v -> v == 0)) continue;
      CouplingClass cc = CouplingClass.of(blocking.blockKind(), cluster(inst.coarse(), e.getKey()));
      seen.merge(cc, 1, Integer::sum);
      Map<String, Double> prev = perClass.putIfAbsent(cc, e.getValue());
      if (prev != null && !sameCoefficients(prev, e.getValue()))
        throw new IllegalStateException("instances of " + cc + " got different coefficients");
    }
    for (Map.Entry<CouplingClass, Integer> e : seen.entrySet())
      if (e.getValue() != e.getKey().instances(inst.coarse()).size())
        throw new IllegalStateException("torus too small for " + e.getKey());

    Map<ISymbol, IExpr> definitions = avg.definitions();
    List<IExpr> images = new ArrayList<>();
    List<CouplingClass> outClasses = new ArrayList<>();
    for (CouplingClass c : classes) {
      CouplingClass coarseClass = CouplingClass.of(blocking.blockKind(), c.shapes().get(0));
      outClasses.add(coarseClass);
      IExpr image = avg.expand(perClass.getOrDefault(coarseClass, Map.of()));
      // ln z_{σ'} = ½(ln z₊ + ln z₋) + ½(ln z₊ − ln z₋)σ': the block's own field.
      if (c.sites() == 1) image = Symja.eval(F.Plus(F.Times(F.C1D2, F.Subtract(F.Log(avg.z(true)), F.Log(avg.z(false)))), image));
      images.add(image);
    }
    Map<CouplingClass, IExpr> generated = new LinkedHashMap<>();
    for (Map.Entry<CouplingClass, Map<String, Double>> e : perClass.entrySet())
      if (!outClasses.contains(e.getKey())) generated.put(e.getKey(), avg.expand(e.getValue()));
    Map<String, Double> perSite = new HashMap<>();
    constant.forEach((k, v) -> perSite.put(k, v / nb));
    IExpr lnZ = k0.isEven() ? F.Log(avg.z(true)) : F.Times(F.C1D2, F.Plus(F.Log(avg.z(true)), F.Log(avg.z(false))));
    IExpr g = F.Plus(lnZ, avg.expand(perSite));
    return new Recursion(
        "majority-rule blocks of " + bs + ", cumulant order " + order,
        couplings, outClasses, substitute(images, definitions), Symja.eval(substitute(List.of(g), definitions).get(0)),
        blocking.scale(), substituteMap(generated, definitions), definitions,
        new Recursion.Display(images, Symja.eval(g), generated));
  }

  /**
   * The power of K at which a coupling is counted: a field 0 (it acts inside the blocks, exactly),
   * the nearest-neighbour coupling 1, every other class 2 (Niemeijer–van Leeuwen).
   */
  public static int power(CouplingClass c) {
    return c.sites() == 1 ? 0 : c.equals(CouplingClass.pair(c.kind(), 1)) ? 1 : 2;
  }

  private record Inter(int coupling, TreeMap<Integer, Integer> masks) {}

  // ⟨t⟩ = Π_I m_{A_I}(σ'_I)
  private static Poly order1(Inter t, BlockAverages avg) {
    Poly p = new Poly();
    List<int[]> factors = new ArrayList<>();
    t.masks.forEach((b, m) -> factors.add(new int[] {b, m}));
    avg.product(factors, List.of(t.coupling), 1.0, p);
    return p;
  }

  // ½ c_t c_u (⟨t u⟩ − ⟨t⟩⟨u⟩), the averages per block in σ'.
  private static Poly order2(Inter t, Inter u, BlockAverages avg) {
    Poly p = new Poly();
    TreeMap<Integer, Integer> joint = new TreeMap<>(t.masks);
    u.masks.forEach((b, m) -> joint.merge(b, m, (x, y) -> x ^ y));
    List<int[]> together = new ArrayList<>(), apart = new ArrayList<>();
    joint.forEach((b, m) -> {
      if (m != 0) together.add(new int[] {b, m});
    });
    t.masks.forEach((b, m) -> apart.add(new int[] {b, m}));
    u.masks.forEach((b, m) -> apart.add(new int[] {b, m}));
    List<Integer> cs = List.of(t.coupling, u.coupling);
    avg.product(together, cs, 0.5, p);
    avg.product(apart, cs, -0.5, p);
    return p;
  }

  private static String key(List<Integer> couplings, List<Integer> ms) {
    List<Integer> c = new ArrayList<>(couplings), m = new ArrayList<>(ms);
    java.util.Collections.sort(c);
    java.util.Collections.sort(m);
    m.removeIf(x -> x == 0); // m(∅) = 1
    return c + "|" + m;
  }

  private static boolean sameCoefficients(Map<String, Double> a, Map<String, Double> b) {
    java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) if (Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0)) > 1e-9) return false;
    return true;
  }

  // The block sites of a monomial as coordinates near its first site (minimal images).
  private static int[][] cluster(Lattice coarse, long mask) {
    List<int[]> out = new ArrayList<>();
    int first = Long.numberOfTrailingZeros(mask);
    int x0 = coarse.x(first), y0 = coarse.y(first);
    for (int s = 0; s < coarse.size(); s++) {
      if (((mask >> s) & 1L) == 0) continue;
      int bestX = 0, bestY = 0, best = Integer.MAX_VALUE;
      for (int i = -1; i <= 1; i++)
        for (int j = -1; j <= 1; j++) {
          int dx = coarse.x(s) - x0 + i * TORUS, dy = coarse.y(s) - y0 + j * TORUS;
          if (coarse.kind() == Lattice.Kind.CHAIN) dy = 0;
          int n = coarse.kind().norm2(dx, dy);
          if (n < best) {
            best = n;
            bestX = dx;
            bestY = dy;
          }
        }
      out.add(new int[] {bestX, bestY});
    }
    return out.toArray(new int[0][]);
  }

  private static List<IExpr> substitute(List<IExpr> es, Map<ISymbol, IExpr> defs) {
    IASTAppendable rules = F.ListAlloc();
    defs.forEach((s, d) -> rules.append(F.Rule(s, d)));
    List<IExpr> out = new ArrayList<>();
    for (IExpr e : es) out.add(Symja.eval(F.ReplaceAll(e, rules)));
    return out;
  }

  private static Map<CouplingClass, IExpr> substituteMap(Map<CouplingClass, IExpr> m, Map<ISymbol, IExpr> defs) {
    Map<CouplingClass, IExpr> out = new LinkedHashMap<>();
    m.forEach((c, e) -> out.put(c, substitute(List.of(e), defs).get(0)));
    return out;
  }

  /** σ' monomial (bit mask of blocks) → {coefficient key → count}. */
  private static final class Poly {
    final Map<Long, Map<String, Double>> terms = new HashMap<>();

    void put(long mono, String key, double v) {
      terms.computeIfAbsent(mono, x -> new HashMap<>()).merge(key, v, Double::sum);
    }

    void add(Poly p) {
      p.terms.forEach((mono, m) -> m.forEach((k, v) -> put(mono, k, v)));
    }
  }

  /**
   * m_A(σ') = ⟨Π_A s⟩ in one block with majority σ', weight e^{𝒦_b}, by enumeration, split into
   * its parts even and odd in σ': m_A = E_A + O_A σ'. For an even 𝒦, m_A(−) = (−1)^{|A|} m_A(+),
   * so one part is m_A(+) and the other vanishes. Equal parts (symmetric positions) share one
   * symbol, found by comparing numeric values at two random points of coupling space; a part
   * that vanishes there is dropped.
   */
  private static final class BlockAverages {
    static final int ZERO = -1;
    final int size;
    final List<int[]> intra;
    final List<ISymbol> couplings;
    final boolean even;
    final Map<Integer, int[]> partsOfMask = new HashMap<>();
    final List<IExpr> exprs = new ArrayList<>(List.of(F.C1)); // id 0: m(∅) = 1
    final List<double[]> prints = new ArrayList<>(List.of(new double[] {1, 1}));
    final List<ISymbol> symbols = new ArrayList<>(java.util.Collections.singletonList(null)); // id 0 has none
    final double[][] probe;
    int odds, evens; // φ₁, φ₂ …: parts odd in σ'; ψ₁ …: even parts

    BlockAverages(int size, List<int[]> intra, List<ISymbol> couplings, boolean even) {
      this.size = size;
      this.intra = intra;
      this.couplings = couplings;
      this.even = even;
      java.util.Random r = new java.util.Random(12345);
      probe = new double[2][couplings.size()];
      for (double[] p : probe) for (int i = 0; i < p.length; i++) p[i] = 0.1 + 0.4 * r.nextDouble();
    }

    /** {even part id, odd part id} of m_A, ZERO where the part vanishes. */
    int[] parts(int mask) {
      int[] known = partsOfMask.get(mask);
      if (known != null) return known;
      IExpr plus = average(mask, true);
      IExpr evenPart, oddPart;
      if (even) {
        boolean odd = Integer.bitCount(mask) % 2 == 1;
        evenPart = odd ? F.C0 : plus;
        oddPart = odd ? plus : F.C0;
      } else {
        IExpr minus = average(mask, false);
        evenPart = Symja.eval(F.Together(F.Times(F.C1D2, F.Plus(plus, minus))));
        oddPart = Symja.eval(F.Together(F.Times(F.C1D2, F.Subtract(plus, minus))));
      }
      int[] ids = {register(evenPart, false), register(oddPart, true)};
      partsOfMask.put(mask, ids);
      return ids;
    }

    private int register(IExpr e, boolean odd) {
      if (e.isZero()) return ZERO;
      double[] print = new double[probe.length];
      for (int i = 0; i < probe.length; i++) print[i] = NumericFunction.compile(e, couplings).apply(probe[i]);
      if (Math.abs(print[0]) < 1e-13 && Math.abs(print[1]) < 1e-13) return ZERO;
      for (int j = 0; j < prints.size(); j++)
        if (Math.abs(prints.get(j)[0] - print[0]) < 1e-12 && Math.abs(prints.get(j)[1] - print[1]) < 1e-12) return j;
      exprs.add(e);
      prints.add(print);
      String name = (odd ? "phi" : "psi") + (odd ? ++odds : ++evens);
      symbols.add(new Symbol(name, Context.DUMMY));
      return exprs.size() - 1;
    }

    /**
     * Adds weight × Π couplings × Π_factors m_{A}(σ'_block) to p, each factor {block, mask}
     * expanded into its even and odd parts (σ'² = 1: a block twice with odd parts drops out).
     */
    void product(List<int[]> factors, List<Integer> cs, double weight, Poly p) {
      int n = factors.size();
      int[][] ids = new int[n][];
      for (int f = 0; f < n; f++) ids[f] = parts(factors.get(f)[1]);
      choices:
      for (int choice = 0; choice < 1 << n; choice++) {
        long mono = 0;
        List<Integer> ms = new ArrayList<>();
        for (int f = 0; f < n; f++) {
          int odd = (choice >> f) & 1;
          int id = ids[f][odd];
          if (id == ZERO) continue choices;
          if (odd == 1) mono ^= 1L << factors.get(f)[0];
          ms.add(id);
        }
        p.put(mono, key(cs, ms), weight);
      }
    }

    // Σ_{χ: majority σ'} Π_A s e^{𝒦_b} grouped by the energy of each coupling.
    IExpr weightedSum(int mask, boolean plus) {
      Map<List<Integer>, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
      for (int x = 0; x < 1 << size; x++) {
        if ((size - 2 * Integer.bitCount(x) > 0) != plus) continue;
        int[] e = new int[couplings.size()];
        for (int[] t : intra) e[t[0]] += Integer.bitCount(x & t[1]) % 2 == 0 ? 1 : -1;
        List<Integer> key = new ArrayList<>();
        for (int v : e) key.add(v);
        counts.merge(key, Integer.bitCount(x & mask) % 2 == 0 ? 1 : -1, Integer::sum);
      }
      List<IExpr> terms = new ArrayList<>();
      counts.forEach((e, n) -> {
        if (n == 0) return;
        IExpr exponent = F.C0;
        for (int k = 0; k < e.size(); k++) exponent = F.Plus(exponent, F.Times(F.ZZ(e.get(k)), couplings.get(k)));
        terms.add(F.Times(F.ZZ(n), F.Exp(exponent)));
      });
      return Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
    }

    IExpr average(int mask, boolean plus) {
      return Symja.eval(F.Times(weightedSum(mask, plus), F.Power(weightedSum(0, plus), F.CN1)));
    }

    /** z_{σ'} = Σ_{χ: majority σ'} e^{𝒦_b}. */
    IExpr z(boolean plus) {
      return weightedSum(0, plus);
    }

    Map<ISymbol, IExpr> definitions() {
      Map<ISymbol, IExpr> out = new LinkedHashMap<>();
      for (int i = 1; i < exprs.size(); i++) out.put(symbols.get(i), exprs.get(i));
      return out;
    }

    /** Σ count × Π couplings × Π m: a coefficient map as a Symja expression of the symbols. */
    IExpr expand(Map<String, Double> coeff) {
      List<IExpr> terms = new ArrayList<>();
      for (Map.Entry<String, Double> e : coeff.entrySet()) {
        if (Math.abs(e.getValue()) < 1e-12) continue;
        String[] parts = e.getKey().split("\\|");
        IExpr t = Fractions.of(e.getValue());
        for (String c : list(parts[0])) t = F.Times(t, couplings.get(Integer.parseInt(c)));
        for (String m : list(parts.length > 1 ? parts[1] : "[]")) t = F.Times(t, symbols.get(Integer.parseInt(m)));
        terms.add(t);
      }
      return terms.isEmpty() ? F.C0 : Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
    }

    private static List<String> list(String s) {
      String in = s.substring(1, s.length() - 1).trim();
      return in.isEmpty() ? List.of() : java.util.Arrays.stream(in.split(",")).map(String::trim).toList();
    }
  }

  /** Exact rationals for the counts (halves and integers). */
  private static final class Fractions {
    static IExpr of(double v) {
      long twice = Math.round(2 * v);
      if (Math.abs(2 * v - twice) > 1e-9) throw new IllegalStateException("count not a half-integer: " + v);
      return twice % 2 == 0 ? F.ZZ(twice / 2) : F.QQ(twice, 2);
    }
  }
}
