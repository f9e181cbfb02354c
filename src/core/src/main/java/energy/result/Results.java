package energy.result;

import energy.Compilation;
import java.util.List;

/** The results of a compilation, in statement order, one record per kind. */
public final class Results {
  private Results() {}

  public static List<Result> of(Compilation c) {
    return c.results();
  }
}
