package energy.check;

import energy.model.Dim;
import java.util.List;

/** The shape of a value: a scalar (no dims), a vector (one) or a matrix (two). */
record Shape(List<Dim> dims) {
  static final Shape SCALAR = new Shape(List.of());

  int rank() {
    return dims.size();
  }

  boolean isScalar() {
    return dims.isEmpty();
  }

  String describe() {
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
