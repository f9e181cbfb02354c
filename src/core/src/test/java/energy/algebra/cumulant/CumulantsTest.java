package energy.algebra.cumulant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

class CumulantsTest {
  static Random random(String test) {
    long seed = Long.getLong("seed", 20240607L);
    System.out.println(test + ": seed " + seed + " (rerun with -Dseed=...)");
    return new Random(seed);
  }

  static void assertSame(IExpr expected, IExpr actual) {
    IExpr diff = Symja.expand(F.Subtract(expected, actual));
    assertTrue(diff.isZero(), () -> "expected " + expected + "\n     got " + actual + "\n    diff " + diff);
  }

  static List<IExpr> syms(String prefix, int n) {
    List<IExpr> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add(Cumulants.symbol(prefix, i));
    return out;
  }

  static IExpr mu(int n) {
    return Cumulants.symbol("mu", n);
  }

  static IExpr mu(int... set) {
    BitSet s = new BitSet();
    for (int i : set) s.set(i - 1);
    return Cumulants.jointSymbol("mu", s);
  }

  @Test
  void knownLowOrders() {
    IExpr m1 = mu(1), m2 = mu(2), m3 = mu(3), m4 = mu(4);
    assertEquals(m1, Cumulants.cumulantInMoments(1));
    assertSame(F.Subtract(m2, F.Sqr(m1)), Cumulants.cumulantInMoments(2));
    assertSame(F.Plus(m3, F.Times(F.ZZ(-3), m2, m1), F.Times(F.C2, F.Power(m1, F.C3))), Cumulants.cumulantInMoments(3));
    assertSame(
        F.Plus(m4, F.Times(F.ZZ(-4), m3, m1), F.Times(F.ZZ(-3), F.Sqr(m2)), F.Times(F.ZZ(12), m2, F.Sqr(m1)),
            F.Times(F.ZZ(-6), F.Power(m1, F.C4))),
        Cumulants.cumulantInMoments(4));
    IExpr k1 = Cumulants.symbol("kappa", 1), k2 = Cumulants.symbol("kappa", 2);
    assertSame(F.Plus(F.Sqr(k1), k2), Cumulants.momentInCumulants(2));
    assertSame(F.Subtract(mu(1, 2), F.Times(mu(new int[] {1}), mu(new int[] {2}))), Cumulants.jointCumulantInMoments(2));
    assertEquals("mu[1,2]-mu[1]*mu[2]", Cumulants.jointCumulantInMoments(2).toString());
  }

  @Test
  void symbolsAreCachedAndKeepTheirCase() {
    assertTrue(Cumulants.symbol("mu", 3) == Cumulants.symbol("mu", 3));
    assertEquals("Kappa7", Cumulants.symbol("Kappa", 7).toString());
    BitSet s = new BitSet();
    s.set(0);
    s.set(2);
    assertEquals("mu[1,3]", Cumulants.jointSymbol("mu", s).toString());
  }

  @Test
  void univariateRoundTripsAreExact() {
    int n = 10;
    List<IExpr> mu = syms("mu", n);
    List<IExpr> kappa = Cumulants.cumulantsFromMoments(mu);
    List<IExpr> back = Cumulants.momentsFromCumulants(kappa);
    for (int i = 0; i < n; i++) assertSame(mu.get(i), back.get(i));
    List<IExpr> k = syms("kappa", n);
    List<IExpr> there = Cumulants.cumulantsFromMoments(Cumulants.momentsFromCumulants(k));
    for (int i = 0; i < n; i++) assertSame(k.get(i), there.get(i));
  }

  /** The number of terms of κₙ in generic moments is p(n), the partitions of n. */
  @Test
  void univariateTermCounts() {
    int[] partitions = {1, 2, 3, 5, 7, 11, 15, 22, 30, 42};
    List<IExpr> kappa = Cumulants.cumulantsFromMoments(syms("mu", 10));
    for (int n = 1; n <= 10; n++) assertEquals(partitions[n - 1], Symja.terms(kappa.get(n - 1)).size(), "n = " + n);
  }

  /** Cumulants of X + c: κ₁ shifts by c, the others do not move (μ'ₙ = Σ C(n,j) cⁿ⁻ʲ μⱼ). */
  @Test
  void higherCumulantsAreShiftInvariant() {
    int n = 8;
    IExpr c = Cumulants.symbol("c", 1);
    List<IExpr> mu = syms("mu", n);
    List<IExpr> shifted = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      List<IExpr> terms = new ArrayList<>();
      terms.add(F.Power(c, F.ZZ(m)));
      for (int j = 1; j <= m; j++) terms.add(F.Times(F.ZZ(Cumulants.binomial(m, j)), F.Power(c, F.ZZ(m - j)), mu.get(j - 1)));
      shifted.add(Symja.expand(F.Plus(terms.toArray(new IExpr[0]))));
    }
    List<IExpr> k = Cumulants.cumulantsFromMoments(mu);
    List<IExpr> ks = Cumulants.cumulantsFromMoments(shifted);
    assertSame(F.Plus(k.get(0), c), ks.get(0));
    for (int i = 1; i < n; i++) assertSame(k.get(i), ks.get(i));
  }

  @Test
  void jointRoundTripIsExact() {
    for (int k = 1; k <= 6; k++) {
      final int kk = k;
      IExpr mu = Cumulants.jointMoment(k, b -> Cumulants.jointCumulant(b.cardinality(), restrict(b, "mu")));
      BitSet full = new BitSet();
      full.set(0, kk);
      assertSame(Cumulants.jointSymbol("mu", full), mu);
      IExpr kappa = Cumulants.jointCumulant(k, b -> Cumulants.jointMoment(b.cardinality(), restrict(b, "kappa")));
      assertSame(Cumulants.jointSymbol("kappa", full), kappa);
    }
  }

  /** The subset function of the variables in b, renumbered 0…|b|−1, as symbols of the original sets. */
  static Function<BitSet, IExpr> restrict(BitSet b, String prefix) {
    int[] members = b.stream().toArray();
    return t -> {
      BitSet orig = new BitSet();
      for (int i = t.nextSetBit(0); i >= 0; i = t.nextSetBit(i + 1)) orig.set(members[i]);
      return Cumulants.jointSymbol(prefix, orig);
    };
  }

  /** Against the textbook Bell-sum κ = Σ_π (−1)^{|π|−1} (|π|−1)! Π_{B∈π} μ(B), enumerated here. */
  @Test
  void jointCumulantMatchesPartitionSum() {
    for (int k = 1; k <= 6; k++) {
      List<IExpr> terms = new ArrayList<>();
      for (List<BitSet> pi : partitions(k)) {
        int j = pi.size();
        List<IExpr> f = new ArrayList<>();
        f.add(F.ZZ((j % 2 == 1 ? 1 : -1) * factorial(j - 1)));
        for (BitSet block : pi) f.add(Cumulants.jointSymbol("mu", block));
        terms.add(F.Times(f.toArray(new IExpr[0])));
      }
      IExpr expected = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
      IExpr actual = Cumulants.jointCumulantInMoments(k);
      assertSame(expected, actual);
      assertEquals(bell(k), Symja.terms(actual).size(), "k = " + k);
      assertEquals(bell(k), Symja.terms(Cumulants.jointMomentInCumulants(k)).size(), "k = " + k);
    }
  }

  @Test
  void exchangeableJointCumulantIsUnivariate() {
    for (int k = 1; k <= 8; k++) {
      assertSame(Cumulants.cumulantInMoments(k), Cumulants.jointCumulant(k, s -> mu(s.cardinality())));
      assertSame(
          Cumulants.momentInCumulants(k),
          Cumulants.jointMoment(k, s -> Cumulants.symbol("kappa", s.cardinality())));
    }
  }

  /**
   * Mixed cumulants vanish across independent groups: X₀, X₁ drawn jointly, independently of
   * X₂, X₃; exact rational moments of a random finite distribution.
   */
  @Test
  void mixedCumulantsOfIndependentGroupsVanish() {
    Random rnd = random("mixedCumulantsOfIndependentGroupsVanish");
    int[][] ga = randomSupport(rnd, 3), gb = randomSupport(rnd, 4);
    IExpr[] pa = randomWeights(rnd, 3), pb = randomWeights(rnd, 4);
    Function<BitSet, IExpr> moment = s -> {
      IExpr ea = F.C0, eb = F.C0;
      for (int i = 0; i < 3; i++) ea = F.Plus(ea, F.Times(pa[i], F.ZZ(product(ga[i], s, 0))));
      for (int i = 0; i < 4; i++) eb = F.Plus(eb, F.Times(pb[i], F.ZZ(product(gb[i], s, 2))));
      return Symja.eval(F.Times(ea, eb));
    };
    IExpr all = Cumulants.jointCumulant(4, moment);
    assertTrue(all.isZero(), all::toString);
    // X₀ with X₂ alone: a 2-variable problem on the subset {0, 2}.
    IExpr pair = Cumulants.jointCumulant(2, t -> {
      BitSet s = new BitSet();
      if (t.get(0)) s.set(0);
      if (t.get(1)) s.set(2);
      return moment.apply(s);
    });
    assertTrue(pair.isZero(), pair::toString);
    // Within a group the covariance is generically non-zero, so the check above can fail.
    IExpr within = Cumulants.jointCumulant(2, moment);
    assertTrue(!within.isZero(), "covariance of X0, X1 vanished by accident; choose another seed");
  }

  /** Inexact numbers go through Symja term by term; same values as the exact polynomial path. */
  @Test
  void inexactMomentsAgreeWithSymbolicResult() {
    Random rnd = random("inexactMomentsAgreeWithSymbolicResult");
    int n = 8;
    double[] m = new double[n];
    for (int i = 0; i < n; i++) m[i] = 0.5 + rnd.nextDouble();
    List<IExpr> numeric = new ArrayList<>();
    IExpr[] rules = new IExpr[n];
    for (int i = 0; i < n; i++) {
      numeric.add(F.num(m[i]));
      rules[i] = F.Rule(mu(i + 1), F.num(m[i]));
    }
    List<IExpr> kn = Cumulants.cumulantsFromMoments(numeric);
    List<IExpr> ks = Cumulants.cumulantsFromMoments(syms("mu", n));
    for (int i = 0; i < n; i++) {
      double expected = Symja.eval(F.N(F.ReplaceAll(ks.get(i), F.List(rules)))).evalf();
      assertClose(expected, kn.get(i).evalf(), 1e-9);
    }
    IExpr joint = Cumulants.jointCumulant(5, s -> F.num(m[s.cardinality() - 1]));
    assertClose(kn.get(4).evalf(), joint.evalf(), 1e-9);
    IExpr back = Cumulants.jointMoment(5, s -> kn.get(s.cardinality() - 1));
    assertClose(m[4], back.evalf(), 1e-9);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> Cumulants.jointCumulant(0, s -> F.C1));
    assertThrows(IllegalArgumentException.class, () -> Cumulants.jointCumulant(17, s -> F.C1));
    assertThrows(IllegalArgumentException.class, () -> Cumulants.jointCumulant(3, s -> s.cardinality() == 2 ? null : F.C1));
    assertThrows(IllegalArgumentException.class, () -> Cumulants.cumulantInMoments(0));
    assertThrows(IllegalArgumentException.class, () -> Cumulants.jointSymbol("mu", new BitSet()));
    assertEquals(List.of(), Cumulants.cumulantsFromMoments(List.of()));
  }

  static void assertClose(double expected, double actual, double rel) {
    double scale = Math.max(Math.abs(expected), 1.0);
    assertTrue(Math.abs(expected - actual) <= rel * scale,
        () -> "expected " + expected + ", got " + actual + " (relative tolerance " + rel + ")");
  }

  static int[][] randomSupport(Random rnd, int points) {
    int[][] x = new int[points][2];
    for (int[] p : x) {
      p[0] = rnd.nextInt(7) - 3;
      p[1] = rnd.nextInt(7) - 3;
    }
    return x;
  }

  static IExpr[] randomWeights(Random rnd, int points) {
    int[] w = new int[points];
    int total = 0;
    for (int i = 0; i < points; i++) total += w[i] = 1 + rnd.nextInt(9);
    IExpr[] p = new IExpr[points];
    for (int i = 0; i < points; i++) p[i] = F.QQ(w[i], total);
    return p;
  }

  /** Π x[i − offset] over the members i of s in {offset, offset+1}. */
  static long product(int[] x, BitSet s, int offset) {
    long p = 1;
    for (int i = 0; i < 2; i++) if (s.get(offset + i)) p *= x[i];
    return p;
  }

  static List<List<BitSet>> partitions(int k) {
    List<List<BitSet>> out = new ArrayList<>();
    extend(0, k, new ArrayList<>(), out);
    return out;
  }

  private static void extend(int i, int k, List<BitSet> blocks, List<List<BitSet>> out) {
    if (i == k) {
      List<BitSet> copy = new ArrayList<>();
      for (BitSet b : blocks) copy.add((BitSet) b.clone());
      out.add(copy);
      return;
    }
    for (int j = 0, existing = blocks.size(); j < existing; j++) {
      BitSet b = blocks.get(j);
      b.set(i);
      extend(i + 1, k, blocks, out);
      b.clear(i);
    }
    BitSet fresh = new BitSet();
    fresh.set(i);
    blocks.add(fresh);
    extend(i + 1, k, blocks, out);
    blocks.remove(blocks.size() - 1);
  }

  static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) f *= i;
    return f;
  }

  static int bell(int n) {
    return new int[] {1, 1, 2, 5, 15, 52, 203, 877, 4140}[n];
  }
}
