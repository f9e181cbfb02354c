package energy.algebra;

import energy.model.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The Symja symbols of a model's scalar components: {@code beta}, {@code x[1]},
 * {@code A[1,2]}. They are made directly in Symja's dummy context, not interned and not
 * through {@code F.symbol}/{@code F.Dummy}, because those fold names to lower case
 * ({@code A[1,2]} would print as {@code a[1,2]}) and the symbol table knows built-ins
 * ({@code N}, {@code D}, {@code Beta}).
 */
public final class SymbolTable {
  /** One scalar component of a declared variable; {@code index} is 1-based, empty for scalars. */
  public record Component(Variable variable, int[] index, ISymbol symbol) {
    public String name() {
      return symbol.getSymbolName();
    }
  }

  private final Map<String, Component> byName = new LinkedHashMap<>();
  private final Map<ISymbol, Component> bySymbol = new HashMap<>();
  private final Map<Variable, List<Component>> byVariable = new LinkedHashMap<>();

  public SymbolTable(Iterable<Variable> variables) {
    add(variables);
  }

  /**
   * This table and the components of {@code more} (variables declared later, as in a session);
   * the symbols of this table are shared, so expressions over them stay valid. This one is left as it is.
   */
  public SymbolTable with(Iterable<Variable> more) {
    SymbolTable t = new SymbolTable(java.util.List.of());
    t.byName.putAll(byName);
    t.bySymbol.putAll(bySymbol);
    t.byVariable.putAll(byVariable);
    t.derived.putAll(derived);
    List<Variable> added = new ArrayList<>();
    for (Variable v : more) if (!byVariable.containsKey(v)) added.add(v);
    t.add(added);
    return t;
  }

  private void add(Iterable<Variable> variables) {
    for (Variable v : variables) {
      List<Component> comps = new ArrayList<>();
      for (int[] idx : v.indexTuples()) {
        String name = componentName(v.name(), idx);
        Component c = new Component(v, idx, new Symbol(name, Context.DUMMY));
        byName.put(name, c);
        bySymbol.put(c.symbol(), c);
        comps.add(c);
      }
      byVariable.put(v, List.copyOf(comps));
    }
  }

  /** {@code x}, {@code x[2]}, {@code A[1,2]}: the spelling of the language. */
  public static String componentName(String name, int[] index) {
    if (index.length == 0) return name;
    StringBuilder out = new StringBuilder(name).append('[');
    for (int k = 0; k < index.length; k++) out.append(k == 0 ? "" : ",").append(index[k]);
    return out.append(']').toString();
  }

  public Component component(String name) {
    return byName.get(name);
  }

  public Component component(ISymbol symbol) {
    return bySymbol.get(symbol);
  }

  public ISymbol symbol(Variable v, int... index) {
    for (Component c : byVariable.get(v)) if (Arrays.equals(c.index(), index)) return c.symbol();
    throw new IllegalArgumentException(componentName(v.name(), index));
  }

  public List<Component> components(Variable v) {
    return byVariable.get(v);
  }

  public List<ISymbol> symbols(List<Variable> vars) {
    List<ISymbol> out = new ArrayList<>();
    for (Variable v : vars) for (Component c : byVariable.get(v)) out.add(c.symbol());
    return out;
  }

  private final Map<String, ISymbol> derived = new HashMap<>();

  /**
   * A symbol the compiler introduces, not a user component (e.g. {@code kappa[2]^(1)} for
   * κ₂⁽¹⁾); the same name gives the same symbol.
   */
  public ISymbol derived(String name) {
    if (byName.containsKey(name)) throw new IllegalArgumentException(name + " is a user component");
    return derived.computeIfAbsent(name, n -> new Symbol(n, Context.DUMMY));
  }

  public Iterable<Component> all() {
    return byName.values();
  }
}
