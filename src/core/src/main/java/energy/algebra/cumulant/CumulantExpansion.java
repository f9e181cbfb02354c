package energy.algebra.cumulant;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.Expansion;
import energy.algebra.NotApplicable;
import energy.algebra.Sizes;
import energy.algebra.Symja;
import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A marginal written through the cumulants of the units summed out, to a chosen order in the
 * couplings W that tie them to the rest.
 *
 * <p>Let E(v, h) = E_v(v) + Σⱼ [pⱼ hⱼ + qⱼ hⱼ² − tⱼ(v) hⱼ / β]: hidden units that do not
 * interact with each other, a self-energy (qⱼ only for a real unit) and a coupling tⱼ(v) = −β
 * Σ_m c_{jm} v^m linear in W. Then, exactly,
 *
 * <pre>
 *   F(v) = −β⁻¹ ln Σ_h e^{−βE} = E_v − β⁻¹ Σⱼ [ln Zⱼ + Kⱼ(tⱼ)],   Kⱼ(t) = ln⟨e^{t hⱼ}⟩ = Σₙ κₙ⁽ʲ⁾ tⁿ/n!,
 * </pre>
 *
 * with ⟨·⟩ over the prior e^{−β(pⱼh + qⱼh²)}/Zⱼ ({@link UnitPrior}, field b = −βpⱼ and
 * precision a = 2βqⱼ). Since tⱼ is of order W, the terms n ≤ k are F to order k, and
 * −β⁻¹ κₙ tⁿ/n! = (−1)ⁿ⁺¹ βⁿ⁻¹ κₙ (Σ_m c_{jm} v^m)ⁿ / n!. The powers are multiplied out on
 * exact sparse polynomials ({@link Poly}) keyed by the visible monomial, reduced on the way
 * (s² = 1, b² = b), so the work follows the number of monomials of degree ≤ k, not 2ᴺ.
 */
public final class CumulantExpansion {
  /** One cumulant the result is written in: κₙ of {@code unit}'s prior, and its closed form. */
  public record Cumulant(ISymbol symbol, int order, ISymbol unit, IExpr value) {}

  /**
   * @param couplings c_S of G = Σ_S c_S Π_{i∈S} vᵢ over the visible units (by position; a real
   *     unit's position may repeat, for its powers), ordered by degree; null unless every visible
   *     unit is discrete
   * @param value G as one expression
   * @param cumulants the nonzero κₙ⁽ʲ⁾ that appear, in order of unit then n
   */
  public record Expanded(
      List<CouplingExtractor.Coefficient> couplings, IExpr value, List<Cumulant> cumulants, List<Condition> conditions) {}

  private CumulantExpansion() {}

  /**
   * @param energy E(v, h), before the hidden units were summed out
   * @param small the components of W
   * @param kappa the symbol for κₙ of a hidden unit (n, unit position in {@code hidden})
   * @param substitute write each κₙ⁽ʲ⁾ in closed form instead of as a symbol
   */
  public static Expanded expand(
      IExpr energy,
      List<ISymbol> visible,
      UnitKind[] visibleKinds,
      List<ISymbol> hidden,
      UnitKind[] hiddenKinds,
      Set<ISymbol> small,
      int order,
      IExpr beta,
      BiFunction<Integer, Integer, ISymbol> kappa,
      boolean substitute) {
    return expand(energy, visible, visibleKinds, hidden, hiddenKinds, small, order, beta, kappa, substitute, null);
  }

  /** As above, recording the series (fields, cumulants, terms) as a step when {@code steps} is given. */
  public static Expanded expand(
      IExpr energy,
      List<ISymbol> visible,
      UnitKind[] visibleKinds,
      List<ISymbol> hidden,
      UnitKind[] hiddenKinds,
      Set<ISymbol> small,
      int order,
      IExpr beta,
      BiFunction<Integer, Integer, ISymbol> kappa,
      boolean substitute,
      energy.result.Derivation.Recorder steps) {
    List<energy.result.Derivation.Hidden> series = new ArrayList<>();
    List<ISymbol> units = new ArrayList<>(visible);
    units.addAll(hidden);
    UnitKind[] kinds = Arrays.copyOf(visibleKinds, units.size());
    System.arraycopy(hiddenKinds, 0, kinds, visible.size(), hidden.size());
    Expansion x = Expansion.of(energy, units, kinds);
    int nv = visible.size();

    // Split E into its visible part, the hidden self-energies and the couplings.
    List<IExpr> visiblePart = new ArrayList<>();
    IExpr[] linear = new IExpr[hidden.size()], quadratic = new IExpr[hidden.size()];
    Arrays.fill(linear, F.C0);
    Arrays.fill(quadratic, F.C0);
    List<List<Map.Entry<int[], IExpr>>> couplings = new ArrayList<>();
    for (int j = 0; j < hidden.size(); j++) couplings.add(new ArrayList<>());
    Set<ISymbol> hiddenSet = new HashSet<>(hidden);
    for (IExpr other : x.other) {
      if (!Expansion.freeOf(other, hiddenSet))
        throw new NotApplicable(
            "a hidden unit sits inside a function in the energy; 'expand' needs it to enter polynomially",
            "expand the marginal of an energy in which hidden units appear in sums and products");
      visiblePart.add(other);
    }
    for (Map.Entry<Expansion.Monomial, IExpr> e : x.polynomial.entrySet()) {
      int[] exps = e.getKey().exponents();
      IExpr c = e.getValue();
      int j = -1;
      for (int h = nv; h < exps.length; h++)
        if (exps[h] > 0) {
          if (j >= 0)
            throw new NotApplicable(
                "hidden units " + name(hidden.get(j - nv)) + " and " + name(hidden.get(h - nv)) + " interact; 'expand' needs hidden units that are independent given the visible ones",
                "expand a marginal over units with no couplings among themselves, as in an RBM");
          j = h;
        }
      int[] vis = Arrays.copyOf(exps, nv);
      boolean visibleFree = Arrays.stream(vis).allMatch(k -> k == 0);
      if (j < 0) {
        visiblePart.add(F.Times(c, monomial(visible, vis)));
        continue;
      }
      int jh = j - nv, power = exps[j];
      if (visibleFree) {
        if (!Expansion.freeOf(c, new HashSet<>(small)))
          throw new NotApplicable(
              "the self-energy of hidden unit " + name(hidden.get(jh)) + " depends on the small couplings",
              "expand in the couplings between hidden and visible units only");
        if (power == 1) linear[jh] = F.Plus(linear[jh], c);
        else if (power == 2 && hiddenKinds[jh] == UnitKind.REAL) quadratic[jh] = F.Plus(quadratic[jh], c);
        else throw notQuadratic(hidden.get(jh));
      } else {
        if (power != 1)
          throw new NotApplicable(
              "hidden unit " + name(hidden.get(jh)) + " couples to visible units through its power " + power,
              "'expand' needs couplings linear in each hidden unit, like v·W·h");
        couplings.get(jh).add(Map.entry(vis, c));
      }
    }

    refuseIfTooLarge(couplings, order);

    // Powers of Σ_m c_m v^m per hidden unit; each (order, unit) is one term of a coefficient.
    Poly.Atoms atoms = new Poly.Atoms();
    Map<Key, List<Map.Entry<Integer, IExpr>>> expansion = new LinkedHashMap<>(); // (n, term)
    List<Cumulant> used = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    IExpr logZ = F.C0;
    for (int j = 0; j < hidden.size(); j++) {
      Prior prior = Prior.of(hiddenKinds[j], linear[j], quadratic[j], beta, hidden.get(j));
      UnitPrior.Kind kind = prior.kind();
      IExpr b = prior.b(), a = prior.a();
      for (Condition c : UnitPrior.conditions(kind, a)) if (!conditions.contains(c)) conditions.add(c);
      IExpr logZj = logPartition(kind, b, a);
      logZ = F.Plus(logZ, logZj);
      Map<Key, Poly> t = new LinkedHashMap<>();
      for (Map.Entry<int[], IExpr> c : couplings.get(j)) {
        Poly p = atoms.parse(Symja.expand(c.getValue()));
        if (!p.homogeneous(i -> small.contains(atoms.atomAt(i)), 1))
          throw new NotApplicable(
              "the coupling of hidden unit " + name(hidden.get(j)) + " to " + Symja.eval(monomial(visible, c.getKey())) + " is not linear in the small couplings",
              "every coupling between a hidden unit and visible units must be proportional to exactly one of the expansion parameters");
        t.computeIfAbsent(Key.of(c.getKey(), visibleKinds), k -> Poly.zero()).addScaled(F.C1, p);
      }
      if (t.isEmpty()) { // a hidden unit coupled to nothing adds only ln Z
        if (steps != null) series.add(new energy.result.Derivation.Hidden(hidden.get(j), F.C0, logZj, List.of(), List.of()));
        continue;
      }
      List<IExpr> kappas = UnitPrior.cumulants(kind, order, b, a);
      List<Integer> orders = new ArrayList<>();
      List<ISymbol> kappaSymbols = new ArrayList<>();
      Map<Key, Poly> power = Map.of(Key.of(new int[nv], visibleKinds), Poly.constant(F.C1));
      IRational factorial = F.C1;
      for (int n = 1; n <= order; n++) {
        power = times(power, t, visibleKinds);
        factorial = factorial.multiply(F.ZZ(n));
        if (kappas.get(n - 1).isZero()) continue;
        ISymbol symbol = kappa.apply(n, j);
        used.add(new Cumulant(symbol, n, hidden.get(j), kappas.get(n - 1)));
        orders.add(n);
        kappaSymbols.add(symbol);
        // −β⁻¹ κₙ tⁿ/n! with t = −β Σ c v:  (−1)ⁿ⁺¹ βⁿ⁻¹ κₙ (Σ c v)ⁿ / n!
        IExpr weight = F.Times(F.ZZ(n % 2 == 1 ? 1 : -1).divide(factorial), F.Power(beta, F.ZZ(n - 1)), symbol);
        Map<IRational, IExpr> weights = new java.util.HashMap<>(); // few distinct contents: evaluate each once
        for (Map.Entry<Key, Poly> e : power.entrySet()) {
          Poly.Atoms.Factored p = atoms.factored(e.getValue());
          IExpr w = weights.computeIfAbsent(p.content(), content -> Symja.eval(F.Times(content, weight)));
          expansion.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Map.entry(n, scaled(w, p.sum())));
        }
      }
      if (steps != null) series.add(new energy.result.Derivation.Hidden(hidden.get(j), field(couplings.get(j), visible), logZj, orders, kappaSymbols));
    }

    // The visible part of E with the constant −β⁻¹ Σ ln Zⱼ, then the expansion, by monomial.
    IExpr constant = Symja.eval(F.Times(F.CN1, F.Power(beta, F.CN1), logZ));
    Map<Key, List<IExpr>> coefficients = new LinkedHashMap<>();
    boolean discrete = Arrays.stream(visibleKinds).allMatch(UnitKind::isDiscrete);
    IExpr visibleEnergy = Symja.eval(F.Plus(constant, F.Plus(visiblePart.toArray(new IExpr[0]))));
    if (discrete) {
      for (CouplingExtractor.Coefficient c : CouplingExtractor.extract(visibleEnergy, visible, visibleKinds, nv))
        coefficients.computeIfAbsent(Key.ofSet(c.units(), nv), k -> new ArrayList<>()).add(c.value());
    } else {
      Expansion vx = Expansion.of(visibleEnergy, visible, visibleKinds);
      Key one = Key.of(new int[nv], visibleKinds);
      for (IExpr o : vx.other) coefficients.computeIfAbsent(one, k -> new ArrayList<>()).add(o);
      for (Map.Entry<Expansion.Monomial, IExpr> e : vx.polynomial.entrySet())
        coefficients.computeIfAbsent(Key.of(e.getKey().exponents(), visibleKinds), k -> new ArrayList<>()).add(e.getValue());
    }
    // Lowest order first; within an order, by hidden unit (the sort is stable).
    for (Map.Entry<Key, List<Map.Entry<Integer, IExpr>>> e : expansion.entrySet()) {
      e.getValue().sort(Map.Entry.comparingByKey());
      for (Map.Entry<Integer, IExpr> t : e.getValue())
        coefficients.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t.getValue());
    }

    Map<IExpr, IExpr> closedForms = new LinkedHashMap<>();
    for (Cumulant c : used) closedForms.put(c.symbol(), c.value());
    List<CouplingExtractor.Coefficient> out = new ArrayList<>();
    for (Map.Entry<Key, List<IExpr>> e : coefficients.entrySet()) {
      List<IExpr> terms = new ArrayList<>();
      for (IExpr t : e.getValue()) {
        if (substitute) t = t.replaceAll(k -> closedForms.getOrDefault(k, F.NIL)).orElse(t);
        terms.add(t);
      }
      if (terms.size() == 1 && Symja.eval(terms.get(0)).isZero()) continue;
      out.add(new CouplingExtractor.Coefficient(e.getKey().positions(), Symja.unsortedSum(terms)));
    }
    out.sort(
        Comparator.comparingInt(CouplingExtractor.Coefficient::order)
            .thenComparing(CouplingExtractor.Coefficient::units, Arrays::compare));
    List<IExpr> sum = new ArrayList<>();
    for (CouplingExtractor.Coefficient c : out) sum.add(F.Times(c.value(), monomial(visible, Key.ofSet(c.units(), nv).exponents())));
    IExpr value = Symja.unsortedSum(sum);
    if (steps != null) steps.add(new energy.result.Derivation.CumulantSeries(order, F.Plus(visiblePart.toArray(new IExpr[0])), series, value));
    return new Expanded(discrete ? out : null, value, used, conditions);
  }

  /** sⱼ = −Σ_m c_m v^m, unevaluated: the field on a hidden unit, E ⊃ −sⱼ hⱼ. */
  private static IExpr field(List<Map.Entry<int[], IExpr>> couplings, List<ISymbol> visible) {
    List<IExpr> terms = new ArrayList<>();
    for (Map.Entry<int[], IExpr> c : couplings) terms.add(F.Times(F.CN1, c.getValue(), monomial(visible, c.getKey())));
    return F.Plus(terms.toArray(new IExpr[0]));
  }

  /**
   * Most monomials in W the result may hold by default (≈ 300 MB); beyond the limit the expansion
   * is refused. The system property {@value #LIMIT_PROPERTY} sets another limit.
   */
  public static final long MAX_TERMS = 1_000_000;

  /** The system property that sets the limit ({@code ENERGY_JAVA_OPTS=-Denergy.expand.maxTerms=3e7 ./energy …}). */
  public static final String LIMIT_PROPERTY = "energy.expand.maxTerms";

  /** The limit in force: {@link #LIMIT_PROPERTY} when it is a number (3e7 allowed), else {@link #MAX_TERMS}. */
  static double maxTerms() {
    String set = System.getProperty(LIMIT_PROPERTY);
    if (set == null) return MAX_TERMS;
    try {
      double v = Double.parseDouble(set.trim());
      return v >= 0 ? v : MAX_TERMS;
    } catch (NumberFormatException e) {
      return MAX_TERMS;
    }
  }

  /**
   * Refuses an expansion whose result would be too large to build, before building it. A
   * hidden unit coupled through a couplings c·v^m contributes (Σ c v)ⁿ at order n, which has
   * C(a + n − 1, n) monomials in W when the couplings are distinct components of W (as in
   * v·W·h; with spins or binary units every such monomial stays distinct after s² = 1, b² = b).
   */
  private static void refuseIfTooLarge(List<List<Map.Entry<int[], IExpr>>> couplings, int order) {
    double limit = maxTerms(), terms = terms(couplings, order);
    if (terms <= limit) return;
    int lower = order - 1;
    while (lower > 1 && terms(couplings, lower) > limit) lower--;
    double atLower = terms(couplings, lower);
    String raise = "; with memory to spare (≈ " + Sizes.bytes(BYTES_PER_TERM) + " a monomial) raise the limit, e.g. ENERGY_JAVA_OPTS=-D" + LIMIT_PROPERTY + "=" + raised(terms);
    throw new NotApplicable(
        String.format(
            "the expansion to order %d would have about %s monomials in the couplings (≈ %s), above the limit of %s",
            order, Sizes.count(terms), Sizes.bytes(terms * BYTES_PER_TERM), Sizes.count(limit)),
        (lower >= 1 && atLower <= limit
            ? "lower the order (order " + lower + " has about " + Sizes.count(atLower) + "), or expand a smaller model"
            : "expand a model with fewer visible or hidden units") + raise);
  }

  /** A limit just above {@code terms}, written short: 2.3e7. */
  private static String raised(double terms) {
    int exponent = (int) Math.floor(Math.log10(terms));
    double mantissa = Math.ceil(terms / Math.pow(10, exponent - 1)) / 10;
    return (mantissa == Math.rint(mantissa) ? String.valueOf((long) mantissa) : String.valueOf(mantissa)) + "e" + exponent;
  }

  /** The estimated number of monomials in W of the expansion to the given order. */
  private static double terms(List<List<Map.Entry<int[], IExpr>>> couplings, int order) {
    double terms = 0;
    for (List<Map.Entry<int[], IExpr>> t : couplings) {
      int a = 0;
      for (Map.Entry<int[], IExpr> c : t) a += Symja.terms(c.getValue()).size();
      for (int n = 1; n <= order; n++) terms += multisets(a, n);
    }
    return terms;
  }

  /** Measured heap per monomial of the result (an RBM (32, 8, 6) reached 6.4 GB for 2.2·10⁷). */
  private static final double BYTES_PER_TERM = 300;

  /** C(a + n − 1, n): the number of monomials of degree n in a variables. */
  private static double multisets(int a, int n) {
    double c = 1;
    for (int i = 1; i <= n; i++) c = c * (a + i - 1) / i;
    return c;
  }

  /** w·p, with p's own sum kept (one pair of parentheses) rather than distributed. */
  private static IExpr scaled(IExpr w, IExpr p) {
    if (p.isNumber()) return Symja.eval(F.Times(w, p));
    if (p.isPlus()) return F.Times(w, p);
    // One monomial (content 1): the factors side by side, without another evaluation.
    List<IExpr> factors = new ArrayList<>(w.isTimes() ? Symja.args(w) : List.of(w));
    factors.addAll(p.isTimes() ? Symja.args(p) : List.of(p));
    return Symja.unsortedProduct(factors);
  }

  /** A unit's prior e^{bu} (times e^{−au²/2} for a real unit): a is null for discrete units. */
  public record Prior(UnitPrior.Kind kind, IExpr b, IExpr a) {
    /** From the self-energy E₀(u) = linear·u + quadratic·u² (quadratic only for a real unit). */
    static Prior of(UnitKind unitKind, IExpr linear, IExpr quadratic, IExpr beta, ISymbol unit) {
      UnitPrior.Kind kind = prior(unitKind);
      IExpr b = Symja.eval(F.Times(F.CN1, beta, linear));
      IExpr a = kind == UnitPrior.Kind.GAUSSIAN ? Symja.eval(F.Times(F.C2, beta, quadratic)) : null;
      if (kind == UnitPrior.Kind.GAUSSIAN && a.isZero()) throw notQuadratic(unit);
      return new Prior(kind, b, a);
    }
  }

  /**
   * The priors of {@code units.get(i)} for each i in {@code of}, in E: each unit's self-energy
   * (the terms of E in that unit alone), as weight e^{−β E₀(u)} = e^{bu − au²/2}.
   */
  public static List<Prior> priors(IExpr energy, List<ISymbol> units, UnitKind[] kinds, List<Integer> of, IExpr beta) {
    Expansion x = Expansion.of(energy, units, kinds);
    List<Prior> out = new ArrayList<>();
    for (int unit : of) {
      for (IExpr other : x.other)
        if (!Expansion.freeOf(other, Set.of(units.get(unit))))
          throw new NotApplicable(
              "unit " + name(units.get(unit)) + " sits inside a function in the energy; its prior is not of the form e^{bu − au²/2}",
              "cumulants of a prior are defined for a self-energy that is linear (or, for a real unit, quadratic) in the unit");
      IExpr linear = F.C0, quadratic = F.C0;
      for (Map.Entry<Expansion.Monomial, IExpr> e : x.polynomial.entrySet()) {
        int[] exps = e.getKey().exponents();
        if (exps[unit] == 0) continue;
        boolean alone = true;
        for (int i = 0; i < exps.length; i++) if (i != unit && exps[i] > 0) alone = false;
        if (!alone) continue; // a coupling, not part of the prior
        if (exps[unit] == 1) linear = F.Plus(linear, e.getValue());
        else if (exps[unit] == 2 && kinds[unit] == UnitKind.REAL) quadratic = F.Plus(quadratic, e.getValue());
        else throw notQuadratic(units.get(unit));
      }
      out.add(Prior.of(kinds[unit], linear, quadratic, beta, units.get(unit)));
    }
    return out;
  }

  /** A visible monomial, reduced for its units' domains: exponents, and positions with repeats. */
  private record Key(int[] exponents) {
    static Key of(int[] exponents, UnitKind[] kinds) {
      int[] e = exponents.clone();
      for (int i = 0; i < e.length; i++)
        if (kinds[i] == UnitKind.SPIN) e[i] %= 2;
        else if (kinds[i] == UnitKind.BINARY) e[i] = Math.min(e[i], 1);
      return new Key(e);
    }

    static Key ofSet(int[] positions, int units) {
      int[] e = new int[units];
      for (int p : positions) e[p]++;
      return new Key(e);
    }

    int[] positions() {
      int n = 0;
      for (int k : exponents) n += k;
      int[] out = new int[n];
      int p = 0;
      for (int i = 0; i < exponents.length; i++) for (int k = 0; k < exponents[i]; k++) out[p++] = i;
      return out;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(exponents, k.exponents);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(exponents);
    }
  }

  private static Map<Key, Poly> times(Map<Key, Poly> p, Map<Key, Poly> t, UnitKind[] kinds) {
    Map<Key, Poly> out = new LinkedHashMap<>();
    for (Map.Entry<Key, Poly> a : p.entrySet())
      for (Map.Entry<Key, Poly> b : t.entrySet()) {
        int[] e = a.getKey().exponents().clone();
        for (int i = 0; i < e.length; i++) e[i] += b.getKey().exponents()[i];
        out.computeIfAbsent(Key.of(e, kinds), k -> Poly.zero()).addProduct(F.C1, a.getValue(), b.getValue());
      }
    return out;
  }

  private static IExpr monomial(List<ISymbol> units, int[] exponents) {
    List<IExpr> f = new ArrayList<>();
    for (int i = 0; i < exponents.length; i++)
      if (exponents[i] > 0) f.add(exponents[i] == 1 ? units.get(i) : F.Power(units.get(i), F.ZZ(exponents[i])));
    return f.isEmpty() ? F.C1 : f.size() == 1 ? f.get(0) : F.Times(f.toArray(new IExpr[0]));
  }

  /** ln Z of the prior e^{bu} (times e^{−au²/2} for a real unit). */
  static IExpr logPartition(UnitPrior.Kind kind, IExpr b, IExpr a) {
    return switch (kind) {
      case SPIN -> F.Log(F.Times(F.C2, F.Cosh(b)));
      case BINARY -> F.Log(F.Plus(F.C1, F.Exp(b)));
      // −½ ln(a/2π), the form of the results' constant (1/β) ln(β/2π), not ½ ln(2π/a).
      case GAUSSIAN -> F.Plus(
          F.Times(F.CN1D2, F.Log(F.Times(a, F.Power(F.Times(F.C2, F.Pi), F.CN1)))),
          F.Times(F.C1D2, F.Sqr(b), F.Power(a, F.CN1)));
    };
  }

  static UnitPrior.Kind prior(UnitKind kind) {
    return switch (kind) {
      case SPIN -> UnitPrior.Kind.SPIN;
      case BINARY -> UnitPrior.Kind.BINARY;
      case REAL -> UnitPrior.Kind.GAUSSIAN;
    };
  }

  private static NotApplicable notQuadratic(ISymbol unit) {
    return new NotApplicable(
        "real hidden unit " + name(unit) + " needs a self-energy (a/2)·u² with a > 0 and at most a linear term",
        "give it a Gaussian prior, e.g. '1/2*" + name(unit) + "^2'");
  }

  private static String name(ISymbol s) {
    return s.getSymbolName();
  }
}
