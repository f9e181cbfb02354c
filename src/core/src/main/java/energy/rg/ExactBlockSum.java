package energy.rg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact renormalized Hamiltonian of a blocked torus, 𝒦'(σ') = ln Σ_χ Π_I p(σ'_I|χ_I)
 * e^{𝒦(χ)}, for every block configuration σ' — the reference the RG steps are checked
 * against. The sum over χ is done block by block (variable elimination over block
 * configurations: a term touching several blocks is a factor over them), which makes 27-site
 * triangular and 36-site square tori affordable. Brute force: belongs to verification only.
 */
public final class ExactBlockSum {
  private ExactBlockSum() {}

  /** 𝒦'(σ') for σ' = 0 … 2^{N'}−1 (bit I = 1 means σ'_I = −1). */
  public static double[] renormalized(Blocking.Instance inst, List<ReducedHamiltonian.Term> terms, BlockRule rule) {
    int nb = inst.coarse().size();
    int bs = inst.blocking().blockSize();
    if (nb > 20) throw new IllegalArgumentException("too many blocks to enumerate: " + nb);
    // Group the terms by the blocks they touch, with their site masks inside each block.
    Map<List<Integer>, List<int[]>> groups = new HashMap<>();
    Map<List<Integer>, List<Double>> coeffs = new HashMap<>();
    for (ReducedHamiltonian.Term t : terms) {
      Map<Integer, Integer> masks = new java.util.TreeMap<>();
      for (int s : t.sites()) masks.merge(inst.blockOf()[s], 1 << inst.local()[s], (x, y) -> x ^ y);
      List<Integer> blocks = new ArrayList<>(masks.keySet());
      int[] m = new int[blocks.size()];
      for (int k = 0; k < m.length; k++) m[k] = masks.get(blocks.get(k));
      groups.computeIfAbsent(blocks, x -> new ArrayList<>()).add(m);
      coeffs.computeIfAbsent(blocks, x -> new ArrayList<>()).add(t.coefficient());
    }
    double[] out = new double[1 << nb];
    int[][] translations = translations(inst.coarse());
    boolean[] done = new boolean[out.length];
    boolean flip = flipSymmetric(terms, rule, bs);
    int all = out.length - 1;
    for (int sp = 0; sp < out.length; sp++) {
      if (done[sp]) continue;
      // Allowed configurations of each block with their log weight ln p(σ'|χ).
      int[][] states = new int[nb][];
      double[][] unary = new double[nb][];
      for (int b = 0; b < nb; b++) {
        int spin = WalshProjector.spin(sp, b);
        List<Integer> st = new ArrayList<>();
        List<Double> lw = new ArrayList<>();
        for (int x = 0; x < 1 << bs; x++) {
          double w = rule.weight(spin, x);
          if (w > 0) {
            st.add(x);
            lw.add(Math.log(w));
          }
        }
        states[b] = st.stream().mapToInt(Integer::intValue).toArray();
        unary[b] = lw.stream().mapToDouble(Double::doubleValue).toArray();
      }
      List<Factor> factors = new ArrayList<>();
      for (int b = 0; b < nb; b++) factors.add(Factor.fromLog(new int[] {b}, unary[b].clone()));
      for (Map.Entry<List<Integer>, List<int[]>> g : groups.entrySet())
        factors.add(termFactor(g.getKey(), g.getValue(), coeffs.get(g.getKey()), states));
      out[sp] = eliminateAll(factors, states, nb);
      // 𝒦 and the rule are translation invariant: every translate of σ' has the same value.
      for (int[] t : translations) {
        int image = 0;
        for (int b = 0; b < nb; b++) if (((sp >> b) & 1) == 1) image |= 1 << t[b];
        out[image] = out[sp];
        done[image] = true;
        if (flip) {
          out[image ^ all] = out[sp];
          done[image ^ all] = true;
        }
      }
    }
    return out;
  }

  // Even 𝒦 and p(−σ'|−χ) = p(σ'|χ): 𝒦'(−σ') = 𝒦'(σ'), half the sums suffice.
  private static boolean flipSymmetric(List<ReducedHamiltonian.Term> terms, BlockRule rule, int bs) {
    for (ReducedHamiltonian.Term t : terms) if (t.sites().length % 2 == 1) return false;
    int full = (1 << bs) - 1;
    for (int x = 0; x <= full; x++)
      if (Math.abs(rule.weight(1, x) - rule.weight(-1, x ^ full)) > 1e-15 * Math.abs(rule.weight(1, x))) return false;
    return true;
  }

  // The block permutations of the coarse torus's translations.
  private static int[][] translations(Lattice coarse) {
    int n = coarse.size();
    int[][] out = new int[n][n];
    for (int d = 0; d < n; d++)
      for (int b = 0; b < n; b++) out[d][b] = coarse.shift(b, coarse.x(d), coarse.y(d));
    return out;
  }

  private static Factor termFactor(List<Integer> blocks, List<int[]> masks, List<Double> c, int[][] states) {
    int[] vars = blocks.stream().mapToInt(Integer::intValue).toArray();
    int size = 1;
    for (int v : vars) size *= states[v].length;
    double[] table = new double[size];
    int[] idx = new int[vars.length];
    for (int a = 0; a < size; a++) {
      int r = a;
      for (int k = vars.length - 1; k >= 0; k--) {
        idx[k] = r % states[vars[k]].length;
        r /= states[vars[k]].length;
      }
      double e = 0;
      for (int t = 0; t < masks.size(); t++) {
        int parity = 0;
        for (int k = 0; k < vars.length; k++) parity += Integer.bitCount(states[vars[k]][idx[k]] & masks.get(t)[k]);
        e += (parity % 2 == 0 ? 1 : -1) * c.get(t);
      }
      table[a] = e;
    }
    return Factor.fromLog(vars, table);
  }

  /**
   * A table over the configurations of some blocks (row-major in vars order): the values are
   * e^{logScale}·val, with val ≤ 1, so products need no exponentials and cannot overflow.
   */
  private record Factor(int[] vars, double[] val, double logScale) {
    static Factor fromLog(int[] vars, double[] log) {
      double max = Double.NEGATIVE_INFINITY;
      for (double x : log) max = Math.max(max, x);
      double[] v = new double[log.length];
      for (int i = 0; i < v.length; i++) v[i] = Math.exp(log[i] - max);
      return new Factor(vars, v, max);
    }
  }

  private static double eliminateAll(List<Factor> factors, int[][] states, int nb) {
    double total = 0;
    for (int v = 0; v < nb; v++) {
      List<Factor> touching = new ArrayList<>();
      List<Factor> rest = new ArrayList<>();
      for (Factor f : factors) (contains(f.vars(), v) ? touching : rest).add(f);
      final int w = v;
      int[] scope = touching.stream().flatMapToInt(f -> Arrays.stream(f.vars())).filter(x -> x != w).distinct().sorted().toArray();
      rest.add(sumOut(touching, scope, v, states));
      factors = rest;
    }
    for (Factor f : factors) total += f.logScale() + Math.log(f.val()[0]);
    return total;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) if (x == v) return true;
    return false;
  }

  // Σ_{x_v} Π_f f(x) over the joint configurations of scope, renormalized to max 1.
  private static Factor sumOut(List<Factor> fs, int[] scope, int v, int[][] states) {
    int[] all = Arrays.copyOf(scope, scope.length + 1);
    all[scope.length] = v; // v varies fastest
    int size = 1;
    for (int x : scope) size *= states[x].length;
    int nv = states[v].length;
    // Stride of each variable of `all` in each factor's table.
    int[][] strides = new int[fs.size()][all.length];
    for (int f = 0; f < fs.size(); f++) {
      int[] fv = fs.get(f).vars();
      int stride = 1;
      for (int k = fv.length - 1; k >= 0; k--) {
        for (int j = 0; j < all.length; j++) if (all[j] == fv[k]) strides[f][j] = stride;
        stride *= states[fv[k]].length;
      }
    }
    double[] out = new double[size];
    int[] idx = new int[scope.length];
    int[] base = new int[fs.size()];
    double max = 0, scale = 0;
    for (Factor f : fs) scale += f.logScale();
    for (int a = 0; a < size; a++) {
      Arrays.fill(base, 0);
      for (int f = 0; f < fs.size(); f++)
        for (int j = 0; j < scope.length; j++) base[f] += idx[j] * strides[f][j];
      double s = 0;
      for (int x = 0; x < nv; x++) {
        double p = 1;
        for (int f = 0; f < fs.size(); f++) p *= fs.get(f).val()[base[f] + x * strides[f][scope.length]];
        s += p;
      }
      out[a] = s;
      max = Math.max(max, s);
      for (int j = scope.length - 1; j >= 0; j--) {
        if (++idx[j] < states[scope[j]].length) break;
        idx[j] = 0;
      }
    }
    for (int a = 0; a < size; a++) out[a] /= max;
    return new Factor(scope, out, scale + Math.log(max));
  }
}
