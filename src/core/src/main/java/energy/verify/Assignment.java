package energy.verify;

import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Numeric values for some of a model's symbols, e.g. from {@code --at beta=1 A[1,2]=-0.2}. */
public final class Assignment {
  private final Map<ISymbol, Double> values;

  public Assignment(Map<ISymbol, Double> values) {
    this.values = values;
  }

  public Map<ISymbol, Double> values() {
    return values;
  }

  /** Parses {@code NAME=VALUE} items; names are spelled as in the language. */
  public static Assignment parse(List<String> items, SymbolTable symbols) {
    Map<ISymbol, Double> values = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("expected NAME=VALUE, got '" + item + "'");
      String name = item.substring(0, eq).replace(" ", "");
      SymbolTable.Component c = symbols.component(name);
      if (c == null) {
        List<String> known = new ArrayList<>();
        for (SymbolTable.Component k : symbols.all()) known.add(k.name());
        throw new IllegalArgumentException(
            "unknown name '" + name + "' in --at; the model has " + String.join(" ", known));
      }
      try {
        values.put(c.symbol(), Double.parseDouble(item.substring(eq + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + item.substring(eq + 1) + "' is not a number (in '" + item + "')");
      }
    }
    return new Assignment(values);
  }

  /** The value of e, which must mention only assigned symbols; computed by Symja in doubles. */
  public double evaluate(IExpr e) {
    TreeSet<String> missing = new TreeSet<>();
    collectMissing(e, missing);
    if (!missing.isEmpty())
      throw new IllegalArgumentException("missing values for " + String.join(", ", missing) + "; give them with --at NAME=VALUE");
    List<IExpr> rules = new ArrayList<>();
    for (Map.Entry<ISymbol, Double> v : values.entrySet()) rules.add(F.Rule(v.getKey(), F.num(v.getValue())));
    IExpr x = Symja.eval(F.N(F.ReplaceAll(energy.numeric.NumericFunction.released(e), F.List(rules.toArray(new IExpr[0])))));
    if (!x.isReal()) throw new IllegalArgumentException("the value is not a real number: " + x);
    return x.evalf();
  }

  private void collectMissing(IExpr e, TreeSet<String> missing) {
    if (e.isSymbol() && !e.isBuiltInSymbol() && !values.containsKey(e)) missing.add(((ISymbol) e).getSymbolName());
    for (IExpr a : Symja.args(e)) collectMissing(a, missing);
    if (e.isAST()) collectMissing(e.head(), missing);
  }
}
