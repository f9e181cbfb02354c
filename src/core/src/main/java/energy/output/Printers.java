package energy.output;

import energy.Compilation;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/** What the printers need to know of a compilation. */
final class Printers {
  private Printers() {}

  /** The symbols of every unit component, which printers place after the couplings. */
  static List<ISymbol> units(Compilation c) {
    List<ISymbol> out = new ArrayList<>();
    for (Variable v : c.model().units()) out.addAll(c.symbols().symbols(List.of(v)));
    return out;
  }

  /** The spelling of every user component ({@code A[1,2]}), whose prints must not collide. */
  static List<String> names(Compilation c) {
    List<String> out = new ArrayList<>();
    for (var comp : c.symbols().all()) out.add(comp.name());
    return out;
  }
}
