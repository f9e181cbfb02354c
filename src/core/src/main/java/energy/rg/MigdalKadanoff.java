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
 * Migdal–Kadanoff bond moving on the hypercubic lattice in d dimensions (d = 2: the square
 * lattice) with scale b. Step 1 (the approximation): in each cell of side b, the bonds
 * perpendicular to a direction are moved onto the lines through the kept sites, so each kept
 * line carries b^{d−1} parallel bonds: K → b^{d−1}K. Step 2 (exact): decimate the resulting
 * chain of b bonds ({@link ChainDecimation}), tanh K' = tanh^b(b^{d−1}K). For d = 2, b = 2:
 * K' = ½ ln cosh 4K.
 *
 * <p>A field moves with the bonds (Kadanoff's potential moving): the site term h s_i is written
 * as h/(2d) on each of the 2d bonds of site i, 𝒦 = Σ⟨ij⟩ [K s_i s_j + (h/2d)(s_i + s_j)], and a
 * bond is moved with its share. A kept line then carries b^{d−1}K on its bonds and the field
 * h_c = b^{d−1}h/d on each of its sites, the field of a kept site being the sum over the d kept
 * lines through it: K' = K'_chain, h' = d·h'_chain, per new site, with (K'_chain, h'_chain) the
 * decimation of the chain (b^{d−1}K, b^{d−1}h/d). The field per cell is conserved (b^d h) and
 * h = 0 is the step without a field.
 *
 * <p>The constant per new site: its d chains (the new bonds and the field of the new site),
 * each the decimation of b moved bonds, and the b^d − 1 − d(b−1) spins of its cell off the
 * kept lines, which lost all their bonds and their field and give ln 2 each. At h = 0: g =
 * d·[(b−1) ln 2 + b ln cosh(b^{d−1}K) + ½ ln(1 − tanh^{2b}(b^{d−1}K))] + (b^d − 1 − d(b−1)) ln 2.
 * This is the constant of the approximate step, not of the exact renormalized Hamiltonian.
 *
 * <p>The other order (decimate then move) gives tanh K' = tanh^b K and K' = b^{d−1}·that, a
 * different approximation (exact on the diamond hierarchical lattice); it is not this class.
 */
public final class MigdalKadanoff {
  private MigdalKadanoff() {}

  /** The step for K Σ⟨ij⟩ s_i s_j on the d-dimensional hypercubic lattice. */
  public static Recursion step(ISymbol k, int dimension, int b) {
    return step(k, null, dimension, b);
  }

  /** The step for K Σ⟨ij⟩ s_i s_j (+ h Σ s_i when {@code h} is not null). */
  public static Recursion step(ISymbol k, ISymbol h, int dimension, int b) {
    if (b < 2 || b > ChainDecimation.MAX_SCALE || dimension < 1)
      throw new IllegalArgumentException("needs 2 ≤ b ≤ " + ChainDecimation.MAX_SCALE + ", d ≥ 1");
    IExpr lines = F.ZZ((long) Math.pow(b, dimension - 1));
    ISymbol kc = new Symbol("Kc", Context.DUMMY), hc = h == null ? null : new Symbol("hc", Context.DUMMY);
    Map<IExpr, IExpr> moved = new LinkedHashMap<>();
    moved.put(kc, F.Times(lines, k));
    if (h != null) moved.put(hc, F.Times(F.QQ((long) Math.pow(b, dimension - 1), dimension), h));
    Recursion chain = ChainDecimation.step(kc, hc, b);
    IExpr d = F.ZZ(dimension);
    IExpr bulk = F.Times(F.ZZ((long) Math.pow(b, dimension) - 1 - (long) dimension * (b - 1)), F.Log(F.C2));

    // The eigenvalue forms of large b are written to evaluate without overflow: not rewritten.
    boolean tidy = chain.definitions().isEmpty();
    List<IExpr> images = new ArrayList<>();
    images.add(moved(chain.images().get(0), moved, tidy));
    if (h != null) images.add(tidied(F.Times(d, moved(chain.images().get(1), moved, tidy)), tidy));
    IExpr g = tidied(F.Plus(F.Times(d, moved(chain.constantPerSite(), moved, tidy)), bulk), tidy);
    Map<ISymbol, IExpr> definitions = new LinkedHashMap<>();
    chain.definitions().forEach((name, value) -> definitions.put(name, moved(value, moved, true)));
    Recursion.Display display = null;
    if (chain.display() != null) {
      List<IExpr> shown = new ArrayList<>();
      shown.add(moved(chain.display().images().get(0), moved, true));
      if (h != null) shown.add(Symja.eval(F.Times(d, moved(chain.display().images().get(1), moved, true))));
      display = new Recursion.Display(shown, Symja.eval(F.Plus(F.Times(d, moved(chain.display().constantPerSite(), moved, true)), bulk)), Map.of());
    }
    // Classes are only reported for d ≤ 2; d > 2 is used by the tests of the formulas.
    Lattice.Kind kind = dimension == 1 ? Lattice.Kind.CHAIN : Lattice.Kind.SQUARE;
    List<ISymbol> couplings = h == null ? List.of(k) : List.of(k, h);
    List<CouplingClass> classes =
        h == null ? List.of(CouplingClass.pair(kind, 1)) : List.of(CouplingClass.pair(kind, 1), CouplingClass.field(kind));
    return new Recursion(
        "Migdal–Kadanoff bond moving, d = " + dimension + ", b = " + b,
        couplings, classes, images, g, b, Map.of(), definitions, display);
  }

  /** The square-lattice step for 𝒦 = K Σ⟨ij⟩ s_i s_j (+ h Σ s_i). */
  public static Recursion step(ReducedHamiltonian k0, int b) {
    IExpr k = k0.coefficient(CouplingClass.pair(Lattice.Kind.SQUARE, 1));
    IExpr h = k0.coefficient(CouplingClass.field(Lattice.Kind.SQUARE));
    if (k0.kind() != Lattice.Kind.SQUARE || k == null || !k.isSymbol() || (h != null && !h.isSymbol())
        || k0.coefficients().size() != (h == null ? 1 : 2))
      throw new IllegalArgumentException("Migdal–Kadanoff needs K Σ⟨ij⟩ s s (+ h Σ s) on the square lattice");
    return step((ISymbol) k, (ISymbol) h, 2, b);
  }

  // The chain's expression at the moved couplings, evaluated (tidy) so the numbers multiply out.
  private static IExpr moved(IExpr e, Map<IExpr, IExpr> moved, boolean tidy) {
    return tidied(e.replaceAll(x -> moved.getOrDefault(x, F.NIL)).orElse(e), tidy);
  }

  private static IExpr tidied(IExpr e, boolean tidy) {
    return tidy ? Symja.eval(e) : e;
  }
}
