package energy.algebra;

import energy.model.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Sums spin (±1) and binary (0/1) units out of a Boltzmann weight, exactly.
 *
 * <p>The units are grouped into connected components of the graph "appear in a common
 * term". A unit alone in its component with a linear energy −ψ u gives a closed form:
 *
 * <pre>
 *   Σ_{s=±1} e^{βψs} = 2 cosh(βψ),        Σ_{b∈{0,1}} e^{βψb} = 1 + e^{βψ},
 * </pre>
 *
 * so an RBM's hidden layer costs one term per unit, never 2ᴺ. Larger components are
 * enumerated (2^|C| states, at most {@value #MAX_COUPLED} units), with e^X + e^{−X} collected
 * into 2 cosh X. The result is H' with e^{−βH'} = Σ e^{−βH}.
 */
public final class DiscreteSummer {
  /** Largest component of mutually coupled units that is enumerated. */
  public static final int MAX_COUPLED = 12;

  private DiscreteSummer() {}

  public static IExpr sum(IExpr energy, List<ISymbol> units, UnitKind[] kinds, IExpr beta) {
    return sum(energy, units, kinds, beta, null);
  }

  /** As {@link #sum(IExpr, List, UnitKind[], IExpr)}, recording the groups and their sums as a step when {@code steps} is given. */
  public static IExpr sum(IExpr energy, List<ISymbol> units, UnitKind[] kinds, IExpr beta, energy.result.Derivation.Recorder steps) {
    Expansion x = Expansion.of(energy, units, kinds);
    int n = units.size();
    Set<ISymbol> set = new java.util.HashSet<>(units);
    // Union-find over units that share a term.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    List<IExpr> rest = new ArrayList<>();
    Map<Integer, List<IExpr>> otherByUnit = new HashMap<>();
    for (Map.Entry<Expansion.Monomial, IExpr> e : x.polynomial.entrySet()) {
      int first = -1;
      for (int i = 0; i < n; i++) {
        if (!e.getKey().contains(i)) continue;
        if (first < 0) first = i;
        else union(parent, first, i);
      }
    }
    for (IExpr t : x.other) {
      int first = -1;
      for (int i = 0; i < n; i++) {
        if (!contains(t, units.get(i))) continue;
        if (first < 0) first = i;
        else union(parent, first, i);
      }
      if (first < 0) rest.add(t);
      else otherByUnit.computeIfAbsent(first, k -> new ArrayList<>()).add(t);
    }
    // Terms by component root.
    Map<Integer, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    Map<Integer, List<IExpr>> energyOf = new LinkedHashMap<>();
    for (Map.Entry<Expansion.Monomial, IExpr> e : x.polynomial.entrySet()) {
      IExpr term = F.Times(e.getValue(), monomial(e.getKey(), units));
      int root = -1;
      for (int i = 0; i < n && root < 0; i++) if (e.getKey().contains(i)) root = find(parent, i);
      if (root < 0) rest.add(term);
      else energyOf.computeIfAbsent(root, k -> new ArrayList<>()).add(term);
    }
    for (Map.Entry<Integer, List<IExpr>> e : otherByUnit.entrySet())
      energyOf.computeIfAbsent(find(parent, e.getKey()), k -> new ArrayList<>()).addAll(e.getValue());

    IExpr free = steps == null ? null : F.Plus(rest.toArray(new IExpr[0])); // evaluated only when shown
    List<energy.result.Derivation.Group> groups = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> c : members.entrySet()) {
      List<IExpr> terms = energyOf.getOrDefault(c.getKey(), List.of());
      List<Integer> comp = c.getValue();
      IExpr weightSum;
      if (comp.size() == 1 && otherByUnit.getOrDefault(comp.get(0), List.of()).isEmpty()) {
        int i = comp.get(0);
        ISymbol u = units.get(i);
        // Linear: H ⊃ −ψ u.
        IExpr psi = Symja.eval(F.Negate(F.D(F.Plus(terms.toArray(new IExpr[0])), u)));
        if (kinds[i] == UnitKind.SPIN && firstNegative(psi)) psi = Symja.eval(F.Negate(psi));
        weightSum = kinds[i] == UnitKind.SPIN ? twoCosh(F.Times(beta, psi)) : onePlusExp(F.Times(beta, psi));
      } else {
        if (comp.size() > MAX_COUPLED) {
          List<ISymbol> names = new ArrayList<>();
          for (int i : comp) names.add(units.get(i));
          throw new NotApplicable(
              comp.size() + " of the units (" + GaussianIntegrator.names(names) + ") are coupled to each other;"
                  + " exact summation would enumerate 2^" + comp.size() + " states, above the limit of 2^" + MAX_COUPLED,
              "marginalize fewer coupled units at a time, or decouple them");
        }
        weightSum = enumerate(F.Plus(terms.toArray(new IExpr[0])), comp, units, kinds, beta);
      }
      rest.add(F.Times(F.CN1, F.Power(beta, F.CN1), F.Log(weightSum)));
      if (steps != null) groups.add(group(comp, units, kinds, terms, weightSum));
    }
    IExpr result = Symja.eval(F.Plus(rest.toArray(new IExpr[0])));
    if (steps != null) steps.add(new energy.result.Derivation.DiscreteSum(groups, free, result));
    return result;
  }

  private static energy.result.Derivation.Group group(List<Integer> comp, List<ISymbol> units, UnitKind[] kinds, List<IExpr> terms, IExpr sum) {
    List<ISymbol> us = new ArrayList<>();
    List<UnitKind> ks = new ArrayList<>();
    for (int i : comp) {
      us.add(units.get(i));
      ks.add(kinds[i]);
    }
    return new energy.result.Derivation.Group(us, ks, F.Plus(terms.toArray(new IExpr[0])), sum);
  }

  static IExpr twoCosh(IExpr x) {
    return F.Times(F.C2, F.Cosh(x));
  }

  static IExpr onePlusExp(IExpr x) {
    return F.Plus(F.C1, F.Exp(x));
  }

  /**
   * Σ over the component's states of e^{−βE}. For spins, each state is taken with its flipped
   * partner: e^{β(A+B)} + e^{β(A−B)} = 2 e^{βA} cosh βB, with A and B the even and odd parts
   * of −E; then e^{βX} + e^{−βX} = 2 cosh βX for what remains.
   */
  private static IExpr enumerate(IExpr e, List<Integer> comp, List<ISymbol> units, UnitKind[] kinds, IExpr beta) {
    boolean allSpins = true;
    for (int i : comp) allSpins &= kinds[i] == UnitKind.SPIN;
    // (even part, odd part) of the exponent → number of states (pairs, for spins)
    Map<List<IExpr>, Integer> classes = new LinkedHashMap<>();
    int states = 1 << (allSpins ? comp.size() - 1 : comp.size());
    for (int s = 0; s < states; s++) {
      IExpr up = Symja.expand(F.Negate(F.ReplaceAll(e, state(s, comp, units, kinds, false))));
      if (allSpins) {
        IExpr down = Symja.expand(F.Negate(F.ReplaceAll(e, state(s, comp, units, kinds, true))));
        IExpr even = Symja.expand(F.Times(F.C1D2, F.Plus(up, down)));
        IExpr odd = Symja.expand(F.Times(F.C1D2, F.Subtract(up, down)));
        if (firstNegative(odd)) odd = Symja.expand(F.Negate(odd));
        classes.merge(List.of(even, odd), 1, Integer::sum);
      } else {
        classes.merge(List.of(up, F.C0), 1, Integer::sum);
      }
    }
    List<IExpr> out = new ArrayList<>();
    // Pure exponentials e^{βX} (odd part 0) pair with e^{−βX} of the same multiplicity.
    Map<IExpr, Integer> pure = new LinkedHashMap<>();
    for (Map.Entry<List<IExpr>, Integer> c : classes.entrySet()) {
      int n = allSpins ? 2 * c.getValue() : c.getValue();
      IExpr even = c.getKey().get(0), odd = c.getKey().get(1);
      if (odd.isZero()) pure.merge(even, n, Integer::sum);
      else out.add(product(F.ZZ(n), exp(even, beta), F.Cosh(scaled(beta, odd))));
    }
    for (Map.Entry<IExpr, Integer> t : new ArrayList<>(pure.entrySet())) {
      Integer count = pure.remove(t.getKey());
      if (count == null) continue;
      IExpr minus = Symja.expand(F.Negate(t.getKey()));
      Integer partner = t.getKey().isZero() ? null : pure.get(minus);
      if (partner != null && partner.equals(count)) {
        pure.remove(minus);
        IExpr arg = firstNegative(t.getKey()) ? minus : t.getKey();
        out.add(product(F.ZZ(2L * count), F.Cosh(scaled(beta, arg))));
      } else {
        out.add(product(F.ZZ(count), exp(t.getKey(), beta)));
      }
    }
    // Held: evaluating a sum of exponentials of rational functions, or Log of one, sends
    // Symja's orderless pattern matcher into a combinatorial search (minutes for 8 terms).
    return out.size() == 1 ? out.get(0) : F.HoldForm(Symja.unsortedSum(out));
  }

  /** Rules setting the component's units to state number {@code s} (all flipped if asked). */
  private static IExpr state(int s, List<Integer> comp, List<ISymbol> units, UnitKind[] kinds, boolean flipped) {
    IExpr[] rules = new IExpr[comp.size()];
    for (int k = 0; k < comp.size(); k++) {
      int i = comp.get(k);
      boolean up = ((s >> k) & 1) == 0;
      IExpr value = kinds[i] == UnitKind.SPIN ? (up != flipped ? F.C1 : F.CN1) : (up ? F.C0 : F.C1);
      rules[k] = F.Rule(units.get(i), value);
    }
    return F.List(rules);
  }

  /** e^{βX}, or nothing (1) when X = 0. */
  private static IExpr exp(IExpr x, IExpr beta) {
    if (x.isZero()) return F.C1;
    if (!beta.isOne()) return F.Exp(F.Times(beta, x));
    // e^{a + c ln y} = y^c e^{a}: logarithms in the exponent (a kernel's normalization) come out.
    List<IExpr> rest = new ArrayList<>(), powers = new ArrayList<>();
    for (IExpr t : Symja.terms(x)) {
      IExpr c = t.isTimes() && t.first().isRational() ? t.first() : F.C1;
      IExpr body = c.isOne() ? t : Symja.eval(F.Divide(t, c));
      if (body.isLog()) powers.add(F.Power(body.first(), c));
      else rest.add(t);
    }
    if (powers.isEmpty()) return F.Exp(x);
    IExpr a = Symja.eval(F.Plus(rest.toArray(new IExpr[0])));
    if (!a.isZero()) powers.add(0, F.Exp(a));
    return Symja.unsortedProduct(powers);
  }

  /** βx, unevaluated (the sum is held), without a factor β = 1 that would print as (x). */
  private static IExpr scaled(IExpr beta, IExpr x) {
    return beta.isOne() ? x : F.Times(beta, x);
  }

  /** A product without its factors 1. */
  private static IExpr product(IExpr... factors) {
    List<IExpr> f = new ArrayList<>();
    for (IExpr x : factors) if (!x.isOne()) f.add(x);
    return f.isEmpty() ? F.C1 : f.size() == 1 ? f.get(0) : Symja.unsortedProduct(f);
  }

  static boolean firstNegative(IExpr e) {
    IExpr first = Symja.terms(e).get(0);
    return first.isNegativeResult() || (first.isTimes() && first.first().isNegative());
  }

  static IExpr monomial(Expansion.Monomial m, List<ISymbol> units) {
    List<IExpr> f = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      int e = m.exponents()[i];
      if (e == 1) f.add(units.get(i));
      else if (e > 1) f.add(F.Power(units.get(i), F.ZZ(e)));
    }
    return f.isEmpty() ? F.C1 : f.size() == 1 ? f.get(0) : F.Times(f.toArray(new IExpr[0]));
  }

  static boolean contains(IExpr e, ISymbol s) {
    return !Expansion.freeOf(e, Set.of(s));
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) i = p[i] = p[p[i]];
    return i;
  }

  private static void union(int[] p, int a, int b) {
    p[find(p, a)] = find(p, b);
  }
}
