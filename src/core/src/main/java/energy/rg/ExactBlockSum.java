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
    // Allowed configurations of a block with their log weight ln p(σ'|χ), for σ' = +1 and −1.
    int[][] statesOf = new int[2][];
    double[][] unaryOf = new double[2][];
    for (int bit = 0; bit < 2; bit++) {
      int spin = bit == 0 ? 1 : -1;
      List<Integer> st = new ArrayList<>();
      List<Double> lw = new ArrayList<>();
      for (int x = 0; x < 1 << bs; x++) {
        double w = rule.weight(spin, x);
        if (w > 0) {
          st.add(x);
          lw.add(Math.log(w));
        }
      }
      statesOf[bit] = st.stream().mapToInt(Integer::intValue).toArray();
      unaryOf[bit] = lw.stream().mapToDouble(Double::doubleValue).toArray();
    }
    // A group's factor depends on σ' only through its own blocks' spins: made once per pattern.
    List<List<Integer>> keys = new ArrayList<>(groups.keySet());
    List<Map<Integer, Factor>> made = new ArrayList<>();
    for (int g = 0; g < keys.size(); g++) made.add(new HashMap<>());
    for (int sp = 0; sp < out.length; sp++) {
      if (done[sp]) continue;
      int[][] states = new int[nb][];
      for (int b = 0; b < nb; b++) states[b] = statesOf[(sp >> b) & 1];
      List<Factor> factors = new ArrayList<>();
      for (int b = 0; b < nb; b++) factors.add(Factor.fromLog(new int[] {b}, unaryOf[(sp >> b) & 1].clone()));
      for (int g = 0; g < keys.size(); g++) {
        List<Integer> blocks = keys.get(g);
        int pattern = 0;
        for (int k = 0; k < blocks.size(); k++) pattern |= ((sp >> blocks.get(k)) & 1) << k;
        factors.add(made.get(g).computeIfAbsent(
            pattern, x -> termFactor(blocks, groups.get(blocks), coeffs.get(blocks), states).sliced(states)));
      }
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

    /** The same function without the blocks it does not depend on (compared exactly). */
    Factor sliced(int[][] states) {
      int[] vs = vars;
      double[] t = val;
      for (int k = vs.length - 1; k >= 0; k--) {
        int n = states[vs[k]].length, stride = 1;
        for (int j = k + 1; j < vs.length; j++) stride *= states[vs[j]].length;
        if (!constantAlong(t, stride, n)) continue;
        double[] s = new double[t.length / n];
        for (int i = 0, o = 0; i < t.length; i += stride * n)
          for (int r = 0; r < stride; r++) s[o++] = t[i + r];
        int[] w = new int[vs.length - 1];
        System.arraycopy(vs, 0, w, 0, k);
        System.arraycopy(vs, k + 1, w, k, vs.length - k - 1);
        vs = w;
        t = s;
      }
      return vs == vars ? this : new Factor(vs, t, logScale);
    }

    private static boolean constantAlong(double[] t, int stride, int n) {
      for (int i = 0; i < t.length; i += stride * n)
        for (int r = 0; r < stride; r++)
          for (int x = 1; x < n; x++) if (t[i + r + x * stride] != t[i + r]) return false;
      return true;
    }

    /** This factor times factors over subsets of its blocks, renormalized to max 1. */
    Factor times(List<Factor> smalls, int[][] states) {
      int ns = smalls.size();
      int[][] inSmall = new int[ns][vars.length]; // stride in each small table of each of this factor's blocks
      double[][] vals = new double[ns][];
      double scale = logScale;
      for (int f = 0; f < ns; f++) {
        Factor small = smalls.get(f);
        vals[f] = small.val;
        scale += small.logScale;
        int stride = 1;
        for (int k = small.vars.length - 1; k >= 0; k--) {
          for (int j = 0; j < vars.length; j++) if (vars[j] == small.vars[k]) inSmall[f][j] = stride;
          stride *= states[small.vars[k]].length;
        }
      }
      double[] out = new double[val.length];
      int[] idx = new int[vars.length], off = new int[ns];
      double max = 0;
      for (int a = 0; a < out.length; a++) {
        double p = val[a];
        for (int f = 0; f < ns; f++) p *= vals[f][off[f]];
        out[a] = p;
        max = Math.max(max, p);
        for (int j = vars.length - 1; j >= 0; j--) {
          for (int f = 0; f < ns; f++) off[f] += inSmall[f][j];
          if (++idx[j] < states[vars[j]].length) break;
          for (int f = 0; f < ns; f++) off[f] -= idx[j] * inSmall[f][j];
          idx[j] = 0;
        }
      }
      for (int a = 0; a < out.length; a++) out[a] /= max;
      return new Factor(vars, out, scale + Math.log(max));
    }
  }

  /**
   * Σ over all blocks of Π factors, in logarithm: factors that do not depend on a block drop
   * it (a bond between a decimated site and a kept site depends on the kept one's block only
   * through its fixed spin), factors within another's scope are multiplied into it, and the
   * block of fewest neighbours goes first — all exact rearrangements of the same sum.
   */
  private static double eliminateAll(List<Factor> factors, int[][] states, int nb) {
    List<Factor> live = new ArrayList<>();
    for (Factor f : factors) live.add(f.sliced(states));
    live = absorbed(live, states);
    boolean[] gone = new boolean[nb];
    double free = 0;
    for (int step = 0; step < nb; step++) {
      int v = cheapest(live, states, gone);
      gone[v] = true;
      List<Factor> touching = new ArrayList<>();
      List<Factor> rest = new ArrayList<>();
      for (Factor f : live) (contains(f.vars(), v) ? touching : rest).add(f);
      if (touching.isEmpty()) { // no factor depends on it: each of its states counts once
        free += Math.log(states[v].length);
        continue;
      }
      rest.add(sumOut(touching, scopeWithout(touching, v), v, states).sliced(states));
      live = absorbed(rest, states);
    }
    double total = free;
    for (Factor f : live) total += f.logScale() + Math.log(f.val()[0]);
    return total;
  }

  // The block whose elimination makes the smallest table (min-size heuristic).
  private static int cheapest(List<Factor> live, int[][] states, boolean[] gone) {
    int best = -1;
    double bestSize = Double.POSITIVE_INFINITY;
    for (int v = 0; v < gone.length; v++) {
      if (gone[v]) continue;
      List<Factor> touching = new ArrayList<>();
      for (Factor f : live) if (contains(f.vars(), v)) touching.add(f);
      double size = 1;
      for (int x : scopeWithout(touching, v)) size *= states[x].length;
      if (size < bestSize) {
        bestSize = size;
        best = v;
      }
    }
    return best;
  }

  private static int[] scopeWithout(List<Factor> fs, int v) {
    java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
    for (Factor f : fs) for (int x : f.vars()) if (x != v) s.add(x);
    int[] out = new int[s.size()];
    int k = 0;
    for (int x : s) out[k++] = x;
    return out;
  }

  // Each factor whose blocks all lie in a larger factor's is multiplied into that one (all of a
  // target's in one pass over its table).
  private static List<Factor> absorbed(List<Factor> fs, int[][] states) {
    List<Factor> sorted = new ArrayList<>(fs);
    sorted.sort((a, b) -> Integer.compare(b.vars().length, a.vars().length));
    List<List<Factor>> into = new ArrayList<>();
    List<Factor> targets = new ArrayList<>();
    for (Factor f : sorted) {
      int t = 0;
      while (t < targets.size() && !subset(f.vars(), targets.get(t).vars())) t++;
      if (t < targets.size()) {
        into.get(t).add(f);
      } else {
        targets.add(f);
        into.add(new ArrayList<>());
      }
    }
    List<Factor> out = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) out.add(into.get(t).isEmpty() ? targets.get(t) : targets.get(t).times(into.get(t), states));
    return out;
  }

  private static boolean subset(int[] a, int[] b) {
    for (int x : a) if (!contains(b, x)) return false;
    return true;
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
    int nf = fs.size();
    double[][] vals = new double[nf][];
    int[] vstride = new int[nf], off = new int[nf];
    for (int f = 0; f < nf; f++) {
      vals[f] = fs.get(f).val();
      vstride[f] = strides[f][scope.length];
    }
    double[] out = new double[size];
    int[] idx = new int[scope.length];
    double max = 0, scale = 0;
    for (Factor f : fs) scale += f.logScale();
    for (int a = 0; a < size; a++) {
      double s = 0;
      for (int x = 0; x < nv; x++) {
        double p = 1;
        for (int f = 0; f < nf; f++) p *= vals[f][off[f] + x * vstride[f]];
        s += p;
      }
      out[a] = s;
      max = Math.max(max, s);
      for (int j = scope.length - 1; j >= 0; j--) { // odometer, each factor's offset kept up to date
        for (int f = 0; f < nf; f++) off[f] += strides[f][j];
        if (++idx[j] < states[scope[j]].length) break;
        for (int f = 0; f < nf; f++) off[f] -= idx[j] * strides[f][j];
        idx[j] = 0;
      }
    }
    for (int a = 0; a < size; a++) out[a] /= max;
    return new Factor(scope, out, scale + Math.log(max));
  }
}
