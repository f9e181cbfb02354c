package energy.rg.flow;

import java.util.List;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** The recursion relations the tests use, written with Symja's F factories. */
final class Recursions {
  static final ISymbol K = new Symbol("K", Context.DUMMY);
  static final ISymbol H = new Symbol("h", Context.DUMMY);

  private Recursions() {}

  /** 1D decimation b = 2: tanh K' = tanh² K. */
  static Recursion chain() {
    return new Recursion(List.of(K), List.of(F.ArcTanh(F.Sqr(F.Tanh(K)))), 2);
  }

  /** 1D decimation at h = 0 in the log-cosh form: K' = ½ ln cosh 2K. */
  static Recursion chainLogCosh() {
    return new Recursion(List.of(K), List.of(F.Times(F.C1D2, F.Log(F.Cosh(F.Times(F.C2, K))))), 2);
  }

  /** Migdal–Kadanoff, square lattice, b = 2: tanh K' = tanh²(2K). */
  static Recursion migdalKadanoff() {
    return new Recursion(List.of(K), List.of(F.ArcTanh(F.Sqr(F.Tanh(F.Times(F.C2, K))))), 2);
  }

  /** Niemeijer–van Leeuwen first order: K' = 2K ((e^{3K}+e^{−K})/(e^{3K}+3e^{−K}))², b = √3. */
  static Recursion nvl() {
    IExpr e3 = F.Exp(F.Times(F.C3, K)), em = F.Exp(F.Negate(K));
    IExpr ratio = F.Times(F.Plus(e3, em), F.Power(F.Plus(e3, F.Times(F.C3, em)), F.CN1));
    return new Recursion(List.of(K), List.of(F.Times(F.C2, K, F.Sqr(ratio))), Math.sqrt(3));
  }

  /**
   * The chain in a field, decimation b = 2: K' = ¼ ln[cosh(2K+h) cosh(2K−h)/cosh² h], h' = h + ½
   * ln[cosh(2K+h)/cosh(2K−h)].
   */
  static Recursion chainInField() {
    IExpr cp = F.Cosh(F.Plus(F.Times(F.C2, K), H)), cm = F.Cosh(F.Subtract(F.Times(F.C2, K), H));
    IExpr kp = F.Times(F.C1D4, F.Log(F.Times(cp, cm, F.Power(F.Cosh(H), F.CN2))));
    IExpr hp = F.Plus(H, F.Times(F.C1D2, F.Log(F.Times(cp, F.Power(cm, F.CN1)))));
    return new Recursion(List.of(K, H), List.of(kp, hp), 2);
  }

  /** K' = K² + h², h' = 2Kh: u = K+h ↦ u², v = K−h ↦ v² (fixed points u, v ∈ {0, 1}). */
  static Recursion squares() {
    return new Recursion(
        List.of(K, H), List.of(F.Plus(F.Sqr(K), F.Sqr(H)), F.Times(F.C2, K, H)), 2);
  }

  /** A linear spiral K' = aK − ch, h' = cK + ah: eigenvalues a ± ic at the origin. */
  static Recursion spiral(double a, double c) {
    return new Recursion(
        List.of(K, H),
        List.of(
            F.Plus(F.Times(F.num(a), K), F.Times(F.num(-c), H)),
            F.Plus(F.Times(F.num(c), K), F.Times(F.num(a), H))),
        2);
  }
}
