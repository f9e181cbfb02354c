package energy.rg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact renormalized Hamiltonian of a blocked torus, 𝒦'(σ') = ln Σ_χ Π_I p(σ'_I|χ_I)
 * e^{𝒦(χ)}, for every block configuration σ' — the reference the RG steps are checked
 * against. The sum over χ is done block by block (variable elimination over block
 * configurations: the terms touching a set of blocks make one factor over them). A factor
 * depends on a block only through the sites its terms touch there (its mask), so its table runs
 * over the distinct patterns of those sites among the block's allowed states, not over the
 * states: the centre of a 3 × 3 square block never enters a table, and a kept site whose spin
 * the rule fixes adds nothing. Brute force: belongs to verification only.
 */
public final class ExactBlockSum {
  private ExactBlockSum() {}

  /** 𝒦'(σ') for σ' = 0 … 2^{N'}−1 (bit I = 1 means σ'_I = −1). */
  public static double[] renormalized(Blocking.Instance inst, List<ReducedHamiltonian.Term> terms, BlockRule rule) {
    int nb = inst.coarse().size();
    int bs = inst.blocking().blockSize();
    if (nb > 20) throw new IllegalArgumentException("too many blocks to enumerate: " + nb);
    List<Group> groups = groups(inst, terms);
    Patterns patterns = new Patterns(rule, bs);
    double[] out = new double[1 << nb];
    int[][] translations = translations(inst.coarse());
    boolean[] done = new boolean[out.length];
    boolean flip = flipSymmetric(terms, rule, bs);
    int all = out.length - 1;
    // A group's factor depends on σ' only through its own blocks' spins: made once per pattern.
    List<Map<Integer, Factor>> made = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) made.add(new HashMap<>());
    for (int sp = 0; sp < out.length; sp++) {
      if (done[sp]) continue;
      int[] bit = new int[nb];
      for (int b = 0; b < nb; b++) bit[b] = (sp >> b) & 1;
      List<Factor> factors = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        Group group = groups.get(g);
        int pattern = 0;
        for (int k = 0; k < group.blocks.length; k++) pattern |= bit[group.blocks[k]] << k;
        factors.add(made.get(g).computeIfAbsent(pattern, x -> group.factor(bit, patterns)));
      }
      out[sp] = eliminateAll(factors, bit, patterns);
      // 𝒦 and the rule are translation invariant: every translate of σ' has the same value.
      for (int[] t : translations) {
        int image = 0;
        for (int b = 0; b < nb; b++) if (bit[b] == 1) image |= 1 << t[b];
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

  /** The terms over one set of blocks: per term its site mask in each block (sites met twice cancel, s² = 1). */
  private record Group(int[] blocks, int[] masks, List<int[]> termMasks, List<Double> coefficients) {
    /** e^{Σ terms} over the patterns of this group's masks, given the block spins. */
    Factor factor(int[] bit, Patterns patterns) {
      Patterns.Set[] sets = new Patterns.Set[blocks.length];
      int size = 1;
      for (int k = 0; k < blocks.length; k++) {
        sets[k] = patterns.of(bit[blocks[k]], masks[k]);
        size *= sets[k].size();
      }
      double[] log = new double[size];
      int[] idx = new int[blocks.length];
      int nt = termMasks.size();
      for (int a = 0; a < size; a++) {
        double e = 0;
        for (int t = 0; t < nt; t++) {
          int[] m = termMasks.get(t);
          int parity = 0;
          for (int k = 0; k < m.length; k++) parity += Integer.bitCount(sets[k].patterns[idx[k]] & m[k]);
          e += (parity & 1) == 0 ? coefficients.get(t) : -coefficients.get(t);
        }
        log[a] = e;
        for (int k = blocks.length - 1; k >= 0; k--) {
          if (++idx[k] < sets[k].size()) break;
          idx[k] = 0;
        }
      }
      return Factor.fromLog(blocks, masks, log).withoutFixed(bit, patterns);
    }
  }

  private static List<Group> groups(Blocking.Instance inst, List<ReducedHamiltonian.Term> terms) {
    Map<List<Integer>, Group> groups = new java.util.LinkedHashMap<>();
    for (ReducedHamiltonian.Term t : terms) {
      TreeMap<Integer, Integer> masks = new TreeMap<>();
      for (int s : t.sites()) masks.merge(inst.blockOf()[s], 1 << inst.local()[s], (x, y) -> x ^ y);
      masks.values().removeIf(m -> m == 0);
      List<Integer> blocks = new ArrayList<>(masks.keySet());
      int[] m = masks.values().stream().mapToInt(Integer::intValue).toArray();
      Group g = groups.computeIfAbsent(
          blocks, b -> new Group(b.stream().mapToInt(Integer::intValue).toArray(), new int[b.size()], new ArrayList<>(), new ArrayList<>()));
      for (int k = 0; k < m.length; k++) g.masks[k] |= m[k];
      g.termMasks.add(m);
      g.coefficients.add(t.coefficient());
    }
    return new ArrayList<>(groups.values());
  }

  /**
   * The allowed configurations of a block for σ' = +1 (bit 0) and −1 (bit 1) with their weights
   * p(σ'|χ), and, per site mask, the distinct patterns χ & mask among them (cached).
   */
  private static final class Patterns {
    final int[][] states = new int[2][];
    final double[][] weights = new double[2][];
    private final Set[][] sets;
    private final int blockSize;

    Patterns(BlockRule rule, int blockSize) {
      this.blockSize = blockSize;
      this.sets = new Set[2][1 << blockSize];
      for (int bit = 0; bit < 2; bit++) {
        int spin = bit == 0 ? 1 : -1;
        List<Integer> st = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int x = 0; x < 1 << blockSize; x++) {
          double p = rule.weight(spin, x);
          if (p > 0) {
            st.add(x);
            w.add(p);
          }
        }
        states[bit] = st.stream().mapToInt(Integer::intValue).toArray();
        weights[bit] = w.stream().mapToDouble(Double::doubleValue).toArray();
      }
    }

    Set of(int bit, int mask) {
      Set known = sets[bit][mask];
      if (known != null) return known;
      int[] index = new int[1 << blockSize];
      java.util.Arrays.fill(index, -1);
      List<Integer> ps = new ArrayList<>();
      for (int x : states[bit]) {
        int p = x & mask;
        if (index[p] < 0) {
          index[p] = ps.size();
          ps.add(p);
        }
      }
      return sets[bit][mask] = new Set(mask, ps.stream().mapToInt(Integer::intValue).toArray(), index);
    }

    /** Distinct patterns of a mask; index[p] is p's position, −1 if absent. */
    record Set(int mask, int[] patterns, int[] index) {
      int size() {
        return patterns.length;
      }

      /** For each of these patterns, the position of its restriction to the sub-mask in {@code coarse}. */
      int[] projectTo(Set coarse) {
        int[] out = new int[patterns.length];
        for (int i = 0; i < out.length; i++) out[i] = coarse.index[patterns[i] & coarse.mask];
        return out;
      }
    }
  }

  /**
   * A table over the mask patterns of some blocks (row-major in vars order): the values are
   * e^{logScale}·val, with val ≤ 1, so products need no exponentials and cannot overflow.
   */
  private record Factor(int[] vars, int[] masks, double[] val, double logScale) {
    static Factor fromLog(int[] vars, int[] masks, double[] log) {
      double max = Double.NEGATIVE_INFINITY;
      for (double x : log) max = Math.max(max, x);
      double[] v = new double[log.length];
      for (int i = 0; i < v.length; i++) v[i] = Math.exp(log[i] - max);
      return new Factor(vars, masks, v, max);
    }

    /**
     * The same table without the blocks where its mask has one pattern (a site the rule fixes,
     * as a kept site under decimation): it does not vary along them, and they would only join
     * other blocks' scopes when eliminated.
     */
    Factor withoutFixed(int[] bit, Patterns patterns) {
      int keep = 0;
      for (int k = 0; k < vars.length; k++) if (patterns.of(bit[vars[k]], masks[k]).size() > 1) keep++;
      if (keep == vars.length) return this;
      int[] v = new int[keep], m = new int[keep];
      for (int k = 0, o = 0; k < vars.length; k++)
        if (patterns.of(bit[vars[k]], masks[k]).size() > 1) {
          v[o] = vars[k];
          m[o++] = masks[k];
        }
      return new Factor(v, m, val, logScale);
    }

    int maskOf(int block) {
      for (int k = 0; k < vars.length; k++) if (vars[k] == block) return masks[k];
      return 0;
    }
  }

  /**
   * Σ over every block's allowed states of Π p(σ'|χ) Π factors, in logarithm: block by block,
   * the one whose elimination makes the smallest table first (min-size heuristic) — exact
   * rearrangements of the same sum.
   */
  private static double eliminateAll(List<Factor> factors, int[] bit, Patterns patterns) {
    int nb = bit.length;
    List<Factor> live = new ArrayList<>(factors);
    boolean[] gone = new boolean[nb];
    double total = 0;
    for (int step = 0; step < nb; step++) {
      int v = cheapest(live, bit, patterns, gone);
      gone[v] = true;
      List<Factor> touching = new ArrayList<>();
      List<Factor> rest = new ArrayList<>();
      for (Factor f : live) (f.maskOf(v) != 0 ? touching : rest).add(f);
      if (touching.isEmpty()) { // no term touches it: its rule's weights sum on their own
        double s = 0;
        for (double w : patterns.weights[bit[v]]) s += w;
        total += Math.log(s);
        continue;
      }
      rest.add(sumOut(touching, v, bit, patterns));
      live = rest;
    }
    for (Factor f : live) total += f.logScale() + Math.log(f.val()[0]);
    return total;
  }

  // The block whose elimination makes the smallest table.
  private static int cheapest(List<Factor> live, int[] bit, Patterns patterns, boolean[] gone) {
    int best = -1;
    double bestSize = Double.POSITIVE_INFINITY;
    int[] union = new int[gone.length];
    for (int v = 0; v < gone.length; v++) {
      if (gone[v]) continue;
      java.util.Arrays.fill(union, 0);
      for (Factor f : live) {
        if (f.maskOf(v) == 0) continue;
        for (int k = 0; k < f.vars().length; k++) if (f.vars()[k] != v) union[f.vars()[k]] |= f.masks()[k];
      }
      double size = 1;
      for (int w = 0; w < union.length && size < bestSize; w++) if (union[w] != 0) size *= patterns.of(bit[w], union[w]).size();
      if (size < bestSize) {
        bestSize = size;
        best = v;
      }
    }
    return best;
  }

  // The other blocks of the factors that touch v, each with the union of their masks there.
  private static TreeMap<Integer, Integer> scopeWithout(List<Factor> fs, int v) {
    TreeMap<Integer, Integer> s = new TreeMap<>();
    for (Factor f : fs) {
      if (f.maskOf(v) == 0) continue;
      for (int k = 0; k < f.vars().length; k++) if (f.vars()[k] != v) s.merge(f.vars()[k], f.masks()[k], (a, b) -> a | b);
    }
    return s;
  }

  /**
   * Σ_{χ_v} p(σ'_v|χ_v) Π_f f over the joint patterns of the other blocks, renormalized to max 1.
   * The weights of v's states are first summed per pattern of the union of the factors' masks on v.
   */
  private static Factor sumOut(List<Factor> fs, int v, int[] bit, Patterns patterns) {
    TreeMap<Integer, Integer> scopeMap = scopeWithout(fs, v);
    int n = scopeMap.size();
    int[] scope = new int[n], masks = new int[n];
    Patterns.Set[] sets = new Patterns.Set[n];
    int size = 1, j0 = 0;
    for (Map.Entry<Integer, Integer> e : scopeMap.entrySet()) {
      scope[j0] = e.getKey();
      masks[j0] = e.getValue();
      sets[j0] = patterns.of(bit[scope[j0]], masks[j0]);
      size *= sets[j0].size();
      j0++;
    }
    int vMask = 0;
    for (Factor f : fs) vMask |= f.maskOf(v);
    Patterns.Set vSet = patterns.of(bit[v], vMask);
    int nv = vSet.size();
    double[] unary = new double[nv];
    int[] states = patterns.states[bit[v]];
    double[] weights = patterns.weights[bit[v]];
    for (int i = 0; i < states.length; i++) unary[vSet.index()[states[i] & vMask]] += weights[i];
    // Per factor: its table offset of each scope pattern (contribution[f][j][i]) and of each v pattern.
    int nf = fs.size();
    int[][][] contribution = new int[nf][n][];
    int[][] vOffset = new int[nf][];
    double[][] vals = new double[nf][];
    double scale = 0;
    for (int f = 0; f < nf; f++) {
      Factor fac = fs.get(f);
      vals[f] = fac.val();
      scale += fac.logScale();
      int stride = 1;
      for (int k = fac.vars().length - 1; k >= 0; k--) {
        Patterns.Set own = patterns.of(bit[fac.vars()[k]], fac.masks()[k]);
        int[] offsets;
        if (fac.vars()[k] == v) {
          offsets = vSet.projectTo(own);
          for (int i = 0; i < offsets.length; i++) offsets[i] *= stride;
          vOffset[f] = offsets;
        } else {
          int j = java.util.Arrays.binarySearch(scope, fac.vars()[k]);
          offsets = sets[j].projectTo(own);
          for (int i = 0; i < offsets.length; i++) offsets[i] *= stride;
          contribution[f][j] = offsets;
        }
        stride *= own.size();
      }
      for (int j = 0; j < n; j++) if (contribution[f][j] == null) contribution[f][j] = new int[sets[j].size()];
    }
    int[] off = new int[nf];
    for (int f = 0; f < nf; f++) for (int j = 0; j < n; j++) off[f] += contribution[f][j][0];
    double[] out = new double[size];
    int[] idx = new int[n];
    double max = 0;
    for (int a = 0; a < size; a++) {
      double s = 0;
      for (int x = 0; x < nv; x++) {
        double p = unary[x];
        for (int f = 0; f < nf; f++) p *= vals[f][off[f] + vOffset[f][x]];
        s += p;
      }
      out[a] = s;
      max = Math.max(max, s);
      for (int j = n - 1; j >= 0; j--) { // odometer, each factor's offset kept up to date
        int old = idx[j];
        idx[j] = old + 1 == sets[j].size() ? 0 : old + 1;
        for (int f = 0; f < nf; f++) off[f] += contribution[f][j][idx[j]] - contribution[f][j][old];
        if (idx[j] != 0) break;
      }
    }
    for (int a = 0; a < size; a++) out[a] /= max;
    return new Factor(scope, masks, out, scale + Math.log(max)).withoutFixed(bit, patterns);
  }
}
