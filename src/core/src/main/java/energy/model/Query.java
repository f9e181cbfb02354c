package energy.model;

import energy.diag.Span;
import java.util.List;

/** A statement that asks for a result; resolved against the declarations. */
public sealed interface Query {
  Ident result();

  /** The energy the query is about (for an identity, its own name). */
  Ident energy();

  Span span();

  /** {@code NAME = marginalize ENERGY over U1, U2}: e^{−βH'} = Σ/∫ e^{−βH} over the units. */
  record Marginalize(Ident result, Ident energy, List<Variable> over, List<Ident> overNames, Span span)
      implements Query {}

  /**
   * {@code couplings ENERGY [up to k]}: the energy over discrete units written as
   * E₀ − Σ hᵢsᵢ − Σ Jᵢⱼsᵢsⱼ − Σ Kᵢⱼₖsᵢsⱼsₖ − …, couplings of order ≤ {@code upTo} (null: all).
   * Its result is named after the energy.
   */
  record Couplings(Ident result, Ident energy, Integer upTo, Span span) implements Query {}

  /**
   * {@code NAME = cumulant n | moment n | cumulant x1, x2, …}: an identity between moments and
   * cumulants. {@code energy} is the result name (it refers to no energy); {@code variables} is
   * empty for the univariate forms.
   */
  record MomentIdentity(Ident result, boolean cumulant, int order, List<String> variables, Span span)
      implements Query {
    public Ident energy() {
      return result;
    }
  }

  /** {@code NAME = partition ENERGY}: Z = Σ/∫ e^{−βH} over all units, and −β⁻¹ ln Z. */
  record Partition(Ident result, Ident energy, Span span) implements Query {}

  /**
   * {@code G = expand F in W to order k [substituted]}: F = marginalize E over hidden units,
   * expanded in the small couplings W (every component of the named params) through the
   * cumulants of the hidden units' priors, F ≈ E_visible − β⁻¹ Σⱼ [ln Zⱼ + Σ_{n≤k} κₙ⁽ʲ⁾ tⱼⁿ/n!],
   * and collected into canonical couplings. {@code substituted}: κₙ⁽ʲ⁾ written out in closed form.
   */
  record Expand(Ident result, Ident energy, List<Variable> small, int order, boolean substituted, Span span)
      implements Query {}

  /**
   * {@code kernel T(S | v) = expr}: a coarse-graining kernel T = ln p(S|v). Its result is the
   * trace Σ_S e^{T(S|v)}, which must be 1 for every v.
   */
  record Kernel(Ident result, List<Variable> hidden, List<Variable> visible, Expr body, Span span) implements Query {
    public Ident energy() {
      return result;
    }
  }

  /**
   * {@code K4 = cumulant 4 of h in E}: the n-th cumulant of each component of unit h under its
   * prior, the weight e^{−βE₀(h)} of its self-energy in E (the terms of E in h alone), with the
   * cumulant generating function K(t) = ln⟨e^{th}⟩.
   */
  record PriorCumulant(Ident result, Ident energy, Variable unit, int order, Span span) implements Query {}

  /**
   * The queries on a named result or energy, {@code target}: its coefficient of a monomial, a
   * substitution, a derivative, its value at numbers, its numerical check. {@code energy()} is
   * the target.
   */
  sealed interface OnTarget extends Query {
    Ident target();

    default Ident energy() {
      return target();
    }
  }

  /**
   * {@code J = coefficient v[1]*v[2] in G}: the coefficient of the monomial Π uᵢ^{kᵢ} in G, its
   * units the target's; {@code powers} by unit component name, in the monomial's order.
   */
  record Coefficient(Ident result, Ident target, Expr monomial, java.util.LinkedHashMap<String, Integer> powers, List<Variable> args, Span span)
      implements OnTarget {}

  /** {@code G0 = G where W[1,1] = 0, beta = 1}. */
  record Substitution(Ident result, Ident target, List<Stmt.Assignment> assignments, List<Variable> args, Span span) implements OnTarget {}

  /** {@code M = derivative F by a[1], a[2]}. */
  record Derivative(Ident result, Ident target, List<Stmt.Component> by, List<Variable> args, Span span) implements OnTarget {}

  /** {@code [V =] G at beta=1 a[1]=0.3}; an unnamed one is named {@code G(beta=1, a[1]=0.3)}. */
  record Evaluation(Ident result, Ident target, List<Stmt.AtItem> values, Span span) implements OnTarget {}

  /** {@code check G}; its result is named {@code check G}. */
  record Check(Ident result, Ident target, Span span) implements OnTarget {}
}
