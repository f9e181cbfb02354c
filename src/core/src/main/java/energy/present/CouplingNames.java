package energy.present;

import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Names of couplings as a physicist writes them: E₀, hᵢ, Jᵢⱼ, Kᵢⱼₖ, Lᵢⱼₖₗ, then J⁽ⁿ⁾. Indices
 * are component numbers when all units are one vector (J₁₂), else the units' own names
 * (J_{s₁s₂}).
 */
public final class CouplingNames {
  private final List<String> labels = new ArrayList<>();
  private final boolean numbered;
  private final boolean wide;

  public CouplingNames(List<Variable> args, SymbolTable symbols) {
    List<ISymbol> units = symbols.symbols(args);
    numbered = args.size() == 1 && args.get(0).rank() == 1;
    wide = units.size() >= 10;
    for (ISymbol u : units) {
      SymbolTable.Component c = symbols.component(u);
      labels.add(numbered ? String.valueOf(c.index()[0]) : c.name());
    }
  }

  public Math.CouplingName name(CouplingExtractor.Coefficient c) {
    List<String> idx = new ArrayList<>();
    for (int u : c.units()) idx.add(labels.get(u));
    return new Math.CouplingName(c.order(), idx, numbered, wide);
  }
}
