package energy.rg.flow;

/**
 * The critical exponents from the thermal and magnetic eigenvalues of a fixed point in d
 * dimensions, by scaling and hyperscaling: ν = 1/y_T, α = 2 − d/y_T, β = (d − y_H)/y_T,
 * γ = (2y_H − d)/y_T, δ = y_H/(d − y_H), η = d + 2 − 2y_H (exact 2D Ising: y_T = 1, y_H = 15/8).
 */
public record Exponents(double yT, double yH, int d) {
  public double nu() {
    return 1 / yT;
  }

  public double alpha() {
    return 2 - d / yT;
  }

  public double beta() {
    return (d - yH) / yT;
  }

  public double gamma() {
    return (2 * yH - d) / yT;
  }

  public double delta() {
    return yH / (d - yH);
  }

  public double eta() {
    return d + 2 - 2 * yH;
  }

  /** β/ν = d − y_H. */
  public double betaOverNu() {
    return d - yH;
  }

  /** γ/ν = 2y_H − d. */
  public double gammaOverNu() {
    return 2 * yH - d;
  }

  /** The exponents of the critical fixed point of a flow, or null without y_T, y_H or d. */
  public static Exponents of(FlowResult r) {
    FixedPoint p = r.critical();
    if (p == null || p.yH() == null || r.recursion().latticeDimension() <= 0) return null;
    return new Exponents(1 / p.nu(), p.yH(), r.recursion().latticeDimension());
  }
}
