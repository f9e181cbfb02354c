package energy.result;

import energy.model.Variable;
import java.util.List;

/**
 * What a derived energy comes from.
 *
 * @param source the declared energy it derives from
 * @param integrated every unit summed or integrated out of {@code source} to get here
 */
public record Provenance(String source, List<Variable> integrated) {
  public Provenance {
    integrated = List.copyOf(integrated);
  }
}
