package energy;

import energy.algebra.SymbolTable;
import energy.model.Model;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/** Everything a compiled .energy file produced: the model, its symbols and results. */
public record Compilation(
    Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, List<Result> results) {

  public Result result(String name) {
    for (Result r : results) if (r.name().equals(name)) return r;
    return null;
  }
}
