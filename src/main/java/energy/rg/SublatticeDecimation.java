package energy.rg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Decimation of one checkerboard sublattice of the square lattice, 𝒦 = K Σ⟨ij⟩ s_i s_j, h = 0,
 * b = √2 ({@link Blocking#checkerboard}). Each removed spin sits in one plaquette of the kept
 * (45°-rotated) lattice and couples to its four corners: 2 cosh(K Σ s) = exp(A + B Σ_{pairs}
 * s_i s_j + C s₁s₂s₃s₄), and matching Σ s = ±4, ±2, 0 gives B = ⅛ ln cosh 4K, C = B − ½ ln
 * cosh 2K, A = ln 2 + B + ½ ln cosh 2K. A kept nearest-neighbour edge borders two such
 * plaquettes, a diagonal one:
 *
 * <pre>
 *   K' = ¼ ln cosh 4K,   generated K2' = ⅛ ln cosh 4K,   L111122' = ⅛ ln cosh 4K − ½ ln cosh 2K,
 *   g = ln 2 + ⅛ ln cosh 4K + ½ ln cosh 2K  per kept site.
 * </pre>
 *
 * Exact; the step does not close on K alone (that is the point of reporting K2 and L111122).
 */
public final class SublatticeDecimation {
  private SublatticeDecimation() {}

  public static Recursion step(ISymbol k) {
    IExpr c4 = F.Log(F.Cosh(F.Times(F.C4, k)));
    IExpr c2 = F.Log(F.Cosh(F.Times(F.C2, k)));
    Map<CouplingClass, IExpr> generated = new LinkedHashMap<>();
    generated.put(CouplingClass.pair(Lattice.Kind.SQUARE, 2), F.Times(F.QQ(1, 8), c4));
    generated.put(CouplingClass.plaquette(), F.Subtract(F.Times(F.QQ(1, 8), c4), F.Times(F.C1D2, c2)));
    return new Recursion(
        "checkerboard decimation of the square lattice",
        List.of(k),
        List.of(CouplingClass.pair(Lattice.Kind.SQUARE, 1)),
        List.of(F.Times(F.C1D4, c4)),
        F.Plus(F.Log(F.C2), F.Times(F.QQ(1, 8), c4), F.Times(F.C1D2, c2)),
        Math.sqrt(2),
        generated,
        Map.of());
  }

  public static Recursion step(ReducedHamiltonian k0) {
    if (k0.kind() != Lattice.Kind.SQUARE || k0.coefficients().size() != 1
        || k0.coefficient(CouplingClass.pair(Lattice.Kind.SQUARE, 1)) == null)
      throw new IllegalArgumentException("checkerboard decimation needs K Σ⟨ij⟩ s s on the square lattice");
    return step(k0.couplingSymbols().get(0));
  }
}
