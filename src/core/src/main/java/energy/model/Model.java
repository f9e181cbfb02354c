package energy.model;

import energy.diag.Source;
import java.util.List;
import java.util.Map;

/**
 * A checked .energy file: every name resolved, shapes consistent, sizes concrete or symbolic. The
 * passes after the checker (lowering, algebra, printing) read only this.
 *
 * @param variables units, parameters and the temperature, in declaration order
 * @param temperature the inverse temperature β, or null when the weight is e^{−H}
 * @param energies declared energies by name, in declaration order
 * @param queries the marginalize/partition statements, in order
 * @param lattice the lattice, its reduced energies and RG steps; null without a lattice
 */
public record Model(
    String name,
    Source source,
    Map<String, Variable> variables,
    Variable temperature,
    Map<String, EnergyDef> energies,
    List<Query> queries,
    LatticeModel lattice) {

  /** The units, in declaration order (the canonical order of terms in results). */
  public List<Variable> units() {
    return variables.values().stream().filter(Variable::isUnit).toList();
  }

  /** Whether some variable has a symbolic size: then results are computed in matrix notation. */
  public boolean isSymbolic() {
    return variables.values().stream().anyMatch(v -> v.shape().stream().anyMatch(Dim::isSymbolic));
  }
}
