package energy.result;

import energy.algebra.Condition;
import energy.model.Query;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * {@code J12 = coefficient v[1]*v[2] in G}: the coefficient c of the monomial in G written in its
 * units — as a multilinear polynomial in spin and binary units (s² = 1, b² = b, every function of
 * them projected, as {@code couplings} does, without its sign convention), as a polynomial in real
 * units — so G = c·v₁v₂ + (other monomials). A function of the parameters only; 0 when absent.
 *
 * @param parent the target's value it was read from (for the check)
 */
public record Coefficient(Query.Coefficient query, IExpr value, IExpr parent, List<Condition> conditions, Provenance from) implements Result {
  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.coefficient(this);
  }

  public String name() {
    return query.result().text();
  }
}
