package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Named;
import energy.algebra.matrix.MatrixExpr.Product;
import energy.algebra.matrix.MatrixExpr.Transpose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The terms of an energy in matrix notation, in the order a physicist writes them: constants
 * ((m+p)/2β ln(β/2π), then ln det), forms by degree in the units (a·x, then xᵀAy, yᵀMy), then
 * sums over units. Terms with the same non-rational part are collected ((m/2β + p/2β) ln… =
 * ((m+p)/2β) ln…), and quadratic forms between the same two vectors with numeric coefficients
 * are joined: ½ y·y − ½ yᵀBBᵀy = ½ yᵀ(𝟙 − BBᵀ)y, as the seed writes eq. 21. The sum of the
 * terms equals the input (checked by instantiation in the tests).
 */
public final class MatrixTerms {
  private MatrixTerms() {}

  private record Term(IExpr coeff, IExpr key) {
    IExpr expr() {
      return Symja.eval(F.Times(coeff, key));
    }
  }

  public static List<IExpr> order(IExpr value, Set<String> units) {
    IExpr h = Symja.eval(F.Expand(value));
    Map<IExpr, IExpr> byKey = new LinkedHashMap<>();
    for (IExpr t : h.isPlus() ? Symja.args(h) : List.of(h)) {
      if (t.isZero()) continue;
      List<IExpr> coeff = new ArrayList<>(), key = new ArrayList<>();
      for (IExpr f : t.isTimes() ? Symja.args(t) : List.of(t)) (isKey(f) ? key : coeff).add(f);
      IExpr k = Symja.eval(F.Times(key.toArray(new IExpr[0])));
      IExpr c = Symja.eval(F.Times(coeff.toArray(new IExpr[0])));
      byKey.merge(k, c, (a, b) -> Symja.eval(F.Plus(a, b)));
    }
    List<Term> terms = new ArrayList<>();
    for (Map.Entry<IExpr, IExpr> e : byKey.entrySet()) {
      IExpr c = Symja.eval(F.Together(e.getValue()));
      if (!c.isZero()) terms.add(new Term(c, e.getKey()));
    }
    terms = joinForms(terms, units);
    terms.sort(Comparator.comparingInt((Term t) -> rank(t.key(), units)).thenComparing(t -> MatrixPrinter.TEXT.print(t.key())));
    List<IExpr> out = new ArrayList<>();
    for (Term t : terms) out.add(t.expr());
    return out;
  }

  /** Rational functions of symbols are coefficients; atoms and functions (ln, exp) are keys. */
  private static boolean isKey(IExpr f) {
    if (MatrixScalars.node(f).isPresent()) return true;
    if (f.isNumber() || f.isSymbol()) return false;
    if (f.isPower() || f.isTimes() || f.isPlus()) {
      for (IExpr a : Symja.args(f)) if (isKey(a)) return true;
      return false;
    }
    return true;
  }

  /**
   * 0 constants, 1 ln det and other unit-free atoms, 2+d forms of degree d in the units (5 for
   * a bilinear form of two different vectors, after the squares), 9 sums over units.
   */
  private static int rank(IExpr key, Set<String> units) {
    int best = 0;
    List<IExpr> parts = key.isTimes() ? Symja.args(key) : List.of(key);
    for (IExpr p : parts) {
      Optional<ScalarNode> node = MatrixScalars.node(p.isPower() ? p.base() : p);
      if (node.isEmpty()) continue;
      if (node.get() instanceof ScalarNode.UnitSum) return 9;
      MatrixExpr m = node.get().matrix();
      int d = degree(m, units);
      boolean bilinear = d == 2 && !unitOf(((Product) m).factors().get(0), units).equals(unitOf(((Product) m).factors().get(((Product) m).factors().size() - 1), units));
      best = Math.max(best, d == 0 ? 1 : bilinear ? 5 : 2 + d);
    }
    return best;
  }

  private static int degree(MatrixExpr m, Set<String> units) {
    if (!(m instanceof Product p)) return 0;
    int d = 0;
    if (unitOf(p.factors().get(0), units) != null) d++;
    if (unitOf(p.factors().get(p.factors().size() - 1), units) != null) d++;
    return d;
  }

  private static Named unitOf(MatrixExpr f, Set<String> units) {
    if (f instanceof Transpose t) f = t.m();
    return f instanceof Named n && n.vector() && units.contains(n.name()) ? n : null;
  }

  /** Joins c₁ vᵀQ₁w + c₂ vᵀQ₂w (numeric cᵢ, units v, w) into c₁ vᵀ(Q₁ + (c₂/c₁)Q₂)w. */
  private static List<Term> joinForms(List<Term> terms, Set<String> units) {
    Map<List<String>, List<Term>> groups = new LinkedHashMap<>();
    List<Term> out = new ArrayList<>();
    for (Term t : terms) {
      Optional<ScalarNode> node = MatrixScalars.node(t.key());
      if (t.coeff().isNumber() && node.isPresent() && node.get() instanceof ScalarNode.Form f && f.matrix() instanceof Product p
          && p.factors().get(0) instanceof Transpose tr && unitOf(tr, units) != null
          && unitOf(p.factors().get(p.factors().size() - 1), units) != null && !(p.factors().get(p.factors().size() - 1) instanceof Transpose))
        groups.computeIfAbsent(List.of(unitOf(tr, units).name(), unitOf(p.factors().get(p.factors().size() - 1), units).name()), k -> new ArrayList<>()).add(t);
      else out.add(t);
    }
    for (List<Term> g : groups.values()) {
      if (g.size() < 2) {
        out.addAll(g);
        continue;
      }
      // The identity's coefficient (½ of ½ y·y) leads, so the joined matrix reads 𝟙 − …
      g.sort(Comparator.comparing(t -> middle(t) instanceof Identity ? 0 : 1));
      IExpr lead = g.get(0).coeff();
      List<MatrixExpr> mids = new ArrayList<>();
      for (Term t : g) mids.add(MatrixExpr.scale(Symja.eval(F.Divide(t.coeff(), lead)), middle(t)));
      Product first = (Product) ((ScalarNode.Form) MatrixScalars.node(g.get(0).key()).get()).matrix();
      List<MatrixExpr> fs = first.factors();
      MatrixExpr joined = MatrixExpr.multiply(fs.get(0), MatrixSimplifier.simplify(new MatrixExpr.Sum(mids)), fs.get(fs.size() - 1));
      out.add(new Term(lead, MatrixScalars.form(joined)));
    }
    return out;
  }

  private static MatrixExpr middle(Term t) {
    List<MatrixExpr> fs = ((Product) ((ScalarNode.Form) MatrixScalars.node(t.key()).get()).matrix()).factors();
    if (fs.size() == 2) return new Identity(fs.get(1).rows());
    return fs.size() == 3 ? fs.get(1) : MatrixExpr.multiply(fs.subList(1, fs.size() - 1));
  }
}
