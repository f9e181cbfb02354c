package energy.result;

import energy.model.Query;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@code G at beta=1 a[1]=0.3}: the lines {@code ./energy eval FILE G --at …} prints.
 *
 * @param given the values as written, by component name
 * @param quantity G's value as an expression, or null (for the check); {@code quantityLine} is the line it gives
 * @param values the values by symbol
 */
public record Evaluation(
    Query.Evaluation query, Map<String, Double> given, List<Line> lines, IExpr quantity, int quantityLine, Map<ISymbol, Double> values)
    implements Result {
  /** One printed line: {@code label = value}. */
  public record Line(String label, double value) {}

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.evaluation(this);
  }

  public String name() {
    return query.result().text();
  }
}
