package energy.algebra;

import energy.lowering.Lowerer;
import energy.model.Model;
import energy.model.Query;
import energy.model.Stmt;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.result.Coefficient;
import energy.result.Derivative;
import energy.result.Provenance;
import energy.result.Substitution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The algebraic queries on a named result or energy G (its value, units and conditions given as a
 * {@link Target}): the coefficient of a monomial, a substitution, a derivative.
 */
public final class QueryTransform {
  private QueryTransform() {}

  /** What a query reads from the result or energy it names. */
  public record Target(IExpr value, List<Variable> args, List<Condition> conditions, Provenance from) {}

  /**
   * Real units first: the coefficient of yᵏ of the polynomial in each real unit (k = 0 for those
   * the monomial leaves out), then the discrete units' multilinear coefficient of the set the
   * monomial names, projected as {@link CouplingExtractor} does.
   */
  public static Coefficient coefficient(Query.Coefficient q, Target t, SymbolTable symbols) {
    IExpr p = t.value();
    List<ISymbol> discrete = new ArrayList<>();
    List<Variable> discreteVars = new ArrayList<>();
    for (Variable v : t.args())
      for (SymbolTable.Component comp : symbols.components(v)) {
        int k = q.powers().getOrDefault(comp.name(), 0);
        if (v.kind() == UnitKind.REAL) {
          IExpr expanded = Symja.expand(p);
          if (!Symja.eval(F.PolynomialQ(expanded, comp.symbol())).isTrue())
            throw new NotApplicable(
                q.target().text() + " is not a polynomial in the real unit " + comp.name() + ", so it has no coefficients in it",
                "ask for coefficients in the discrete units only, or marginalize " + comp.name() + " first");
          p = Symja.eval(F.Coefficient(expanded, comp.symbol(), F.ZZ(k)));
        } else {
          discrete.add(comp.symbol());
          if (!discreteVars.contains(v)) discreteVars.add(v);
        }
      }
    List<Integer> set = new ArrayList<>();
    for (int i = 0; i < discrete.size(); i++)
      if (q.powers().containsKey(symbols.component(discrete.get(i)).name())) set.add(i);
    IExpr value = p;
    if (!discrete.isEmpty()) {
      UnitKind[] kinds = Marginalizer.kinds(discreteVars, discrete.size());
      value = F.C0;
      for (CouplingExtractor.Coefficient c : CouplingExtractor.extract(p, discrete, kinds, set.size()))
        if (java.util.Arrays.equals(c.units(), set.stream().mapToInt(Integer::intValue).toArray())) value = c.value();
    }
    return new Coefficient(q, Symja.eval(value), t.value(), t.conditions(), t.from());
  }

  /** G with the components replaced; its conditions at the values, a false one an error. */
  public static Substitution substitution(Query.Substitution q, Target t, Model model, SymbolTable symbols) {
    Map<ISymbol, IExpr> rules = new LinkedHashMap<>();
    for (Stmt.Assignment a : q.assignments())
      rules.put(symbols.component(a.component().text()).symbol(), Symja.eval(Lowerer.lower(a.value(), model, symbols)));
    IExpr value = Symja.eval(replace(t.value(), rules));
    List<Condition> conditions = new ArrayList<>();
    for (Condition c : t.conditions()) {
      IExpr relation = Symja.eval(replace(c.relation(), rules));
      if (relation.isTrue()) continue;
      if (relation.isFalse())
        throw new NotApplicable(
            q.target().text() + " holds only for " + new energy.print.TextPrinter().print(c.relation()) + ", which fails at these values"
                + (c.reason() == null || c.reason().isEmpty() ? "" : " (" + c.reason() + ")"),
            "choose values for which it holds");
      conditions.add(new Condition(relation, c.reason()));
    }
    List<IExpr> terms = terms(value, q.args(), symbols);
    return new Substitution(q, q.args(), terms, Symja.eval(F.Plus(terms.toArray(new IExpr[0]))), rules, t.value(), conditions, t.from());
  }

  /** ∂ⁿG/∂x₁…∂xₙ, in G's canonical order of terms. */
  public static Derivative derivative(Query.Derivative q, Target t, SymbolTable symbols) {
    List<ISymbol> by = new ArrayList<>();
    IExpr value = t.value();
    for (Stmt.Component c : q.by()) {
      ISymbol s = symbols.component(c.text()).symbol();
      by.add(s);
      value = Symja.eval(F.D(value, s));
    }
    List<IExpr> terms = terms(value, q.args(), symbols);
    return new Derivative(q, q.args(), by, terms, Symja.eval(F.Plus(terms.toArray(new IExpr[0]))), t.value(), t.conditions(), t.from());
  }

  private static List<IExpr> terms(IExpr value, List<Variable> args, SymbolTable symbols) {
    List<ISymbol> units = symbols.symbols(args);
    return new Canonicalizer(units, Marginalizer.kinds(args, units.size())).terms(value);
  }

  private static IExpr replace(IExpr e, Map<ISymbol, IExpr> rules) {
    return e.replaceAll(x -> x instanceof ISymbol s && rules.containsKey(s) ? rules.get(s) : F.NIL).orElse(e);
  }
}
