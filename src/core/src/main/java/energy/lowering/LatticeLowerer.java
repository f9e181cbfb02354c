package energy.lowering;

import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.diag.Diagnostics;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.LatticeModel;
import energy.model.Model;
import energy.model.Variable;
import energy.rg.CouplingClass;
import energy.rg.Lattice;
import energy.rg.ReducedHamiltonian;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Lowers a reduced lattice energy to its translation-invariant couplings: 𝒦(s) = N·c + h Σᵢ sᵢ
 * + K Σ_⟨ij⟩ sᵢsⱼ + K₂ Σ_⟨⟨ij⟩⟩ sᵢsⱼ + K₃ Σ_⟨⟨⟨ij⟩⟩⟩ sᵢsⱼ is read off as (c, h, K, K₂, K₃), each a
 * Symja expression of the parameters. Terms are
 * products of parameter expressions and one lattice sum, with coefficients inside or outside
 * the sum ({@code K*sum<i,j> s[i]*s[j]} or {@code sum<i,j> K*s[i]*s[j]}).
 */
public final class LatticeLowerer {
  /** 𝒦 per site c, field h and the pair couplings of the neighbour shells 1, 2, 3 (index shell − 1). */
  public record Couplings(IExpr constant, IExpr field, List<IExpr> bonds) {}

  /** The number of neighbour shells a bond sum can name (sum<i,j> … sum<<<i,j>>>). */
  public static final int SHELLS = 3;

  private static final String SHAPE_HINT =
      "a reduced lattice energy is a sum of K*sum<i,j> s[i]*s[j] (nearest-neighbour bonds; sum<<i,j>>, sum<<<i,j>>> for the 2nd and 3rd neighbours) and h*sum(i) s[i] (fields)";

  private final Model model;
  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  private final String spin;

  private LatticeLowerer(Model model, SymbolTable symbols, Diagnostics diagnostics) {
    this.model = model;
    this.symbols = symbols;
    this.diagnostics = diagnostics;
    this.spin = model.lattice().spin().text();
  }

  /** The couplings of {@code e}, or null after reporting why its form is not supported. */
  public static Couplings lower(LatticeModel.Energy e, Model model, SymbolTable symbols, Diagnostics diagnostics) {
    return new LatticeLowerer(model, symbols, diagnostics).lower(e.body());
  }

  /**
   * A reduced energy as the RG steps take it: one parameter per coupling class, or null after
   * reporting why the step could not map it (see {@link #closesOnItsParameters}).
   */
  public static ReducedHamiltonian reduced(LatticeModel.Energy e, Model model, SymbolTable symbols, Diagnostics diagnostics) {
    Couplings c = lower(e, model, symbols, diagnostics);
    if (c == null) return null;
    Lattice.Kind kind = Lattice.Kind.valueOf(model.lattice().kind().name());
    Map<CouplingClass, IExpr> coefficients = new LinkedHashMap<>();
    for (int shell = 1; shell <= c.bonds().size(); shell++)
      if (!c.bonds().get(shell - 1).isZero()) coefficients.put(CouplingClass.pair(kind, shell), c.bonds().get(shell - 1));
    if (!c.field().isZero()) coefficients.put(CouplingClass.field(kind), c.field());
    for (IExpr coefficient : coefficients.values())
      if (!coefficient.isSymbol()) {
        diagnostics.error(
            e.span(),
            "each coupling of a lattice energy must be one parameter, got " + coefficient,
            "write K*sum<i,j> s[i]*s[j] with 'param K'; the RG flow is in the parameters themselves");
        return null;
      }
    return closesOnItsParameters(e, c, diagnostics) ? new ReducedHamiltonian(kind, coefficients) : null;
  }

  /**
   * A step maps (K, h, …) to (K′, h′, …) and writes g: it needs the bond coupling, a parameter
   * of its own for each coupling (else K′ ≠ h′ could not be written), and no constant term (g
   * would not include it).
   */
  private static boolean closesOnItsParameters(LatticeModel.Energy e, Couplings c, Diagnostics diagnostics) {
    IExpr bond = c.bonds().get(0);
    List<IExpr> couplings = new ArrayList<>(c.bonds());
    couplings.add(c.field());
    couplings.removeIf(IExpr::isZero);
    IExpr shared = couplings.stream().filter(x -> couplings.indexOf(x) != couplings.lastIndexOf(x)).findFirst().orElse(null);
    String problem =
        bond.isZero() ? "a reduced lattice energy needs the nearest-neighbour coupling"
            : shared != null ? "each coupling of a lattice energy needs a parameter of its own, got " + shared + " for two"
            : !c.constant().isZero() ? "a constant term in a reduced lattice energy is not carried through the RG step"
            : null;
    if (problem == null) return true;
    String hint =
        bond.isZero() ? "add K*sum<i,j> s[i]*s[j] with 'param K'"
            : shared != null ? "write K*sum<i,j> s[i]*s[j] + h*sum(i) s[i] with 'param K, h'"
            : "drop it: a constant c per site only adds (sites per block)·c to g";
    diagnostics.error(e.span(), problem, hint);
    return false;
  }

  private Couplings lower(Expr body) {
    List<IExpr> constant = new ArrayList<>(), field = new ArrayList<>();
    List<List<IExpr>> bonds = new ArrayList<>();
    for (int shell = 0; shell < SHELLS; shell++) bonds.add(new ArrayList<>());
    for (Signed t : terms(body, true)) {
      List<Expr> factors = new ArrayList<>();
      List<Expr> divisors = new ArrayList<>();
      factors(t.expr(), factors, divisors);
      List<IExpr> coefficient = new ArrayList<>(List.of(t.positive() ? F.C1 : F.CN1));
      String kind = "constant";
      int shell = 0;
      for (Expr f : factors) {
        if (f instanceof Expr.BondSum b) {
          if (!kind.equals("constant")) return fail(f, "one lattice sum per term");
          IExpr c = sumBody(b.body(), List.of(b.i().text(), b.j().text()));
          if (c == null) return null;
          coefficient.add(c);
          kind = "bond";
          shell = b.shell();
        } else if (f instanceof Expr.Sum s) {
          if (!kind.equals("constant")) return fail(f, "one lattice sum per term");
          if (s.indices().size() != 1) return fail(f, "a site sum has one index, 'sum(i) s[i]'; bonds are 'sum<i,j> s[i]*s[j]'");
          IExpr c = sumBody(s.body(), List.of(s.indices().get(0).text()));
          if (c == null) return null;
          coefficient.add(c);
          kind = "field";
        } else {
          IExpr c = parameter(f);
          if (c == null) return null;
          coefficient.add(c);
        }
      }
      for (Expr d : divisors) {
        IExpr c = parameter(d);
        if (c == null) return null;
        coefficient.add(F.Power(c, F.CN1));
      }
      IExpr c = F.Times(coefficient.toArray(new IExpr[0]));
      (kind.equals("bond") ? bonds.get(shell - 1) : kind.equals("field") ? field : constant).add(c);
    }
    return new Couplings(sum(constant), sum(field), bonds.stream().map(LatticeLowerer::sum).toList());
  }

  /** The coefficient in the body of a lattice sum: the spin once per index, the rest parameters. */
  private IExpr sumBody(Expr body, List<String> indices) {
    List<Expr> factors = new ArrayList<>(), divisors = new ArrayList<>();
    factors(body, factors, divisors);
    List<String> seen = new ArrayList<>();
    List<IExpr> coefficient = new ArrayList<>();
    for (Expr f : factors) {
      if (f instanceof Expr.Indexed ix && ix.name().text().equals(spin)) {
        if (ix.indices().size() != 1 || !(ix.indices().get(0) instanceof Expr.Name n) || !indices.contains(n.name().text()))
          return fail(f, "the spin is indexed by the sum's index, e.g. " + spin + "[" + indices.get(0) + "]");
        if (seen.contains(n.name().text())) return fail(f, "each index of a lattice sum appears once (s[i]² = 1)");
        seen.add(n.name().text());
      } else {
        IExpr c = parameter(f);
        if (c == null) return null;
        coefficient.add(c);
      }
    }
    for (Expr d : divisors) {
      IExpr c = parameter(d);
      if (c == null) return null;
      coefficient.add(F.Power(c, F.CN1));
    }
    if (seen.size() != indices.size())
      return fail(body, indices.size() == 2 ? "a bond sum's body is " + spin + "[i]*" + spin + "[j] times parameters" : "a site sum's body is " + spin + "[i] times parameters");
    return F.Times(coefficient.isEmpty() ? new IExpr[] {F.C1} : coefficient.toArray(new IExpr[0]));
  }

  /** A factor free of the spin: numbers and scalar parameters, lowered as usual. */
  private IExpr parameter(Expr e) {
    List<Ident> bad = new ArrayList<>();
    names(e, bad);
    if (!bad.isEmpty()) return null;
    return Lowerer.lower(e, model, symbols);
  }

  /** Reports names that are not scalar parameters (the spin outside a sum, units, indices). */
  private void names(Expr e, List<Ident> bad) {
    Ident name =
        e instanceof Expr.Name n ? n.name() : e instanceof Expr.Indexed ix ? ix.name() : null;
    if (name != null) {
      Variable v = model.variables().get(name.text());
      if (name.text().equals(spin)) {
        diagnostics.error(e.span(), "the spin '" + spin + "' outside a lattice sum", SHAPE_HINT);
        bad.add(name);
      } else if (v == null || v.isUnit() || !v.shape().isEmpty() || e instanceof Expr.Indexed) {
        diagnostics.error(
            name.span(),
            v == null ? "unknown name '" + name.text() + "'" : "'" + name.text() + "' is not a scalar parameter",
            "the couplings of a lattice energy are scalar parameters, e.g. 'param K, h'");
        bad.add(name);
      }
      return;
    }
    if (e instanceof Expr.Binary b) {
      names(b.left(), bad);
      names(b.right(), bad);
    } else if (e instanceof Expr.Unary u) names(u.operand(), bad);
    else if (e instanceof Expr.Call c) for (Expr a : c.args()) names(a, bad);
    else if (!(e instanceof Expr.Num)) {
      diagnostics.error(e.span(), "not a coupling term", SHAPE_HINT);
      bad.add(null);
    }
  }

  private record Signed(Expr expr, boolean positive) {}

  private static List<Signed> terms(Expr e, boolean positive) {
    List<Signed> out = new ArrayList<>();
    if (e instanceof Expr.Binary b && (b.op() == '+' || b.op() == '-')) {
      out.addAll(terms(b.left(), positive));
      out.addAll(terms(b.right(), b.op() == '+' ? positive : !positive));
    } else if (e instanceof Expr.Unary u) out.addAll(terms(u.operand(), u.op() == '+' ? positive : !positive));
    else out.add(new Signed(e, positive));
    return out;
  }

  private static void factors(Expr e, List<Expr> factors, List<Expr> divisors) {
    if (e instanceof Expr.Binary b && b.op() == '*') {
      factors(b.left(), factors, divisors);
      factors(b.right(), factors, divisors);
    } else if (e instanceof Expr.Binary b && b.op() == '/') {
      factors(b.left(), factors, divisors);
      divisors.add(b.right());
    } else factors.add(e);
  }

  private <T> T fail(Expr at, String message) {
    diagnostics.error(at.span(), message, SHAPE_HINT);
    return null;
  }

  private static IExpr sum(List<IExpr> terms) {
    return Symja.eval(terms.isEmpty() ? F.C0 : F.Plus(terms.toArray(new IExpr[0])));
  }
}
