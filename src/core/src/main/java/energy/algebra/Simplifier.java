package energy.algebra;

import energy.numeric.NumericFunction;
import energy.print.LatexPrinter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Shorter equal forms of result expressions, as a physicist would write them: logarithms of
 * products split and recombined (½β⁻¹ ln(β/2π) + ½β⁻¹ ln c = ½β⁻¹ ln(βc/2π)), rational multiples
 * of logarithms of numbers folded (−⅛ ln 256 = −ln 2), like terms collected, common factors taken
 * out of sums and function arguments, e^x + e^{−x} = 2 cosh x and 1 − tanh⁴x = cosh 2x/cosh⁴x.
 *
 * <p>Each rewrite is an identity wherever the expression is real: a logarithm is split only
 * into factors all but one of which are provably positive (positive numbers, e^x, cosh, symbols
 * known positive), so the last one is positive wherever the logarithm is real. The rewrites
 * run in a few fixed sequences; the candidate that typesets shortest (LaTeX, without spaces and
 * delimiter sizing) wins if it agrees with the input at random values of its symbols, otherwise
 * the input is kept unchanged.
 */
public final class Simplifier {
  /** Above this many leaves an expression is left alone: the rewrites are for readable results. */
  static final int MAX_LEAVES = 3000;

  /** Relative agreement a candidate must show with the input at every sample. */
  static final double TOLERANCE = 1e-10;

  private final Set<ISymbol> positive;
  private final Set<ISymbol> units;
  private final LatexPrinter printer;

  /**
   * @param positive symbols known positive (β, a parameter with a condition c > 0)
   * @param units the result's units: like terms are collected by their unit-dependent part
   */
  public Simplifier(Set<ISymbol> positive, Collection<ISymbol> units, LatexPrinter printer) {
    this.positive = Set.copyOf(positive);
    this.units = Set.copyOf(units);
    this.printer = printer;
  }

  /** One named rewrite; each maps an expression to an equal one (or itself). */
  record Rewrite(String name, UnaryOperator<IExpr> apply) {}

  List<List<Rewrite>> pipelines() {
    Rewrite distribute = new Rewrite("distribute numbers over sums", Simplifier::distribute);
    Rewrite collect = new Rewrite("collect like terms and common factors", e -> bottomUp(e, this::collect));
    Rewrite splitLogs = new Rewrite("split logarithms of positive products", this::splitAllLogs);
    Rewrite combineLogs = new Rewrite("combine logarithms", e -> bottomUp(e, Simplifier::combineLogs));
    Rewrite arguments = new Rewrite("common factors of function arguments", e -> bottomUp(e, this::factorArgument));
    Rewrite contents = new Rewrite("integer contents of a product's sums", e -> bottomUp(e, Simplifier::contents));
    return List.of(
        List.of(distribute, collect, splitLogs, combineLogs, arguments, contents),
        List.of(distribute, collect, splitLogs, arguments),
        List.of(collect, arguments, contents),
        List.of(combineLogs),
        List.of(arguments));
  }

  /** The shortest verified form of {@code e}, or {@code e} itself. */
  public IExpr simplify(IExpr e) {
    return shortest(e, pipelines());
  }

  /**
   * A sum of an energy's terms with its logarithms split and recombined across terms, and
   * nothing else (its terms stay apart, the places where a line may break), or the sum itself.
   */
  public IExpr simplifyLogs(IExpr sum) {
    return shortest(sum, List.of(List.of(
        new Rewrite("split logarithms of positive products", this::splitAllLogs), new Rewrite("combine logarithms", Simplifier::combineLogs))));
  }

  private IExpr shortest(IExpr e, List<List<Rewrite>> pipelines) {
    if (e.leafCount() > MAX_LEAVES || !worthTrying(e)) return e;
    int before = length(e);
    List<IExpr> candidates = candidates(e, pipelines);
    candidates.sort(Comparator.comparingInt(this::length));
    for (IExpr c : candidates) {
      if (length(c) >= before) break;
      if (agrees(e, c, 24, TOLERANCE)) return c;
    }
    return e;
  }

  /** What each sequence of rewrites makes of {@code e}, without duplicates or {@code e} itself. */
  List<IExpr> candidates(IExpr e, List<List<Rewrite>> pipelines) {
    IExpr start = NumericFunction.released(e);
    List<IExpr> candidates = new ArrayList<>();
    for (List<Rewrite> pipeline : pipelines) {
      IExpr c = start;
      try {
        for (Rewrite r : pipeline) c = r.apply().apply(c);
        length(c); // a form the printer cannot write is no candidate
      } catch (RuntimeException failed) {
        continue; // a rewrite that cannot handle a shape simply offers nothing
      }
      if (!c.equals(start) && !candidates.contains(c)) candidates.add(c);
    }
    return candidates;
  }

  /** Whether anything here can shorten: a logarithm, a sum inside a product or call, an exponential. */
  private static boolean worthTrying(IExpr e) {
    if (!e.isAST()) return false;
    if (e.isLog() || e.isAST(S.Cosh) || e.isAST(S.Sinh) || e.isAST(S.Tanh) || e.isPlus() || e.isAST(S.HoldForm)) return true;
    for (IExpr a : Symja.args(e)) if (worthTrying(a)) return true;
    return false;
  }

  /** Typeset length: the LaTeX without spaces and {@code \left}/{@code \right}, which do not take width. */
  public int length(IExpr e) {
    return printer.print(e).replace("\\left", "").replace("\\right", "").replace(" ", "").length();
  }

  // ---------------------------------------------------------------- verification

  /**
   * Whether {@code a} and {@code b} agree at random values of their symbols (positive ones in
   * (0.2, 2.2), the others in (−1.5, 1.5)) to {@code tolerance} relative; samples where
   * {@code a} is not finite are skipped, and at least a quarter must be usable.
   */
  public boolean agrees(IExpr a, IExpr b, int samples, double tolerance) {
    List<ISymbol> vars = new ArrayList<>(symbols(a));
    for (ISymbol s : symbols(b)) if (!vars.contains(s)) vars.add(s);
    NumericFunction fa, fb;
    try {
      fa = NumericFunction.compile(a, vars);
      fb = NumericFunction.compile(b, vars);
    } catch (RuntimeException unsupported) {
      return false;
    }
    Random random = new Random(0x51AB1E + vars.size());
    int used = 0;
    for (int i = 0; i < samples; i++) {
      double[] x = new double[vars.size()];
      for (int j = 0; j < x.length; j++)
        x[j] = positive.contains(vars.get(j)) ? 0.2 + 2 * random.nextDouble() : -1.5 + 3 * random.nextDouble();
      double va = fa.apply(x), vb = fb.apply(x);
      if (!Double.isFinite(va)) continue;
      used++;
      if (!(java.lang.Math.abs(va - vb) <= tolerance * java.lang.Math.max(1, java.lang.Math.max(java.lang.Math.abs(va), java.lang.Math.abs(vb)))))
        return false;
    }
    return used * 4 >= samples;
  }

  /** The user symbols of an expression (constants such as π and e excluded), in order of appearance. */
  public static Set<ISymbol> symbols(IExpr e) {
    Set<ISymbol> out = new LinkedHashSet<>();
    collectSymbols(e, out);
    return out;
  }

  private static void collectSymbols(IExpr e, Set<ISymbol> out) {
    if (e.isSymbol()) {
      ISymbol s = (ISymbol) e;
      if (!s.isBuiltInSymbol()) out.add(s);
    } else if (e.isAST()) for (IExpr a : Symja.args(e)) collectSymbols(a, out);
  }

  // ---------------------------------------------------------------- traversal

  /** {@code f} applied to every compound subexpression, innermost first; HoldForm released. */
  static IExpr bottomUp(IExpr e, UnaryOperator<IExpr> f) {
    if (e.isAST(S.HoldForm, 2)) return bottomUp(e.first(), f);
    if (!e.isAST()) return e;
    IAST a = (IAST) e;
    IExpr[] args = new IExpr[a.argSize()];
    boolean changed = false;
    for (int i = 1; i <= a.argSize(); i++) {
      args[i - 1] = bottomUp(a.getAt(i), f);
      changed |= args[i - 1] != a.getAt(i);
    }
    IExpr rebuilt = changed ? F.ast(args, a.head()) : a;
    return f.apply(flatten(rebuilt));
  }

  /** Nested sums and products merged into their parents (without evaluating). */
  private static IExpr flatten(IExpr e) {
    if (!(e.isPlus() || e.isTimes())) return e;
    List<IExpr> out = new ArrayList<>();
    boolean changed = false;
    for (IExpr a : Symja.args(e)) {
      if (a.head().equals(e.head())) {
        out.addAll(Symja.args(a));
        changed = true;
      } else out.add(a);
    }
    if (!changed) return e;
    return e.isPlus() ? Symja.unsortedSum(out) : Symja.unsortedProduct(out);
  }

  // ---------------------------------------------------------------- distribute

  /** c·(a + b) → ca + cb for a number c, so that the terms can meet their like terms. */
  static IExpr distribute(IExpr e) {
    return bottomUp(e, x -> {
      if (!x.isTimes() || x.argSize() != 2 || !x.first().isRational() || !x.second().isPlus()) return x;
      List<IExpr> out = new ArrayList<>();
      for (IExpr t : Symja.args(x.second())) out.add(Term.of(t).times(Term.number((IRational) x.first())).expr());
      return Symja.unsortedSum(out);
    });
  }

  // ---------------------------------------------------------------- collect

  /**
   * A sum with like terms merged (by their unit-dependent part when the sum has one, whose
   * coefficients are then collected in turn; else by their monomial), e^x ± e^{−x} written
   * 2 cosh x or 2 sinh x, and the factor common to all terms taken out.
   */
  IExpr collect(IExpr e) {
    if (!e.isPlus()) return e;
    List<Term> terms = new ArrayList<>();
    for (IExpr t : Symja.args(e)) terms.add(Term.of(t));
    terms = expPairs(likeTerms(terms));
    if (terms.isEmpty()) return F.C0;
    if (terms.size() == 1) return terms.get(0).expr();
    IExpr apart = sum(terms), factored = common(terms);
    return length(factored) < length(apart) ? factored : apart;
  }

  private List<Term> likeTerms(List<Term> terms) {
    boolean byUnits = false;
    for (Term t : terms) byUnits |= !unitPart(t).powers.isEmpty();
    Map<IExpr, List<Term>> groups = new LinkedHashMap<>();
    for (Term t : terms) {
      Term key = byUnits ? unitPart(t) : t;
      groups.computeIfAbsent(key.monomial(), k -> new ArrayList<>()).add(t);
    }
    List<Term> out = new ArrayList<>();
    for (List<Term> g : groups.values()) {
      if (g.size() == 1) {
        out.add(g.get(0));
        continue;
      }
      Term kernel = byUnits ? unitPart(g.get(0)) : Term.of(g.get(0).monomial());
      List<IExpr> coefficients = new ArrayList<>();
      IRational numbers = F.C0;
      boolean numeric = true;
      for (Term t : g) {
        Term c = divide(t, kernel);
        coefficients.add(c.expr());
        numeric &= c.powers.isEmpty();
        numbers = numbers.add(c.number);
      }
      if (numeric) {
        if (!numbers.isZero()) out.add(Term.number(numbers).times(kernel));
        continue;
      }
      if (kernel.powers.isEmpty()) { // terms without units: merged by their monomials only
        out.addAll(likeMonomials(g));
        continue;
      }
      IExpr c = collect(Symja.unsortedSum(coefficients));
      if (c.isZero()) continue;
      out.add(Term.of(c).times(kernel));
    }
    return out;
  }

  private static List<Term> likeMonomials(List<Term> terms) {
    Map<IExpr, Term> merged = new LinkedHashMap<>();
    for (Term t : terms) {
      Term seen = merged.get(t.monomial());
      if (seen == null) merged.put(t.monomial(), t);
      else seen.number = seen.number.add(t.number);
    }
    List<Term> out = new ArrayList<>();
    for (Term t : merged.values()) if (!t.number.isZero()) out.add(t);
    return out;
  }

  /** The factors of a term that contain a unit. */
  private Term unitPart(Term t) {
    Term u = new Term();
    for (Map.Entry<IExpr, IRational> p : t.powers.entrySet())
      if (!java.util.Collections.disjoint(symbols(p.getKey()), units)) u.powers.put(p.getKey(), p.getValue());
    return u;
  }

  private static Term divide(Term t, Term by) {
    Term inverse = Term.number(by.number.inverse());
    for (Map.Entry<IExpr, IRational> p : by.powers.entrySet()) inverse.powers.put(p.getKey(), p.getValue().negate());
    return t.times(inverse);
  }

  /** r e^x + r e^{−x} = 2r cosh x, r e^x − r e^{−x} = 2r sinh x. */
  private static List<Term> expPairs(List<Term> terms) {
    List<Term> out = new ArrayList<>(terms);
    for (int i = 0; i < out.size(); i++)
      for (int j = i + 1; j < out.size(); j++) {
        Term merged = expPair(out.get(i), out.get(j));
        if (merged != null) {
          out.set(i, merged);
          out.remove(j);
          break;
        }
      }
    return out;
  }

  private static Term expPair(Term a, Term b) {
    for (Map.Entry<IExpr, IRational> p : a.powers.entrySet()) {
      IExpr base = p.getKey();
      if (!p.getValue().isOne() || !base.isPower() || base.base() != S.E) continue;
      IExpr mirror = F.Power(S.E, Symja.eval(F.Negate(base.exponent())));
      if (!b.powers.containsKey(mirror) || !b.powers.get(mirror).isOne()) continue;
      Term ra = divide(a, Term.of(base)), rb = divide(b, Term.of(mirror));
      boolean sum = ra.number.equals(rb.number), difference = ra.number.equals(rb.number.negate());
      if (!ra.powers.equals(rb.powers) || !(sum || difference)) continue;
      IExpr x = base.exponent();
      boolean flip = DiscreteSummer.firstNegative(x);
      if (flip) x = Symja.eval(F.Negate(x));
      IRational two = F.C2;
      if (difference && flip) two = two.negate();
      return ra.times(Term.number(two)).times(Term.of(sum ? F.Cosh(x) : F.Sinh(x)));
    }
    return null;
  }

  /**
   * n·Π b^e common to all terms times the rest: b^e the shared bases with exponents of one sign,
   * n the gcd of integer coefficients, or a fraction that every coefficient shares (½a + ½b);
   * never a fraction that leaves integers inside (⅙(6a + b) reads worse than a + ⅙b).
   */
  private static IExpr common(List<Term> terms) {
    IRational g = terms.get(0).number.abs();
    boolean allNegative = true, integers = true, equal = true;
    for (Term t : terms) {
      integers &= t.number.isInteger();
      equal &= t.number.abs().equals(g);
      allNegative &= t.number.isNegative();
    }
    if (integers) for (Term t : terms) g = g.gcd(t.number.abs());
    else if (!equal) g = F.C1;
    Term c = Term.number(g);
    for (Map.Entry<IExpr, IRational> p : terms.get(0).powers.entrySet()) {
      IRational least = p.getValue();
      boolean shared = true;
      for (Term t : terms) {
        IRational e = t.powers.get(p.getKey());
        if (e == null || e.isNegative() != least.isNegative()) {
          shared = false;
          break;
        }
        if (e.abs().compareTo(least.abs()) < 0) least = e;
      }
      if (shared) c.powers.put(p.getKey(), least);
    }
    if (allNegative && !c.powers.isEmpty()) c.number = c.number.negate();
    if (c.number.isOne() && c.powers.isEmpty()) return sum(terms);
    List<Term> rest = new ArrayList<>();
    for (Term t : terms) rest.add(divide(t, c));
    List<IExpr> f = new ArrayList<>(Symja.factors(c.expr()));
    if (f.size() == 1 && f.get(0).isOne()) f.clear();
    f.add(sum(rest));
    return Symja.unsortedProduct(f);
  }

  private static IExpr sum(List<Term> terms) {
    List<IExpr> out = new ArrayList<>();
    for (Term t : terms) out.add(t.expr());
    return Symja.unsortedSum(out);
  }

  /**
   * n·(g a + g b)^k → n gᵏ (a + b)^k for the integer content g of each sum factor, so that the
   * numbers of a fraction's numerator and denominator meet: ½(2a − 2b)/c → (a − b)/c.
   */
  public static IExpr contents(IExpr e) {
    if (!e.isTimes()) return e;
    IRational number = F.C1;
    List<IExpr> rest = new ArrayList<>();
    boolean changed = false;
    for (IExpr f : Symja.args(e)) {
      if (f.isRational()) {
        number = number.multiply((IRational) f);
        continue;
      }
      IExpr base = f.isPower() ? f.base() : f, k = f.isPower() ? f.exponent() : F.C1;
      IInteger g = base.isPlus() && k.isInteger() ? content(base) : F.C1;
      if (g.isOne()) {
        rest.add(f);
        continue;
      }
      List<Term> terms = new ArrayList<>();
      for (IExpr t : Symja.args(base)) terms.add(divide(Term.of(t), Term.number(g)));
      IExpr reduced = sum(terms);
      rest.add(k.isOne() ? reduced : F.Power(reduced, k));
      number = number.multiply(power(g, ((IInteger) k).toLong()));
      changed = true;
    }
    if (!changed) return e;
    if (!number.isOne()) rest.add(0, number);
    return rest.size() == 1 ? rest.get(0) : Symja.unsortedProduct(rest);
  }

  /** The gcd of a sum's integer coefficients (1 when one is not an integer). */
  private static IInteger content(IExpr sum) {
    IInteger g = F.C0;
    for (IExpr t : Symja.args(sum)) {
      IRational n = Term.of(t).number;
      if (!n.isInteger()) return F.C1;
      g = g.gcd((IInteger) n.abs());
    }
    return g.isZero() ? F.C1 : g;
  }

  /** f(λa + λb) → f(λ(a + b)) for a call whose argument is a sum, when that typesets shorter. */
  IExpr factorArgument(IExpr e) {
    if (!e.isAST() || e.isPlus() || e.isTimes() || e.isPower() || e.argSize() != 1 || !e.first().isPlus()) return e;
    List<Term> terms = new ArrayList<>();
    for (IExpr t : Symja.args(e.first())) terms.add(Term.of(t));
    IExpr factored = common(terms);
    IExpr candidate = F.unaryAST1(e.head(), factored);
    return length(candidate) < length(e) ? candidate : e;
  }

  // ---------------------------------------------------------------- logarithms

  /**
   * Every term c·ln q of a sum (or the whole expression when it is one) replaced by c times the
   * split of ln q; a logarithm that is a factor of a product stays whole.
   */
  IExpr splitAllLogs(IExpr e) {
    IExpr x = bottomUp(e, this::splitLogs);
    return x.isLog() || (x.isTimes() && hasLogFactor(x)) ? splitTerm(x) : x;
  }

  private IExpr splitLogs(IExpr e) {
    if (!e.isPlus()) return e;
    List<IExpr> out = new ArrayList<>();
    for (IExpr t : Symja.args(e)) out.addAll(Symja.terms(splitTerm(t)));
    return Symja.unsortedSum(out);
  }

  private static boolean hasLogFactor(IExpr e) {
    for (IExpr f : Symja.factors(e)) if (f.isLog()) return true;
    return false;
  }

  /** c·ln q with q split into logarithms of its factors, each multiplied by c. */
  private IExpr splitTerm(IExpr t) {
    IExpr log = null;
    List<IExpr> c = new ArrayList<>();
    for (IExpr f : Symja.factors(t)) {
      if (log == null && f.isLog()) log = f;
      else c.add(f);
    }
    if (log == null) return t;
    IExpr coefficientExpr = Symja.unsortedProduct(c);
    // under a symbolic coefficient a number stays whole, to rejoin its logarithm: ln 4cosh x, not 2 ln 2 + ln cosh x
    List<IExpr> parts = Symja.terms(logOf(log.first(), symbols(coefficientExpr).isEmpty()));
    if (parts.size() == 1 && parts.get(0).equals(log)) return t;
    Term coefficient = Term.of(coefficientExpr);
    List<IExpr> out = new ArrayList<>();
    for (IExpr p : parts) out.add(Term.of(p).times(coefficient).expr());
    return Symja.unsortedSum(out);
  }

  /** ln q as a sum of logarithms of q's factors, where that is an identity. */
  private IExpr logOf(IExpr q, boolean primes) {
    if (q.isAST(S.HoldForm, 2)) return logOf(q.first(), primes);
    if (q.isRational() && q.isPositive()) return primes ? numberLog((IRational) q) : F.Log(q);
    if (q.isPower() && q.base() == S.E) return q.exponent();
    if (q.isPower() && q.exponent().isRational() && positive(q.base())) return times((IRational) q.exponent(), logOf(q.base(), primes));
    if (q.isTimes()) {
      int unknown = 0;
      for (IExpr f : Symja.args(q)) if (!positive(f)) unknown++;
      if (unknown > 1) return F.Log(q);
      List<IExpr> out = new ArrayList<>();
      for (IExpr f : Symja.args(q)) out.addAll(Symja.terms(logOf(f, primes)));
      return Symja.unsortedSum(out);
    }
    IExpr tanh = oneMinusTanhPower(q);
    if (tanh != null) return tanh;
    return F.Log(q);
  }

  /** ln(1 − tanh²x) = −2 ln cosh x, ln(1 − tanh⁴x) = ln cosh 2x − 4 ln cosh x. */
  private static IExpr oneMinusTanhPower(IExpr q) {
    if (!q.isPlus() || q.argSize() != 2 || !q.first().isOne()) return null;
    IExpr m = q.second();
    if (!m.isTimes() || m.argSize() != 2 || !m.first().isMinusOne()) return null;
    IExpr p = m.second();
    if (!p.isPower() || !p.base().isAST(S.Tanh, 2)) return null;
    IExpr x = p.base().first();
    if (p.exponent().equals(F.C2)) return F.Times(F.CN2, F.Log(F.Cosh(x)));
    if (p.exponent().equals(F.C4)) return Symja.unsortedSum(List.of(F.Log(F.Cosh(Symja.eval(F.Times(F.C2, x)))), F.Times(F.ZZ(-4), F.Log(F.Cosh(x)))));
    return null;
  }

  private static IExpr times(IRational c, IExpr sum) {
    List<IExpr> out = new ArrayList<>();
    for (IExpr t : Symja.terms(sum)) out.add(Term.of(t).times(Term.number(c)).expr());
    return Symja.unsortedSum(out);
  }

  /** Provably positive for all real values of its symbols (and the known positive ones). */
  boolean positive(IExpr e) {
    if (e.isAST(S.HoldForm, 2)) return positive(e.first());
    if (e.isNumber()) return e.isRational() && e.isPositive();
    if (e == S.Pi || e == S.E) return true;
    if (e.isSymbol()) return positive.contains(e);
    if (e.isAST(S.Cosh, 2)) return true;
    if (e.isPower()) return e.base() == S.E || (positive(e.base()) && e.exponent().isRational());
    if (e.isTimes() || e.isPlus()) {
      for (IExpr a : Symja.args(e)) if (!positive(a)) return false;
      return true;
    }
    return false;
  }

  /** ln r of a positive rational as Σ eₚ ln p over its primes (small numbers only; else ln r). */
  private static IExpr numberLog(IRational r) {
    Map<BigInteger, IRational> primes = primes(r, F.C1);
    if (primes == null) return F.Log(r);
    List<IExpr> out = new ArrayList<>();
    for (Map.Entry<BigInteger, IRational> p : primes.entrySet()) {
      IExpr log = F.Log(F.ZZ(p.getKey()));
      out.add(p.getValue().isOne() ? log : F.Times(p.getValue(), log));
    }
    return out.isEmpty() ? F.C0 : Symja.unsortedSum(out);
  }

  /** The prime exponents of r^c, or null when r is too large to factor by trial division. */
  private static Map<BigInteger, IRational> primes(IRational r, IRational c) {
    Map<BigInteger, IRational> out = new LinkedHashMap<>();
    BigInteger[] parts = {r.toBigNumerator(), r.toBigDenominator()};
    for (int side = 0; side < 2; side++) {
      BigInteger n = parts[side];
      if (n.bitLength() > 40) return null;
      long m = n.longValueExact();
      for (long p = 2; p * p <= m; p++)
        while (m % p == 0) {
          m /= p;
          out.merge(BigInteger.valueOf(p), side == 0 ? c : c.negate(), IRational::add);
        }
      if (m > 1) out.merge(BigInteger.valueOf(m), side == 0 ? c : c.negate(), IRational::add);
    }
    out.values().removeIf(IRational::isZero);
    return out;
  }

  /**
   * In a sum: logarithms with equal coefficients (up to sign) as one, c ln(Π q₊/Π q₋), and
   * rational multiples of logarithms of numbers as one q ln n (−⅛ ln 256 = −ln 2); then like
   * terms merged. With a symbolic coefficient numbers stay inside the logarithm (ln(βc/2π)).
   * Valid wherever the sum is real: ln a + ln b = ln ab for a, b > 0.
   */
  static IExpr combineLogs(IExpr e) {
    if (!e.isPlus()) return e;
    Map<IExpr, List<List<IExpr>>> groups = new LinkedHashMap<>();
    Map<IExpr, Integer> firstAt = new LinkedHashMap<>();
    Map<BigInteger, IRational> numbers = new LinkedHashMap<>();
    int numbersAt = -1;
    List<IExpr> out = new ArrayList<>();
    for (IExpr t : Symja.args(e)) {
      IExpr log = null;
      List<IExpr> coefficient = new ArrayList<>();
      for (IExpr f : Symja.factors(t)) {
        if (log == null && f.isLog()) log = f.first();
        else coefficient.add(f);
      }
      if (log != null && log.isAST(S.HoldForm, 2)) log = log.first();
      IExpr c = Symja.unsortedProduct(coefficient);
      if (log == null || symbols(c).isEmpty() && !c.isRational()) {
        out.add(t);
        continue;
      }
      if (c.isRational() && log.isRational() && log.isPositive()) {
        Map<BigInteger, IRational> p = primes((IRational) log, (IRational) c);
        if (p != null) {
          if (numbersAt < 0) {
            numbersAt = out.size();
            out.add(null);
          }
          for (Map.Entry<BigInteger, IRational> x : p.entrySet()) numbers.merge(x.getKey(), x.getValue(), IRational::add);
          continue;
        }
      }
      c = Symja.eval(c);
      boolean negative = DiscreteSummer.firstNegative(c);
      IExpr key = negative ? Symja.eval(F.Negate(c)) : c;
      List<List<IExpr>> g = groups.computeIfAbsent(key, k -> List.of(new ArrayList<>(), new ArrayList<>()));
      g.get(negative ? 1 : 0).add(log);
      if (!firstAt.containsKey(key)) {
        firstAt.put(key, out.size());
        out.add(t);
      }
    }
    for (Map.Entry<IExpr, List<List<IExpr>>> g : groups.entrySet()) {
      List<IExpr> num = new ArrayList<>(g.getValue().get(0)), den = new ArrayList<>(g.getValue().get(1));
      if (num.size() + den.size() == 1) continue; // the lone logarithm stays as written
      IExpr c = g.getKey();
      for (IExpr q : new ArrayList<>(num)) if (den.remove(q)) num.remove(q);
      if (num.isEmpty()) {
        num = den;
        den = List.of();
        c = Symja.eval(F.Negate(c));
      }
      int at = firstAt.get(g.getKey());
      if (num.isEmpty()) {
        out.set(at, F.C0);
        continue;
      }
      out.set(at, LogCombiner.times(c, F.Log(ratio(num, den))));
    }
    if (numbersAt >= 0) out.set(numbersAt, numberTerm(numbers));
    out.removeIf(IExpr::isZero);
    if (out.isEmpty()) return F.C0;
    return out.size() == 1 ? out.get(0) : Symja.unsortedSum(out);
  }

  /** Π num / Π den: evaluated when it holds only numbers, symbols and their powers, else kept as built. */
  private static IExpr ratio(List<IExpr> num, List<IExpr> den) {
    List<IExpr> all = new ArrayList<>(num);
    all.addAll(den);
    boolean simple = true;
    for (IExpr q : all) simple &= algebraic(q);
    if (simple) {
      List<IExpr> f = new ArrayList<>(num);
      for (IExpr q : den) f.add(F.Power(q, F.CN1));
      return Symja.eval(F.Times(f.toArray(new IExpr[0])));
    }
    IExpr top = Symja.unsortedProduct(num);
    return den.isEmpty() ? top : F.Times(top, F.Power(Symja.unsortedProduct(den), F.CN1));
  }

  private static boolean algebraic(IExpr e) {
    if (e.isNumber() || e.isSymbol()) return true;
    if (!(e.isTimes() || e.isPower())) return false;
    for (IExpr a : Symja.args(e)) if (!algebraic(a)) return false;
    return true;
  }

  /** r^k for any integer k (Symja's own power refuses negative ones). */
  static IRational power(IRational r, long k) {
    return k >= 0 ? r.powerRational(k) : r.powerRational(-k).inverse();
  }

  /** Σ cₚ ln p as one q ln n: q the rational gcd of the exponents, n = Π p^{cₚ/q} > 1. */
  private static IExpr numberTerm(Map<BigInteger, IRational> exponents) {
    exponents.values().removeIf(IRational::isZero);
    if (exponents.isEmpty()) return F.C0;
    IRational q = null;
    for (IRational c : exponents.values()) q = q == null ? c.abs() : q.gcd(c.abs());
    IRational n = F.C1;
    for (Map.Entry<BigInteger, IRational> p : exponents.entrySet())
      n = n.multiply(power(F.ZZ(p.getKey()), ((IInteger) p.getValue().divideBy(q).normalize()).toLong()));
    if (n.compareTo(F.C1) < 0) {
      n = n.inverse();
      q = q.negate();
    }
    n = n.normalize();
    q = q.normalize();
    return q.isOne() ? F.Log(n) : F.Times(q, F.Log(n));
  }

  // ---------------------------------------------------------------- terms

  /**
   * A product n·Π bᵢ^eᵢ with a rational n and rational exponents, bases in order of first
   * appearance; integer powers of products are distributed over their factors.
   */
  static final class Term {
    IRational number = F.C1;
    final LinkedHashMap<IExpr, IRational> powers = new LinkedHashMap<>();

    static Term number(IRational n) {
      Term t = new Term();
      t.number = n;
      return t;
    }

    static Term of(IExpr e) {
      Term t = new Term();
      t.multiply(e, F.C1);
      return t;
    }

    private void multiply(IExpr e, IRational exponent) {
      exponent = exponent.normalize();
      if (e.isAST(S.HoldForm, 2)) multiply(e.first(), exponent);
      else if (e.isRational() && exponent.isInteger()) number = number.multiply(power((IRational) e, ((IInteger) exponent).toLong()));
      else if (e.isTimes()) for (IExpr f : Symja.args(e)) multiply(f, exponent);
      else if (e.isPower() && e.exponent().isRational() && (e.exponent().isInteger() || !e.base().isTimes()))
        multiply(e.base(), ((IRational) e.exponent()).multiply(exponent));
      else add(e, exponent);
    }

    private void add(IExpr base, IRational exponent) {
      IRational sum = (powers.containsKey(base) ? powers.get(base).add(exponent) : exponent).normalize();
      if (sum.isZero()) powers.remove(base);
      else powers.put(base, sum);
    }

    Term times(Term o) {
      Term t = number(number.multiply(o.number));
      t.powers.putAll(powers);
      for (Map.Entry<IExpr, IRational> p : o.powers.entrySet()) t.add(p.getKey(), p.getValue());
      return t;
    }

    /** The factors without the number, as a product (1 when none). */
    IExpr monomial() {
      List<IExpr> f = new ArrayList<>();
      for (Map.Entry<IExpr, IRational> p : powers.entrySet()) f.add(p.getValue().isOne() ? p.getKey() : F.Power(p.getKey(), p.getValue()));
      return Symja.unsortedProduct(f);
    }

    IExpr expr() {
      number = number.normalize();
      if (powers.isEmpty()) return number;
      if (number.isOne()) return monomial();
      List<IExpr> f = new ArrayList<>();
      f.add(number);
      f.addAll(Symja.factors(monomial()));
      return Symja.unsortedProduct(f);
    }
  }
}
