package energy.check;

import energy.diag.Diagnostics;
import energy.diag.Span;
import energy.model.Dim;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an energy's body: names resolve, units are the energy's own, indices are in range
 * and match their sizes, contractions and sums have consistent shapes, the result is a
 * scalar. Returns null for a subexpression that already reported an error (no cascades).
 */
final class ShapeChecker implements Expr.Visitor<Shape> {
  static final Set<String> FUNCTIONS = Set.of("exp", "ln", "cosh", "sinh", "tanh", "sqrt");

  private final Map<String, Variable> variables;
  private final List<Variable> args;
  private final Set<String> poisoned;
  private final Diagnostics diagnostics;
  /** Sum indices in scope: name → the size it runs over (null until first used). */
  private final Map<String, Dim[]> indices = new HashMap<>();

  private ShapeChecker(Map<String, Variable> variables, Set<String> poisoned, List<Variable> args, Diagnostics diagnostics) {
    this.variables = variables;
    this.poisoned = poisoned;
    this.args = args;
    this.diagnostics = diagnostics;
  }

  static void checkEnergy(
      Expr body, Map<String, Variable> variables, Set<String> poisoned, List<Variable> args, Diagnostics d) {
    Shape s = body.accept(new ShapeChecker(variables, poisoned, args, d));
    if (s != null && !s.isScalar()) {
      d.error(
          body.span(),
          "an energy must be a scalar, but this is " + s.describe(),
          "contract vectors with '.', e.g. a.x or x.W.h, or sum over an index: sum(i) a[i]*x[i]");
    }
  }

  private Shape error(Span span, String message, String hint) {
    diagnostics.error(span, message, hint);
    return null;
  }

  private Variable lookup(Ident name) {
    Variable v = variables.get(name.text());
    if (v == null && poisoned.contains(name.text())) return null; // already reported
    if (v == null) {
      List<String> known = new ArrayList<>(variables.keySet());
      error(
          name.span(),
          "unknown name '" + name.text() + "'",
          known.isEmpty() ? "declare it with 'param' or a unit kind" : "declared names are " + String.join(", ", known));
      return null;
    }
    if (v.isUnit() && !args.contains(v)) {
      error(
          name.span(),
          "unit '" + name.text() + "' is not an argument of this energy",
          "list it among the energy's units, e.g. energy H(..., " + name.text() + ")");
      return null;
    }
    return v;
  }

  @Override
  public Shape visitNumber(Expr.Num e) {
    return Shape.SCALAR;
  }

  @Override
  public Shape visitName(Expr.Name e) {
    if (indices.containsKey(e.name().text()))
      return error(e.span(), "index '" + e.name().text() + "' can only be used inside [ ]", "write x[" + e.name().text() + "]");
    if (isIdentityName(e)) return Shape.IDENTITY;
    Variable v = lookup(e.name());
    return v == null ? null : new Shape(v.shape());
  }

  /** {@code I}, when no variable is called I: the identity matrix. */
  private boolean isIdentityName(Expr e) {
    return e instanceof Expr.Name n && n.name().text().equals(IDENTITY) && !variables.containsKey(IDENTITY);
  }

  /** {@code A^T}, when no variable is called T: the transpose. */
  static boolean isTranspose(Expr.Binary e, Map<String, Variable> variables) {
    return e.op() == '^' && e.right() instanceof Expr.Name n && n.name().text().equals(TRANSPOSE) && !variables.containsKey(TRANSPOSE);
  }

  static final String IDENTITY = "I";
  static final String TRANSPOSE = "T";

  private static boolean isOne(Expr e) {
    return e instanceof Expr.Num n && n.numerator().equals(java.math.BigInteger.ONE) && n.denominator().equals(java.math.BigInteger.ONE);
  }

  @Override
  public Shape visitIndexed(Expr.Indexed e) {
    Variable v = lookup(e.name());
    if (v == null) return null;
    if (v.rank() != e.indices().size()) {
      return error(
          e.span(),
          "'" + v.name() + "' takes " + v.rank() + (v.rank() == 1 ? " index" : " indices") + ", not " + e.indices().size(),
          v.rank() == 0 ? "'" + v.name() + "' is a scalar: write it without [ ]" : "'" + v.name() + "' is " + new Shape(v.shape()).describe());
    }
    boolean ok = true;
    for (int k = 0; k < v.rank(); k++) {
      Expr index = e.indices().get(k);
      Dim dim = v.shape().get(k);
      if (index instanceof Expr.Num n && n.denominator().equals(java.math.BigInteger.ONE)) {
        int value = n.numerator().bitLength() > 31 ? Integer.MAX_VALUE : n.numerator().intValue();
        if (dim.isSymbolic()) {
          error(index.span(), "component " + n.numerator() + " of '" + v.name() + "' needs a concrete size, but " + dim.name() + " is symbolic", "give it a value, 'dim " + dim.name() + " = 3', or write the energy in vectors and matrices");
          ok = false;
        } else if (value < 1 || value > dim.size()) {
          error(index.span(), "index " + n.numerator() + " is out of range 1.." + dim.size() + " of '" + v.name() + "'", "indices start at 1");
          ok = false;
        }
      } else if (index instanceof Expr.Name n && indices.containsKey(n.name().text())) {
        Dim[] range = indices.get(n.name().text());
        if (range[0] == null) range[0] = dim;
        else if (!range[0].name().equals(dim.name())) {
          error(
              index.span(),
              "index '" + n.name().text() + "' runs over " + range[0].name() + " but slot " + (k + 1) + " of '" + v.name() + "' has size " + dim.name(),
              "use a separate index for each size");
          ok = false;
        }
      } else {
        error(index.span(), "an index must be a number or an index of an enclosing sum", "write e.g. sum(i) a[i]*x[i]");
        ok = false;
      }
    }
    return ok ? Shape.SCALAR : null;
  }

  @Override
  public Shape visitCall(Expr.Call e) {
    String fn = e.function().text();
    if (!FUNCTIONS.contains(fn))
      return error(e.function().span(), "unknown function '" + fn + "'", "functions are " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)));
    if (e.args().size() != 1) return error(e.span(), "'" + fn + "' takes one argument", null);
    Shape s = e.args().get(0).accept(this);
    if (s != null && !s.isScalar())
      return error(e.args().get(0).span(), "the argument of '" + fn + "' must be a scalar, but this is " + s.describe(), "contract it first, e.g. " + fn + "(a.x)");
    return s == null ? null : Shape.SCALAR;
  }

  @Override
  public Shape visitUnary(Expr.Unary e) {
    return e.operand().accept(this);
  }

  @Override
  public Shape visitBinary(Expr.Binary e) {
    if (isTranspose(e, variables)) {
      Shape m = e.left().accept(this);
      if (m == null || m.isIdentity()) return m;
      if (m.rank() != 2)
        return error(e.span(), "only a matrix has a transpose, but this is " + m.describe(), m.rank() == 1 ? "'.' contracts a vector on either side: x.A is Aᵀx" : null);
      return new Shape(List.of(m.dims().get(1), m.dims().get(0)));
    }
    Shape l = e.left().accept(this);
    Shape r = e.right().accept(this);
    if (l == null || r == null) return null;
    // 1 beside a matrix (1 - B.B^T) is the identity.
    if ((e.op() == '+' || e.op() == '-') && l.isScalar() && isOne(e.left()) && r.rank() == 2) l = Shape.IDENTITY;
    if ((e.op() == '+' || e.op() == '-') && r.isScalar() && isOne(e.right()) && l.rank() == 2) r = Shape.IDENTITY;
    if (l.isIdentity() && r.isIdentity()) return l;
    if (l.isIdentity() || r.isIdentity()) {
      Shape other = l.isIdentity() ? r : l;
      if (e.op() == '*') {
        if (other.isScalar()) return Shape.IDENTITY;
        return error(e.span(), "cannot multiply the identity by " + other.describe() + " with '*'", "contract with '.', e.g. I.A");
      }
      if (e.op() == '+' || e.op() == '-') {
        if (other.isSquareMatrix()) return other;
        return error(e.span(), "cannot add the identity and " + other.describe(), "the identity is added to square matrices, e.g. I - B.B^T with B of size m×p");
      }
      if (e.op() == '/' && l.isIdentity() && r.isScalar()) return l;
      return error(e.span(), "the identity cannot be used with '" + e.op() + "' here", null);
    }
    switch (e.op()) {
      case '+':
      case '-':
        if (!l.equals(r))
          return error(e.span(), "cannot add " + l.describe() + " and " + r.describe(), "both sides of + and - must have the same shape");
        return l;
      case '*':
        if (!l.isScalar() && !r.isScalar())
          return error(e.span(), "cannot multiply " + l.describe() + " by " + r.describe() + " with '*'", "contract with '.', e.g. a.x");
        return l.isScalar() ? r : l;
      case '/':
        if (!r.isScalar()) return error(e.right().span(), "cannot divide by " + r.describe(), null);
        return l;
      default: // '^'
        if (!l.isScalar()) return error(e.left().span(), "cannot raise " + l.describe() + " to a power", "write y.y for the squared norm");
        if (!r.isScalar()) return error(e.right().span(), "an exponent must be a scalar", null);
        return Shape.SCALAR;
    }
  }

  @Override
  public Shape visitDot(Expr.Dot e) {
    Shape l = e.left().accept(this);
    Shape r = e.right().accept(this);
    if (l == null || r == null) return null;
    if (l.isIdentity() && !r.isScalar()) return r;
    if (r.isIdentity() && !l.isScalar()) return l;
    if (l.isScalar() || r.isScalar())
      return error(e.span(), "'.' contracts vectors and matrices, but " + (l.isScalar() ? "the left side" : "the right side") + " is a scalar", "use '*' to multiply by a scalar");
    Dim a = l.dims().get(l.rank() - 1);
    Dim b = r.dims().get(0);
    if (!a.name().equals(b.name()))
      return error(
          e.span(),
          "size mismatch in contraction: " + l.describe() + " with " + r.describe(),
          "the last size on the left (" + sized(a) + ") must equal the first on the right (" + sized(b) + ")");
    List<Dim> dims = new ArrayList<>(l.dims().subList(0, l.rank() - 1));
    dims.addAll(r.dims().subList(1, r.rank()));
    if (dims.size() > 2) return error(e.span(), "contraction gives more than 2 indices", null);
    return new Shape(dims);
  }

  private static String sized(Dim d) {
    return d.isSymbolic() ? d.name() + ", symbolic" : d.name() + " = " + d.size();
  }

  /** A bond sum runs over a lattice's bonds, which only a reduced lattice energy has. */
  @Override
  public Shape visitBondSum(Expr.BondSum e) {
    return error(
        e.span(),
        "a bond sum is only allowed in a reduced lattice energy",
        "declare a lattice and its spin ('lattice chain periodic', 'spin s on sites') and write 'reduced energy K0(s) = K*sum<i,j> s[i]*s[j]'; in an ordinary energy, sum over indices: sum(i) a[i]*x[i]");
  }

  @Override
  public Shape visitSum(Expr.Sum e) {
    List<String> added = new ArrayList<>();
    for (Ident i : e.indices()) {
      if (indices.containsKey(i.text()) || added.contains(i.text())) {
        error(i.span(), "index '" + i.text() + "' is already in use", "choose another index name");
        continue;
      }
      if (variables.containsKey(i.text())) {
        error(i.span(), "index '" + i.text() + "' has the name of a declared variable", "choose another index name");
        continue;
      }
      indices.put(i.text(), new Dim[1]);
      added.add(i.text());
    }
    Shape body = e.body().accept(this);
    boolean ok = body != null;
    for (Ident i : e.indices()) {
      if (!added.contains(i.text())) continue;
      if (indices.get(i.text())[0] == null && body != null) {
        error(i.span(), "index '" + i.text() + "' is not used in the sum", "use it as an index, e.g. x[" + i.text() + "]");
        ok = false;
      }
    }
    for (String i : added) indices.remove(i);
    if (!ok) return null;
    if (!body.isScalar()) return error(e.body().span(), "the body of a sum must be a scalar, but this is " + body.describe(), null);
    return Shape.SCALAR;
  }
}
