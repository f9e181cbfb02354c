package energy.verify;

import energy.Compilation;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Provenance;
import energy.result.Result;
import energy.result.RgStep;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.cumulant.Cumulants;
import energy.algebra.cumulant.MomentIdentities;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import energy.print.TextPrinter;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The numeric value of any result of a compiled (concrete) file at values given by name, as
 * {@code eval} prints it: every kind of result has its lines (an energy its value, a partition
 * statement Z and −β⁻¹ ln Z, couplings each coupling, an expansion its couplings with the
 * cumulants' closed forms substituted, a prior cumulant each κₙ⁽ʲ⁾, a moment identity its
 * right-hand side at the given μ's or κ's, an RG step K′, h′, g). The values are validated
 * first: units in their domains, no value for an integrated unit, β > 0 and the result's
 * conditions.
 */
public final class Evaluator {

  /**
   * A value that cannot be given or computed; {@code usage} marks a malformed command line (an
   * unknown name, a name twice, a non-number) as opposed to values the result does not admit.
   */
  public static final class Failure extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    public Failure(String message, boolean usage) {
      super(message);
      this.usage = usage;
    }

    public boolean usage() {
      return usage;
    }
  }

  /** One printed line: {@code label = value}. */
  public record Line(String label, double value) {}

  /** What to evaluate: a label and an expression; an optional line is left out when its values are not given. */
  private record Item(String label, IExpr expr, boolean optional) {}

  /** A result prepared for evaluation: its lines, the extra names it takes and what it forbids. */
  private record Target(
      List<Item> items,
      Map<String, ISymbol> extraNames,
      List<Variable> integrated,
      List<Condition> conditions) {}

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern FRACTION = Pattern.compile("([+-]?\\d+)/(\\d+)");

  private final Compilation c;

  public Evaluator(Compilation c) {
    this.c = c;
  }

  /**
   * Parses {@code NAME=VALUE} items (names trimmed) into a map in their order. Values
   * are finite decimals ({@code 0.5}, {@code -1e-3}) or fractions ({@code 1/3}); {@code
   * Infinity}, {@code NaN}, hexadecimal floats and out-of-range numbers are refused.
   */
  public static Map<String, Double> parse(List<String> items) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) throw new Failure("expected NAME=VALUE in --at, got '" + item + "'", true);
      String name = item.substring(0, eq).trim();
      String text = item.substring(eq + 1).trim();
      if (out.containsKey(name)) throw new Failure("'" + name + "' is given twice in --at", true);
      out.put(name, number(name, text));
    }
    return out;
  }

  private static double number(String name, String text) {
    if (text.isEmpty()) throw new Failure("no value for '" + name + "' in --at (write " + name + "=0.5)", true);
    double x;
    var f = FRACTION.matcher(text);
    if (DECIMAL.matcher(text).matches()) x = Double.parseDouble(text);
    else if (f.matches()) x = Double.parseDouble(f.group(1)) / Double.parseDouble(f.group(2));
    else
      throw new Failure(
          "'" + text + "' (the value of " + name + ") is not a number; write a decimal such as 0.5, -2 or 1e-3, or a fraction such as 1/3",
          true);
    if (!Double.isFinite(x)) throw new Failure("the value of " + name + " (" + text + ") is out of range", true);
    return x;
  }

  /** The lines of result or energy {@code name} at the given values. */
  public List<Line> evaluate(String name, Map<String, Double> given) {
    Target t = target(name);
    Map<ISymbol, Double> values = bind(name, t, given);
    checkTemperature(values);
    checkConditions(name, t.conditions(), values);
    List<Item> ready = new ArrayList<>();
    Set<String> missing = new TreeSet<>();
    for (Item item : t.items()) {
      Set<String> m = missing(item.expr(), values);
      if (m.isEmpty()) ready.add(item);
      else if (!item.optional()) missing.addAll(m);
    }
    if (ready.isEmpty())
      for (Item item : t.items()) missing.addAll(missing(item.expr(), values));
    if (!missing.isEmpty())
      throw new Failure("missing values for " + String.join(", ", missing) + "; give them with --at NAME=VALUE", false);
    List<Line> out = new ArrayList<>();
    for (Item item : ready) {
      double x = value(item.expr(), values);
      if (!Double.isFinite(x))
        throw new Failure(
            item.label() + " is " + (Double.isNaN(x) ? "not a real number" : "infinite") + " at these values"
                + conditionsHint(t.conditions()),
            false);
      out.add(new Line(item.label(), x));
    }
    return out;
  }

  // ---------------------------------------------------------------- targets

  private Target target(String name) {
    // 'couplings F' is named F like the marginal it projects, and has its value too: the last one answers.
    Result r = null;
    for (Result x : c.results()) if (x.name().equals(name)) r = x;
    if (r != null) return r.accept(new Targets());
    IExpr energy = c.energies().get(name);
    if (energy != null) return new Target(List.of(new Item(name, energy, false)), Map.of(), List.of(), List.of());
    List<String> names = new ArrayList<>(c.energies().keySet());
    for (Result x : c.results()) names.add(x.name());
    throw new Failure(
        "no result or energy named '" + name + "'; "
            + (names.isEmpty() ? "the file has none" : "there are: " + String.join(", ", names)),
        true);
  }

  /** The lines each kind of result prints, as expressions to evaluate. */
  private final class Targets implements Result.Visitor<Target> {
    public Target marginal(Marginal r) {
      return energy(r.name(), r.value(), List.of(), null, r.args(), r.from(), r.conditions());
    }

    public Target partitionFunction(PartitionFunction r) {
      List<Item> items = new ArrayList<>();
      items.add(new Item(r.name(), r.z(), false));
      String beta = c.model().temperature() == null ? "" : "/" + c.model().temperature().name();
      items.add(new Item("-ln(" + r.name() + ")" + beta, r.freeEnergy(), false));
      return new Target(items, Map.of(), r.from().integrated(), r.conditions());
    }

    public Target couplings(Couplings r) {
      return energy(r.name(), r.energy(), List.of(), r.couplings(), r.args(), r.from(), List.of());
    }

    public Target expansion(Expansion r) {
      return energy(r.name(), r.value(), r.cumulants(), null, r.args(), r.from(), r.conditions());
    }

    public Target expandedCouplings(ExpandedCouplings r) {
      return energy(r.name(), r.value(), r.cumulants(), r.couplings(), r.args(), r.from(), r.conditions());
    }

    public Target priorCumulants(PriorCumulants r) {
      List<Item> items = new ArrayList<>();
      Map<String, ISymbol> extra = new LinkedHashMap<>();
      extra.put("t", c.symbols().derived("t"));
      for (int i = 0; i < r.cumulants().size(); i++) {
        CumulantExpansion.Cumulant k = r.cumulants().get(i);
        items.add(new Item(k.symbol().getSymbolName(), k.value(), false));
        String unit = k.symbol().getSymbolName().replaceFirst("^kappa\\[\\d+\\]", "");
        items.add(new Item("K" + unit + "(t)", r.cgfs().get(i), true));
      }
      return new Target(items, extra, List.of(), r.conditions());
    }

    public Target momentIdentity(MomentIdentity r) {
      Map<String, ISymbol> extra = new LinkedHashMap<>();
      List<Item> items = List.of(new Item(r.name(), momentNames(r.query(), r.value(), extra), false));
      return new Target(items, extra, List.of(), List.of());
    }

    public Target kernel(Kernel r) {
      List<Item> items = new ArrayList<>();
      items.add(new Item(r.name(), r.value(), true));
      items.add(new Item("sum_" + names(r.query().hidden()) + " exp(" + r.name() + ")", r.trace(), false));
      return new Target(items, Map.of(), List.of(), List.of());
    }

    public Target matrixMarginal(MatrixMarginal r) {
      throw new Failure(r.name() + " is in matrix notation: evaluate it at concrete sizes", true); // the eval command instantiates it first
    }

    public Target rgStep(RgStep r) {
      return lattice(r.recursion());
    }

    public Target coefficient(energy.result.Coefficient r) {
      return new Target(List.of(new Item(r.name(), r.value(), false)), Map.of(), r.from().integrated(), r.conditions());
    }

    public Target substitution(energy.result.Substitution r) {
      return energy(r.name(), r.value(), List.of(), null, r.args(), r.from(), r.conditions());
    }

    public Target derivative(energy.result.Derivative r) {
      return energy(r.name(), r.value(), List.of(), null, r.args(), r.from(), r.conditions());
    }

    public Target evaluation(energy.result.Evaluation r) {
      throw new Failure(r.name() + " is already a value: " + r.lines().get(0).label() + " = " + format(r.lines().get(0).value()), true);
    }

    public Target verification(energy.result.Verification r) {
      throw new Failure(r.name() + " is a check, which has no value", true);
    }
  }

  /**
   * An energy (a marginal, couplings, an expansion) with its couplings after it, the cumulants it
   * is written in replaced by their closed forms; with couplings the energy's own line is optional.
   */
  private Target energy(
      String name, IExpr value, List<CumulantExpansion.Cumulant> cumulants, List<CouplingExtractor.Coefficient> couplings,
      List<Variable> args, Provenance from, List<Condition> conditions) {
    Map<IExpr, IExpr> closed = new HashMap<>();
    for (CumulantExpansion.Cumulant k : cumulants) closed.put(k.symbol(), k.value());
    List<Item> items = new ArrayList<>();
    items.add(new Item(name, substitute(value, closed), couplings != null));
    if (couplings != null)
      for (CouplingExtractor.Coefficient k : couplings) items.add(new Item(couplingName(args, k), substitute(k.coupling(), closed), false));
    return new Target(items, Map.of(), from.integrated(), conditions);
  }

  private static String names(List<Variable> vs) {
    List<String> out = new ArrayList<>();
    for (Variable v : vs) out.add(v.name());
    return String.join(",", out);
  }

  /** E0, h[1], J[1,2], K[1,2,3], L[…], J(5)[…] in the Ising convention, as the printers name them. */
  private String couplingName(List<Variable> args, CouplingExtractor.Coefficient k) {
    if (k.order() == 0) return "E0";
    String[] letters = {"E", "h", "J", "K", "L"};
    List<ISymbol> units = c.symbols().symbols(args);
    boolean numeric = args.size() == 1 && args.get(0).rank() == 1;
    List<String> idx = new ArrayList<>();
    for (int u : k.units()) {
      SymbolTable.Component comp = c.symbols().component(units.get(u));
      idx.add(numeric ? String.valueOf(comp.index()[0]) : comp.name());
    }
    return (k.order() < letters.length ? letters[k.order()] : "J(" + k.order() + ")") + "[" + String.join(",", idx) + "]";
  }

  private static Target lattice(Recursion r) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < r.couplings().size(); i++)
      items.add(new Item(r.couplings().get(i).getSymbolName() + "'", r.images().get(i), false));
    items.add(new Item("g", r.constantPerSite(), false));
    for (Map.Entry<CouplingClass, IExpr> g : r.generated().entrySet())
      items.add(new Item(g.getKey().name() + "' (generated)", g.getValue(), false));
    return new Target(items, Map.of(), List.of(), List.of());
  }

  /**
   * The identity's right-hand side with its atoms renamed to what a user types: {@code mu1} …
   * for κₙ in moments, {@code kappa1} … for μₙ in cumulants, {@code <x1 x2>} for a joint
   * moment and {@code kappa(x1,x2)} for a joint cumulant; {@code extra} receives the names.
   */
  private static IExpr momentNames(Query.MomentIdentity q, IExpr rhs, Map<String, ISymbol> extra) {
    Map<IExpr, IExpr> rename = new HashMap<>();
    if (q.variables().isEmpty()) {
      String prefix = q.cumulant() ? "mu" : "kappa";
      for (int n = 1; n <= q.order(); n++) extra.put(prefix + n, Cumulants.symbol(prefix, n));
      return rhs;
    }
    int k = q.variables().size();
    for (int mask = 1; mask < 1 << k; mask++) {
      List<String> vs = new ArrayList<>();
      for (int i = 0; i < k; i++) if ((mask >> i & 1) == 1) vs.add(q.variables().get(i));
      String label = q.cumulant() ? "<" + String.join(" ", vs) + ">" : "kappa(" + String.join(",", vs) + ")";
      ISymbol s = new org.matheclipse.core.expression.Symbol(label, org.matheclipse.core.expression.Context.DUMMY);
      extra.put(label, s);
      rename.put(MomentIdentities.atom(q, BitSet.valueOf(new long[] {mask}), !q.cumulant()), s);
    }
    return substitute(rhs, rename);
  }

  /** A user's spelling of a moment or cumulant name in its canonical form: μ₁, mu[1], mu_1 → mu1; ⟨x1*x2⟩, mu(x1,x2), E(x1 x2) → <x1 x2>. */
  static String canonicalMomentName(String name) {
    StringBuilder digits = new StringBuilder();
    for (char ch : name.toCharArray()) digits.append(ch >= '₀' && ch <= '₉' ? (char) ('0' + ch - '₀') : ch);
    String s = digits.toString().replace("μ", "mu").replace("κ", "kappa").replace("⟨", "<").replace("⟩", ">");
    var joint = Pattern.compile("(?:<|(mu|E|kappa)\\()(.*)(?:>|\\))").matcher(s);
    if (joint.matches() && !(s.startsWith("<") ^ s.endsWith(">"))) {
      List<String> vs = new ArrayList<>();
      for (String v : joint.group(2).split("[\\s,*·]+")) if (!v.isEmpty()) vs.add(v);
      java.util.Collections.sort(vs);
      boolean cumulant = "kappa".equals(joint.group(1));
      return cumulant ? "kappa(" + String.join(",", vs) + ")" : "<" + String.join(" ", vs) + ">";
    }
    return s.replaceAll("^(mu|kappa)[\\[_]?(\\d+)\\]?$", "$1$2");
  }

  // ---------------------------------------------------------------- values

  /** The given values by symbol, each name known and each unit's value in its domain. */
  private Map<ISymbol, Double> bind(String result, Target t, Map<String, Double> given) {
    Map<ISymbol, Double> out = new LinkedHashMap<>();
    Map<String, ISymbol> extra = new HashMap<>();
    for (Map.Entry<String, ISymbol> e : t.extraNames().entrySet()) extra.put(canonicalMomentName(e.getKey()), e.getValue());
    for (Map.Entry<String, Double> g : given.entrySet()) {
      String name = g.getKey();
      double x = g.getValue();
      SymbolTable.Component comp = c.symbols().component(name.replace(" ", ""));
      if (comp != null && comp.variable().isUnit() && c.model().lattice() != null) comp = null; // spins on sites are summed by the step
      ISymbol s = comp != null ? comp.symbol() : extra.get(canonicalMomentName(name));
      if (s == null) throw new Failure("unknown name '" + name + "' in --at; " + result + " takes " + String.join(" ", known(t)), true);
      if (comp != null && comp.variable().isUnit()) {
        if (t.integrated().contains(comp.variable()))
          throw new Failure(name + " is summed or integrated out in " + result + "; it takes no value", true);
        checkDomain(name, comp.variable().kind(), x);
      }
      if (out.put(s, x) != null) throw new Failure(name + " is given twice in --at (under two spellings)", true);
    }
    return out;
  }

  private static void checkDomain(String name, UnitKind kind, double x) {
    if (kind == UnitKind.SPIN && x != 1 && x != -1)
      throw new Failure(name + " is a spin: its value is 1 or -1, not " + format(x), false);
    if (kind == UnitKind.BINARY && x != 0 && x != 1)
      throw new Failure(name + " is a binary unit: its value is 0 or 1, not " + format(x), false);
  }

  /** The names a target takes: the model's symbols but its integrated units, and its own names. */
  private List<String> known(Target t) {
    List<String> out = new ArrayList<>();
    for (SymbolTable.Component k : c.symbols().all())
      if (!(k.variable().isUnit() && (t.integrated().contains(k.variable()) || c.model().lattice() != null))) out.add(k.name());
    out.addAll(t.extraNames().keySet());
    return out;
  }

  private void checkTemperature(Map<ISymbol, Double> values) {
    Variable beta = c.model().temperature();
    if (beta == null) return;
    Double b = values.get(c.symbols().symbol(beta));
    if (b != null && !(b > 0))
      throw new Failure("the inverse temperature " + beta.name() + " must be positive, not " + format(b), false);
  }

  /** Each condition of the result must hold at the values (those it can be decided at). */
  private static void checkConditions(String result, List<Condition> conditions, Map<ISymbol, Double> values) {
    for (Condition k : conditions) {
      if (!missing(k.relation(), values).isEmpty()) continue;
      Boolean holds = holds(k.relation(), values);
      if (holds != null && !holds)
        throw new Failure(
            result + " holds only for " + new TextPrinter().print(k.relation()) + ", which fails at these values"
                + (k.reason() == null || k.reason().isEmpty() ? "" : " (" + k.reason() + ")"),
            false);
    }
  }

  /** A relation (>, ≥, <, ≤, =, ≠, and/or) at the values; null when it is none of those. */
  private static Boolean holds(IExpr relation, Map<ISymbol, Double> values) {
    if (relation.isAST(S.And) || relation.isAST(S.Or)) {
      boolean and = relation.isAST(S.And);
      for (IExpr part : Symja.args(relation)) {
        Boolean h = holds(part, values);
        if (h == null) return null;
        if (h != and) return h;
      }
      return and;
    }
    if (relation.argSize() != 2) return null;
    IExpr head = relation.head();
    if (head != S.Greater && head != S.GreaterEqual && head != S.Less && head != S.LessEqual && head != S.Equal && head != S.Unequal)
      return null;
    double d = value(relation.getAt(1), values) - value(relation.getAt(2), values);
    if (Double.isNaN(d)) return false;
    if (head == S.Greater) return d > 0;
    if (head == S.GreaterEqual) return d >= 0;
    if (head == S.Less) return d < 0;
    if (head == S.LessEqual) return d <= 0;
    return head == S.Equal ? d == 0 : d != 0;
  }

  private static String conditionsHint(List<Condition> conditions) {
    if (conditions.isEmpty()) return "";
    List<String> out = new ArrayList<>();
    for (Condition k : conditions) out.add(new TextPrinter().print(k.relation()));
    return "; it holds for " + String.join(" and ", out);
  }

  /** The user symbols of e without a value, by name. */
  private static Set<String> missing(IExpr e, Map<ISymbol, Double> values) {
    Set<String> out = new LinkedHashSet<>();
    collectMissing(e, values, out);
    return out;
  }

  private static void collectMissing(IExpr e, Map<ISymbol, Double> values, Set<String> out) {
    if (e.isSymbol() && !e.isBuiltInSymbol() && !values.containsKey(e)) out.add(((ISymbol) e).getSymbolName());
    for (IExpr a : Symja.args(e)) collectMissing(a, values, out);
    if (e.isAST()) collectMissing(e.head(), values, out);
  }

  /**
   * e at the values: compiled to doubles (stable logarithms of cosh and softplus, every function
   * the printers write), through Symja only for a function the compiler does not know.
   */
  static double value(IExpr e, Map<ISymbol, Double> values) {
    List<ISymbol> symbols = new ArrayList<>(values.keySet());
    double[] x = new double[symbols.size()];
    for (int i = 0; i < x.length; i++) x[i] = values.get(symbols.get(i));
    try {
      return NumericFunction.compile(e, symbols).apply(x);
    } catch (NumericFunction.Unsupported u) {
      List<IExpr> rules = new ArrayList<>();
      for (int i = 0; i < x.length; i++) rules.add(F.Rule(symbols.get(i), F.num(x[i])));
      IExpr v = Symja.eval(F.N(F.ReplaceAll(NumericFunction.released(e), F.List(rules.toArray(new IExpr[0])))));
      return v.isReal() ? v.evalf() : Double.NaN;
    }
  }

  private static IExpr substitute(IExpr e, Map<IExpr, IExpr> rules) {
    if (rules.isEmpty()) return e;
    return e.replaceAll(x -> rules.containsKey(x) ? rules.get(x) : F.NIL).orElse(e);
  }

  public static String format(double x) {
    return String.format(java.util.Locale.ROOT, "%.15g", x);
  }
}
