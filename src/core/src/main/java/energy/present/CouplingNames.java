package energy.present;

import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.model.Model;
import energy.model.Variable;
import energy.print.ExpressionPrinter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Names of couplings as a physicist writes them: E₀, hᵢ, Jᵢⱼ, Kᵢⱼₖ, Lᵢⱼₖₗ, then J⁽ⁿ⁾. Indices
 * are component numbers when all units are one vector (J₁₂), else the units' own names
 * (J_{s₁s₂}). Each letter is the first of its order's {@link #PREFERRED} list that no unit or
 * parameter of the model prints as, nor a lower order took: a model with hidden units h writes
 * its fields bᵢ (or θᵢ when b is a parameter too); the convention line says which.
 */
public final class CouplingNames {
  /** Candidate letters (user names) by order 0 (the constant), 1 (fields), 2, 3, 4. */
  static final List<List<String>> PREFERRED = List.of(
      List.of("E", "C", "A", "epsilon"),
      List.of("h", "b", "theta", "f", "eta"),
      List.of("J", "Q", "Gamma", "Lambda"),
      List.of("K", "L", "M", "Xi"),
      List.of("L", "M", "N", "P", "Pi"));

  /** Names standing for a unit in the convention when units are not one vector. */
  private static final List<String> PLACEHOLDERS = List.of("u", "w", "r", "q");

  private final List<String> labels = new ArrayList<>();
  private final List<String> letters = new ArrayList<>();
  private final boolean numbered;
  private final boolean wide;
  private final Optional<String> vector;
  private final List<Math> units = new ArrayList<>();
  private final String placeholder;

  /** The couplings of an energy of {@code args}, lettered to avoid every unit and parameter name of {@code model}. */
  public CouplingNames(List<Variable> args, SymbolTable symbols, Model model) {
    List<ISymbol> us = symbols.symbols(args);
    numbered = args.size() == 1 && args.get(0).rank() == 1;
    wide = us.size() >= 10;
    for (ISymbol u : us) {
      SymbolTable.Component c = symbols.component(u);
      labels.add(numbered ? String.valueOf(c.index()[0]) : c.name());
      units.add(new Math.Name(c.name()));
    }
    vector = numbered ? Optional.of(args.get(0).name()) : Optional.empty();
    Set<String> taken = new HashSet<>();
    for (Variable v : model.variables().values()) if (!v.isTemperature()) taken.add(ExpressionPrinter.head(v.name()));
    for (List<String> candidates : PREFERRED) {
      String letter = first(candidates, taken);
      letters.add(letter);
      taken.add(ExpressionPrinter.head(letter));
    }
    placeholder = first(PLACEHOLDERS, taken);
  }

  /** The first candidate whose print is free; the last one when none is. */
  private static String first(List<String> candidates, Set<String> taken) {
    for (String c : candidates) if (!taken.contains(ExpressionPrinter.head(c))) return c;
    return candidates.get(candidates.size() - 1);
  }

  public Math.CouplingName name(CouplingExtractor.Coefficient c) {
    List<String> idx = new ArrayList<>();
    for (int u : c.units()) idx.add(labels.get(u));
    String letter = c.order() < letters.size() ? letters.get(c.order()) : letters.get(2);
    return new Math.CouplingName(letter, c.order(), idx, numbered, wide);
  }

  /** The sign convention of {@code energy}'s couplings in these letters and units. */
  public Math.Convention convention(Math energy) {
    return new Math.Convention(energy, letters, vector, units, placeholder);
  }
}
