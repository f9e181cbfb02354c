package energy.algebra.cumulant;

import energy.algebra.Canonicalizer;
import energy.algebra.Condition;
import energy.algebra.Derived;
import energy.algebra.Marginalizer;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.model.Query;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Result;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The statement {@code G = expand F in W to order k}: the marginal F written through the
 * cumulants of the hidden units' priors ({@link CumulantExpansion}).
 */
public final class ExpandTransform {
  private ExpandTransform() {}

  /**
   * Over discrete visible units an {@link ExpandedCouplings} (the couplings are the whole
   * result), otherwise an {@link Expansion} in canonical order.
   *
   * @param substitute write the cumulants in closed form even if the statement does not say 'substituted'
   */
  public static Result transform(Query.Expand q, Derived from, SymbolTable symbols, IExpr beta, boolean substitute) {
    List<ISymbol> visible = symbols.symbols(from.args()), hidden = symbols.symbols(from.over());
    Set<ISymbol> small = new HashSet<>(symbols.symbols(q.small()));
    // κₙ⁽ʲ⁾ with j the index when the hidden units are one vector, else the unit's name.
    boolean oneVector = from.over().size() == 1 && from.over().get(0).shape().size() == 1;
    energy.result.Derivation.Recorder steps = new energy.result.Derivation.Recorder();
    CumulantExpansion.Expanded x =
        CumulantExpansion.expand(
            from.parent().energy(),
            visible,
            Marginalizer.kinds(from.args(), visible.size()),
            hidden,
            Marginalizer.kinds(from.over(), hidden.size()),
            small,
            q.order(),
            beta,
            (n, j) -> {
              SymbolTable.Component c = symbols.component(hidden.get(j));
              String unit = oneVector ? String.valueOf(c.index()[0]) : c.name();
              return symbols.derived("kappa[" + n + "]^(" + unit + ")");
            },
            q.substituted() || substitute,
            steps);
    Condition.requireSatisfiable(x.conditions(), beta);
    if (x.couplings() != null)
      return new ExpandedCouplings(q, from.args(), x.value(), x.couplings(), x.cumulants(), from.energy(), x.conditions(), from.from(), steps.derivation());
    List<IExpr> terms = new Canonicalizer(visible, Marginalizer.kinds(from.args(), visible.size())).terms(Symja.eval(x.value()));
    return new Expansion(q, from.args(), terms, x.value(), x.cumulants(), from.energy(), x.conditions(), from.from(), steps.derivation());
  }
}
