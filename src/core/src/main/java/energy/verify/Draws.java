package energy.verify;

import energy.numeric.NumericFunction;
import java.util.List;
import java.util.Random;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Random parameter values for the checks: β uniform in [0.5, 2], every other parameter in
 * [−1, 1], redrawn until every stated condition holds (units, which follow the parameters in a
 * point, are 0 while the conditions are evaluated).
 */
final class Draws {
  private Draws() {}

  /**
   * @param params the parameter symbols, the first entries of a point
   * @param size the length of the point (parameters, then units)
   */
  static double[] parameters(List<ISymbol> params, ISymbol beta, List<NumericFunction> conditions, int size, Random random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      double[] x = new double[size];
      for (int i = 0; i < params.size(); i++)
        x[i] = params.get(i) == beta ? 0.5 + 1.5 * random.nextDouble() : 2 * random.nextDouble() - 1;
      boolean ok = true;
      for (NumericFunction cond : conditions) ok &= cond.apply(x) > 0;
      if (ok) return x;
    }
    throw new IllegalStateException("no parameter values satisfy the conditions after 1000 draws");
  }
}
