package energy.algebra.cumulant;

import energy.algebra.Symja;
import energy.model.Query;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The right-hand sides of the language's moment and cumulant statements: κₙ in raw moments
 * μ₁…μₙ, μₙ in cumulants, and joint κ(x₁,…,x_k) in joint moments ⟨Π_{i∈S} xᵢ⟩ (or the
 * reverse), all through the recursions of {@link Cumulants}.
 */
public final class MomentIdentities {
  private MomentIdentities() {}

  public static IExpr rhs(Query.MomentIdentity q) {
    if (q.variables().isEmpty())
      return q.cumulant() ? Cumulants.cumulantInMoments(q.order()) : Cumulants.momentInCumulants(q.order());
    List<ISymbol> x = variables(q.variables());
    return q.cumulant()
        ? Cumulants.jointCumulant(x.size(), s -> F.unaryAST1(Symja.EXPECTATION, product(x, s)))
        : Cumulants.jointMoment(x.size(), s -> cumulantOf(x, s));
  }

  /** The left-hand side: κₙ, μₙ, κ(x₁,…) or ⟨x₁…⟩. */
  public static IExpr lhs(Query.MomentIdentity q) {
    if (q.variables().isEmpty()) return Cumulants.symbol(q.cumulant() ? "kappa" : "mu", q.order());
    List<ISymbol> x = variables(q.variables());
    BitSet all = new BitSet();
    all.set(0, x.size());
    return q.cumulant() ? cumulantOf(x, all) : F.unaryAST1(Symja.EXPECTATION, product(x, all));
  }

  /**
   * The atom of a joint identity for the variables in {@code s}: the cumulant κ(x_S) when
   * {@code cumulant}, else the moment ⟨Π_{i∈S} xᵢ⟩ — as they appear in {@link #rhs}.
   */
  public static IExpr atom(Query.MomentIdentity q, BitSet s, boolean cumulant) {
    List<ISymbol> x = variables(q.variables());
    return cumulant ? cumulantOf(x, s) : F.unaryAST1(Symja.EXPECTATION, product(x, s));
  }

  private static final Map<String, ISymbol> NAMES = new LinkedHashMap<>();

  /** One symbol per variable name, so that lhs and rhs share them. */
  private static synchronized List<ISymbol> variables(List<String> names) {
    List<ISymbol> out = new ArrayList<>();
    for (String n : names) out.add(NAMES.computeIfAbsent(n, k -> new Symbol(k, Context.DUMMY)));
    return out;
  }

  private static IExpr product(List<ISymbol> x, BitSet s) {
    List<IExpr> f = new ArrayList<>();
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) f.add(x.get(i));
    return Symja.unsortedProduct(f);
  }

  private static IExpr cumulantOf(List<ISymbol> x, BitSet s) {
    List<IExpr> args = new ArrayList<>();
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) args.add(x.get(i));
    return F.function(Symja.CUMULANT, args.toArray(new IExpr[0]));
  }
}
