package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixSimplifier.simplify;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Inverse;
import energy.algebra.matrix.MatrixExpr.Product;
import energy.algebra.matrix.MatrixExpr.Scaled;
import energy.algebra.matrix.MatrixExpr.Sum;
import energy.algebra.matrix.MatrixExpr.Transpose;
import energy.algebra.matrix.MatrixExpr.Zero;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Scalar functions of matrix expressions: det, tr, ln det and 1×1 forms (xᵀMy). Each returns a
 * Symja expression. What the rules reduce becomes ordinary Symja algebra (c^k, sums, logs);
 * what they cannot reduce becomes an <em>atom</em>: a fresh Symja symbol standing for a
 * {@link ScalarNode} (e.g. det(𝟙 − BBᵀ)). Atoms are ordinary symbols to Symja, so results
 * such as ½ ln det(βA) = (n/2) ln β + ½ ln det A can be expanded, collected and compared with
 * Symja's own tools; {@link #node} maps an atom back to its node, and {@link Instantiation}
 * replaces atoms by component computations. One atom per node (structural equality of the
 * normal form), so det A from two places is the same symbol.
 *
 * <p>A k×k size enters as an integer or as its size symbol ({@link Size#toSymja}).
 */
public final class MatrixScalars {
  private static final Map<ScalarNode, ISymbol> ATOMS = new HashMap<>();
  private static final Map<ISymbol, ScalarNode> NODES = new IdentityHashMap<>();
  private static final Map<String, Integer> NAMES = new HashMap<>();

  private MatrixScalars() {}

  /**
   * det M, by: det 𝟙 = 1, det 0 = 0, det(cA) = c^k det A (so det(c𝟙_k) = c^k), det Aᵀ = det A,
   * det A⁻¹ = 1/det A, det(A₁⋯A_r) = Π det A_i when every factor is square, det of a 1×1
   * matrix = its entry, and the determinant lemma (see {@link #determinantLemma}) when it moves
   * to a size that is 1, or concrete and smaller; otherwise an atom Det(M).
   */
  public static IExpr det(MatrixExpr m) {
    square(m, "det");
    return Symja.eval(detOf(simplify(m)));
  }

  private static IExpr detOf(MatrixExpr s) {
    if (isOneByOne(s)) return formOf(s);
    if (s instanceof Identity) return F.C1;
    if (s instanceof Zero) return F.C0;
    if (s instanceof Scaled c) return F.Times(F.Power(c.scalar(), c.rows().toSymja()), detOf(c.m()));
    if (s instanceof Transpose t) return detOf(t.m());
    if (s instanceof Inverse i) return F.Power(detOf(i.m()), F.CN1);
    if (s instanceof Product p && p.factors().stream().allMatch(MatrixExpr::isSquare)) {
      List<IExpr> dets = new ArrayList<>();
      for (MatrixExpr f : p.factors()) dets.add(detOf(f));
      return F.Times(dets.toArray(new IExpr[0]));
    }
    Optional<MatrixExpr> swapped = lemma(s, true);
    if (swapped.isPresent()) return detOf(swapped.get());
    return atom(new ScalarNode.Det(s));
  }

  /**
   * ln det M, by the rules of {@link #det} in logarithmic form: ln det(cA) = k ln c + ln det A,
   * ln det A⁻¹ = −ln det A, ln det(A₁⋯A_r) = Σ ln det A_i. These presume positive determinants
   * and c &gt; 0 (as for the positive-definite matrices of Gaussian integrals); a c that is a
   * negative number is left inside the atom. ln det 0 is an error.
   */
  public static IExpr logDet(MatrixExpr m) {
    square(m, "ln det");
    return Symja.eval(logDetOf(simplify(m)));
  }

  private static IExpr logDetOf(MatrixExpr s) {
    if (isOneByOne(s)) return F.Log(formOf(s));
    if (s instanceof Identity) return F.C0;
    if (s instanceof Zero) throw new IllegalArgumentException("ln det of the zero matrix " + s.shape());
    if (s instanceof Scaled c && !(c.scalar().isNumber() && !c.scalar().isPositive()))
      return F.Plus(F.Times(c.rows().toSymja(), F.Log(c.scalar())), logDetOf(c.m()));
    if (s instanceof Transpose t) return logDetOf(t.m());
    if (s instanceof Inverse i) return F.Negate(logDetOf(i.m()));
    if (s instanceof Product p && p.factors().stream().allMatch(MatrixExpr::isSquare)) {
      List<IExpr> logs = new ArrayList<>();
      for (MatrixExpr f : p.factors()) logs.add(logDetOf(f));
      return F.Plus(logs.toArray(new IExpr[0]));
    }
    Optional<MatrixExpr> swapped = lemma(s, true);
    if (swapped.isPresent()) return logDetOf(swapped.get());
    return atom(new ScalarNode.LogDet(s));
  }

  /**
   * tr M, by: tr 𝟙_k = k, tr 0 = 0, tr(cA) = c tr A, tr(A+B) = tr A + tr B, tr Aᵀ = tr A, and
   * cyclicity tr(UV) = tr(VU) when that makes the product 1×1 (tr(xyᵀ) = yᵀx); otherwise an
   * atom Trace(M).
   */
  public static IExpr trace(MatrixExpr m) {
    square(m, "tr");
    return Symja.eval(traceOf(simplify(m)));
  }

  private static IExpr traceOf(MatrixExpr s) {
    if (isOneByOne(s)) return formOf(s);
    if (s instanceof Identity i) return i.n().toSymja();
    if (s instanceof Zero) return F.C0;
    if (s instanceof Scaled c) return F.Times(c.scalar(), traceOf(c.m()));
    if (s instanceof Sum sum) {
      List<IExpr> ts = new ArrayList<>();
      for (MatrixExpr t : sum.terms()) ts.add(traceOf(t));
      return F.Plus(ts.toArray(new IExpr[0]));
    }
    if (s instanceof Transpose t) return traceOf(t.m());
    if (s instanceof Product p) {
      List<MatrixExpr> f = p.factors();
      for (int i = 1; i < f.size(); i++)
        if (f.get(i - 1).cols().equals(Size.ONE)) return formOf(simplify(MatrixExpr.multiply(rotate(f, i))));
    }
    return atom(new ScalarNode.Trace(s));
  }

  /**
   * A 1×1 expression as a scalar: linear in its top-level sums and scalars (c xᵀAy + xᵀBy gives
   * c·atom + atom), 𝟙₁ = 1, and otherwise an atom Form(M). Products are not distributed over
   * sums (xᵀ(A + B)y is one atom), as the simplifier keeps them. A form equals its
   * transpose (xᵀAy = yᵀAᵀx), so the atom holds whichever orientation has fewer transposes (then
   * the alphabetically first text): a·x and x·a are the same atom.
   */
  public static IExpr form(MatrixExpr m) {
    if (!isOneByOne(m))
      throw new IllegalArgumentException("a scalar form needs a 1×1 expression, got " + m.shape());
    return Symja.eval(formOf(simplify(m)));
  }

  /** xᵀMy. */
  public static IExpr bilinear(MatrixExpr x, MatrixExpr m, MatrixExpr y) {
    return form(MatrixExpr.multiply(MatrixExpr.transpose(x), m, y));
  }

  /** xᵀMx. */
  public static IExpr quadratic(MatrixExpr x, MatrixExpr m) {
    return bilinear(x, m, x);
  }

  private static IExpr formOf(MatrixExpr s) {
    if (s instanceof Zero) return F.C0;
    if (s instanceof Identity) return F.C1;
    if (s instanceof Scaled c) return F.Times(c.scalar(), formOf(c.m()));
    if (s instanceof Sum sum) {
      List<IExpr> ts = new ArrayList<>();
      for (MatrixExpr t : sum.terms()) ts.add(formOf(t));
      return F.Plus(ts.toArray(new IExpr[0]));
    }
    MatrixExpr best = s;
    if (s instanceof Product p) {
      List<MatrixExpr> rev = new ArrayList<>();
      for (int i = p.factors().size() - 1; i >= 0; i--) rev.add(MatrixSimplifier.transpose(p.factors().get(i)));
      MatrixExpr alt = MatrixSimplifier.product(rev, Size.ONE, Size.ONE);
      if (alt instanceof Product && better(alt, s)) best = alt;
    }
    return atom(new ScalarNode.Form(best));
  }

  private static boolean better(MatrixExpr a, MatrixExpr b) {
    int ta = transposes(a), tb = transposes(b);
    if (ta != tb) return ta < tb;
    return MatrixPrinter.TEXT.print(a).compareTo(MatrixPrinter.TEXT.print(b)) < 0;
  }

  private static int transposes(MatrixExpr e) {
    if (e instanceof Transpose t) return 1 + transposes(t.m());
    if (e instanceof Inverse i) return transposes(i.m());
    if (e instanceof Scaled s) return transposes(s.m());
    if (e instanceof Sum s) return s.terms().stream().mapToInt(MatrixScalars::transposes).sum();
    if (e instanceof Product p) return p.factors().stream().mapToInt(MatrixScalars::transposes).sum();
    return 0;
  }

  /**
   * The determinant lemma (Sylvester's identity): for U m×p and V p×m,
   * det(𝟙_m + cUV) = det(𝟙_p + cVU); e.g. det(𝟙_m − BBᵀ) = det(𝟙_p − BᵀB) for B m×p. Given
   * 𝟙 + c F₁⋯F_r (after simplification), splits the product where the inner size differs from
   * m, preferring 1, then the smallest concrete size, then the first symbolic one, and returns
   * 𝟙_p + c VU in normal form; empty when the matrix is not of that form. Since the lemma holds
   * for every split, the caller may apply it whenever it knows p to be the smaller size.
   */
  public static Optional<MatrixExpr> determinantLemma(MatrixExpr m) {
    return lemma(simplify(m), false);
  }

  private static Optional<MatrixExpr> lemma(MatrixExpr s, boolean onlyIfSmaller) {
    if (!(s instanceof Sum sum) || sum.terms().size() != 2) return Optional.empty();
    int id = sum.terms().indexOf(new Identity(s.rows()));
    if (id < 0) return Optional.empty();
    MatrixExpr t = sum.terms().get(1 - id);
    IExpr c = F.C1;
    if (t instanceof Scaled sc) {
      c = sc.scalar();
      t = sc.m();
    }
    if (!(t instanceof Product p)) return Optional.empty();
    Size m = s.rows();
    List<MatrixExpr> f = p.factors();
    int best = -1;
    long bestScore = Long.MAX_VALUE;
    for (int i = 1; i < f.size(); i++) {
      Size inner = f.get(i - 1).cols();
      if (inner.equals(m)) continue;
      long score = inner.isConcrete() ? inner.value().getAsInt() : Long.MAX_VALUE - 1;
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) return Optional.empty();
    Size p0 = f.get(best - 1).cols();
    boolean smaller =
        p0.isOne() || (p0.isConcrete() && (!m.isConcrete() || p0.value().getAsInt() < m.value().getAsInt()));
    if (onlyIfSmaller && !smaller) return Optional.empty();
    MatrixExpr swapped =
        MatrixExpr.add(new Identity(p0), MatrixExpr.scale(c, MatrixExpr.multiply(rotate(f, best))));
    return Optional.of(simplify(swapped));
  }

  /** F_i⋯F_r F₁⋯F_{i−1}, as a list (0-based split at i). */
  private static List<MatrixExpr> rotate(List<MatrixExpr> f, int i) {
    List<MatrixExpr> out = new ArrayList<>(f.subList(i, f.size()));
    out.addAll(f.subList(0, i));
    return out;
  }

  /** The Symja symbol standing for a node (made on first use, then always the same object). */
  public static synchronized ISymbol atom(ScalarNode node) {
    ISymbol s = ATOMS.get(node);
    if (s != null) return s;
    String name = MatrixPrinter.TEXT.print(node);
    int seen = NAMES.merge(name, 1, Integer::sum);
    // Distinct nodes may print alike (𝟙_n and 𝟙_m); Symja orders symbols by name, so keep names apart.
    if (seen > 1) name = name + "#" + seen;
    s = new Symbol(name, Context.DUMMY);
    ATOMS.put(node, s);
    NODES.put(s, node);
    return s;
  }

  /** The node an atom stands for; empty for any other expression. */
  public static synchronized Optional<ScalarNode> node(IExpr e) {
    return e instanceof ISymbol s ? Optional.ofNullable(NODES.get(s)) : Optional.empty();
  }

  private static boolean isOneByOne(MatrixExpr m) {
    return m.rows().equals(Size.ONE) && m.cols().equals(Size.ONE);
  }

  private static void square(MatrixExpr m, String what) {
    if (!m.isSquare()) throw new IllegalArgumentException(what + " needs a square matrix, got " + m.shape());
  }
}
