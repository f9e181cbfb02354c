package energy.output;

import energy.Compilation;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/** What the printers need to know of a compilation. */
public final class Printers {
  private Printers() {}

  /** The symbols of every unit component, which printers place after the couplings. */
  public static List<ISymbol> units(Compilation c) {
    List<ISymbol> out = new ArrayList<>();
    for (Variable v : c.model().units()) out.addAll(c.symbols().symbols(List.of(v)));
    return out;
  }

  /** The spelling of every user component ({@code A[1,2]}), whose prints must not collide. */
  public static List<String> names(Compilation c) {
    List<String> out = new ArrayList<>();
    for (var comp : c.symbols().all()) out.add(comp.name());
    return out;
  }

  /**
   * K_{h₁}, the name of unit h₁'s cumulant generating function beside its κₙ⁽¹⁾: K with the unit
   * as subscript, which no statement name (K₅, K₃) can print as.
   */
  public static ISymbol cgfName(energy.algebra.cumulant.CumulantExpansion.Cumulant k) {
    return new org.matheclipse.core.expression.Symbol("K_(" + k.unit().getSymbolName() + ")", org.matheclipse.core.expression.Context.DUMMY);
  }
}
