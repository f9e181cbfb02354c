package energy.check;

import energy.diag.Diagnostics;
import energy.model.Expr;
import energy.model.Variable;
import java.math.BigInteger;
import java.util.List;

/**
 * Gaussian integration needs the energy to be a polynomial of degree at most 2 in the units
 * integrated over. This pass finds, in the source, the smallest subexpression that breaks
 * that (a cube, a unit inside cosh, a unit in a denominator) so the error points at it.
 * Returns the degree, or -1 after reporting an error.
 */
final class DegreeChecker implements Expr.Visitor<Integer> {
  private final List<String> units;
  private final Diagnostics diagnostics;
  private boolean reported;

  private DegreeChecker(List<String> units, Diagnostics diagnostics) {
    this.units = units;
    this.diagnostics = diagnostics;
  }

  static void check(Expr body, List<Variable> realUnits, Diagnostics d) {
    DegreeChecker c = new DegreeChecker(realUnits.stream().map(Variable::name).toList(), d);
    body.accept(c);
  }

  private int fail(Expr at, String message) {
    if (!reported) {
      diagnostics.error(
          at.span(),
          message,
          "real units are integrated as Gaussians: the energy must be a polynomial of degree at most 2 in "
              + String.join(", ", units));
      reported = true;
    }
    return -1;
  }

  private int bounded(Expr at, int degree, String unitsInside) {
    if (degree > 2) return fail(at, "real unit" + unitsInside + " appears at degree " + degree + " here");
    return degree;
  }

  private String unitsIn(Expr e) {
    StringBuilder out = new StringBuilder();
    e.accept(
        new Expr.Visitor<Void>() {
          private void add(String name) {
            if (units.contains(name) && out.indexOf("'" + name + "'") < 0)
              out.append(out.length() == 0 ? " " : ", ").append("'").append(name).append("'");
          }

          public Void visitNumber(Expr.Num e) {
            return null;
          }

          public Void visitName(Expr.Name e) {
            add(e.name().text());
            return null;
          }

          public Void visitIndexed(Expr.Indexed e) {
            add(e.name().text());
            return null;
          }

          public Void visitCall(Expr.Call e) {
            e.args().forEach(a -> a.accept(this));
            return null;
          }

          public Void visitUnary(Expr.Unary e) {
            return e.operand().accept(this);
          }

          public Void visitBinary(Expr.Binary e) {
            e.left().accept(this);
            return e.right().accept(this);
          }

          public Void visitDot(Expr.Dot e) {
            e.left().accept(this);
            return e.right().accept(this);
          }

          public Void visitSum(Expr.Sum e) {
            return e.body().accept(this);
          }
        });
    return out.toString();
  }

  @Override
  public Integer visitNumber(Expr.Num e) {
    return 0;
  }

  @Override
  public Integer visitName(Expr.Name e) {
    return units.contains(e.name().text()) ? 1 : 0;
  }

  @Override
  public Integer visitIndexed(Expr.Indexed e) {
    return units.contains(e.name().text()) ? 1 : 0;
  }

  @Override
  public Integer visitCall(Expr.Call e) {
    for (Expr a : e.args()) {
      int d = a.accept(this);
      if (d < 0) return -1;
      if (d > 0)
        return fail(e, "real unit" + unitsIn(a) + " appears inside '" + e.function().text() + "'");
    }
    return 0;
  }

  @Override
  public Integer visitUnary(Expr.Unary e) {
    return e.operand().accept(this);
  }

  @Override
  public Integer visitBinary(Expr.Binary e) {
    int l = e.left().accept(this);
    if (l < 0) return -1;
    int r = e.right().accept(this);
    if (r < 0) return -1;
    switch (e.op()) {
      case '+':
      case '-':
        return Math.max(l, r);
      case '*':
        return bounded(e, l + r, unitsIn(e));
      case '/':
        if (r > 0) return fail(e.right(), "real unit" + unitsIn(e.right()) + " appears in a denominator");
        return l;
      default: // '^'
        if (r > 0) return fail(e.right(), "real unit" + unitsIn(e.right()) + " appears in an exponent");
        if (l == 0) return 0;
        if (e.right() instanceof Expr.Num n && n.denominator().equals(BigInteger.ONE) && n.numerator().signum() >= 0) {
          BigInteger d = n.numerator().multiply(BigInteger.valueOf(l));
          return bounded(e, d.bitLength() > 20 ? Integer.MAX_VALUE : d.intValue(), unitsIn(e));
        }
        return fail(e, "real unit" + unitsIn(e.left()) + " is raised to a power that is not a whole number");
    }
  }

  @Override
  public Integer visitDot(Expr.Dot e) {
    int l = e.left().accept(this);
    if (l < 0) return -1;
    int r = e.right().accept(this);
    if (r < 0) return -1;
    return bounded(e, l + r, unitsIn(e));
  }

  @Override
  public Integer visitSum(Expr.Sum e) {
    return e.body().accept(this);
  }

  /** Reported by the shape checker already: a bond sum belongs to a reduced lattice energy only. */
  @Override
  public Integer visitBondSum(Expr.BondSum e) {
    return -1;
  }
}
