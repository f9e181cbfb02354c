package energy.verify;

import energy.Compilation;
import energy.result.Kernel;
import energy.algebra.SymbolTable;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The trace condition of a kernel T(S|v), by brute force: at random parameters in [−1, 1] and
 * for every state of the visible units, Σ_S e^{T(S|v)} over every state of S must be 1; the
 * symbolic trace must agree with that sum.
 */
final class KernelChecker {
  private KernelChecker() {}

  static Checker.Report check(Compilation c, Kernel r, int samples, Random random) {
    Query.Kernel k = r.query();
    SymbolTable symbols = c.symbols();
    List<ISymbol> params = new ArrayList<>();
    for (Variable v : c.model().variables().values()) if (!v.isUnit()) params.addAll(symbols.symbols(List.of(v)));
    List<ISymbol> hidden = symbols.symbols(k.hidden()), visible = symbols.symbols(k.visible());
    List<ISymbol> all = new ArrayList<>(params);
    all.addAll(hidden);
    all.addAll(visible);
    ISymbol beta = c.model().temperature() == null ? null : symbols.symbol(c.model().temperature());
    NumericFunction t = NumericFunction.compile(r.value(), all);
    NumericFunction trace = NumericFunction.compile(r.trace(), all);
    double worst = 0, disagreement = 0;
    int nh = hidden.size(), nv = visible.size();
    for (int s = 0; s < samples; s++) {
      double[] x = Draws.parameters(params, beta, List.of(), all.size(), random);
      for (int v = 0; v < 1 << nv; v++) {
        for (int i = 0; i < nv; i++) x[params.size() + nh + i] = value(symbols, visible.get(i), (v >> i & 1) == 1);
        double sum = 0;
        for (int h = 0; h < 1 << nh; h++) {
          for (int i = 0; i < nh; i++) x[params.size() + i] = value(symbols, hidden.get(i), (h >> i & 1) == 1);
          sum += Math.exp(t.apply(x));
        }
        worst = Math.max(worst, Math.abs(sum - 1));
        disagreement = Math.max(disagreement, Math.abs(trace.apply(x) - sum));
      }
    }
    boolean ok = worst <= Checker.TOLERANCE && disagreement <= Checker.TOLERANCE;
    String detail =
        String.format(Locale.ROOT, "max |Σ_S e^T − 1| = %.1e over all %d visible states; symbolic trace vs sum %.1e", worst, 1 << nv, disagreement);
    return new Checker.Report("kernel " + r.name(), "trace condition", ok ? 0 : 1, Double.NaN, Double.NaN, samples, null, detail);
  }

  private static double value(SymbolTable symbols, ISymbol unit, boolean high) {
    return symbols.component(unit).variable().kind() == UnitKind.SPIN ? (high ? 1 : -1) : (high ? 1 : 0);
  }
}
