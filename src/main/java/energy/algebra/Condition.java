package energy.algebra;

import org.matheclipse.core.interfaces.IExpr;

/**
 * A side condition under which a result holds, e.g. {@code 1 - B[1,1]^2 > 0} for a
 * Gaussian integral to converge; {@code relation} is a Symja {@code Greater} expression.
 */
public record Condition(IExpr relation, String reason) {}
