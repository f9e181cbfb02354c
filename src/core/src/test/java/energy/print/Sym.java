package energy.print;

import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Test inputs made the way the compiler makes them. */
final class Sym {
  private static final ExprEvaluator EVALUATOR = new ExprEvaluator(true, (short) 0);

  private Sym() {}

  /** A user symbol; made directly because F.Dummy/F.symbol lower-case names (B[1,1] → b[1,1]). */
  static ISymbol s(String name) {
    return new Symbol(name, Context.DUMMY);
  }

  /** The shape Symja really produces. */
  static IExpr eval(IExpr e) {
    return EVALUATOR.eval(e);
  }
}
