package energy.rg.flow;

import java.util.HashSet;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A recursion relation K'_a = f_a(K_1, …, K_n) of one RG step that rescales lengths by {@code
 * scale} = b: {@code images.get(a)} is f_a, a Symja expression of the {@code couplings} (user
 * symbols, {@code new Symbol(name, Context.DUMMY)}). {@code field} is the index of the magnetic
 * field among the couplings (−1: none) and {@code latticeDimension} the d of the lattice (0:
 * unknown); with both, the flow reports y_H and the exponents by scaling and hyperscaling.
 */
public record Recursion(List<ISymbol> couplings, List<IExpr> images, double scale, int field, int latticeDimension) {
  /** A recursion without a field and of unknown dimension. */
  public Recursion(List<ISymbol> couplings, List<IExpr> images, double scale) {
    this(couplings, images, scale, -1, 0);
  }

  public Recursion {
    if (field < -1 || field >= couplings.size()) throw new IllegalArgumentException("field index out of range: " + field);
    couplings = List.copyOf(couplings);
    images = List.copyOf(images);
    if (couplings.isEmpty()) throw new IllegalArgumentException("a recursion needs a coupling");
    if (couplings.size() != images.size()) {
      throw new IllegalArgumentException(
          couplings.size() + " couplings but " + images.size() + " images");
    }
    if (new HashSet<>(couplings).size() != couplings.size()) {
      throw new IllegalArgumentException("a coupling is listed twice: " + couplings);
    }
    if (!(scale > 1) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("the scale factor b must be finite and > 1, got " + scale);
    }
  }

  /** The number of couplings n. */
  public int dimension() {
    return couplings.size();
  }

  /** The coupling names, in order. */
  public List<String> names() {
    return couplings.stream().map(ISymbol::getSymbolName).toList();
  }
}
