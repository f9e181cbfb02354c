package energy;

import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Results that hold ∞ or an indeterminate form (an energy infinite at some state, such as
 * J/(1 + s) at s = −1): never printed as results, but an error at their statement. Exact zero
 * denominators written in the energy are refused earlier, at their position, by the lowering.
 */
final class NonFinite {
  static final String MESSAGE = "the energy is not finite here";
  static final String HINT = "an energy must be finite at every state of its units: look for a denominator or an ln(...) that vanishes at some state, e.g. 1/(1+s) at s = -1";

  private NonFinite() {}

  /** Whether e contains ComplexInfinity, a DirectedInfinity (±∞) or Indeterminate. */
  static boolean in(IExpr e) {
    if (e == null) return false;
    if (e.isIndeterminate() || e.isDirectedInfinity() || e.isComplexInfinity()) return true;
    if (e.isAST()) for (int i = 0; i <= e.argSize(); i++) if (in(e.getAt(i))) return true;
    return false;
  }

  /** The finite results; each other one is an error at its statement. */
  static List<Result> refuse(List<Result> results, Diagnostics diagnostics) {
    List<Result> out = new ArrayList<>();
    for (Result r : results) {
      if (finite(r)) out.add(r);
      else diagnostics.error(r.query().span(), MESSAGE + ": the result contains ∞ or an indeterminate form", HINT);
    }
    return out;
  }

  private static boolean finite(Result r) {
    List<IExpr> parts = new ArrayList<>(r.terms());
    parts.add(r.value());
    parts.add(r.partition());
    if (r.couplings() != null) for (CouplingExtractor.Coefficient c : r.couplings()) parts.add(c.value());
    if (r.cumulants() != null) for (CumulantExpansion.Cumulant k : r.cumulants()) parts.add(k.value());
    return parts.stream().noneMatch(NonFinite::in);
  }
}
