package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixSimplifier.simplify;

import energy.algebra.NotApplicable;
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
import java.util.List;
import java.util.Optional;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Scalar energies in matrix notation: a Symja expression whose matrix parts are atoms of
 * {@link MatrixScalars}. {@link #expand} writes a 1×1 matrix expression as Σ c·(monomial
 * form), distributing products over sums, so that each form is a single product such as
 * xᵀA(𝟙 − BBᵀ)⁻¹Aᵀx (inverses are kept whole). {@link #split} reads off, for one vector u,
 * H = ½ uᵀMu − Jᵀu + H₀: the form every marginalization starts from.
 */
public final class MatrixForms {
  private MatrixForms() {}

  /** A monomial c·F₁⋯F_k with no sums among the factors. */
  private record Monomial(IExpr coeff, List<MatrixExpr> factors) {}

  /** A 1×1 expression as Σ c·atom, one atom per monomial product. */
  public static IExpr expand(MatrixExpr oneByOne) {
    if (!oneByOne.rows().equals(Size.ONE) || !oneByOne.cols().equals(Size.ONE))
      throw new IllegalArgumentException("a scalar form needs a 1×1 expression, got " + oneByOne.shape());
    List<IExpr> terms = new ArrayList<>();
    for (Monomial m : monomials(simplify(oneByOne))) {
      MatrixExpr p = m.factors().isEmpty() ? new Identity(Size.ONE) : MatrixExpr.multiply(m.factors());
      terms.add(F.Times(m.coeff(), MatrixScalars.form(p)));
    }
    return Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
  }

  /** Distributes over sums; transposes of products are moved onto the factors. */
  private static List<Monomial> monomials(MatrixExpr e) {
    if (e instanceof Zero) return List.of();
    if (e instanceof Scaled s) {
      List<Monomial> out = new ArrayList<>();
      for (Monomial m : monomials(s.m())) out.add(new Monomial(Symja.eval(F.Times(s.scalar(), m.coeff())), m.factors()));
      return out;
    }
    if (e instanceof Sum s) {
      List<Monomial> out = new ArrayList<>();
      for (MatrixExpr t : s.terms()) out.addAll(monomials(t));
      return out;
    }
    if (e instanceof Product p) {
      List<Monomial> acc = List.of(new Monomial(F.C1, List.of()));
      for (MatrixExpr f : p.factors()) {
        List<Monomial> next = new ArrayList<>();
        for (Monomial a : acc)
          for (Monomial b : monomials(f)) {
            List<MatrixExpr> fs = new ArrayList<>(a.factors());
            fs.addAll(b.factors());
            next.add(new Monomial(Symja.eval(F.Times(a.coeff(), b.coeff())), fs));
          }
        acc = next;
      }
      return acc;
    }
    if (e instanceof Transpose t && !(t.m() instanceof Named) && !(t.m() instanceof Inverse)) {
      List<Monomial> out = new ArrayList<>();
      for (Monomial m : monomials(t.m())) {
        List<MatrixExpr> rev = new ArrayList<>();
        for (int i = m.factors().size() - 1; i >= 0; i--) rev.add(MatrixSimplifier.transpose(m.factors().get(i)));
        out.add(new Monomial(m.coeff(), rev));
      }
      return out;
    }
    if (e instanceof Identity) return List.of(new Monomial(F.C1, List.of()));
    return List.of(new Monomial(F.C1, List.of(e))); // Named, Transpose of a name, Inverse
  }

  /**
   * H = ½ uᵀMu − Jᵀu + rest for a vector u; {@code m} is null when H has no quadratic term,
   * {@code j} a zero vector when it has no linear term.
   */
  public record Split(MatrixExpr m, MatrixExpr j, IExpr rest) {}

  /**
   * Splits an expanded energy by its degree in u: a form uᵀQu gives c(Q + Qᵀ) to M (2cQ for
   * symmetric Q), a form with u at one end c·Lᵀu gives −cL to J, a product of two forms linear
   * in u, c(L₁ᵀu)(L₂ᵀu), gives c(L₁L₂ᵀ + L₂L₁ᵀ) to M. Throws {@link NotApplicable} when u
   * enters any other way (degree above 2, inside a function or a determinant).
   */
  public static Split split(IExpr energy, Named u) {
    IExpr h = Symja.eval(F.Expand(energy));
    List<MatrixExpr> m = new ArrayList<>(), j = new ArrayList<>();
    List<IExpr> rest = new ArrayList<>();
    for (IExpr term : h.isPlus() ? Symja.args(h) : List.of(h)) {
      List<IExpr> coeff = new ArrayList<>();
      List<MatrixExpr> linear = new ArrayList<>(); // L of each factor Lᵀu
      MatrixExpr quadratic = null; // Q of a factor uᵀQu
      for (IExpr f : term.isTimes() ? Symja.args(term) : List.of(term)) {
        if (!dependsOn(f, u)) {
          coeff.add(f);
          continue;
        }
        Optional<ScalarNode> node = MatrixScalars.node(f);
        int power = 1;
        if (node.isEmpty() && f.isPower() && f.exponent().isInteger() && f.exponent().toIntDefault() > 0) {
          power = f.exponent().toIntDefault();
          node = MatrixScalars.node(f.base());
        }
        if (node.isEmpty() || !(node.get() instanceof ScalarNode.Form form))
          throw notQuadratic(u, "inside " + (node.isPresent() ? "a determinant or sum" : "a function"));
        List<MatrixExpr> fs = form.matrix() instanceof Product p ? p.factors() : List.of(form.matrix());
        int k = fs.size();
        boolean left = fs.get(0).equals(new Transpose(u)), right = fs.get(k - 1).equals(u);
        for (int i = (left ? 1 : 0); i < k - (right ? 1 : 0); i++)
          if (contains(fs.get(i), u)) throw notQuadratic(u, "in the middle of a product");
        if (left && right) {
          if (power > 1 || quadratic != null) throw notQuadratic(u, "at degree 4");
          quadratic = k == 2 ? new Identity(u.rows()) : simplify(MatrixExpr.multiply(fs.subList(1, k - 1)));
        } else {
          MatrixExpr l = left ? MatrixExpr.multiply(fs.subList(1, k)) : MatrixExpr.transpose(MatrixExpr.multiply(fs.subList(0, k - 1)));
          for (int p = 0; p < power; p++) linear.add(simplify(l));
        }
      }
      int degree = linear.size() + (quadratic == null ? 0 : 2);
      if (degree > 2) throw notQuadratic(u, "at degree " + degree);
      IExpr c = Symja.eval(F.Times(coeff.toArray(new IExpr[0])));
      if (degree == 0) rest.add(term);
      else if (quadratic != null) // c uᵀQu = ½ uᵀ c(Q + Qᵀ) u
        m.add(quadratic.isSymmetric() ? MatrixExpr.scale(Symja.eval(F.Times(F.C2, c)), quadratic) : MatrixExpr.scale(c, MatrixExpr.add(quadratic, MatrixExpr.transpose(quadratic))));
      else if (linear.size() == 1) j.add(MatrixExpr.scale(Symja.eval(F.Negate(c)), linear.get(0)));
      else { // c (aᵀu)(bᵀu) = ½ uᵀ c(abᵀ + baᵀ) u
        MatrixExpr a = linear.get(0), b = linear.get(1);
        MatrixExpr ab = MatrixExpr.multiply(a, MatrixExpr.transpose(b));
        m.add(MatrixExpr.scale(c, a.equals(b) ? MatrixExpr.scale(2, ab) : MatrixExpr.add(ab, MatrixExpr.transpose(ab))));
      }
    }
    MatrixExpr mm = m.isEmpty() ? null : identityFirst(simplify(new Sum(m)));
    MatrixExpr jj = j.isEmpty() ? new Zero(u.rows(), Size.ONE) : simplify(new Sum(j));
    return new Split(mm, jj, Symja.eval(F.Plus(rest.toArray(new IExpr[0]))));
  }

  /** 𝟙 − BBᵀ rather than −BBᵀ + 𝟙, as it is written. */
  private static MatrixExpr identityFirst(MatrixExpr m) {
    if (!(m instanceof Sum s)) return m;
    List<MatrixExpr> terms = new ArrayList<>(s.terms());
    terms.sort((a, b) -> Boolean.compare(!isScaledIdentity(a), !isScaledIdentity(b)));
    return new Sum(terms);
  }

  static boolean isScaledIdentity(MatrixExpr m) {
    return m instanceof Identity || (m instanceof Scaled s && s.m() instanceof Identity);
  }

  private static NotApplicable notQuadratic(Named u, String where) {
    return new NotApplicable(
        "the energy is not quadratic in '" + u.name() + "': it appears " + where,
        "in matrix notation, '" + u.name() + "' may appear in forms such as a." + u.name() + ", " + u.name() + "." + u.name() + " or x.A." + u.name());
  }

  /** uᵀu = k for a k-vector of spins (uⱼ² = 1), wherever the form stands alone. */
  public static IExpr reduceSpins(IExpr energy, List<Named> spins) {
    IExpr h = energy;
    for (Named u : spins) {
      ISymbol square = MatrixScalars.atom(new ScalarNode.Form(MatrixExpr.multiply(new Transpose(u), u)));
      h = Symja.eval(F.ReplaceAll(h, F.Rule(square, u.rows().toSymja())));
    }
    return h;
  }

  /** Whether a Symja scalar mentions u inside one of its atoms. */
  public static boolean dependsOn(IExpr e, Named u) {
    Optional<ScalarNode> node = MatrixScalars.node(e);
    if (node.isPresent()) return contains(node.get(), u);
    for (IExpr a : Symja.args(e)) if (dependsOn(a, u)) return true;
    return false;
  }

  static boolean contains(ScalarNode n, Named u) {
    if (n instanceof ScalarNode.UnitSum s) return contains(s.matrix(), u) || dependsOn(s.beta(), u);
    return contains(n.matrix(), u);
  }

  public static boolean contains(MatrixExpr e, Named u) {
    if (e instanceof Named n) return n.name().equals(u.name());
    if (e instanceof Scaled s) return contains(s.m(), u) || dependsOn(s.scalar(), u);
    if (e instanceof Sum s) return s.terms().stream().anyMatch(t -> contains(t, u));
    if (e instanceof Product p) return p.factors().stream().anyMatch(t -> contains(t, u));
    if (e instanceof Transpose t) return contains(t.m(), u);
    if (e instanceof Inverse i) return contains(i.m(), u);
    return false;
  }
}
