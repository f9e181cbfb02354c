package energy.algebra;

import energy.algebra.cumulant.Poly;
import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Integrates real units out of a Boltzmann weight by completing the square.
 *
 * <p>Write the energy as H = ½ uᵀA u − bᵀu + H₀ in the k real units u, with A, b, H₀ free
 * of u (they may depend on the other units). Then, for β > 0 and A symmetric positive
 * definite,
 *
 * <pre>
 *   ∫dᵏu e^{−βH} = e^{−βH₀} √((2π)ᵏ / det(βA)) e^{(β/2) bᵀA⁻¹b},
 *   H' = −β⁻¹ ln ∫dᵏu e^{−βH} = H₀ − ½ bᵀA⁻¹b + (k/2β) ln(β/2π) + (1/2β) ln det A.
 * </pre>
 *
 * A is read off as the Hessian, b as minus the gradient at u = 0, H₀ as the value at u = 0,
 * and the decomposition is verified exactly, so an energy that is not quadratic in u is
 * rejected ({@link NotApplicable}), never silently truncated. Positive definiteness is
 * stated as Sylvester's criterion (leading principal minors &gt; 0); minors that are numbers,
 * or provably never positive (−c²), are decided on the spot.
 */
public final class GaussianIntegrator {
  public record Result(IExpr energy, List<Condition> conditions) {}

  private GaussianIntegrator() {}

  public static Result integrate(IExpr energy, List<ISymbol> u, IExpr beta) {
    return integrate(energy, u, beta, null);
  }

  /** As {@link #integrate(IExpr, List, IExpr)}, recording M, J, det M and JᵀM⁻¹J as a step when {@code steps} is given. */
  public static Result integrate(IExpr energy, List<ISymbol> u, IExpr beta, energy.result.Derivation.Recorder steps) {
    java.util.Set<ISymbol> positive = beta.isSymbol() ? java.util.Set.of((ISymbol) beta) : java.util.Set.of();
    int k = u.size();
    IAST zero = zeroRules(u);
    IExpr h0 = Symja.eval(F.ReplaceAll(energy, zero));
    IExpr[] b = new IExpr[k];
    IExpr[][] a = new IExpr[k][k];
    java.util.Set<ISymbol> set = new java.util.HashSet<>(u);
    for (int i = 0; i < k; i++) {
      IExpr di = Symja.eval(F.D(energy, u.get(i)));
      b[i] = Symja.eval(F.Negate(F.ReplaceAll(di, zero)));
      for (int j = 0; j < k; j++) {
        a[i][j] = normal(F.D(di, u.get(j)));
        if (!Expansion.freeOf(a[i][j], set))
          throw notQuadratic(u);
      }
    }
    // Exactness: H − (H₀ − bᵀu + ½uᵀAu) must vanish identically.
    List<IExpr> model = new ArrayList<>();
    model.add(h0);
    for (int i = 0; i < k; i++) {
      model.add(F.Times(F.CN1, b[i], u.get(i)));
      for (int j = 0; j < k; j++) model.add(F.Times(F.C1D2, a[i][j], u.get(i), u.get(j)));
    }
    IExpr rest = Symja.eval(F.Subtract(energy, F.Plus(model.toArray(new IExpr[0]))));
    if (!rest.isZero() && !Symja.together(F.Expand(rest)).isZero()) throw notQuadratic(u);

    Minors minors = minors(a, b, u);
    List<Condition> conditions = positiveDefinite(minors.leading(), u, positive);
    IExpr det = minors.det();
    // bᵀA⁻¹b = bᵀ adj(A) b / det A, kept as one fraction over det A (see Fractions).
    IExpr quad = F.Times(minors.adjugateForm(), F.Power(det, F.CN1));
    List<IExpr> out = new ArrayList<>();
    out.add(h0);
    out.add(F.Times(F.CN1D2, quad));
    out.add(F.Times(F.QQ(k, 2), F.Power(beta, F.CN1), F.Log(F.Divide(beta, F.Times(F.C2, F.Pi)))));
    if (!det.isOne()) out.add(F.Times(F.C1D2, F.Power(beta, F.CN1), F.Log(det)));
    IExpr result = Symja.eval(F.Plus(out.toArray(new IExpr[0])));
    if (steps != null) steps.add(step(u, a, b, h0, minors, result));
    return new Result(result, conditions);
  }

  private static energy.result.Derivation.Gaussian step(List<ISymbol> u, IExpr[][] a, IExpr[] b, IExpr h0, Minors minors, IExpr result) {
    List<List<IExpr>> m = new ArrayList<>();
    for (IExpr[] row : a) m.add(List.of(row));
    return new energy.result.Derivation.Gaussian(List.copyOf(u), m, List.of(b), h0, minors.leading(), minors.det(), minors.adjugateForm(), result);
  }

  /** The adjugate of M (M⁻¹ = adj M / det M), for showing a small inverse. */
  public static List<List<IExpr>> adjugate(List<List<IExpr>> m) {
    int k = m.size();
    IExpr[][] a = new IExpr[k][k];
    for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = m.get(i).get(j);
    List<List<IExpr>> out = new ArrayList<>();
    for (IExpr[] row : adjugate(a)) {
      List<IExpr> r = new ArrayList<>();
      for (IExpr e : row) r.add(Symja.expand(e));
      out.add(r);
    }
    return out;
  }

  /** The leading principal minors of A (each checked when it is a number), det A and bᵀ adj(A) b. */
  record Minors(List<IExpr> leading, IExpr det, IExpr adjugateForm) {}

  /**
   * Most nonzero minors {@link #byExpansion} keeps at one row before it leaves the matrix to
   * {@link #byElimination}: a dense k × k matrix has up to C(k+1, (k+1)/2) of them, 126 for the
   * 8 × 8 of a DBM's joint integral, 924 at k = 11, where elimination's k³ steps win.
   */
  static final int MAX_MINORS = 1 << 9;

  /** Column sets are bits of an int: larger bordered matrices are eliminated. */
  private static final int MAX_COLUMNS = 30;

  /** Sylvester's minors, det A and bᵀ adj(A) b: on exact polynomials by expansion, else by elimination or Symja. */
  static Minors minors(IExpr[][] a, IExpr[] b, List<ISymbol> u) {
    return minors(a, b, u, MAX_MINORS);
  }

  static Minors minors(IExpr[][] a, IExpr[] b, List<ISymbol> u, int maxMinors) {
    if (!exactPolynomial(a) || !exactPolynomial(new IExpr[][] {b})) return bySymja(a, b, u);
    Minors expanded = byExpansion(a, b, u, maxMinors);
    return expanded != null ? expanded : byElimination(a, b, u);
  }

  /**
   * The minors of the first rows of the bordered matrix [[A, b], [bᵀ, 0]] by Laplace expansion
   * along each next row, one per set of columns, kept only when nonzero. Those of the first j rows
   * and columns are Sylvester's minors, the k-th is det A, and the last is
   * det [[A, b], [bᵀ, 0]] = −bᵀ adj(A) b. Every product is a minor times one entry, with no
   * division: when entries are small polynomials in many parameters (the DBM's 1 − BBᵀ), the
   * fraction-free elimination's products of two minors and exact divisions cost quadratically more
   * (dbm3 with m = p = 4: 65 % of the compile was elimination). There are up to 2^{k+1} column sets,
   * so a matrix whose nonzero minors pass {@code maxMinors} at some row is left to elimination
   * (null).
   */
  private static Minors byExpansion(IExpr[][] a, IExpr[] b, List<ISymbol> u, int maxMinors) {
    int k = a.length, n = k + 1;
    if (n > MAX_COLUMNS) return null;
    Poly.Atoms atoms = new Poly.Atoms();
    Poly[][] m = bordered(a, b, atoms);
    Poly one = Poly.constant(F.C1), minusOne = Poly.constant(F.CN1), zero = Poly.zero();
    Map<Integer, Poly> minors = Map.of(0, one);
    List<IExpr> leading = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Map<Integer, Poly> next = new HashMap<>();
      for (Map.Entry<Integer, Poly> e : minors.entrySet()) {
        int columns = e.getKey();
        for (int c = 0; c < n; c++) {
          if ((columns & 1 << c) != 0 || m[r][c].isZero()) continue;
          // Row r is the last of the minor, column c its t-th: cofactor sign (−1)^{r+t}.
          boolean negative = ((r + Integer.bitCount(columns & ((1 << c) - 1))) & 1) != 0;
          Poly sum = next.getOrDefault(columns | 1 << c, zero);
          next.put(columns | 1 << c, negative ? Poly.cross(sum, one, m[r][c], e.getValue()) : Poly.cross(m[r][c], e.getValue(), minusOne, sum));
        }
      }
      next.values().removeIf(Poly::isZero);
      if (next.size() > maxMinors) return null;
      minors = next;
      if (r < k) leading.add(r == 0 ? a[0][0] : atoms.toExpr(minors.getOrDefault((1 << (r + 1)) - 1, zero)));
    }
    for (int s = 0; s < k; s++) requirePositiveIfNumber(leading.get(s), s + 1, u);
    // Negated as a polynomial: Symja negating the evaluated sum walks it a second time.
    Poly bordered = minors.getOrDefault((1 << n) - 1, zero);
    return new Minors(leading, leading.get(k - 1), atoms.toExpr(Poly.cross(zero, zero, one, bordered)));
  }

  /** [[A, b], [bᵀ, 0]] as polynomials. */
  private static Poly[][] bordered(IExpr[][] a, IExpr[] b, Poly.Atoms atoms) {
    int k = a.length;
    Poly[][] m = new Poly[k + 1][k + 1];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) m[i][j] = m[j][i] = atoms.parse(a[i][j]);
      m[i][k] = m[k][i] = atoms.parse(b[i]);
    }
    m[k][k] = Poly.zero();
    return m;
  }

  /**
   * One fraction-free (Bareiss) elimination of the bordered matrix [[A, b], [bᵀ, 0]] on exact
   * sparse polynomials. Its pivots are the leading principal minors of A, the k-th being det A,
   * and its last is det [[A, b], [bᵀ, 0]] = −bᵀ adj(A) b. Every division is exact. No pivoting
   * is needed: a pivot that vanishes is a leading minor that is not positive, refused on the spot.
   * Symmetry is kept by every step, so only the upper triangle is eliminated. Symja's Det and
   * the k² adjugate minors took minutes and gigabytes on a 4 × 4 matrix in 16 parameters.
   */
  private static Minors byElimination(IExpr[][] a, IExpr[] b, List<ISymbol> u) {
    int k = a.length, n = k + 1;
    Poly.Atoms atoms = new Poly.Atoms();
    Poly[][] m = bordered(a, b, atoms); // only its upper triangle is read and eliminated
    List<IExpr> leading = new ArrayList<>();
    Poly previous = Poly.constant(F.C1);
    for (int s = 0; s < k; s++) {
      IExpr minor = s == 0 ? a[0][0] : atoms.toExpr(m[s][s]);
      requirePositiveIfNumber(minor, s + 1, u);
      leading.add(minor);
      for (int i = s + 1; i < n; i++)
        for (int j = i; j < n; j++)
          m[i][j] = Poly.cross(m[s][s], m[i][j], m[s][i], m[s][j]).divideExact(previous);
      previous = m[s][s];
    }
    return new Minors(leading, leading.get(k - 1), Symja.eval(F.Negate(atoms.toExpr(m[k][k]))));
  }

  /** Symja's Det on each leading block and on each adjugate minor: for entries that are not polynomials. */
  private static Minors bySymja(IExpr[][] a, IExpr[] b, List<ISymbol> u) {
    int k = a.length;
    List<IExpr> leading = new ArrayList<>();
    for (int n = 1; n <= k; n++) {
      IExpr[][] lead = new IExpr[n][n];
      for (int i = 0; i < n; i++) System.arraycopy(a[i], 0, lead[i], 0, n);
      IExpr minor = n == 1 ? a[0][0] : normal(F.Det(matrix(lead)));
      requirePositiveIfNumber(minor, n, u);
      leading.add(minor);
    }
    IExpr det = k == 1 ? a[0][0] : Symja.expand(F.Det(matrix(a)));
    return new Minors(leading, det, Symja.expand(bilinear(b, adjugate(a))));
  }

  /** Whether every entry is a polynomial with exact rational coefficients (in any atoms). */
  private static boolean exactPolynomial(IExpr[][] rows) {
    for (IExpr[] row : rows) for (IExpr e : row) if (e != null && !exactPolynomial(e)) return false;
    return true;
  }

  private static boolean exactPolynomial(IExpr e) {
    if (e.isNumber()) return e.isRational();
    if (e.isPower() && !(e.exponent().isInteger() && !e.exponent().isNegative())) return false;
    for (IExpr a : Symja.args(e)) if (!exactPolynomial(a)) return false;
    return true;
  }

  /**
   * e in normal form: expanded when it is a polynomial, over a common denominator otherwise.
   * Together on a polynomial still runs its GCD machinery: minutes on the determinants of an
   * 8 × 8 DBM's matrices, where Expand takes seconds.
   */
  private static IExpr normal(IExpr e) {
    IExpr x = Symja.expand(e);
    return hasReciprocal(x) ? Symja.together(x) : x;
  }

  private static boolean hasReciprocal(IExpr e) {
    if (e.isPower() && !(e.exponent().isInteger() && !e.exponent().isNegative())) return true;
    for (IExpr a : Symja.args(e)) if (hasReciprocal(a)) return true;
    return false;
  }

  /** adj(A)ᵢⱼ = (−1)^{i+j} det(A without row j and column i). */
  private static IExpr[][] adjugate(IExpr[][] a) {
    int k = a.length;
    IExpr[][] adj = new IExpr[k][k];
    if (k == 1) {
      adj[0][0] = F.C1;
      return adj;
    }
    for (int i = 0; i < k; i++)
      for (int j = 0; j < k; j++) {
        IExpr[][] minor = new IExpr[k - 1][k - 1];
        for (int r = 0, rr = 0; r < k; r++) {
          if (r == j) continue;
          for (int c = 0, cc = 0; c < k; c++) {
            if (c == i) continue;
            minor[rr][cc++] = a[r][c];
          }
          rr++;
        }
        IExpr m = k == 2 ? minor[0][0] : Symja.expand(F.Det(matrix(minor)));
        adj[i][j] = (i + j) % 2 == 0 ? m : Symja.eval(F.Negate(m));
      }
    return adj;
  }

  private static IExpr bilinear(IExpr[] b, IExpr[][] m) {
    List<IExpr> terms = new ArrayList<>();
    for (int i = 0; i < b.length; i++)
      for (int j = 0; j < b.length; j++) terms.add(F.Times(b[i], m[i][j], b[j]));
    return F.Plus(terms.toArray(new IExpr[0]));
  }

  private static NotApplicable notQuadratic(List<ISymbol> u) {
    return new NotApplicable(
        "the energy is not quadratic in " + names(u) + ", so it cannot be integrated as a Gaussian",
        "real units are integrated exactly only when the energy is a polynomial of degree at most 2 in them");
  }

  static String names(List<ISymbol> u) {
    List<String> names = new ArrayList<>();
    for (ISymbol s : u) names.add(s.getSymbolName());
    return String.join(", ", names);
  }

  private static IAST zeroRules(List<ISymbol> u) {
    IExpr[] rules = new IExpr[u.size()];
    for (int i = 0; i < rules.length; i++) rules[i] = F.Rule(u.get(i), F.C0);
    return F.List(rules);
  }

  private static IExpr matrix(IExpr[][] a) {
    IExpr[] rows = new IExpr[a.length];
    for (int i = 0; i < a.length; i++) rows[i] = F.List(a[i]);
    return F.List(rows);
  }

  /** A leading minor that is a number must be positive, or the integral diverges. */
  private static void requirePositiveIfNumber(IExpr minor, int n, List<ISymbol> u) {
    if (!minor.isNumber() || minor.isPositive()) return;
    throw new NotApplicable(
        "the Gaussian integral over " + names(u) + " diverges: the quadratic form is not positive definite"
            + " (leading minor " + n + " is " + minor + ")",
        "the coefficient matrix of the squares of the real units must be positive definite");
  }

  /**
   * Sylvester's criterion: the leading principal minors that are not numbers are positive. A
   * minor that no real parameters make positive (a negated square) is a divergent integral.
   */
  private static List<Condition> positiveDefinite(List<IExpr> leading, List<ISymbol> u, java.util.Set<ISymbol> positive) {
    List<Condition> conditions = new ArrayList<>();
    for (int n = 1; n <= leading.size(); n++) {
      IExpr minor = leading.get(n - 1);
      if (minor.isNumber()) continue;
      if (Condition.neverPositive(minor, positive))
        throw new NotApplicable(
            "the Gaussian integral over " + names(u) + " diverges for every real value of the parameters: leading minor "
                + n + " of the quadratic form is " + minor + ", never positive",
            "the coefficient matrix of the squares of the real units must be positive definite for some parameter values;"
                + " a negated square such as -c^2 is positive for none");
      conditions.add(new Condition(F.Greater(minor, F.C0),
          "the Gaussian integral over " + names(u) + " converges (Sylvester's criterion)"));
    }
    return conditions;
  }
}
