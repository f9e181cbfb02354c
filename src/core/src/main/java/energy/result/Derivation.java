package energy.result;

import energy.algebra.matrix.MatrixExpr;
import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * How a result was obtained, step by step, as the algebra computed it: the objects each route
 * already holds (a Gaussian's M, J, det M, the coupled groups of a sum, the couplings of an
 * expansion), kept by reference. Showing them ({@code --steps}) is the presenter's work; keeping
 * them costs nothing.
 */
public record Derivation(List<Step> steps) {
  public static final Derivation NONE = new Derivation(List.of());

  public Derivation {
    steps = List.copyOf(steps);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** One step; {@code result} is the energy after it (the marginal itself after the last). */
  public sealed interface Step {
    IExpr result();
  }

  /**
   * Real units u integrated out: H = ½ uᵀMu − Jᵀu + H̃, ∫dⁿu e^{−βH} = e^{−βH̃} (2π/β)^{n/2} (det M)^{−1/2} e^{βJᵀM⁻¹J/2}.
   *
   * @param m the matrix M (the Hessian in u), row by row
   * @param j the vector J (minus the gradient at u = 0)
   * @param rest H̃, the energy at u = 0
   * @param minors M's leading principal minors (the last is det M)
   * @param form Jᵀ adj(M) J, so that JᵀM⁻¹J = form / det M
   */
  public record Gaussian(List<ISymbol> units, List<List<IExpr>> m, List<IExpr> j, IExpr rest, List<IExpr> minors, IExpr det, IExpr form,
      IExpr result) implements Step {}

  /**
   * Discrete units summed out, in groups that share no term: Σ e^{−βH} = e^{−βH̃} Π_groups Σ_group e^{−βE_group}.
   *
   * @param rest H̃, the terms free of the units
   */
  public record DiscreteSum(List<Group> groups, IExpr rest, IExpr result) implements Step {}

  /**
   * One group of mutually coupled units: their energy (the terms containing them) and Σ over their states of e^{−βE}.
   *
   * @param sum the closed form of the sum (2 cosh …, 1 + e^{…}, or the states collected)
   */
  public record Group(List<ISymbol> units, List<UnitKind> kinds, IExpr energy, IExpr sum) {}

  /**
   * A marginal expanded through the cumulants of the hidden units' priors: F = E_v − β⁻¹ Σⱼ [ln Zⱼ + Kⱼ(tⱼ)],
   * Kⱼ(t) = Σₙ κₙ⁽ʲ⁾ tⁿ/n!, truncated at {@code order}.
   *
   * @param visible E_v, the terms free of the hidden units
   * @param hidden one entry per hidden unit coupled to the visible ones
   * @param result the expansion (as the result shows it)
   */
  public record CumulantSeries(int order, IExpr visible, List<Hidden> hidden, IExpr result) implements Step {}

  /**
   * One hidden unit hⱼ of an expansion: the field on it, E ⊃ −sⱼ(v) hⱼ (so tⱼ = βsⱼ), the log of its prior's
   * normalization, and the cumulants κₙ⁽ʲ⁾ that do not vanish, by order n.
   *
   * @param field sⱼ, unevaluated
   */
  public record Hidden(ISymbol unit, IExpr field, IExpr logZ, List<Integer> orders, List<ISymbol> kappas) {}

  /**
   * A real vector u of any size (symbolic or concrete) integrated out in matrix notation:
   * H = ½ uᵀMu − Jᵀu + H̃, H′ = H̃ − ½ JᵀM⁻¹J + (k/2β) ln(β/2π) + (1/2β) ln det M.
   *
   * @param m M, a square matrix expression (symmetric)
   * @param j J, a column (a zero column when H has no linear term)
   * @param rest H̃, the energy at u = 0 (a scalar in matrix notation)
   * @param det det M as a scalar (1 for 𝟙, an atom det(…) otherwise)
   * @param inverse M⁻¹ simplified (𝟙 for 𝟙, (𝟙 − BBᵀ)⁻¹ kept whole)
   * @param form JᵀM⁻¹J expanded into forms (0 without a linear term)
   * @param condition whether M ≻ 0 is a condition of the result (not known to hold, as it is for c𝟙 with c &gt; 0)
   */
  public record MatrixGaussian(MatrixExpr.Named unit, MatrixExpr m, MatrixExpr j, IExpr rest, IExpr det, MatrixExpr inverse, IExpr form,
      boolean condition, IExpr result) implements Step {}

  /**
   * A vector u of independent spins or binary units summed out in matrix notation: H = ½ uᵀMu − ψᵀu + H̃,
   * Σ_u e^{−βH} = e^{−βH̃} Πⱼ Σ_{uⱼ} e^{βψⱼuⱼ} (M only for spins, and only c𝟙, whose form is the constant ½ tr M).
   *
   * @param m M, or null when H has no quadratic term in u
   * @param field ψ, a column
   * @param rest H̃, the terms free of u
   */
  public record MatrixSum(MatrixExpr.Named unit, boolean spin, MatrixExpr m, MatrixExpr field, IExpr rest, IExpr result) implements Step {}

  /** Collects the steps a route takes; a route given none records nothing. */
  public static final class Recorder {
    private final List<Step> steps = new ArrayList<>();

    public void add(Step s) {
      steps.add(s);
    }

    public Derivation derivation() {
      return new Derivation(steps);
    }
  }
}
