package energy.model;

import energy.diag.Span;
import java.util.List;

/**
 * A declared name of the model: a unit (spin, binary, real), a parameter, or the inverse
 * temperature. {@code kind} is null for parameters and the temperature.
 */
public record Variable(String name, UnitKind kind, List<Dim> shape, boolean isTemperature, Span span) {
  public boolean isUnit() {
    return kind != null;
  }

  public int rank() {
    return shape.size();
  }

  /** Number of scalar components: 1 for a scalar, n for x[n], n·m for A[n,m]. */
  public int components() {
    int c = 1;
    for (Dim d : shape) c *= d.size();
    return c;
  }

  /** Every index tuple (1-based) in row-major order; one empty tuple for a scalar. */
  public List<int[]> indexTuples() {
    java.util.List<int[]> out = new java.util.ArrayList<>();
    int[] idx = new int[rank()];
    collect(0, idx, out);
    return out;
  }

  private void collect(int axis, int[] idx, List<int[]> out) {
    if (axis == rank()) {
      out.add(idx.clone());
      return;
    }
    for (int i = 1; i <= shape.get(axis).size(); i++) {
      idx[axis] = i;
      collect(axis + 1, idx, out);
    }
  }
}
