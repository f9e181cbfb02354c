package energy.algebra;

import energy.lowering.Lowerer;
import energy.model.Model;
import energy.model.Query;
import energy.model.Variable;
import energy.result.Kernel;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The statement {@code kernel T(S | v) = …}: the kernel in canonical order and its trace Σ_S e^{T},
 * summed like any marginal (−ln Σ_S e^{T} is the marginal of −T over S at β = 1) and simplified
 * over the visible units' domains.
 */
public final class KernelTransform {
  private KernelTransform() {}

  public static Kernel transform(Query.Kernel k, Model model, SymbolTable symbols) {
    IExpr t = Lowerer.lower(k.body(), model, symbols);
    List<Variable> args = new ArrayList<>(k.hidden());
    args.addAll(k.visible());
    List<ISymbol> all = symbols.symbols(args), visible = symbols.symbols(k.visible());
    List<IExpr> terms = new Canonicalizer(all, Marginalizer.kinds(args, all.size())).terms(t);
    Marginalizer.Result m = Marginalizer.marginalize(F.Negate(t), k.hidden(), symbols, F.C1);
    IExpr logTrace = Symja.eval(F.Negate(F.Plus(new Canonicalizer(visible, Marginalizer.kinds(k.visible(), visible.size())).terms(m.energy()).toArray(new IExpr[0]))));
    // Arguments expanded first: cosh(λv₁ + λv₂)·sech(λ(v₁ + v₂)) is 1 only once they agree.
    IExpr trace = Symja.eval(F.Simplify(F.ExpandAll(F.Exp(logTrace))));
    return new Kernel(k, terms, t, trace);
  }
}
