package energy.algebra.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Random matrix expressions over the symbolic sizes n, m, p (and 1), with random values for
 * the sizes (1..3) and, lazily, for every component and for β. Symmetric matrices are named
 * {@code S_…} and valued diagonally dominant (so positive definite and safely invertible);
 * every inverse is of such a matrix or of 𝟙 + c XXᵀ with c &gt; 0, of products, inverses,
 * transposes and nonzero multiples of those.
 */
final class RandomMatrices {
  static final ISymbol BETA = new Symbol("beta", Context.DUMMY);
  static final Size N = Size.of("n"), M = Size.of("m"), P = Size.of("p");
  static final List<Size> DIMS = List.of(N, M, P, Size.ONE);

  final Random rnd;
  final Map<String, Integer> sizes = new HashMap<>();
  final Map<ISymbol, IExpr> values = new HashMap<>();
  /** Only positive coefficients: every safe matrix then has positive determinant. */
  boolean positive;

  RandomMatrices(Random rnd) {
    this.rnd = rnd;
    reset();
  }

  /** New random sizes and values. */
  void reset() {
    for (Size s : List.of(N, M, P)) sizes.put(s.name(), 1 + rnd.nextInt(3));
    values.clear();
    values.put(BETA, F.QQ(1 + rnd.nextInt(8), 1 + rnd.nextInt(4)));
  }

  Instantiation numeric() {
    return new Instantiation(sizes, Instantiation.BRACKETS, s -> values.computeIfAbsent(s, this::valueOf));
  }

  private IExpr valueOf(ISymbol s) {
    String name = s.getSymbolName();
    java.util.regex.Matcher diag = java.util.regex.Pattern.compile("S_.*\\[(\\d+),(\\d+)\\]").matcher(name);
    if (diag.matches() && diag.group(1).equals(diag.group(2))) return F.QQ(20 + rnd.nextInt(20), 1 + rnd.nextInt(3));
    if (name.startsWith("S_")) return F.QQ(rnd.nextInt(7) - 3, 1 + rnd.nextInt(3));
    return F.QQ(rnd.nextInt(19) - 9, 1 + rnd.nextInt(4));
  }

  Size dim() {
    return DIMS.get(rnd.nextInt(DIMS.size()));
  }

  IExpr coefficient() {
    if (positive) {
      return switch (rnd.nextInt(3)) {
        case 0 -> BETA;
        case 1 -> F.QQ(1, 1 + rnd.nextInt(3));
        default -> F.ZZ(1 + rnd.nextInt(3));
      };
    }
    return switch (rnd.nextInt(5)) {
      case 0 -> BETA;
      case 1 -> F.CN1;
      case 2 -> F.Times(F.CN1D2, BETA);
      case 3 -> F.QQ(rnd.nextInt(7) - 3, 1 + rnd.nextInt(3));
      default -> F.ZZ(rnd.nextInt(5) + 1);
    };
  }

  MatrixExpr leaf(Size r, Size c) {
    int k = rnd.nextInt(10);
    if (r.equals(c) && k < 3) return MatrixExpr.symmetric("S_" + r, r);
    if (r.equals(c) && k == 3) return MatrixExpr.identity(r);
    if (k == 4 && !positive) return MatrixExpr.zero(r, c);
    if (c.equals(Size.ONE) && k < 7) return MatrixExpr.vector((rnd.nextBoolean() ? "x_" : "y_") + r, r);
    return MatrixExpr.matrix((rnd.nextBoolean() ? "A_" : "B_") + r + "_" + c, r, c);
  }

  MatrixExpr gen(Size r, Size c, int depth) {
    if (depth <= 0) return leaf(r, c);
    switch (rnd.nextInt(8)) {
      case 0:
        return leaf(r, c);
      case 1:
        return MatrixExpr.add(gen(r, c, depth - 1), MatrixExpr.scale(coefficient(), gen(r, c, depth - 1)));
      case 2: {
        Size k = dim();
        return MatrixExpr.multiply(gen(r, k, depth - 1), gen(k, c, depth - 1));
      }
      case 3: {
        Size k = dim(), l = dim();
        return MatrixExpr.multiply(gen(r, k, depth - 1), gen(k, l, depth - 1), gen(l, c, depth - 1));
      }
      case 4:
        return MatrixExpr.transpose(gen(c, r, depth - 1));
      case 5:
        return MatrixExpr.scale(coefficient(), gen(r, c, depth - 1));
      case 6:
        if (r.equals(c)) return symmetricish(r, depth - 1);
        return gen(r, c, depth - 1);
      default:
        if (r.equals(c)) return MatrixExpr.inverse(safe(r, depth - 1));
        return gen(r, c, depth - 1);
    }
  }

  /** Shapes the recogniser should call symmetric (XSXᵀ, XᵀX, Y + Yᵀ), and near misses (XMXᵀ). */
  MatrixExpr symmetricish(Size n, int depth) {
    Size k = dim();
    MatrixExpr x = gen(n, k, depth);
    return switch (rnd.nextInt(5)) {
      case 0 -> MatrixExpr.multiply(x, MatrixExpr.transpose(x));
      case 3 -> MatrixExpr.multiply(x, gen(k, k, depth), MatrixExpr.transpose(x)); // symmetric only if the middle is
      case 1 -> MatrixExpr.multiply(x, safe(k, depth), MatrixExpr.transpose(x));
      case 2 -> MatrixExpr.multiply(MatrixExpr.transpose(gen(k, n, depth)), gen(k, n, depth));
      default -> {
        MatrixExpr y = gen(n, n, depth);
        yield MatrixExpr.add(y, MatrixExpr.transpose(y));
      }
    };
  }

  /** An invertible n×n expression. */
  MatrixExpr safe(Size n, int depth) {
    int k = rnd.nextInt(depth <= 0 ? 3 : 8);
    switch (k) {
      case 0:
        return MatrixExpr.symmetric("S_" + n, n);
      case 1: {
        Size q = dim();
        MatrixExpr x = gen(n, q, Math.max(0, depth - 1));
        return MatrixExpr.add(MatrixExpr.identity(n),
            MatrixExpr.scale(F.QQ(1, 1 + rnd.nextInt(4)), MatrixExpr.multiply(x, MatrixExpr.transpose(x))));
      }
      case 2:
        return MatrixExpr.identity(n);
      case 3:
        return MatrixExpr.transpose(safe(n, depth - 1));
      case 4:
        return MatrixExpr.inverse(safe(n, depth - 1));
      case 5: {
        IExpr c = coefficient();
        if (c.isZero()) c = F.C2;
        return MatrixExpr.scale(c, safe(n, depth - 1));
      }
      case 6:
        return MatrixExpr.multiply(safe(n, depth - 1), safe(n, depth - 1));
      default: {
        Size q = dim();
        MatrixExpr x = gen(q, n, Math.max(0, depth - 1));
        return MatrixExpr.add(MatrixExpr.identity(n),
            MatrixExpr.scale(F.QQ(1, 1 + rnd.nextInt(4)), MatrixExpr.multiply(MatrixExpr.transpose(x), x)));
      }
    }
  }

  static double number(IExpr e) {
    IExpr v = Symja.eval(e);
    try {
      return v.evalf();
    } catch (RuntimeException ex) {
      throw new AssertionError("not a number: " + v, ex);
    }
  }

  static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  static void assertClose(IExpr expected, IExpr actual, String what) {
    double a = number(expected), b = number(actual);
    if (!close(a, b)) fail(what + ": expected " + a + " (" + expected + ") but got " + b + " (" + actual + ")");
  }

  static void assertClose(IExpr[][] expected, IExpr[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what + ": cols");
      for (int j = 0; j < expected[i].length; j++) assertClose(expected[i][j], actual[i][j], what + " at (" + (i + 1) + "," + (j + 1) + ")");
    }
  }

  /** Every subexpression, the expression included. */
  static List<MatrixExpr> subexpressions(MatrixExpr e) {
    List<MatrixExpr> out = new ArrayList<>();
    walk(e, out);
    return out;
  }

  private static void walk(MatrixExpr e, List<MatrixExpr> out) {
    out.add(e);
    if (e instanceof MatrixExpr.Scaled s) walk(s.m(), out);
    else if (e instanceof MatrixExpr.Sum s) s.terms().forEach(t -> walk(t, out));
    else if (e instanceof MatrixExpr.Product p) p.factors().forEach(t -> walk(t, out));
    else if (e instanceof MatrixExpr.Transpose t) walk(t.m(), out);
    else if (e instanceof MatrixExpr.Inverse i) walk(i.m(), out);
  }

  /** The seed: {@code -Dmatrix.seed=…} to replay, else a fixed one. */
  static long seed(String test) {
    long seed = Long.getLong("matrix.seed", 20250611L);
    System.out.println(test + " seed = " + seed);
    return seed;
  }
}
