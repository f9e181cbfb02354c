package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixSimplifier.simplify;

import energy.algebra.NotApplicable;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Named;
import energy.algebra.matrix.MatrixExpr.Scaled;
import energy.algebra.matrix.MatrixExpr.Zero;
import energy.result.Derivation;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Marginalization over a vector of units of any size, symbolic or concrete, in matrix
 * notation. The weight is e^{−βH}, β &gt; 0.
 */
public final class MatrixMarginalizer {
  private MatrixMarginalizer() {}

  /** H', the matrices that must be positive definite for it to hold, and the step as {@code --steps} shows it. */
  public record Result(IExpr energy, List<MatrixExpr> positiveDefinite, Derivation.Step step) {}

  /**
   * Gaussian integration over a real k-vector u. With H = ½uᵀMu − Jᵀu + H₀ (M symmetric,
   * independent of u),
   * ∫ e^{−βH} du = e^{−βH₀} (2π/β)^{k/2} det(M)^{−1/2} e^{(β/2) JᵀM⁻¹J}, so
   * H' = H₀ − ½ JᵀM⁻¹J + (k/2β) ln(β/2π) + (1/2β) ln det M, valid for M ≻ 0. The condition
   * is dropped when M is c𝟙 with a positive number c. Throws {@link NotApplicable} when H is
   * not quadratic in u or has no quadratic term.
   */
  public static Result integrate(IExpr energy, Named u, IExpr beta) {
    MatrixForms.Split s = MatrixForms.split(energy, u);
    if (s.m() == null)
      throw new NotApplicable(
          "the integral over '" + u.name() + "' diverges: the energy has no quadratic term in it",
          "a real unit needs a confining term such as 1/2*" + u.name() + "." + u.name());
    MatrixExpr m = s.m();
    IExpr k = u.rows().toSymja();
    IExpr twoBeta = F.Times(F.C2, beta);
    List<IExpr> terms = new ArrayList<>();
    terms.add(s.rest());
    IExpr form = F.C0;
    if (!(s.j() instanceof Zero)) {
      form = MatrixForms.expand(MatrixExpr.multiply(MatrixExpr.transpose(s.j()), MatrixExpr.inverse(m), s.j()));
      terms.add(F.Times(F.CN1D2, form));
    }
    terms.add(F.Times(k, F.Power(twoBeta, F.CN1), F.Log(F.Times(beta, F.Power(F.Times(F.C2, F.Pi), F.CN1)))));
    terms.add(F.Times(F.Power(twoBeta, F.CN1), MatrixScalars.logDet(m)));
    List<MatrixExpr> conditions = new ArrayList<>();
    if (!knownPositive(m)) conditions.add(m);
    IExpr energyAfter = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
    Derivation.Step step = new Derivation.MatrixGaussian(u, m, s.j(), s.rest(), MatrixScalars.det(m), simplify(MatrixExpr.inverse(m)), form,
        !conditions.isEmpty(), energyAfter);
    return new Result(energyAfter, conditions, step);
  }

  private static boolean knownPositive(MatrixExpr m) {
    if (m instanceof Identity) return true;
    return m instanceof Scaled s && s.m() instanceof Identity && s.scalar().isNumber() && s.scalar().isPositive();
  }

  /**
   * Sums out a k-vector u of independent spins (±1) or binary units (0/1). With
   * H = −ψᵀu + H₀ the sum factorizes over components:
   * H' = H₀ − β⁻¹ Σⱼ ln(2 cosh βψⱼ) for spins, H₀ − β⁻¹ Σⱼ ln(1 + e^{βψⱼ}) for binary units.
   * A spin term c·uᵀu is the constant c·k (uⱼ² = 1). Throws {@link NotApplicable} when the
   * components are coupled to each other (any other quadratic term).
   */
  public static Result sum(IExpr energy, Named u, boolean spin, IExpr beta) {
    MatrixForms.Split s = MatrixForms.split(energy, u);
    List<IExpr> terms = new ArrayList<>();
    terms.add(s.rest());
    if (s.m() != null) {
      if (!(spin && MatrixForms.isScaledIdentity(s.m())))
        throw new NotApplicable(
            "the units of '" + u.name() + "' are coupled to each other; summing them out needs concrete sizes",
            "give the size of '" + u.name() + "' a value, e.g. 'dim " + u.rows() + " = 3'");
      terms.add(F.Times(F.C1D2, MatrixScalars.trace(s.m())));
    }
    IExpr minusOneOverBeta = F.Negate(F.Power(beta, F.CN1));
    MatrixExpr psi = simplify(s.j());
    if (psi instanceof Zero) terms.add(F.Times(minusOneOverBeta, u.rows().toSymja(), F.Log(F.C2)));
    else terms.add(F.Times(minusOneOverBeta, MatrixScalars.atom(new ScalarNode.UnitSum(spin, psi, beta))));
    IExpr energyAfter = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
    return new Result(energyAfter, List.of(), new Derivation.MatrixSum(u, spin, s.m(), psi, s.rest(), energyAfter));
  }
}
