package energy.algebra.cumulant;

import energy.algebra.Symja;
import energy.model.Query;
import energy.result.MomentIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/** The statements {@code K4 = cumulant 4}, {@code M = moment x, y}: an identity between moments and cumulants. */
public final class MomentIdentityTransform {
  private MomentIdentityTransform() {}

  public static MomentIdentity transform(Query.MomentIdentity q) {
    IExpr rhs = MomentIdentities.rhs(q);
    // Highest moment first, as in κ₄ = μ₄ − 4μ₃μ₁ − …: Symja's order reversed.
    List<IExpr> terms = new ArrayList<>(Symja.terms(rhs));
    Collections.reverse(terms);
    return new MomentIdentity(q, MomentIdentities.lhs(q), terms, rhs);
  }
}
