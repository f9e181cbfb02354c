package energy.model;

import energy.diag.Span;
import java.util.List;

/** A statement of a .energy file, as written (names not yet resolved). */
public sealed interface Stmt {
  Span span();

  record ModelDecl(Ident name, Span span) implements Stmt {}

  /** {@code dim n = 2, m}: a size, concrete when {@code size} is present. */
  record DimItem(Ident name, Integer size) {}

  record DimDecl(List<DimItem> dims, Span span) implements Stmt {}

  /** A declared name with its shape, e.g. {@code A[n,m]}; an empty shape is a scalar. */
  record VarItem(Ident name, List<Ident> shape) {}

  record UnitDecl(UnitKind kind, List<VarItem> units, Span span) implements Stmt {}

  record ParamDecl(List<VarItem> params, Span span) implements Stmt {}

  record TemperatureDecl(Ident name, Span span) implements Stmt {}

  record EnergyDecl(Ident name, List<Ident> args, Expr body, Span span) implements Stmt {}

  record MarginalizeStmt(Ident result, Ident energy, List<Ident> over, Span span) implements Stmt {}

  record PartitionStmt(Ident result, Ident energy, Span span) implements Stmt {}

  /**
   * {@code K4 = cumulant 4} (κ₄ in raw moments), {@code M4 = moment 4} (μ₄ in cumulants), or
   * joint: {@code C = cumulant x1, x2, x3} (κ(x₁,x₂,x₃) in joint moments ⟨…⟩); exactly one of
   * {@code order} and {@code variables} is given.
   */
  record MomentStmt(Ident result, boolean cumulant, Integer order, List<Ident> variables, Span span) implements Stmt {}

  /** {@code couplings H up to 2}: H in canonical form; {@code upTo} is null for all orders. */
  record CouplingsStmt(Ident energy, Integer upTo, Span span) implements Stmt {}

  /** {@code G = expand F in W to order k [substituted]}; see {@link Query.Expand}. */
  record ExpandStmt(Ident result, Ident energy, List<Ident> small, int order, boolean substituted, Span span) implements Stmt {}

  /** {@code lattice chain periodic}. */
  record LatticeDecl(Ident kind, boolean periodic, Span span) implements Stmt {}

  /** {@code spin s on sites}. */
  record SiteSpinDecl(Ident name, Span span) implements Stmt {}

  /** {@code reduced energy K0(s) = expr}: weight e^{K0}. */
  record ReducedEnergyDecl(Ident name, List<Ident> args, Expr body, Span span) implements Stmt {}

  /** {@code blocks triangles of 3 by majority}. */
  record BlocksDecl(Ident shape, int size, Span span) implements Stmt {}

  /** {@code R = rg decimate K0 keep every 2} and the other RG steps. */
  record RgStmt(Ident result, Ident energy, LatticeModel.Scheme scheme, int parameter, Span span) implements Stmt {}

  /** {@code flow R}. */
  record FlowStmt(Ident step, Span span) implements Stmt {}

  /** {@code kernel T(S | v1, v2) = expr}: T = ln p(S|v), summed over the units before the bar. */
  record KernelDecl(Ident name, List<Ident> hidden, List<Ident> visible, Expr body, Span span) implements Stmt {}

  /** {@code K4 = cumulant 4 of h in E}: κ₄ of each component of h under its prior in E. */
  record PriorCumulantStmt(Ident result, int order, Ident unit, Ident energy, Span span) implements Stmt {}

  /** A component of a declared name as written in a query: {@code a[1]}, {@code W[1,2]}, {@code beta}. */
  record Component(Ident name, List<Integer> index, Span span) {
    /** As the language spells it, e.g. {@code W[1,2]}. */
    public String text() {
      if (index.isEmpty()) return name.text();
      StringBuilder out = new StringBuilder(name.text()).append('[');
      for (int i = 0; i < index.size(); i++) out.append(i == 0 ? "" : ",").append(index.get(i));
      return out.append(']').toString();
    }
  }

  /** {@code J12 = coefficient v[1]*v[2] in G}: the coefficient of a monomial in the units of G. */
  record CoefficientStmt(Ident result, Expr monomial, Ident target, Span span) implements Stmt {}

  /** {@code W[1,1] = 0} in a {@code where}. */
  record Assignment(Component component, Expr value) {}

  /** {@code G0 = G where W[1,1] = 0, beta = 1}: G with the components replaced by the values. */
  record WhereStmt(Ident result, Ident target, List<Assignment> assignments, Span span) implements Stmt {}

  /** {@code M = derivative F by a[1], a[2]}: ∂²F/∂a₁∂a₂. */
  record DerivativeStmt(Ident result, Ident target, List<Component> by, Span span) implements Stmt {}

  /** {@code beta=1} after {@code at}: the value as written ({@code -0.3}, {@code 1/3}). */
  record AtItem(Component component, String value, Span span) {}

  /** {@code [V =] G at beta=1 a[1]=0.3}: G's value at numbers; {@code result} is null when unnamed. */
  record AtStmt(Ident result, Ident target, List<AtItem> values, Span span) implements Stmt {}

  /** {@code check G}: G verified numerically, as {@code ./energy check} does. */
  record CheckStmt(Ident target, Span span) implements Stmt {}
}
