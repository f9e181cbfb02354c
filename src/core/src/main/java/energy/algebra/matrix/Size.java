package energy.algebra.matrix;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * One dimension of a matrix: symbolic ({@code n}, value unknown), symbolic with a known value
 * ({@code n = 3}), or a literal ({@code 3}, named by its digits). Two sizes agree when they are
 * equal records: shapes are checked by name, so {@code n} and {@code m} never agree even if
 * both turn out to be 3 when instantiated.
 */
public record Size(String name, OptionalInt value) {
  /** The second axis of column vectors, and both axes of scalars. */
  public static final Size ONE = of(1);

  /** One Symja symbol per symbolic size, so {@code c^n} from two determinants is the same power. */
  private static final Map<String, ISymbol> SYMBOLS = new ConcurrentHashMap<>();

  public Size {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a size needs a name");
    if (value == null) value = OptionalInt.empty();
    if (value.isPresent() && value.getAsInt() < 1)
      throw new IllegalArgumentException("size " + name + " must be at least 1, got " + value.getAsInt());
  }

  public static Size of(String name) {
    return new Size(name, OptionalInt.empty());
  }

  public static Size of(String name, int value) {
    return new Size(name, OptionalInt.of(value));
  }

  public static Size of(int value) {
    return new Size(Integer.toString(value), OptionalInt.of(value));
  }

  public boolean isConcrete() {
    return value.isPresent();
  }

  public boolean isOne() {
    return value.isPresent() && value.getAsInt() == 1;
  }

  /** The value: the known one, else {@code sizes.get(name)}. */
  public int resolve(Map<String, Integer> sizes) {
    if (value.isPresent()) return value.getAsInt();
    Integer v = sizes.get(name);
    if (v == null) throw new IllegalArgumentException("no value given for size " + name);
    if (v < 1) throw new IllegalArgumentException("size " + name + " must be at least 1, got " + v);
    return v;
  }

  /** The size as a Symja scalar: an integer when concrete, else the size's own symbol. */
  public IExpr toSymja() {
    if (value.isPresent()) return F.ZZ(value.getAsInt());
    return SYMBOLS.computeIfAbsent(name, k -> new Symbol(k, Context.DUMMY));
  }

  static boolean isSizeSymbol(IExpr e) {
    return e instanceof ISymbol s && SYMBOLS.get(s.getSymbolName()) == s;
  }

  @Override
  public String toString() {
    return name;
  }
}
