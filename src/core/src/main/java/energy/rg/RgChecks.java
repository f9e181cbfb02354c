package energy.rg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The independent route for RG steps: the exact renormalized Hamiltonian of a small periodic
 * lattice by enumeration ({@link ExactBlockSum}), projected onto all block-spin monomials
 * (Walsh–Hadamard), against the symbolic recursion evaluated on the same torus — monomial by
 * monomial, the constant per site included, generated couplings included. Decimation is exact;
 * the cumulant expansion of order n must miss by O(K^{n+1}), measured as the log-log slope of
 * the error between K and 8K. Entry points return measured errors for {@code check}.
 */
public final class RgChecks {
  private RgChecks() {}

  /** One measured quantity: passes when error ≤ tolerance. */
  public record Measured(String what, double error, double tolerance) {
    public boolean passed() {
      return error <= tolerance;
    }

    @Override
    public String toString() {
      return String.format("%s: %.3g (tolerance %.3g) %s", what, error, tolerance, passed() ? "ok" : "FAILED");
    }
  }

  /**
   * max over block monomials S of |exact 𝒦'(S) − symbolic 𝒦'(S)| on the blocked torus at the
   * given coupling values (in {@code r.couplings()} order).
   */
  public static double monomialError(
      Recursion r, ReducedHamiltonian k0, Blocking.Instance inst, BlockRule rule, double[] values) {
    double[] e = monomialErrors(r, k0, inst, rule, values);
    return Math.max(e[0], e[1]);
  }

  /** As above, split: {error of the constant per site, max error of the other monomials}. */
  static double[] monomialErrors(Recursion r, ReducedHamiltonian k0, Blocking.Instance inst, BlockRule rule, double[] values) {
    Map<ISymbol, Double> v = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) v.put(r.couplings().get(i), values[i]);
    return compare(r, ExactBlockSum.renormalized(inst, k0.terms(inst.fine(), v), rule), inst.coarse(), values);
  }

  /** {error of the constant per site, max error of the other monomials} of 𝒦′ given on every configuration of {@code coarse}. */
  private static double[] compare(Recursion r, double[] renormalized, Lattice coarse, double[] values) {
    double[] exact = WalshProjector.transform(renormalized);
    Map<CouplingClass, Double> c = new LinkedHashMap<>();
    double[] images = r.apply(values);
    for (int i = 0; i < images.length; i++) c.merge(r.classes().get(i), images[i], Double::sum);
    for (CouplingClass g : r.generated().keySet()) c.merge(g, r.generated(g, values), Double::sum);
    double[] symbolic = WalshProjector.coefficients(coarse, c, r.constantPerSite(values));
    double constant = Math.abs(exact[0] - symbolic[0]) / coarse.size();
    exact[0] = symbolic[0]; // the other monomials alone
    return new double[] {constant, WalshProjector.maxDifference(exact, symbolic, coarse.size())};
  }

  /** Decimation of the chain of n sites keeping every b-th, at random K (and h) from the seed. */
  public static Measured decimation(int n, int b, boolean field, long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY), h = field ? new Symbol("h", Context.DUMMY) : null;
    ReducedHamiltonian k0 =
        field
            ? ReducedHamiltonian.nearestNeighbourInField(Lattice.Kind.CHAIN, k, h)
            : ReducedHamiltonian.nearestNeighbour(Lattice.Kind.CHAIN, k);
    Recursion r = ChainDecimation.step(k0, b);
    double[] values = field
        ? new double[] {-1 + 2.5 * random.nextDouble(), -1 + 2 * random.nextDouble()}
        : new double[] {-1 + 2.5 * random.nextDouble()};
    double err = monomialError(r, k0, Blocking.chain(b).on(n / b), BlockRule.first(), values);
    return new Measured(
        String.format("decimation N=%d b=%d%s seed=%d", n, b, field ? " with field" : "", seed), err, 1e-10);
  }

  /** Decimation of the chain keeping every b-th spin against T^b, at random K (and h) from the seed. */
  public static Measured decimationByTransferMatrix(int b, boolean field, long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY), h = field ? new Symbol("h", Context.DUMMY) : null;
    double[] values = field
        ? new double[] {-1 + 2.5 * random.nextDouble(), -1 + 2 * random.nextDouble()}
        : new double[] {-1 + 2.5 * random.nextDouble()};
    double err = transferMatrixError(ChainDecimation.step(k, h, b), values);
    return new Measured(String.format("decimation b=%d%s vs T^b seed=%d", b, field ? " with field" : "", seed), err, 1e-10);
  }

  /**
   * The error of a chain decimation step {@code r} (couplings K or K, h; scale b) against the
   * power W = T^b of the transfer matrix T(s, s') = e^{K s s' + h s} in doubles, by repeated
   * squaring rescaled at every product (the scale kept as a logarithm): max of |Δx|/max(1, |x|)
   * over x = K', h', g with K' = ¼ ln(W₊₊W₋₋/W₊₋W₋₊), h' = ½ ln(W₊₊/W₋₋), g = ¼ ln(W₊₊W₋₋W₊₋W₋₊).
   * Valid for every b, independent of the closed forms.
   */
  public static double transferMatrixError(Recursion r, double[] values) {
    return transferMatrixError(r.apply(values), r.constantPerSite(values), values[0], values.length > 1 ? values[1] : 0, Math.round(r.scale()));
  }

  /** As above for given images (K' or K', h') and g, against T^b at the chain couplings k, h. */
  static double transferMatrixError(double[] images, double constant, double k, double h, long b) {
    double[] exact = transferMatrixStep(k, h, b);
    double err = relative(images[0], exact[0]);
    if (images.length > 1) err = Math.max(err, relative(images[1], exact[1]));
    return Math.max(err, relative(constant, exact[2]));
  }

  /** {K', h', g} of the chain (k, h) decimated by b, from W = T^b in doubles (see above). */
  static double[] transferMatrixStep(double k, double h, long b) {
    double[][] t = {{Math.exp(k - h), Math.exp(-k - h)}, {Math.exp(-k + h), Math.exp(k + h)}}; // index 0: s = −1
    double[][] w = {{1, 0}, {0, 1}};
    double logScale = 0, tScale = 0;
    for (long e = b; e > 0; e >>= 1) {
      if ((e & 1) == 1) {
        w = product(w, t);
        double m = rescale(w);
        logScale += m + tScale;
      }
      if (e > 1) {
        t = product(t, t);
        tScale = 2 * tScale + rescale(t);
      }
    }
    double lpp = Math.log(w[1][1]), lmm = Math.log(w[0][0]), lpm = Math.log(w[1][0]), lmp = Math.log(w[0][1]);
    return new double[] {(lpp + lmm - lpm - lmp) / 4, (lpp - lmm) / 2, logScale + (lpp + lmm + lpm + lmp) / 4};
  }

  private static double relative(double value, double exact) {
    return Math.abs(value - exact) / Math.max(1, Math.abs(exact));
  }

  private static double[][] product(double[][] a, double[][] b) {
    double[][] c = new double[2][2];
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 2; j++) c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j];
    return c;
  }

  // Divides the entries by their largest and returns its logarithm.
  private static double rescale(double[][] a) {
    double m = Math.max(Math.max(a[0][0], a[0][1]), Math.max(a[1][0], a[1][1]));
    for (double[] row : a) for (int j = 0; j < 2; j++) row[j] /= m;
    return Math.log(m);
  }

  /**
   * The exact piece of Migdal–Kadanoff: after bond moving the kept lines carry b^{d−1}K, and the
   * step's K' and constant (per new bond, g/d) must equal the exact decimation of such a chain.
   */
  public static Measured migdalKadanoffChain(int n, int b, long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY);
    double kv = 0.05 + 0.6 * random.nextDouble();
    double err = migdalKadanoffChainError(MigdalKadanoff.step(k, 2, b), n, kv);
    return new Measured(String.format("Migdal-Kadanoff chain piece N=%d b=%d K=%.4f", n, b, kv), err, 1e-10);
  }

  /**
   * The error of a square-lattice Migdal–Kadanoff step {@code mk} (coupling K, scale b) against
   * the exact decimation of a chain whose bonds carry bK, per bond (the chains' half of the
   * constant per site, d = 2), at K = kv: against T^b for every b, and on a chain of n sites by
   * enumeration when it holds at least 3 blocks.
   */
  public static double migdalKadanoffChainError(Recursion mk, int n, double kv) {
    int b = (int) Math.round(mk.scale());
    double byTransfer = migdalKadanoffTransferError(mk, 2, new double[] {kv});
    if (n / b < 3) return byTransfer;
    IExpr isolated = F.Times(F.ZZ((long) b * b - 1 - 2L * (b - 1)), F.Log(F.C2));
    Recursion perBond = new Recursion(
        "MK per bond", mk.couplings(), List.of(CouplingClass.pair(Lattice.Kind.CHAIN, 1)), mk.images(),
        F.Times(F.C1D2, F.Subtract(mk.constantPerSite(), isolated)), b, Map.of(), Map.of());
    // The chain of moved bonds: coupling b K on every bond, expressed through the symbol K.
    ReducedHamiltonian chain = new ReducedHamiltonian(
        Lattice.Kind.CHAIN, Map.of(CouplingClass.pair(Lattice.Kind.CHAIN, 1), F.Times(F.ZZ(b), mk.couplings().get(0))));
    return Math.max(byTransfer, monomialError(perBond, chain, Blocking.chain(b).on(n / b), BlockRule.first(), new double[] {kv}));
  }

  /**
   * The error of a Migdal–Kadanoff step {@code mk} on the d-dimensional lattice (couplings K or
   * K, h) against T^b of the moved chain (b^{d−1}K, b^{d−1}h/d) in doubles, any b: K′ and h′ =
   * d·h′_chain (the field of the new site comes from its d chains) relative to max(1, |x|), and
   * g = d·g_chain + (b^d − 1 − d(b−1)) ln 2 (the isolated spins') relative to max(1, |g|).
   */
  public static double migdalKadanoffTransferError(Recursion mk, int d, double[] values) {
    long b = Math.round(mk.scale());
    double lines = Math.pow(b, d - 1), isolated = (Math.pow(b, d) - 1 - d * (b - 1)) * Math.log(2);
    double h = values.length > 1 ? values[1] : 0;
    double[] chain = transferMatrixStep(lines * values[0], lines * h / d, b), images = mk.apply(values);
    double err = relative(images[0], chain[0]);
    if (images.length > 1) err = Math.max(err, relative(images[1], d * chain[1]));
    return Math.max(err, relative(mk.constantPerSite(values), d * chain[2] + isolated));
  }

  /**
   * The error of a square-lattice Migdal–Kadanoff step {@code mk} (K or K, h) per monomial of the
   * 3 × 3 kept spins, against the torus of 3b × 3b sites with every bond moved literally: each
   * bond, with its terms K s_i s_j + (h/4)(s_i + s_j) (so every site has its field h), is moved
   * within its cell onto the row (column) of the kept sites; then all other spins are summed
   * exactly ({@link #sumOutAllBut}). Checks the bond moving and the field's bookkeeping, not only
   * the chain.
   */
  public static double migdalKadanoffLatticeError(Recursion mk, double[] values) {
    int b = (int) Math.round(mk.scale());
    int[][] cell = new int[b * b][];
    for (int y = 0; y < b; y++) for (int x = 0; x < b; x++) cell[x + b * y] = new int[] {x, y};
    Blocking.Instance inst =
        new Blocking(Lattice.Kind.SQUARE, cell, new int[] {b, 0}, new int[] {0, b}, Lattice.Kind.SQUARE, b).on(3);
    Lattice fine = inst.fine();
    double k = values[0], quarter = values.length > 1 ? values[1] / 4 : 0;
    List<ReducedHamiltonian.Term> terms = new ArrayList<>();
    for (int s = 0; s < fine.size(); s++) {
      int x = fine.x(s), y = fine.y(s);
      int row = y - Math.floorMod(y, b), column = x - Math.floorMod(x, b);
      int[][] moved = {{fine.site(x, row), fine.site(x + 1, row)}, {fine.site(column, y), fine.site(column, y + 1)}};
      for (int[] bond : moved) {
        terms.add(new ReducedHamiltonian.Term(k, bond));
        for (int end : bond) terms.add(new ReducedHamiltonian.Term(quarter, new int[] {end}));
      }
    }
    int[] kept = new int[inst.coarse().size()];
    for (int bl = 0; bl < kept.length; bl++) kept[bl] = inst.sites()[bl][0];
    double[] e = compare(mk, sumOutAllBut(fine.size(), kept, terms), inst.coarse(), values);
    return Math.max(e[0], e[1]);
  }

  /**
   * ln Σ e^{Σ terms} over every site but the kept ones, for each configuration of the kept ones
   * (bit I of the index = 1: kept site I is −1). The other sites fall into the connected
   * components of the terms among them; each is enumerated on its own (2^size states), so this
   * is for energies whose unkept sites form small clusters, such as lattices after bond moving.
   */
  static double[] sumOutAllBut(int sites, int[] kept, List<ReducedHamiltonian.Term> terms) {
    int[] keptIndex = new int[sites];
    java.util.Arrays.fill(keptIndex, -1);
    for (int i = 0; i < kept.length; i++) keptIndex[kept[i]] = i;
    int[] root = new int[sites];
    for (int s = 0; s < sites; s++) root[s] = s;
    for (ReducedHamiltonian.Term t : terms) {
      int first = -1;
      for (int s : t.sites())
        if (keptIndex[s] < 0) {
          if (first < 0) first = s;
          else root[find(root, s)] = find(root, first);
        }
    }
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int s = 0; s < sites; s++) if (keptIndex[s] < 0) members.computeIfAbsent(find(root, s), x -> new ArrayList<>()).add(s);
    Map<Integer, List<ReducedHamiltonian.Term>> touching = new LinkedHashMap<>();
    List<ReducedHamiltonian.Term> keptOnly = new ArrayList<>();
    for (ReducedHamiltonian.Term t : terms) {
      int component = -1;
      for (int s : t.sites()) if (keptIndex[s] < 0) component = find(root, s);
      if (component < 0) keptOnly.add(t);
      else touching.computeIfAbsent(component, x -> new ArrayList<>()).add(t);
    }
    double[] out = new double[1 << kept.length];
    int[] spin = new int[sites];
    for (int config = 0; config < out.length; config++) {
      for (int i = 0; i < kept.length; i++) spin[kept[i]] = WalshProjector.spin(config, i);
      double total = 0;
      for (ReducedHamiltonian.Term t : keptOnly) total += value(t, spin);
      for (Map.Entry<Integer, List<Integer>> c : members.entrySet()) {
        List<Integer> m = c.getValue();
        List<ReducedHamiltonian.Term> ts = touching.getOrDefault(c.getKey(), List.of());
        double[] logs = new double[1 << m.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < logs.length; x++) {
          for (int j = 0; j < m.size(); j++) spin[m.get(j)] = WalshProjector.spin(x, j);
          for (ReducedHamiltonian.Term t : ts) logs[x] += value(t, spin);
          max = Math.max(max, logs[x]);
        }
        double sum = 0;
        for (double l : logs) sum += Math.exp(l - max);
        total += max + Math.log(sum);
      }
      out[config] = total;
    }
    return out;
  }

  private static int find(int[] root, int s) {
    while (root[s] != s) s = root[s] = root[root[s]];
    return s;
  }

  private static double value(ReducedHamiltonian.Term t, int[] spin) {
    double v = t.coefficient();
    for (int s : t.sites()) v *= spin[s];
    return v;
  }

  /** Migdal–Kadanoff in a field on the square lattice, random K and h from the seed (moved chains in [−1, 1.5]). */
  public static Measured migdalKadanoffInField(int b, long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY), h = new Symbol("h", Context.DUMMY);
    double[] v = {(-1 + 2.5 * random.nextDouble()) / b, 2 * (-1 + 2.5 * random.nextDouble()) / b};
    Recursion r = MigdalKadanoff.step(k, h, 2, b);
    double err = migdalKadanoffTransferError(r, 2, v);
    if (b <= 4) err = Math.max(err, migdalKadanoffLatticeError(r, v));
    return new Measured(String.format("Migdal-Kadanoff in a field b=%d K=%.4f h=%.4f", b, v[0], v[1]), err, 1e-10);
  }

  /** Checkerboard decimation of the square lattice on a torus of m × m kept sites, random K. */
  public static Measured checkerboard(int m, long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY);
    ReducedHamiltonian k0 = ReducedHamiltonian.nearestNeighbour(Lattice.Kind.SQUARE, k);
    double kv = -1 + 2.5 * random.nextDouble();
    double err = monomialError(SublatticeDecimation.step(k0), k0, Blocking.checkerboard().on(m), BlockRule.first(), new double[] {kv});
    return new Measured(String.format("checkerboard decimation %d kept sites K=%.4f", m * m, kv), err, 1e-10);
  }

  /**
   * Errors of the cumulant step at K = k₀·2^j, j = 0…points−1, on a torus of m blocks per side:
   * the constant per site and the other block monomials apart, each with its log-log slope.
   *
   * <p>Why apart: a torus of m blocks per side joins a chain of m inter-block bonds into a ring
   * (block I + m·e ≡ I). At order 2 with m = 2 (the square 3×3 blocks, 36 sites — 3 × 3 blocks
   * would be 81 sites), two bonds from block I to its right neighbour J — one inside the torus,
   * one across the seam — share both blocks, where on the plane they join I to J and J to I + 2e
   * and share J only. Their torus cumulant has the extra cov_I·cov_J, which is even in every block
   * spin: an O(K²) difference in the constant alone (measured: constant ∝ K², every other
   * monomial ∝ K³, for square and triangular blocks alike; triangles on 3 × 3 blocks give K³
   * for both). So such a torus holds the plane's constant through order m − 1 only, and the
   * couplings (kept and generated) through the order of the step.
   */
  public record SlopeFit(
      double[] ks, double[] errors, double slope, double[] couplingErrors, double couplingSlope,
      double[] constantErrors, double constantSlope, int blocksPerSide) {
    /** Whether this torus holds the plane's constant per site through the given order. */
    public boolean constantResolved(int order) {
      return blocksPerSide > order;
    }

    /**
     * The slope to compare with order + 1: of every monomial where the torus resolves the
     * constant, else of the couplings only (the constant then gets {@link #constantPasses}).
     */
    public double measured(int order) {
      return constantResolved(order) ? slope : couplingSlope;
    }

    /** Where the constant is not resolved to the order: still right through order m − 1. */
    public boolean constantPasses(int order, double tolerance) {
      return constantResolved(order) || constantSlope >= blocksPerSide - tolerance;
    }

    public boolean passes(int order, double tolerance) {
      return Math.abs(measured(order) - (order + 1)) <= tolerance && constantPasses(order, tolerance);
    }
  }

  public static SlopeFit cumulantErrors(Blocking blocking, int blocksPerSide, int order, double k0, int points) {
    ISymbol k = new Symbol("K", Context.DUMMY);
    ReducedHamiltonian h = ReducedHamiltonian.nearestNeighbour(blocking.kind(), k);
    return cumulantErrors(CumulantExpansion.step(h, blocking, order), h, blocking, blocksPerSide, k0, points);
  }

  /** As above, for a given one-coupling recursion r of the step from 𝒦 = h. */
  public static SlopeFit cumulantErrors(
      Recursion r, ReducedHamiltonian h, Blocking blocking, int blocksPerSide, double k0, int points) {
    return cumulantErrors(r, h, blocking, blocksPerSide, new double[] {1}, k0, points);
  }

  /**
   * As above for several couplings along a ray of the step's power counting: coupling a is
   * direction[a]·K^{p_a} with p_a = {@link CumulantExpansion#power} (a field fixed, further
   * neighbours ∝ K²), so order n still misses by K^{n+1}.
   */
  public static SlopeFit cumulantErrors(
      Recursion r, ReducedHamiltonian h, Blocking blocking, int blocksPerSide, double[] direction, double k0, int points) {
    Blocking.Instance inst = blocking.on(blocksPerSide);
    BlockRule rule = BlockRule.majority(blocking.blockSize());
    double[] ks = new double[points], all = new double[points], couplings = new double[points], constant = new double[points];
    for (int j = 0; j < points; j++) {
      ks[j] = k0 * Math.pow(2, j);
      double[] values = new double[direction.length];
      for (int a = 0; a < values.length; a++) values[a] = direction[a] * Math.pow(ks[j], CumulantExpansion.power(r.classes().get(a)));
      double[] e = monomialErrors(r, h, inst, rule, values);
      constant[j] = e[0];
      couplings[j] = e[1];
      all[j] = Math.max(e[0], e[1]);
    }
    return new SlopeFit(ks, all, slope(ks, all), couplings, slope(ks, couplings), constant, slope(ks, constant), blocksPerSide);
  }

  // Least-squares slope of ln y against ln x.
  private static double slope(double[] xs, double[] ys) {
    int n = xs.length;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int j = 0; j < n; j++) {
      double x = Math.log(xs[j]), y = Math.log(ys[j]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /**
   * The slope of the cumulant error must be order + 1 (within 0.25), the constant's as far as
   * the torus resolves it ({@link SlopeFit}).
   */
  public static Measured cumulantSlope(String name, Blocking blocking, int blocksPerSide, int order) {
    SlopeFit f = cumulantErrors(blocking, blocksPerSide, order, 0.01, 4);
    double measured = f.measured(order);
    String what = f.constantResolved(order)
        ? String.format("%s cumulant order %d: |slope − %d| (slope %.3f)", name, order, order + 1, measured)
        : String.format("%s cumulant order %d: |slope − %d| of the couplings (slope %.3f; constant %.3f, torus resolves it to K^%d)",
            name, order, order + 1, measured, f.constantSlope(), blocksPerSide - 1);
    return new Measured(what, f.constantPasses(order, 0.25) ? Math.abs(measured - (order + 1)) : Double.POSITIVE_INFINITY, 0.25);
  }

  /**
   * Mehta–Schwab's decimating RBM at λ = 20 on a chain of 16 visible spins must give the
   * decimation K' (and no other coupling) to O(e^{−2λ}).
   */
  public static Measured mehtaSchwab(long seed) {
    Random random = new Random(mix(seed));
    ISymbol k = new Symbol("K", Context.DUMMY), lambda = new Symbol("lambda", Context.DUMMY);
    VariationalKernel kernel = VariationalKernel.mehtaSchwabDecimation(lambda);
    ReducedHamiltonian k0 = ReducedHamiltonian.nearestNeighbour(Lattice.Kind.CHAIN, k);
    double kv = 0.1 + random.nextDouble();
    Map<ISymbol, Double> values = new LinkedHashMap<>();
    values.put(k, kv);
    values.put(lambda, 20.0);
    VariationalKernel.Projection p = kernel.renormalize(k0, values, 8);
    Recursion dec = ChainDecimation.step(k, null, 2);
    double err = Math.abs(p.couplings().get(CouplingClass.pair(Lattice.Kind.CHAIN, 1)) - dec.apply(kv)[0]);
    err = Math.max(err, Math.abs(p.couplings().get(null) - dec.constantPerSite(kv)));
    err = Math.max(err, p.residual());
    return new Measured(String.format("Mehta-Schwab RBM = decimation, K=%.4f lambda=20", kv), err, 1e-12);
  }

  // Consecutive seeds give nearly equal first doubles in java.util.Random; spread them.
  private static long mix(long seed) {
    return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
  }

  /** Every check, for the command line's {@code check}. A few seconds. */
  public static List<Measured> all(long seed) {
    List<Measured> out = new ArrayList<>();
    for (int n : new int[] {8, 12, 16}) {
      out.add(decimation(n, 2, false, seed + n));
      out.add(decimation(n, 2, true, seed + n));
      out.add(decimation(n, 4, true, seed + n));
    }
    out.add(decimation(9, 3, true, seed));
    out.add(decimation(12, 3, false, seed));
    for (int b : new int[] {2, 5, 33, 1000}) {
      out.add(decimationByTransferMatrix(b, true, seed + b));
      out.add(decimationByTransferMatrix(b, false, seed + b));
    }
    out.add(checkerboard(3, seed));
    out.add(migdalKadanoffChain(12, 2, seed));
    out.add(migdalKadanoffChain(12, 3, seed));
    for (int b : new int[] {2, 3, 33}) out.add(migdalKadanoffInField(b, seed + b));
    out.add(cumulantSlope("triangular NvL, 27 sites", Blocking.triangles(), 3, 1));
    out.add(cumulantSlope("triangular NvL, 27 sites", Blocking.triangles(), 3, 2));
    out.add(cumulantSlope("square 3x3 majority, 36 sites", Blocking.squares(3), 2, 1));
    out.add(cumulantSlope("square 3x3 majority, 36 sites", Blocking.squares(3), 2, 2));
    out.add(mehtaSchwab(seed));
    return out;
  }
}
