package energy.rg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection of a function of N Ising spins onto the monomial basis Π_{i∈S} s_i: the
 * Walsh–Hadamard transform f̂(S) = 2^{−N} Σ_s f(s) Π_{i∈S} s_i, exact because the monomials are
 * orthonormal for the uniform measure. Configuration index bit i = 0 means s_i = +1, bit 1
 * means s_i = −1, so Π_{i∈S} s_i = (−1)^{popcount(S ∧ x)}.
 */
public final class WalshProjector {
  private WalshProjector() {}

  /** Spin i of configuration x. */
  public static int spin(int x, int i) {
    return ((x >> i) & 1) == 0 ? 1 : -1;
  }

  /** f̂ for f given on all 2^N configurations (in place on a copy; N log N work). */
  public static double[] transform(double[] f) {
    double[] a = f.clone();
    int n = a.length;
    if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("length must be 2^N");
    for (int h = 1; h < n; h <<= 1)
      for (int i = 0; i < n; i += h << 1)
        for (int j = i; j < i + h; j++) {
          double u = a[j], v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
    for (int i = 0; i < n; i++) a[i] /= n;
    return a;
  }

  /** The bit mask of a set of sites; a site listed twice cancels (s² = 1). */
  public static int mask(int[] sites) {
    int m = 0;
    for (int s : sites) m ^= 1 << s;
    return m;
  }

  /**
   * The monomial coefficients of 𝒦(s) = N g + Σ_classes c Σ_instances Π s on a torus (N ≤ 30):
   * what a translation-invariant Hamiltonian is on this finite lattice, aliasing included.
   */
  public static double[] coefficients(Lattice lattice, Map<CouplingClass, Double> couplings, double perSite) {
    double[] c = new double[1 << lattice.size()];
    c[0] = lattice.size() * perSite;
    for (Map.Entry<CouplingClass, Double> e : couplings.entrySet())
      for (int[] inst : e.getKey().instances(lattice)) c[mask(inst)] += e.getValue();
    return c;
  }

  /**
   * Reads translation-invariant couplings off monomial coefficients: for each class, the
   * coefficient of its first instance divided by how many instances share that monomial. NaN
   * when an instance of another listed class falls on the same monomial (the torus is too small
   * to tell them apart). The constant per site is under the key {@code null}.
   */
  public static Map<CouplingClass, Double> couplings(Lattice lattice, double[] coeff, List<CouplingClass> classes) {
    Map<Integer, Integer> hits = new java.util.HashMap<>();
    Map<Integer, CouplingClass> owner = new java.util.HashMap<>();
    Map<Integer, Boolean> clash = new java.util.HashMap<>();
    for (CouplingClass cc : classes)
      for (int[] inst : cc.instances(lattice)) {
        int m = mask(inst);
        hits.merge(m, 1, Integer::sum);
        CouplingClass prev = owner.putIfAbsent(m, cc);
        if (prev != null && !prev.equals(cc)) clash.put(m, true);
      }
    Map<CouplingClass, Double> out = new LinkedHashMap<>();
    out.put(null, coeff[0] / lattice.size());
    for (CouplingClass cc : classes) {
      int m = mask(cc.instances(lattice).get(0));
      out.put(cc, clash.containsKey(m) ? Double.NaN : coeff[m] / hits.get(m));
    }
    return out;
  }

  /** max_S |a(S) − b(S)| with the constant compared per site. */
  public static double maxDifference(double[] a, double[] b, int sites) {
    double max = Math.abs(a[0] - b[0]) / sites;
    for (int i = 1; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
    return max;
  }
}
