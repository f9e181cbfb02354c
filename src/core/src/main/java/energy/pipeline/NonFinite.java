package energy.pipeline;

import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.result.Coefficient;
import energy.result.Couplings;
import energy.result.Derivative;
import energy.result.Evaluation;
import energy.result.Substitution;
import energy.result.Verification;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Results that hold ∞ or an indeterminate form (an energy infinite at some state, such as
 * J/(1 + s) at s = −1), or an imaginary part (an energy complex at some state, such as ln(s) at
 * s = −1): never printed as results, but an error at their statement. Exact zero
 * denominators written in the energy are refused earlier, at their position, by the lowering.
 */
final class NonFinite {
  static final String MESSAGE = "the energy is not finite here";
  static final String HINT = "an energy must be finite at every state of its units: look for a denominator or an ln(...) that vanishes at some state, e.g. 1/(1+s) at s = -1";

  static final String NOT_REAL = "the energy is not real here";
  static final String NOT_REAL_HINT =
      "an energy must be real at every state of its units: a spin is -1 or 1, so s^J, sqrt(s) and ln(s) are complex at s = -1;"
          + " raise units to whole-number powers, or shift the argument, e.g. ln(s + 2)";

  private NonFinite() {}

  /**
   * Whether e has an imaginary part for real values of its parameters: it holds a complex
   * number (i), or a negative number raised to a power that is not a whole number, such as
   * (−1)^J from s^J at s = −1.
   */
  static boolean complex(IExpr e) {
    if (e == null) return false;
    if (e.isNumber()) return !e.isReal();
    if (e.isPower() && e.base().isNumber() && e.base().isNegative() && !e.exponent().isInteger()) return true;
    if (e.isAST()) for (int i = 0; i <= e.argSize(); i++) if (complex(e.getAt(i))) return true;
    return false;
  }

  /** Whether the printed parts of a result are real (as {@link #finite}, matrix notation and RG steps are not tested). */
  static boolean real(Result r) {
    return r.accept(PARTS).stream().noneMatch(NonFinite::complex);
  }

  /** Whether e contains ComplexInfinity, a DirectedInfinity (±∞) or Indeterminate. */
  static boolean in(IExpr e) {
    if (e == null) return false;
    if (e.isIndeterminate() || e.isDirectedInfinity() || e.isComplexInfinity()) return true;
    if (e.isAST()) for (int i = 0; i <= e.argSize(); i++) if (in(e.getAt(i))) return true;
    return false;
  }

  /** Whether the printed parts of a result are finite (in matrix notation and RG steps they are not tested). */
  static boolean finite(Result r) {
    return r.accept(PARTS).stream().noneMatch(NonFinite::in);
  }

  private static final Result.Visitor<List<IExpr>> PARTS =
      new Result.Visitor<>() {
        public List<IExpr> marginal(Marginal r) {
          return with(r.terms(), r.value());
        }

        public List<IExpr> partitionFunction(PartitionFunction r) {
          return with(r.freeEnergyTerms(), r.freeEnergy(), r.z());
        }

        public List<IExpr> couplings(Couplings r) {
          return with(coefficients(r.couplings()), r.energy());
        }

        public List<IExpr> expansion(Expansion r) {
          return with(cumulants(r.cumulants()), with(r.terms(), r.value()).toArray(new IExpr[0]));
        }

        public List<IExpr> expandedCouplings(ExpandedCouplings r) {
          return with(cumulants(r.cumulants()), with(coefficients(r.couplings()), r.value()).toArray(new IExpr[0]));
        }

        public List<IExpr> priorCumulants(PriorCumulants r) {
          return with(cumulants(r.cumulants()), r.cgfs().toArray(new IExpr[0]));
        }

        public List<IExpr> momentIdentity(MomentIdentity r) {
          return with(r.terms(), r.value());
        }

        public List<IExpr> kernel(Kernel r) {
          return with(r.terms(), r.value());
        }

        public List<IExpr> matrixMarginal(MatrixMarginal r) {
          return List.of();
        }

        public List<IExpr> rgStep(RgStep r) {
          return List.of();
        }

        public List<IExpr> coefficient(Coefficient r) {
          return List.of(r.value());
        }

        public List<IExpr> substitution(Substitution r) {
          return with(r.terms(), r.value());
        }

        public List<IExpr> derivative(Derivative r) {
          return with(r.terms(), r.value());
        }

        public List<IExpr> evaluation(Evaluation r) {
          return List.of();
        }

        public List<IExpr> verification(Verification r) {
          return List.of();
        }
      };

  private static List<IExpr> with(List<IExpr> list, IExpr... more) {
    List<IExpr> out = new ArrayList<>(list);
    out.addAll(List.of(more));
    return out;
  }

  private static List<IExpr> coefficients(List<CouplingExtractor.Coefficient> cs) {
    return cs.stream().map(CouplingExtractor.Coefficient::value).toList();
  }

  private static List<IExpr> cumulants(List<CumulantExpansion.Cumulant> ks) {
    return ks == null ? List.of() : ks.stream().map(CumulantExpansion.Cumulant::value).toList();
  }
}
