package energy.result;

import energy.model.Query;
import java.util.List;

/**
 * {@code check G}: G verified numerically when the statement ran, as {@code ./energy check} does;
 * a failed check is an error at the statement, so a Verification always passed.
 */
public record Verification(Query.Check query, List<Line> reports) implements Result {
  /**
   * One comparison: what was compared, the largest error, over how many samples, or why skipped.
   */
  public record Line(String name, String measure, double error, int samples, String skipped) {}

  @Override
  public <T> T accept(Visitor<T> visitor) {
    return visitor.verification(this);
  }

  public String name() {
    return query.result().text();
  }
}
