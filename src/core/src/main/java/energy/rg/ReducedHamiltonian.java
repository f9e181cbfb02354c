package energy.rg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A translation-invariant reduced Hamiltonian 𝒦 = Σ_classes c_class Σ_instances Π s, with
 * Boltzmann weight e^{𝒦} (𝒦 = −βH: a positive pair coupling is ferromagnetic). The
 * coefficients are Symja expressions, in the RG steps bare coupling symbols K, h.
 */
public record ReducedHamiltonian(Lattice.Kind kind, Map<CouplingClass, IExpr> coefficients) {
  public ReducedHamiltonian {
    for (CouplingClass c : coefficients.keySet())
      if (c.kind() != kind) throw new IllegalArgumentException(c + " is not a " + kind + " class");
    coefficients = new LinkedHashMap<>(coefficients);
  }

  /** K Σ⟨ij⟩ s_i s_j. */
  public static ReducedHamiltonian nearestNeighbour(Lattice.Kind kind, ISymbol k) {
    return new ReducedHamiltonian(kind, Map.of(CouplingClass.pair(kind, 1), k));
  }

  /** K Σ⟨ij⟩ s_i s_j + h Σ s_i. */
  public static ReducedHamiltonian nearestNeighbourInField(Lattice.Kind kind, ISymbol k, ISymbol h) {
    Map<CouplingClass, IExpr> m = new LinkedHashMap<>();
    m.put(CouplingClass.pair(kind, 1), k);
    m.put(CouplingClass.field(kind), h);
    return new ReducedHamiltonian(kind, m);
  }

  public IExpr coefficient(CouplingClass c) {
    return coefficients.get(c);
  }

  /** The coefficient symbols, in class order; throws when a coefficient is not a bare symbol. */
  public List<ISymbol> couplingSymbols() {
    List<ISymbol> out = new ArrayList<>();
    for (Map.Entry<CouplingClass, IExpr> e : coefficients.entrySet()) {
      if (!e.getValue().isSymbol())
        throw new IllegalArgumentException("RG steps need bare coupling symbols, not " + e.getValue());
      out.add((ISymbol) e.getValue());
    }
    return out;
  }

  /** True when every class has an even number of sites (𝒦 invariant under s → −s). */
  public boolean isEven() {
    return coefficients.keySet().stream().allMatch(c -> c.sites() % 2 == 0);
  }

  /**
   * The terms on a torus with numeric coefficients: each instance as (coefficient, sites).
   * Used by the enumerators of the verification.
   */
  public List<Term> terms(Lattice lattice, Map<ISymbol, Double> values) {
    List<Term> out = new ArrayList<>();
    for (Map.Entry<CouplingClass, IExpr> e : coefficients.entrySet()) {
      double c = energy.numeric.NumericFunction.compile(e.getValue(), new ArrayList<>(values.keySet()))
          .apply(values.values().stream().mapToDouble(Double::doubleValue).toArray());
      for (int[] sites : e.getKey().instances(lattice)) out.add(new Term(c, sites));
    }
    return out;
  }

  /** One numeric term c Π_{i∈sites} s_i. */
  public record Term(double coefficient, int[] sites) {}
}
