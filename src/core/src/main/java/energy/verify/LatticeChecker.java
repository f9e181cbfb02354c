package energy.verify;

import energy.result.RgStep;
import energy.model.LatticeModel;
import energy.rg.BlockRule;
import energy.rg.Blocking;
import energy.rg.CouplingClass;
import energy.rg.Lattice;
import energy.rg.Recursion;
import energy.rg.ReducedHamiltonian;
import energy.rg.RgChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Checks the recursion of each RG step of a file on finite periodic lattices, against the
 * exact renormalized Hamiltonian by enumeration projected onto every block-spin monomial
 * ({@link RgChecks#monomialError}): constant, kept and generated couplings alike.
 *
 * <ul>
 *   <li>decimation of the chain is exact: K′, h′ and g against the b-th power of the transfer
 *       matrix at random couplings in [−1, 1.5] (any b), and for b ≤ 4 the whole renormalized
 *       Hamiltonian on chains of 4b, 6b and 8b sites (at most 16);
 *   <li>Migdal–Kadanoff is exact after bond moving: its K′, h′ and constant must be the decimation
 *       of chains whose bonds carry bK ∈ [−1, 1.5] and sites the field bh/2 ∈ [−1, 1.5] (against
 *       T^b), and for b ≤ 4 the exact sum over the torus of 3b × 3b sites with its bonds moved;
 *   <li>a block-spin cumulant step of order n misses by O(K^{n+1}): the error is measured at
 *       K = 0.01·2^j, j = 0…3, and the log–log slope must be n + 1 within 0.25. A torus of m
 *       blocks a side (m = 2 for square blocks: 3 × 3 blocks would be 81 sites) gets the plane's
 *       constant per site right only through order m − 1 (two bonds across both seams share two
 *       blocks; {@link RgChecks.SlopeFit}): at order n ≥ m the slope is that of the couplings
 *       (kept and generated), and the constant's must be at least m.
 * </ul>
 */
final class LatticeChecker {
  static final double EXACT = 1e-10, SLOPE_TOLERANCE = 0.25;

  private LatticeChecker() {}

  /** The step's recursion, and its flow's fixed points when the file asks for the flow. */
  static List<Checker.Report> check(RgStep r, int samples, Random random) {
    List<Checker.Report> out = new ArrayList<>();
    out.add(recursion(r, samples, random));
    if (r.flow().isPresent()) out.add(flow(r));
    return out;
  }

  /**
   * Each fixed point of a flow (and sampled points of its fixed lines), re-evaluated through the step's recursion: K′(K*) = K* (to
   * 1e-10), and its Jacobian against central differences of the recursion (to 1e-6).
   */
  private static Checker.Report flow(RgStep result) {
    Recursion r = result.recursion();
    double fixedError = 0, jacobianError = 0;
    List<energy.rg.flow.FixedPoint> points = new ArrayList<>(result.flow().get().fixedPoints());
    for (energy.rg.flow.FixedLine line : result.flow().get().lines()) points.addAll(line.samples());
    for (energy.rg.flow.FixedPoint p : points) {
      double[] x = p.coordinates().stream().mapToDouble(Double::doubleValue).toArray();
      double[] fx = r.apply(x);
      for (int a = 0; a < x.length; a++) fixedError = Math.max(fixedError, Math.abs(fx[a] - x[a]) / Math.max(1, Math.abs(x[a])));
      for (int b = 0; b < x.length; b++) {
        double h = 1e-5 * Math.max(1, Math.abs(x[b]));
        double[] up = x.clone(), down = x.clone();
        up[b] += h;
        down[b] -= h;
        double[] fu = r.apply(up), fd = r.apply(down);
        for (int a = 0; a < x.length; a++)
          jacobianError = Math.max(jacobianError, Math.abs((fu[a] - fd[a]) / (2 * h) - p.jacobian().get(a).get(b)));
      }
    }
    boolean ok = fixedError <= EXACT && jacobianError <= 1e-6;
    String detail =
        String.format(
            Locale.ROOT, "%d fixed points (with samples of fixed lines): max |K′(K*) − K*| %.1e, Jacobian vs central differences %.1e",
            points.size(), fixedError, jacobianError);
    return new Checker.Report("flow " + result.name(), "fixed points", ok ? 0 : 1, Double.NaN, Double.NaN, 1, null, detail);
  }

  private static Checker.Report recursion(RgStep result, int samples, Random random) {
    Recursion r = result.recursion();
    LatticeModel.Step step = result.step();
    int b = step.parameter();
    String name = "rg " + result.name();
    ReducedHamiltonian k0 = original(r);
    switch (step.scheme()) {
      case DECIMATE -> {
        if (r.classes().get(0).kind() == Lattice.Kind.SQUARE) { // checkerboard: tori of 18 and 32 sites
          double worst = 0;
          for (int s = 0; s < samples; s++)
            for (int m : new int[] {3, 4})
              worst = Math.max(worst, RgChecks.monomialError(r, k0, Blocking.checkerboard().on(m), BlockRule.first(), draw(r, random)));
          return report(name, "exact on square tori of 18 and 32 sites", worst, EXACT);
        }
        double worst = 0;
        for (int s = 0; s < samples; s++) {
          worst = Math.max(worst, RgChecks.transferMatrixError(r, draw(r, random)));
          for (int blocks : new int[] {4, 6, 8}) {
            if (b * blocks > 16) continue;
            worst = Math.max(worst, RgChecks.monomialError(r, k0, Blocking.chain(b).on(blocks), BlockRule.first(), draw(r, random)));
          }
        }
        return report(
            name,
            b * 4 <= 16 ? "exact on chains of up to 16 sites and against T^b" : "exact against T^b (transfer matrix)",
            "max error of K′, h′, g" + (b * 4 <= 16 ? " and per block monomial" : ""),
            worst, EXACT);
      }
      case MIGDAL_KADANOFF -> {
        double worst = 0;
        for (int s = 0; s < samples; s++) {
          // The moved chains carry bK and the field bh/2: drawn in [−1, 1.5], as for the chain.
          double[] v = draw(r, random);
          v[0] /= b;
          if (v.length > 1) v[1] *= 2.0 / b;
          worst = Math.max(worst, RgChecks.migdalKadanoffTransferError(r, 2, v));
          if (b <= 4) worst = Math.max(worst, RgChecks.migdalKadanoffLatticeError(r, v));
        }
        return report(
            name,
            b <= 4 ? "exact after bond moving (the moved 3b × 3b torus summed exactly, and T^b)" : "exact decimation of the moved bonds (T^b)",
            b <= 4 ? "max error per block monomial and of K′, h′, g" : "max error of K′, h′, g",
            worst, EXACT);
      }
      default -> {
        Blocking blocking = energy.rg.RgStepTransform.blocking(result.blocks().get());
        int perSide = blocking.kind() == Lattice.Kind.TRIANGULAR ? 3 : blocking.kind() == Lattice.Kind.SQUARE ? 2 : 4;
        double[] direction = direction(r, random);
        int order = step.parameter(), expected = order + 1;
        RgChecks.SlopeFit fit = RgChecks.cumulantErrors(r, k0, blocking, perSide, direction, 0.01, 4);
        boolean ok = fit.passes(order, SLOPE_TOLERANCE);
        String ray = r.couplings().size() > 1 ? ", " + ray(r, direction) : "";
        // 2 × 2 square blocks at order 2: the torus aliases the constant at K² (RgChecks.SlopeFit).
        String detail = fit.constantResolved(order)
            ? String.format(Locale.ROOT, "error vs exact block sums ∝ K^%.3f for K = 0.01…0.08%s (order %d: need %d ± %.2f)",
                fit.slope(), ray, order, expected, SLOPE_TOLERANCE)
            : String.format(Locale.ROOT,
                "error of the couplings vs exact block sums ∝ K^%.3f for K = 0.01…0.08%s (order %d: need %d ± %.2f); "
                    + "constant ∝ K^%.3f (a torus of %d blocks a side holds it to order %d: need ≥ %.2f)",
                fit.couplingSlope(), ray, order, expected, SLOPE_TOLERANCE, fit.constantSlope(), perSide, perSide - 1,
                perSide - SLOPE_TOLERANCE);
        return new Checker.Report(name, "cumulant error slope", ok ? 0 : 1, Double.NaN, Double.NaN, 4, null, detail);
      }
    }
  }

  /** 𝒦 before the step: each renormalized coupling's own class, with its symbol as coefficient. */
  private static ReducedHamiltonian original(Recursion r) {
    Map<CouplingClass, IExpr> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < r.couplings().size(); i++) m.put(r.classes().get(i), r.couplings().get(i));
    return new ReducedHamiltonian(r.classes().get(0).kind(), m);
  }

  /**
   * A random ray for the slope check: the nearest-neighbour coupling is K itself, further
   * couplings c·K² and a field a fixed h, with c and h drawn in ±[0.5, 1.5] (the cumulant
   * step's power counting, {@link energy.rg.CumulantExpansion#power}).
   */
  private static double[] direction(Recursion r, Random random) {
    double[] d = new double[r.couplings().size()];
    for (int a = 0; a < d.length; a++)
      d[a] = energy.rg.CumulantExpansion.power(r.classes().get(a)) == 1 ? 1 : (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
    return d;
  }

  private static String ray(Recursion r, double[] direction) {
    List<String> parts = new ArrayList<>();
    for (int a = 0; a < direction.length; a++) {
      int p = energy.rg.CumulantExpansion.power(r.classes().get(a));
      if (p == 1) continue;
      parts.add(String.format(Locale.ROOT, "%s = %.3f%s", r.couplings().get(a), direction[a], p == 0 ? "" : "·K^" + p));
    }
    return String.join(", ", parts);
  }

  private static double[] draw(Recursion r, Random random) {
    double[] v = new double[r.couplings().size()];
    for (int i = 0; i < v.length; i++) v[i] = -1 + 2.5 * random.nextDouble();
    return v;
  }

  private static Checker.Report report(String name, String measure, double error, double tolerance) {
    return report(name, measure, "max error per block monomial", error, tolerance);
  }

  private static Checker.Report report(String name, String measure, String what, double error, double tolerance) {
    String detail = String.format(Locale.ROOT, "%s %.1e (tolerance %.0e)", what, error, tolerance);
    return new Checker.Report(name, measure, error <= tolerance ? 0 : 1, Double.NaN, Double.NaN, 1, null, detail);
  }
}
