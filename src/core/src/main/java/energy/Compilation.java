package energy;

import energy.algebra.SymbolTable;
import energy.model.Model;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Everything a compiled .energy file produced: the model, its symbols and results. A model
 * with symbolic sizes has its results in {@code matrixResults} (and its energies in matrix
 * notation); {@code results} is then empty. A lattice model's RG steps are in {@code
 * latticeResults}.
 */
public record Compilation(
    Model model,
    SymbolTable symbols,
    IExpr beta,
    Map<String, IExpr> energies,
    List<Result> results,
    List<MatrixResult> matrixResults,
    List<LatticeResult> latticeResults) {

  public Compilation(Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, List<Result> results) {
    this(model, symbols, beta, energies, results, List.of(), List.of());
  }

  public Compilation(
      Model model, SymbolTable symbols, IExpr beta, Map<String, IExpr> energies, List<Result> results, List<MatrixResult> matrixResults) {
    this(model, symbols, beta, energies, results, matrixResults, List.of());
  }

  /** Whether there is anything to print. */
  public boolean isEmpty() {
    return results.isEmpty() && matrixResults.isEmpty() && latticeResults.isEmpty();
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
