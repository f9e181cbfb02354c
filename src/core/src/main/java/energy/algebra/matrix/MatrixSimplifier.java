package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Inverse;
import energy.algebra.matrix.MatrixExpr.Named;
import energy.algebra.matrix.MatrixExpr.Product;
import energy.algebra.matrix.MatrixExpr.Scaled;
import energy.algebra.matrix.MatrixExpr.Sum;
import energy.algebra.matrix.MatrixExpr.Transpose;
import energy.algebra.matrix.MatrixExpr.Zero;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A normal form for matrix expressions. Each rule is an identity of matrices that holds for
 * all values of the entries (inverses presuppose invertibility, which {@link Inverse} claims):
 *
 * <ul>
 *   <li>transposes move inward: (AB)ᵀ = BᵀAᵀ, (A+B)ᵀ = Aᵀ+Bᵀ, (cA)ᵀ = cAᵀ, (Aᵀ)ᵀ = A, and
 *       Sᵀ = S whenever S is known symmetric (𝟙, 0, 1×1 matrices, see {@link #isSymmetric});
 *   <li>inverses: (A⁻¹)⁻¹ = A, (Aᵀ)⁻¹ = (A⁻¹)ᵀ, (cA)⁻¹ = c⁻¹A⁻¹, 𝟙⁻¹ = 𝟙 (0⁻¹ is an error);
 *       (AB)⁻¹ is kept, since A and B need not be square;
 *   <li>products are flattened, 𝟙 is absorbed (A𝟙 = A), a 0 factor makes the product 0,
 *       scalar factors are pulled out front and multiplied (c(dA) = (cd)A), and adjacent
 *       A A⁻¹ or A⁻¹A (also Aᵀ(A⁻¹)ᵀ) cancel to 𝟙;
 *   <li>sums are flattened (a scaled sum among terms is distributed, c(A+B) = cA + cB), 0 terms
 *       dropped, and like terms combined: cA + dA = (c+d)A, keeping first-occurrence order;
 *   <li>scalars are evaluated by Symja; 0·A = 0 and 1·A = A.
 * </ul>
 *
 * Like terms are found by structural equality of the normal forms, so A+B and B+A inside
 * two different inverses are not recognised as equal.
 */
public final class MatrixSimplifier {
  private MatrixSimplifier() {}

  public static MatrixExpr simplify(MatrixExpr e) {
    if (e instanceof Scaled s) return scaled(s.scalar(), simplify(s.m()));
    if (e instanceof Sum s) return sum(s.terms().stream().map(MatrixSimplifier::simplify).toList());
    if (e instanceof Product p)
      return product(p.factors().stream().map(MatrixSimplifier::simplify).toList(), p.rows(), p.cols());
    if (e instanceof Transpose t) return transpose(simplify(t.m()));
    if (e instanceof Inverse i) return inverse(simplify(i.m()));
    return e; // Named, Identity, Zero
  }

  /**
   * Known symmetry, recognised structurally: a Named declared symmetric, 𝟙, a square 0, any
   * 1×1 matrix; cS, sums of symmetric terms, S⁻¹ and Sᵀ for symmetric S; and products that read
   * the same backwards under transposition, F₁⋯F_k with F_{k+1−i} = F_iᵀ and a symmetric middle
   * factor when k is odd (XXᵀ, XᵀX, XᵀSX, A(𝟙 − BBᵀ)⁻¹Aᵀ). "False" means "not known".
   */
  public static boolean isSymmetric(MatrixExpr e) {
    if (!e.isSquare()) return false;
    if (e.rows().equals(Size.ONE)) return true;
    if (e instanceof Named n) return n.symmetric();
    if (e instanceof Identity || e instanceof Zero) return true;
    if (e instanceof Scaled s) return isSymmetric(s.m());
    if (e instanceof Sum s) return s.terms().stream().allMatch(MatrixSimplifier::isSymmetric);
    if (e instanceof Transpose t) return isSymmetric(t.m());
    if (e instanceof Inverse i) return isSymmetric(i.m());
    MatrixExpr p = simplify(e);
    if (p instanceof Product q) return palindromic(q.factors());
    return isSymmetric(p);
  }

  private static boolean palindromic(List<MatrixExpr> f) {
    int k = f.size();
    for (int i = 0; i < k / 2; i++)
      if (!transpose(f.get(i)).equals(f.get(k - 1 - i))) return false;
    return k % 2 == 0 || isSymmetric(f.get(k / 2));
  }

  // The helpers below take arguments already in normal form.

  static MatrixExpr scaled(IExpr c, MatrixExpr m) {
    IExpr coeff = Symja.eval(c);
    if (m instanceof Scaled s) {
      coeff = Symja.eval(F.Times(coeff, s.scalar()));
      m = s.m();
    }
    if (coeff.isZero() || m instanceof Zero) return new Zero(m.rows(), m.cols());
    if (coeff.isOne()) return m;
    return new Scaled(coeff, m);
  }

  static MatrixExpr sum(List<MatrixExpr> terms) {
    Map<MatrixExpr, IExpr> coeffs = new LinkedHashMap<>();
    MatrixExpr first = terms.get(0);
    for (MatrixExpr t : terms) collect(F.C1, t, coeffs);
    List<MatrixExpr> out = new ArrayList<>();
    for (Map.Entry<MatrixExpr, IExpr> en : coeffs.entrySet()) {
      MatrixExpr t = scaled(en.getValue(), en.getKey());
      if (!(t instanceof Zero)) out.add(t);
    }
    if (out.isEmpty()) return new Zero(first.rows(), first.cols());
    if (out.size() == 1) return out.get(0);
    return new Sum(out);
  }

  private static void collect(IExpr c, MatrixExpr t, Map<MatrixExpr, IExpr> coeffs) {
    if (t instanceof Zero) return;
    if (t instanceof Scaled s) {
      collect(Symja.eval(F.Times(c, s.scalar())), s.m(), coeffs);
      return;
    }
    if (t instanceof Sum s) {
      for (MatrixExpr u : s.terms()) collect(c, u, coeffs);
      return;
    }
    coeffs.merge(t, c, (a, b) -> Symja.eval(F.Plus(a, b)));
  }

  static MatrixExpr product(List<MatrixExpr> factors, Size rows, Size cols) {
    IExpr coeff = F.C1;
    List<MatrixExpr> out = new ArrayList<>();
    List<MatrixExpr> todo = new ArrayList<>(factors);
    for (int i = 0; i < todo.size(); i++) {
      MatrixExpr f = todo.get(i);
      if (f instanceof Scaled s) {
        coeff = Symja.eval(F.Times(coeff, s.scalar()));
        f = s.m();
      }
      if (f instanceof Zero) return new Zero(rows, cols);
      if (f instanceof Identity) continue;
      if (f instanceof Product p) {
        todo.addAll(i + 1, p.factors());
        continue;
      }
      if (!out.isEmpty() && inverses(out.get(out.size() - 1), f)) {
        out.remove(out.size() - 1);
        continue;
      }
      out.add(f);
    }
    MatrixExpr m = out.isEmpty() ? new Identity(rows) : out.size() == 1 ? out.get(0) : new Product(out);
    return scaled(coeff, m);
  }

  /** a b = 𝟙 by A A⁻¹ = A⁻¹ A = 𝟙, or its transpose Aᵀ (A⁻¹)ᵀ = (A⁻¹)ᵀ Aᵀ = 𝟙. */
  private static boolean inverses(MatrixExpr a, MatrixExpr b) {
    if (a instanceof Inverse i && i.m().equals(b)) return true;
    if (b instanceof Inverse i && i.m().equals(a)) return true;
    if (a instanceof Transpose ta && b instanceof Transpose tb) return inverses(ta.m(), tb.m());
    return false;
  }

  static MatrixExpr transpose(MatrixExpr m) {
    if (m instanceof Transpose t) return t.m();
    if (m instanceof Zero z) return new Zero(z.cols(), z.rows());
    if (isSymmetric(m)) return m;
    if (m instanceof Scaled s) return scaled(s.scalar(), transpose(s.m()));
    if (m instanceof Sum s) return sum(s.terms().stream().map(MatrixSimplifier::transpose).toList());
    if (m instanceof Product p) {
      List<MatrixExpr> rev = new ArrayList<>();
      for (int i = p.factors().size() - 1; i >= 0; i--) rev.add(transpose(p.factors().get(i)));
      return product(rev, p.cols(), p.rows());
    }
    return new Transpose(m); // Named, Inverse of a non-symmetric matrix
  }

  static MatrixExpr inverse(MatrixExpr m) {
    if (m instanceof Identity) return m;
    if (m instanceof Zero) throw new IllegalArgumentException("the zero matrix " + m.shape() + " is not invertible");
    if (m instanceof Inverse i) return i.m();
    if (m instanceof Scaled s) return scaled(F.Power(s.scalar(), F.CN1), inverse(s.m()));
    if (m instanceof Transpose t) return transpose(inverse(t.m()));
    return new Inverse(m);
  }
}
