package energy;

import energy.algebra.SymbolTable;
import energy.model.Model;
import energy.result.Result;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Everything a compiled .energy text produced: the model, its symbols, its energies as lowered
 * (in matrix notation when the model has symbolic sizes) and its results, one list in statement
 * order, one record per kind ({@link Result}).
 */
public record Compilation(Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, List<Result> results) {
  public Compilation {
    results = List.copyOf(results);
  }

  /** Whether there is anything to print. */
  public boolean isEmpty() {
    return results.isEmpty();
  }

  public boolean isSymbolic() {
    return model.isSymbolic();
  }

  /**
   * The first result named {@code name}, or null. ({@code couplings F} is named after the
   * energy F, which may be a marginal's result: then the marginal comes first.)
   */
  public Result result(String name) {
    for (Result r : results) if (r.name().equals(name)) return r;
    return null;
  }

  /** The results of one kind, in statement order: for code about that kind only (the flows' plots). */
  public <T extends Result> List<T> results(Class<T> kind) {
    return results.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
