package energy.check;

import energy.model.Dim;
import java.util.List;

/** The shape of a value: a scalar (no dims), a vector (one) or a matrix (two). */
record Shape(List<Dim> dims) {
  static final Shape SCALAR = new Shape(List.of());
  /** The identity 𝟙 (written {@code I}, or {@code 1} beside a matrix): square, of the size its context needs. */
  static final Shape IDENTITY = new Shape(List.of(new Dim("𝟙", Dim.SYMBOLIC, null), new Dim("𝟙", Dim.SYMBOLIC, null)));

  boolean isIdentity() {
    return this == IDENTITY;
  }

  boolean isSquareMatrix() {
    return rank() == 2 && dims.get(0).name().equals(dims.get(1).name());
  }

  int rank() {
    return dims.size();
  }

  boolean isScalar() {
    return dims.isEmpty();
  }

  String describe() {
    if (isIdentity()) return "the identity";
    switch (rank()) {
      case 0:
        return "a scalar";
      case 1:
        return "a vector of size " + dims.get(0).name();
      default:
        return "a matrix of size " + dims.get(0).name() + "×" + dims.get(1).name();
    }
  }
}
