package energy.model;

import energy.diag.Span;

/** A declared size, {@code dim n = 3}, or symbolic, {@code dim n} (size {@link #SYMBOLIC}). */
public record Dim(String name, int size, Span span) {
  /** The size of a symbolic dim: no value, computed with in matrix notation. */
  public static final int SYMBOLIC = 0;

  public boolean isSymbolic() {
    return size == SYMBOLIC;
  }
}
