package energy.algebra.cumulant;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * Sparse polynomials with exact rational coefficients in opaque atoms (the moment or cumulant
 * expressions handed in), for the moment–cumulant recursions. Symja evaluates every product
 * it builds (~0.1 ms per monomial), which made the joint recursion at k = 8 take 18 s; here a
 * product of monomials is a merge of exponent lists, and Symja sees each result once, when it
 * is turned back into an expression. Atoms are compared by Symja's structural equality, so
 * algebraically dependent atoms (μ₂ = x²) stay distinct until {@link Atoms#toExpr} expands.
 * The Gaussian integrator's fraction-free elimination runs on them too (exact division).
 */
public final class Poly {
  /** A monomial: sorted atom indices interleaved with their positive exponents. */
  private record Mono(int[] pairs, int hash) {
    static final Mono ONE = of(new int[0]);

    static Mono of(int[] pairs) {
      return new Mono(pairs, Arrays.hashCode(pairs));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mono m && hash == m.hash && Arrays.equals(pairs, m.pairs);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    Mono times(Mono o) {
      if (pairs.length == 0) return o;
      if (o.pairs.length == 0) return this;
      int[] out = new int[pairs.length + o.pairs.length];
      int i = 0, j = 0, n = 0;
      while (i < pairs.length || j < o.pairs.length) {
        if (j >= o.pairs.length || (i < pairs.length && pairs[i] < o.pairs[j])) {
          out[n++] = pairs[i++];
          out[n++] = pairs[i++];
        } else if (i >= pairs.length || o.pairs[j] < pairs[i]) {
          out[n++] = o.pairs[j++];
          out[n++] = o.pairs[j++];
        } else {
          out[n++] = pairs[i];
          out[n++] = pairs[i + 1] + o.pairs[j + 1];
          i += 2;
          j += 2;
        }
      }
      return of(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /** this / d, or null when d does not divide this. */
    Mono over(Mono d) {
      int[] out = new int[pairs.length];
      int i = 0, j = 0, n = 0;
      while (i < pairs.length) {
        if (j < d.pairs.length && d.pairs[j] < pairs[i]) return null;
        if (j < d.pairs.length && d.pairs[j] == pairs[i]) {
          int e = pairs[i + 1] - d.pairs[j + 1];
          if (e < 0) return null;
          if (e > 0) {
            out[n++] = pairs[i];
            out[n++] = e;
          }
          j += 2;
        } else {
          out[n++] = pairs[i];
          out[n++] = pairs[i + 1];
        }
        i += 2;
      }
      return j < d.pairs.length ? null : of(n == out.length ? out : Arrays.copyOf(out, n));
    }
  }

  /** Lexicographic order of monomials, greatest first: a monomial order (kept by products). */
  private static final java.util.Comparator<Mono> LEX = (x, y) -> Atoms.lex(x.pairs, y.pairs);

  private final Map<Mono, IRational> terms;

  private Poly(Map<Mono, IRational> terms) {
    this.terms = terms;
  }

  public static Poly zero() {
    return new Poly(new HashMap<>());
  }

  public static Poly constant(IRational c) {
    Poly p = zero();
    if (!c.isZero()) p.terms.put(Mono.ONE, c);
    return p;
  }

  private static Poly atom(int index) {
    Poly p = zero();
    p.terms.put(Mono.of(new int[] {index, 1}), F.C1);
    return p;
  }

  public int size() {
    return terms.size();
  }

  public boolean isZero() {
    return terms.isEmpty();
  }

  /** The value when this is a number, else null. */
  public IRational number() {
    if (terms.isEmpty()) return F.C0;
    return terms.size() == 1 ? terms.get(Mono.ONE) : null;
  }

  /** p·q − r·s, the numerator of a fraction-free elimination step. */
  public static Poly cross(Poly p, Poly q, Poly r, Poly s) {
    Poly out = zero();
    out.addProduct(F.C1, p, q);
    out.addProduct(F.CN1, r, s);
    return out;
  }

  /**
   * this / d when d divides this exactly (as in Bareiss's elimination), by repeatedly taking off
   * the greatest monomial; throws ArithmeticException when the division leaves a remainder.
   */
  public Poly divideExact(Poly d) {
    if (d.isZero()) throw new ArithmeticException("division by the zero polynomial");
    Map.Entry<Mono, IRational> lead = null;
    for (Map.Entry<Mono, IRational> e : d.terms.entrySet())
      if (lead == null || LEX.compare(e.getKey(), lead.getKey()) < 0) lead = e;
    IRational inverse = lead.getValue().inverse();
    Poly q = zero();
    if (d.terms.size() == 1) {
      for (Map.Entry<Mono, IRational> e : terms.entrySet()) {
        Mono m = e.getKey().over(lead.getKey());
        if (m == null) throw new ArithmeticException("inexact polynomial division");
        q.terms.put(m, e.getValue().multiply(inverse));
      }
      return q;
    }
    java.util.TreeMap<Mono, IRational> rest = new java.util.TreeMap<>(LEX);
    rest.putAll(terms);
    while (!rest.isEmpty()) {
      Map.Entry<Mono, IRational> t = rest.pollFirstEntry();
      Mono m = t.getKey().over(lead.getKey());
      if (m == null) throw new ArithmeticException("inexact polynomial division");
      IRational c = t.getValue().multiply(inverse);
      q.terms.put(m, c);
      for (Map.Entry<Mono, IRational> e : d.terms.entrySet()) {
        if (e.getKey().equals(lead.getKey())) continue;
        Mono key = m.times(e.getKey());
        if (rest.merge(key, c.multiply(e.getValue()).negate(), IRational::add).isZero()) rest.remove(key);
      }
    }
    return q;
  }

  /** this += c·p·q. */
  void addProduct(IRational c, Poly p, Poly q) {
    for (Map.Entry<Mono, IRational> a : p.terms.entrySet()) {
      IRational ca = c.multiply(a.getValue());
      for (Map.Entry<Mono, IRational> b : q.terms.entrySet())
        add(a.getKey().times(b.getKey()), ca.multiply(b.getValue()));
    }
  }

  /** this += c·p. */
  void addScaled(IRational c, Poly p) {
    for (Map.Entry<Mono, IRational> a : p.terms.entrySet()) add(a.getKey(), c.multiply(a.getValue()));
  }

  /** Whether every monomial has total degree exactly d in the atoms {@code atoms} accepts. */
  boolean homogeneous(java.util.function.IntPredicate atoms, int d) {
    for (Mono m : terms.keySet()) {
      int degree = 0;
      for (int i = 0; i < m.pairs.length; i += 2) if (atoms.test(m.pairs[i])) degree += m.pairs[i + 1];
      if (degree != d) return false;
    }
    return true;
  }

  private void add(Mono m, IRational c) {
    IRational sum = terms.merge(m, c, IRational::add);
    if (sum.isZero()) terms.remove(m);
  }

  /** The atoms of one computation; each distinct expression gets an index. */
  public static final class Atoms {
    private final Map<IExpr, Integer> index = new HashMap<>();
    private final List<IExpr> atoms = new ArrayList<>();

    /** Whether v can enter a polynomial here: exact numbers are coefficients, inexact ones are not. */
    public static boolean admissible(IExpr v) {
      return !v.isNumber() || v.isRational();
    }

    Poly of(IExpr v) {
      if (v.isRational()) return constant((IRational) v);
      return atom(index.computeIfAbsent(v, e -> {
        atoms.add(e);
        return atoms.size() - 1;
      }));
    }

    IExpr atomAt(int index) {
      return atoms.get(index);
    }

    /**
     * A polynomial expression (sums, products, non-negative integer powers of anything) as a
     * Poly; what is not a sum, product or such power is an atom.
     */
    public Poly parse(IExpr e) {
      if (e.isPlus()) {
        Poly p = zero();
        for (IExpr a : Symja.args(e)) p.addScaled(F.C1, parse(a));
        return p;
      }
      if (e.isTimes()) {
        Poly p = constant(F.C1);
        for (IExpr a : Symja.args(e)) {
          Poly q = zero();
          q.addProduct(F.C1, p, parse(a));
          p = q;
        }
        return p;
      }
      if (e.isPower() && e.exponent().isInteger() && ((org.matheclipse.core.interfaces.IInteger) e.exponent()).isPositive()) {
        int n = ((org.matheclipse.core.interfaces.IInteger) e.exponent()).toIntDefault();
        Poly base = parse(e.base()), p = constant(F.C1);
        for (int i = 0; i < n; i++) {
          Poly q = zero();
          q.addProduct(F.C1, p, base);
          p = q;
        }
        return p;
      }
      return of(e);
    }

    /** c·(sum): a polynomial with its rational content c taken out. */
    record Factored(IRational content, IExpr sum) {}

    /**
     * The polynomial as c·(t₁ + t₂ + …), unevaluated, for printing: c is the rational content
     * (sign of the leading term, gcd of numerators over lcm of denominators), so the sum has
     * coprime integer coefficients and a positive first term; terms in lexicographic order of
     * the atoms, in order of first appearance. Cheap, and the same on every run.
     */
    Factored factored(Poly p) {
      List<Map.Entry<Mono, IRational>> entries = new ArrayList<>(p.terms.entrySet());
      if (entries.isEmpty()) return new Factored(F.C0, F.C1);
      entries.sort((x, y) -> lex(x.getKey().pairs, y.getKey().pairs));
      java.math.BigInteger num = java.math.BigInteger.ZERO, den = java.math.BigInteger.ONE;
      for (Map.Entry<Mono, IRational> e : entries) {
        num = num.gcd(e.getValue().numerator().toBigNumerator());
        java.math.BigInteger d = e.getValue().denominator().toBigNumerator();
        den = den.divide(den.gcd(d)).multiply(d);
      }
      IRational content = (IRational) Symja.eval(F.QQ(F.ZZ(num), F.ZZ(den)));
      if (entries.get(0).getValue().isNegative()) content = content.negate();
      List<IExpr> sum = new ArrayList<>();
      for (Map.Entry<Mono, IRational> e : entries) {
        int[] pairs = e.getKey().pairs;
        IRational c = (IRational) Symja.eval(e.getValue().divideBy(content));
        List<IExpr> factors = new ArrayList<>();
        if (!c.isOne() || pairs.length == 0) factors.add(c);
        for (int i = 0; i < pairs.length; i += 2)
          factors.add(pairs[i + 1] == 1 ? atoms.get(pairs[i]) : F.Power(atoms.get(pairs[i]), F.ZZ(pairs[i + 1])));
        sum.add(factors.size() == 1 ? factors.get(0) : F.Times(factors.toArray(new IExpr[0])));
      }
      return new Factored(content, sum.size() == 1 ? sum.get(0) : Symja.unsortedSum(sum));
    }

    /** Lexicographic: the monomial with the earlier atom, or a higher power of it, first. */
    static int lex(int[] x, int[] y) {
      for (int i = 0; i < Math.min(x.length, y.length); i += 2) {
        if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
        if (x[i + 1] != y[i + 1]) return Integer.compare(y[i + 1], x[i + 1]);
      }
      return Integer.compare(y.length, x.length);
    }

    /** The polynomial as a Symja expression, expanded in the atoms' own symbols. */
    public IExpr toExpr(Poly p) {
      if (p.terms.isEmpty()) return F.C0;
      IExpr[] sum = new IExpr[p.terms.size()];
      boolean compound = false;
      int t = 0;
      for (Map.Entry<Mono, IRational> e : p.terms.entrySet()) {
        int[] pairs = e.getKey().pairs;
        IExpr[] factors = new IExpr[1 + pairs.length / 2];
        factors[0] = e.getValue();
        for (int i = 0; i < pairs.length; i += 2) {
          IExpr atom = atoms.get(pairs[i]);
          compound |= !atom.isSymbol();
          factors[1 + i / 2] = pairs[i + 1] == 1 ? atom : F.Power(atom, F.ZZ(pairs[i + 1]));
        }
        sum[t++] = factors.length == 1 ? factors[0] : F.Times(factors);
      }
      IExpr e = F.Plus(sum);
      // Atoms like Tanh[b] or x+y are opaque here; expanding once puts the result in normal form.
      return compound ? Symja.expand(e) : Symja.eval(e);
    }
  }
}
