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

  /**
   * With a field h: the removed spin gives ln 2cosh(KΣ + h) of the sum Σ of its four corners,
   * symmetric in them, so its coefficient on a product of k corners depends on k only:
   * c_k = 2⁻⁴ Σ_m n_k(m) L(m), L(m) = ln 2cosh(Km + h), m = 4, 2, 0, −2, −4 with the signed
   * counts n_0 = (1, 4, 6, 4, 1), n_1 = (1, 2, 0, −2, −1), n_2 = (1, 0, −2, 0, 1),
   * n_3 = (1, −2, 0, 2, −1), n_4 = (1, −4, 6, −4, 1). A kept site is a corner of 4 removed
   * spins, a kept edge of 2, a diagonal, a corner triangle and the plaquette of one:
   *
   * <pre>
   *   h' = h + 4c₁,  K' = 2c₂,  generated K2' = c₂, L112' = c₃, L111122' = c₄,  g = c₀.
   * </pre>
   *
   * At h = 0, c₁ = c₃ = 0 and the step above is recovered.
   */
  public static Recursion step(ISymbol k, ISymbol h) {
    int[] ms = {4, 2, 0, -2, -4};
    int[][] counts = {{1, 4, 6, 4, 1}, {1, 2, 0, -2, -1}, {1, 0, -2, 0, 1}, {1, -2, 0, 2, -1}, {1, -4, 6, -4, 1}};
    // Each c_k (times the count of removed spins it collects) as a sum of logarithms with rational
    // coefficients, so that the printers can break it over lines.
    java.util.function.BiFunction<Integer, Integer, IExpr> c = (n, times) -> {
      IExpr sum = F.C0;
      for (int i = 0; i < 5; i++)
        if (counts[n][i] != 0)
          sum = F.Plus(sum, F.Times(F.QQ(times * counts[n][i], 16), F.Log(F.Times(F.C2, F.Cosh(F.Plus(F.Times(F.ZZ(ms[i]), k), h))))));
      return energy.algebra.Symja.eval(sum);
    };
    Map<CouplingClass, IExpr> generated = new LinkedHashMap<>();
    generated.put(CouplingClass.pair(Lattice.Kind.SQUARE, 2), c.apply(2, 1));
    generated.put(CouplingClass.of(Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}, {0, 1}}), c.apply(3, 1));
    generated.put(CouplingClass.plaquette(), c.apply(4, 1));
    return new Recursion(
        "checkerboard decimation of the square lattice in a field",
        List.of(k, h),
        List.of(CouplingClass.pair(Lattice.Kind.SQUARE, 1), CouplingClass.field(Lattice.Kind.SQUARE)),
        List.of(c.apply(2, 2), energy.algebra.Symja.eval(F.Plus(h, c.apply(1, 4)))),
        c.apply(0, 1),
        Math.sqrt(2),
        generated,
        Map.of());
  }

  public static Recursion step(ReducedHamiltonian k0) {
    CouplingClass nearest = CouplingClass.pair(Lattice.Kind.SQUARE, 1), field = CouplingClass.field(Lattice.Kind.SQUARE);
    boolean inField = k0.coefficient(field) != null;
    if (k0.kind() != Lattice.Kind.SQUARE || k0.coefficients().size() != (inField ? 2 : 1) || k0.coefficient(nearest) == null)
      throw new IllegalArgumentException("checkerboard decimation needs K Σ⟨ij⟩ s s (+ h Σ s) on the square lattice");
    ISymbol k = (ISymbol) k0.coefficient(nearest);
    return inField ? step(k, (ISymbol) k0.coefficient(field)) : step(k);
  }
}
