package energy.check;

import energy.diag.Span;
import energy.model.Dim;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.Query;
import energy.model.Stmt;
import energy.model.UnitKind;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Resolves the query statements on a named result or energy — {@code coefficient … in G},
 * {@code G where …}, {@code derivative G by …}, {@code G at …}, {@code check G} — against the
 * names declared so far, each mistake at its position.
 */
final class QueryChecker {
  /** Most components one derivative may name: ∂⁴ is already rarely wanted. */
  static final int MAX_DERIVATIVE_ORDER = 4;

  void statement(Resolver r, Stmt s) {
    if (s instanceof Stmt.CoefficientStmt c) coefficient(r, c);
    else if (s instanceof Stmt.WhereStmt w) where(r, w);
    else if (s instanceof Stmt.DerivativeStmt d) derivative(r, d);
    else if (s instanceof Stmt.AtStmt a) at(r, a);
    else if (s instanceof Stmt.CheckStmt c) check(r, c);
  }

  /** The units of a result or energy the algebraic queries take, or null (reported). */
  private static List<Variable> target(Resolver r, Ident target, String what) {
    List<Variable> args = r.quantities.get(target.text());
    if (args == null) args = r.energyArgs.get(target.text());
    if (args != null) return args;
    if (r.poisoned.contains(target.text())) return null;
    List<String> known = new ArrayList<>(r.energyArgs.keySet());
    for (String q : r.quantities.keySet()) if (!known.contains(q)) known.add(q);
    boolean defined = r.defined.containsKey(target.text());
    r.diagnostics.error(
        target.span(),
        defined ? "'" + target.text() + "' is not an energy or a result that " + what + " applies to" : "unknown result or energy '" + target.text() + "'",
        known.isEmpty() ? "declare an energy first: 'energy H(x) = ...'" : what + " applies to " + String.join(", ", known));
    return null;
  }

  private void coefficient(Resolver r, Stmt.CoefficientStmt c) {
    List<Variable> args = target(r, c.target(), "'coefficient'");
    if (!r.define(c.result()) || args == null) return;
    LinkedHashMap<String, Integer> powers = new LinkedHashMap<>();
    if (!monomial(r, c.monomial(), 1, args, c.target(), powers)) return;
    r.queries.add(new Query.Coefficient(c.result(), c.target(), c.monomial(), powers, args, c.span()));
    r.quantities.put(c.result().text(), List.of());
  }

  /** Reads a product of unit components with whole powers into {@code powers}; false after an error. */
  private static boolean monomial(Resolver r, Expr e, int power, List<Variable> args, Ident target, LinkedHashMap<String, Integer> powers) {
    if (e instanceof Expr.Num n && n.numerator().equals(java.math.BigInteger.ONE) && n.denominator().equals(java.math.BigInteger.ONE))
      return true;
    if (e instanceof Expr.Binary b && b.op() == '*')
      return monomial(r, b.left(), power, args, target, powers) && monomial(r, b.right(), power, args, target, powers);
    if (e instanceof Expr.Binary b && b.op() == '^' && b.right() instanceof Expr.Num n && n.denominator().equals(java.math.BigInteger.ONE)
        && n.numerator().signum() > 0 && n.numerator().bitLength() < 8)
      return monomial(r, b.left(), power * n.numerator().intValue(), args, target, powers);
    Stmt.Component comp = null;
    if (e instanceof Expr.Name n) comp = new Stmt.Component(n.name(), List.of(), n.span());
    else if (e instanceof Expr.Indexed ix && ix.indices().stream().allMatch(i -> i instanceof Expr.Num n && n.denominator().equals(java.math.BigInteger.ONE))) {
      List<Integer> index = new ArrayList<>();
      for (Expr i : ix.indices()) index.add(((Expr.Num) i).numerator().intValue());
      comp = new Stmt.Component(ix.name(), index, ix.span());
    }
    if (comp == null) {
      r.diagnostics.error(e.span(), "not a monomial in the units",
          "write a product of unit components with whole powers, e.g. 'coefficient v[1]*v[2] in " + target.text() + "' or 'coefficient x^2 in " + target.text() + "'");
      return false;
    }
    Variable v = component(r, comp);
    if (v == null) return false;
    if (!v.isUnit()) {
      r.diagnostics.error(comp.span(), "'" + comp.name().text() + "' is not a unit; a coefficient is taken in the units of " + target.text(),
          "units of " + target.text() + ": " + Resolver.names(args) + "; a coefficient is a function of the parameters");
      return false;
    }
    if (!args.contains(v)) {
      r.diagnostics.error(comp.span(), notAUnitOf(comp, target), "units of " + target.text() + ": " + Resolver.names(args));
      return false;
    }
    int total = powers.merge(comp.text(), power, Integer::sum);
    if (v.kind() != UnitKind.REAL && total > 1) {
      boolean spin = v.kind() == UnitKind.SPIN;
      r.diagnostics.error(e.span(), "'" + comp.text() + "' is a " + (spin ? "spin" : "binary unit") + ": " + (spin ? "s² = 1" : "b² = b") + ", so no power of it above 1 is a monomial of " + target.text(),
          spin ? "write the monomial without it (its square is 1)" : "write '" + comp.text() + "' once");
      return false;
    }
    return true;
  }

  private static String notAUnitOf(Stmt.Component comp, Ident target) {
    return target.text() + " does not depend on unit '" + comp.name().text() + "' (it was summed or integrated out, or never an argument)";
  }

  /** The variable a component names, its index count and range checked; null after an error. */
  private static Variable component(Resolver r, Stmt.Component c) {
    Variable v = r.variables.get(c.name().text());
    if (v == null) {
      if (!r.poisoned.contains(c.name().text()))
        r.diagnostics.error(c.name().span(), "unknown name '" + c.name().text() + "'",
            "declared units, parameters and temperature: " + (r.variables.isEmpty() ? "(none)" : String.join(", ", r.variables.keySet())));
      return null;
    }
    if (c.index().size() != v.rank()) {
      r.diagnostics.error(c.span(),
          v.rank() == 0 ? "'" + v.name() + "' takes no index" : "'" + v.name() + "' takes " + v.rank() + " ind" + (v.rank() == 1 ? "ex" : "ices") + ", not " + c.index().size(),
          v.rank() == 0 ? "write '" + v.name() + "'" : "name one component, e.g. '" + v.name() + "[" + (v.rank() == 1 ? "1" : "1,1") + "]'");
      return null;
    }
    for (int k = 0; k < c.index().size(); k++) {
      Dim d = v.shape().get(k);
      int i = c.index().get(k);
      if (d.isSymbolic()) {
        r.diagnostics.error(c.span(), "'" + v.name() + "' has the symbolic size " + d.name(), "queries on components need concrete sizes, e.g. 'dim " + d.name() + " = 3'");
        return null;
      }
      if (i < 1 || i > d.size()) {
        r.diagnostics.error(c.span(), "index " + i + " of '" + v.name() + "' is out of range 1.." + d.size(), "indices run from 1 to the size " + d.name() + " = " + d.size());
        return null;
      }
    }
    return v;
  }

  private void where(Resolver r, Stmt.WhereStmt w) {
    List<Variable> args = target(r, w.target(), "'where'");
    if (!r.define(w.result()) || args == null) return;
    boolean ok = true;
    List<String> seen = new ArrayList<>();
    List<Variable> substitutedUnits = new ArrayList<>();
    for (Stmt.Assignment a : w.assignments()) {
      Stmt.Component c = a.component();
      Variable v = component(r, c);
      if (v == null) {
        ok = false;
        continue;
      }
      if (seen.contains(c.text())) {
        r.diagnostics.error(c.span(), "'" + c.text() + "' is given twice", "give each component one value");
        ok = false;
        continue;
      }
      seen.add(c.text());
      if (v.isUnit() && !args.contains(v)) {
        r.diagnostics.error(c.span(), notAUnitOf(c, w.target()), "units of " + w.target().text() + ": " + Resolver.names(args));
        ok = false;
        continue;
      }
      if (v.isUnit() && v.kind() != UnitKind.REAL && !inDomain(a.value(), v.kind())) {
        r.diagnostics.error(a.value().span(), "'" + c.text() + "' is a " + (v.kind() == UnitKind.SPIN ? "spin: its value is 1 or -1" : "binary unit: its value is 0 or 1"),
            "give it one of its values, or leave it and use 'couplings'");
        ok = false;
        continue;
      }
      if (v.isTemperature() && a.value() instanceof Expr.Num n && n.numerator().signum() <= 0) {
        r.diagnostics.error(a.value().span(), "the inverse temperature " + v.name() + " must be positive", "give a positive value, e.g. '" + v.name() + " = 1'");
        ok = false;
        continue;
      }
      int before = r.diagnostics.all().size();
      ShapeChecker.checkEnergy(a.value(), r.variables, r.poisoned, args, r.diagnostics);
      if (r.diagnostics.all().size() > before) ok = false;
      if (v.isUnit() && v.components() == 1 || v.isUnit() && allComponents(v, w, seen)) substitutedUnits.add(v);
    }
    if (!ok) return;
    List<Variable> rest = new ArrayList<>(args);
    rest.removeAll(substitutedUnits);
    r.queries.add(new Query.Substitution(w.result(), w.target(), w.assignments(), List.copyOf(rest), w.span()));
    r.quantities.put(w.result().text(), List.copyOf(rest));
  }

  /** Whether every component of a vector unit was given a value (then the unit is gone). */
  private static boolean allComponents(Variable v, Stmt.WhereStmt w, List<String> seen) {
    return v.indexTuples().stream().allMatch(ix -> seen.contains(energy.algebra.SymbolTable.componentName(v.name(), ix)));
  }

  private static boolean inDomain(Expr value, UnitKind kind) {
    Integer x = integer(value);
    if (x == null) return false;
    return kind == UnitKind.SPIN ? x == 1 || x == -1 : x == 0 || x == 1;
  }

  private static Integer integer(Expr e) {
    if (e instanceof Expr.Num n && n.denominator().equals(java.math.BigInteger.ONE) && n.numerator().bitLength() < 31) return n.numerator().intValue();
    if (e instanceof Expr.Unary u && u.op() == '-') {
      Integer x = integer(u.operand());
      return x == null ? null : -x;
    }
    return null;
  }

  private void derivative(Resolver r, Stmt.DerivativeStmt d) {
    List<Variable> args = target(r, d.target(), "'derivative'");
    if (!r.define(d.result()) || args == null) return;
    if (d.by().size() > MAX_DERIVATIVE_ORDER) {
      r.diagnostics.error(d.span(), "a derivative of order " + d.by().size() + " (the limit is " + MAX_DERIVATIVE_ORDER + ")", "take fewer derivatives at once");
      return;
    }
    boolean ok = true;
    for (Stmt.Component c : d.by()) {
      Variable v = component(r, c);
      if (v == null) {
        ok = false;
      } else if (v.isUnit() && !args.contains(v)) {
        r.diagnostics.error(c.span(), notAUnitOf(c, d.target()), "units of " + d.target().text() + ": " + Resolver.names(args));
        ok = false;
      } else if (v.isUnit() && v.kind() != UnitKind.REAL) {
        r.diagnostics.error(c.span(), "'" + c.name().text() + "' is a " + v.kind().name().toLowerCase(java.util.Locale.ROOT) + " unit: it takes only the values "
            + (v.kind() == UnitKind.SPIN ? "±1" : "0 and 1") + ", so there is no derivative by it", "take derivatives by parameters, β or real units; 'coefficient' gives the couplings of discrete units");
        ok = false;
      }
    }
    if (!ok) return;
    r.queries.add(new Query.Derivative(d.result(), d.target(), d.by(), args, d.span()));
    r.quantities.put(d.result().text(), args);
  }

  private void at(Resolver r, Stmt.AtStmt a) {
    if (!knownResult(r, a.target(), "'at'")) return;
    Ident name = a.result();
    if (name == null) {
      List<String> items = new ArrayList<>();
      for (Stmt.AtItem i : a.values()) items.add(i.component().text() + "=" + i.value());
      name = unnamed(r, a.target().text() + "(" + String.join(", ", items) + ")", a.span());
    } else if (!r.define(name)) return;
    r.queries.add(new Query.Evaluation(name, a.target(), a.values(), a.span()));
  }

  private void check(Resolver r, Stmt.CheckStmt c) {
    if (!knownResult(r, c.target(), "'check'")) return;
    if (r.energies.containsKey(c.target().text()) && r.queries.stream().noneMatch(q -> q.result().text().equals(c.target().text()))) {
      r.diagnostics.error(c.target().span(), "'" + c.target().text() + "' is a declared energy, not a result: there is nothing to check",
          "check a result computed from it, e.g. 'H1 = marginalize " + c.target().text() + " over …' then 'check H1'");
      return;
    }
    r.queries.add(new Query.Check(unnamed(r, "check " + c.target().text(), c.span()), c.target(), c.span()));
  }

  /**
   * The name of a statement that names no result ({@code G at …}, {@code check G}): its own text,
   * numbered when the same statement came before, so each result keeps its own name.
   */
  private static Ident unnamed(Resolver r, String text, energy.diag.Span span) {
    String name = text;
    for (int k = 2; taken(r, name); k++) name = text + " #" + k;
    return new Ident(name, span);
  }

  private static boolean taken(Resolver r, String name) {
    return r.queries.stream().anyMatch(q -> q.result().text().equals(name));
  }

  /** Whether a name is an energy or a result (not a unit, parameter or size); reported if not. */
  private static boolean knownResult(Resolver r, Ident target, String what) {
    String t = target.text();
    if (r.poisoned.contains(t)) return false;
    if (r.defined.containsKey(t) && !r.variables.containsKey(t) && !r.dims.containsKey(t)) return true;
    List<String> known = new ArrayList<>();
    for (String d : r.defined.keySet()) if (!r.variables.containsKey(d) && !r.dims.containsKey(d)) known.add(d);
    r.diagnostics.error(target.span(),
        r.variables.containsKey(t) || r.dims.containsKey(t) ? "'" + t + "' is not a result or an energy" : "unknown result or energy '" + t + "'",
        known.isEmpty() ? what + " names a result or an energy; there is none yet" : "results and energies so far: " + String.join(", ", known));
    return false;
  }
}
