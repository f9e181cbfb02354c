package energy.algebra;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The one place that talks to Symja's evaluator and sets its global state. User symbols
 * are never interned (see {@link SymbolTable}), so nothing here depends on Symja's
 * case-folding of names.
 */
public final class Symja {
  private static final ThreadLocal<ExprEvaluator> EVALUATOR =
      ThreadLocal.withInitial(
          () -> {
            return new ExprEvaluator(true, (short) 0);
          });

  /** ⟨x y⟩: the expectation of its argument, an inert head the printers write with angle brackets. */
  public static final ISymbol EXPECTATION = new Symbol("Expectation", Context.DUMMY);
  /** κ(x, y): the joint cumulant of its arguments, an inert head. */
  public static final ISymbol CUMULANT = new Symbol("Cumulant", Context.DUMMY);

  private Symja() {}

  public static IExpr eval(IExpr e) {
    return EVALUATOR.get().eval(e);
  }

  public static IExpr expand(IExpr e) {
    return eval(F.Expand(e));
  }

  public static IExpr together(IExpr e) {
    return eval(F.Together(e));
  }

  /** The arguments of a compound expression (its head excluded); empty for atoms. */
  public static java.util.List<IExpr> args(IExpr e) {
    java.util.List<IExpr> out = new java.util.ArrayList<>();
    for (int i = 1; i <= e.argSize(); i++) out.add(e.getAt(i));
    return out;
  }

  /** The additive terms of an expression: its arguments when a sum, else itself. */
  public static java.util.List<IExpr> terms(IExpr e) {
    return e.isPlus() ? args(e) : java.util.List.of(e);
  }

  /** The factors of an expression: its arguments when a product, else itself. */
  public static java.util.List<IExpr> factors(IExpr e) {
    return e.isTimes() ? args(e) : java.util.List.of(e);
  }

  /** A sum built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedSum(java.util.List<IExpr> terms) {
    if (terms.isEmpty()) return F.C0;
    if (terms.size() == 1) return terms.get(0);
    org.matheclipse.core.interfaces.IASTAppendable sum = F.ast(org.matheclipse.core.expression.S.Plus, terms.size());
    for (IExpr t : terms) sum.append(t);
    return sum;
  }

  /** A product built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedProduct(java.util.List<IExpr> factors) {
    if (factors.isEmpty()) return F.C1;
    if (factors.size() == 1) return factors.get(0);
    org.matheclipse.core.interfaces.IASTAppendable product = F.ast(org.matheclipse.core.expression.S.Times, factors.size());
    for (IExpr f : factors) product.append(f);
    return product;
  }

  /** Symja's engine warms up on first use (~1.5 s); call early when timing matters. */
  public static void warmUp() {
    eval(F.Plus(F.C1, F.C1));
  }
}
