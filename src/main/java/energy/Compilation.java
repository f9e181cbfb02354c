package energy;

import energy.algebra.SymbolTable;
import energy.model.Model;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Everything a compiled .energy file produced: the model, its symbols and results. A model
 * with symbolic sizes has its results in {@code matrixResults} (and its energies in matrix
 * notation); {@code results} is then empty.
 */
public record Compilation(
    Model model,
    SymbolTable symbols,
    IExpr beta,
    Map<String, IExpr> energies,
    List<Result> results,
    List<MatrixResult> matrixResults) {

  public Compilation(Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, List<Result> results) {
    this(model, symbols, beta, energies, results, List.of());
  }

  public boolean isSymbolic() {
    return model.isSymbolic();
  }

  public MatrixResult matrixResult(String name) {
    for (MatrixResult r : matrixResults) if (r.name().equals(name)) return r;
    return null;
  }

  public Result result(String name) {
    for (Result r : results) if (r.name().equals(name)) return r;
    return null;
  }
}
