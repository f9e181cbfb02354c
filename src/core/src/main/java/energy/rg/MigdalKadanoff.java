package energy.rg;

import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Migdal–Kadanoff bond moving on the hypercubic lattice in d dimensions (d = 2: the square
 * lattice) with scale b, h = 0. Step 1 (the approximation): in each cell of side b, the bonds
 * perpendicular to a direction are moved onto the lines through the kept sites, so each kept
 * line carries b^{d−1} parallel bonds: K → b^{d−1}K. Step 2 (exact): decimate the resulting
 * chain of b bonds, tanh K' = tanh^b(b^{d−1}K). For d = 2, b = 2: K' = ½ ln cosh 4K.
 *
 * <p>The constant per new site: each new site owns d new bonds, each the decimation of a chain
 * of b moved bonds, so g = d·[(b−1) ln 2 + b ln cosh(b^{d−1}K) + ½ ln(1 − tanh^{2b}(b^{d−1}K))].
 * This is the constant of the approximate step, not of the exact renormalized Hamiltonian.
 *
 * <p>The other order (decimate then move) gives tanh K' = tanh^b K and K' = b^{d−1}·that, a
 * different approximation (exact on the diamond hierarchical lattice); it is not this class.
 */
public final class MigdalKadanoff {
  private MigdalKadanoff() {}

  public static Recursion step(ISymbol k, int dimension, int b) {
    if (b < 2 || dimension < 1) throw new IllegalArgumentException("needs b ≥ 2, d ≥ 1");
    IExpr moved = F.Times(F.ZZ((long) Math.pow(b, dimension - 1)), k);
    IExpr image =
        b == 2
            ? F.Times(F.C1D2, F.Log(F.Cosh(F.Times(F.C2, moved))))
            : F.ArcTanh(F.Power(F.Tanh(moved), F.ZZ(b)));
    IExpr chain =
        F.Plus(
            F.Times(F.ZZ(b - 1), F.Log(F.C2)),
            F.Times(F.ZZ(b), F.Log(F.Cosh(moved))),
            F.Times(F.C1D2, F.Log(F.Subtract(F.C1, F.Power(F.Tanh(moved), F.ZZ(2L * b))))));
    Lattice.Kind kind = dimension == 1 ? Lattice.Kind.CHAIN : Lattice.Kind.SQUARE;
    if (dimension > 2) kind = Lattice.Kind.SQUARE; // classes are only reported for d ≤ 2
    return new Recursion(
        "Migdal–Kadanoff bond moving, d = " + dimension + ", b = " + b,
        List.of(k),
        List.of(CouplingClass.pair(kind, 1)),
        List.of(image),
        F.Times(F.ZZ(dimension), chain),
        b,
        Map.of(),
        Map.of());
  }

  /** The square-lattice step for 𝒦 = K Σ⟨ij⟩ s_i s_j. */
  public static Recursion step(ReducedHamiltonian k0, int b) {
    if (k0.kind() != Lattice.Kind.SQUARE || k0.coefficients().size() != 1)
      throw new IllegalArgumentException("Migdal–Kadanoff needs K Σ⟨ij⟩ s s on the square lattice");
    return step(k0.couplingSymbols().get(0), 2, b);
  }
}
