package energy.algebra;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The one place that talks to Symja's evaluator and sets its global state. User symbols
 * are never interned (see {@link SymbolTable}), so nothing here depends on Symja's
 * case-folding of names.
 */
public final class Symja {
  private static final ThreadLocal<ExprEvaluator> EVALUATOR =
      ThreadLocal.withInitial(() -> new ExprEvaluator(true, (short) 0));

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
  public static List<IExpr> args(IExpr e) {
    List<IExpr> out = new ArrayList<>();
    for (int i = 1; i <= e.argSize(); i++) out.add(e.getAt(i));
    return out;
  }

  /** The additive terms of an expression: its arguments when a sum, else itself. */
  public static List<IExpr> terms(IExpr e) {
    return e.isPlus() ? args(e) : List.of(e);
  }

  /** The factors of an expression: its arguments when a product, else itself. */
  public static List<IExpr> factors(IExpr e) {
    return e.isTimes() ? args(e) : List.of(e);
  }

  /** A sum built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedSum(List<IExpr> terms) {
    return unsorted(S.Plus, terms, F.C0);
  }

  /** A product built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedProduct(List<IExpr> factors) {
    return unsorted(S.Times, factors, F.C1);
  }

  private static IExpr unsorted(ISymbol head, List<IExpr> args, IExpr empty) {
    if (args.isEmpty()) return empty;
    if (args.size() == 1) return args.get(0);
    IASTAppendable ast = F.ast(head, args.size());
    for (IExpr a : args) ast.append(a);
    return ast;
  }

  /** Symja's engine warms up on first use (~1.5 s); call early when timing matters. */
  public static void warmUp() {
    eval(F.Plus(F.C1, F.C1));
  }
}
