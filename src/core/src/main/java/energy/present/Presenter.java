package energy.present;

import energy.Compilation;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.matrix.MatrixExpr;
import energy.model.LatticeModel;
import energy.model.Query;
import energy.model.Variable;
import energy.present.Math.Applied;
import energy.present.Math.Expr;
import energy.present.Math.Name;
import energy.present.Math.Sum;
import energy.present.Part.Column;
import energy.present.Part.Equation;
import energy.present.Part.Inline;
import energy.present.Part.Prose;
import energy.print.TermOrder;
import energy.output.Printers;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import energy.rg.flow.Eigenvalue;
import energy.rg.flow.Exponents;
import energy.rg.flow.FixedLine;
import energy.rg.flow.FixedPoint;
import energy.rg.flow.FlowResult;
import energy.rg.flow.LimitPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Turns each result of a compilation, once, into its {@link Presentation}: what is shown, in
 * which order, with which words — every format then renders the same content.
 */
public final class Presenter implements Result.Visitor<Presentation> {
  private final Compilation compilation;
  /** The printed order of an evaluated sum's terms, so that the formats that break lines at terms write them as the others do. */
  private final TermOrder order;
  /** The derivation steps' presenter, when steps are shown ({@code --steps}); else null. */
  private final Steps steps;

  private Presenter(Compilation compilation, boolean withSteps) {
    this.compilation = compilation;
    this.order = order(compilation);
    this.steps = withSteps ? new Steps(compilation, order) : null;
  }

  /** Every result of the compilation, in statement order. */
  public static PresentedFile present(Compilation c) {
    return present(c, false);
  }

  /** Every result, each after the steps that obtained it when {@code withSteps} (marginals and expansions record them). */
  public static PresentedFile present(Compilation c, boolean withSteps) {
    Presenter presenter = new Presenter(c, withSteps);
    List<Presentation> results = new ArrayList<>();
    for (Result r : c.results()) results.add(r.accept(presenter));
    List<ISymbol> units = new ArrayList<>();
    for (Variable v : c.model().units()) units.addAll(c.symbols().symbols(List.of(v)));
    List<String> names = new ArrayList<>();
    for (SymbolTable.Component comp : c.symbols().all()) names.add(comp.name());
    return new PresentedFile(c.model().name(), c.model().source().path(), units, names, results);
  }

  public static List<PresentedFile> present(List<Compilation> compilations) {
    return present(compilations, false);
  }

  public static List<PresentedFile> present(List<Compilation> compilations, boolean withSteps) {
    return compilations.stream().map(c -> present(c, withSteps)).toList();
  }

  /** A result's derivation steps as parts (empty when it records none), for formats that list them apart (JSON). */
  public static List<Part> steps(Compilation c, Result r) {
    return new Steps(c, order(c)).of(r);
  }

  /** The steps of {@code r} first, when they are shown. */
  private List<Part> start(Result r) {
    return steps == null ? new ArrayList<>() : new ArrayList<>(steps.of(r));
  }

  // ---------------------------------------------------------------- energies

  @Override
  public Presentation marginal(Marginal r) {
    List<Part> parts = start(r);
    parts.add(new Equation(function(r.name(), r.args()), terms(r.terms())));
    conditions(r.conditions(), parts);
    return new Presentation(r.name(), parts);
  }

  @Override
  public Presentation partitionFunction(PartitionFunction r) {
    List<Part> parts = start(r);
    parts.add(new Equation(new Name(r.name()), new Expr(r.z())));
    parts.add(new Equation(freeEnergy(r.name()), terms(r.freeEnergyTerms())));
    conditions(r.conditions(), parts);
    return new Presentation(r.name(), parts);
  }

  @Override
  public Presentation matrixMarginal(MatrixMarginal r) {
    List<Math> args = new ArrayList<>();
    for (Variable v : r.args()) args.add(v.rank() == 1 ? new Math.VectorName(v.name()) : new Name(v.name()));
    Math lhs = r.query() instanceof Query.Partition ? freeEnergy(r.name()) : args.isEmpty() ? new Name(r.name()) : new Applied(new Name(r.name()), args);
    List<Math> terms = r.terms().stream().<Math>map(Math.MatrixTerm::new).toList();
    List<Part> parts = start(r);
    parts.add(new Equation(lhs, new Sum(terms, Optional.empty())));
    if (!r.positiveDefinite().isEmpty()) {
      List<Math> conds = new ArrayList<>();
      for (MatrixExpr m : r.positiveDefinite()) conds.add(new Math.PositiveDefinite(m));
      parts.add(new Part.Conditions(conds));
    }
    return new Presentation(r.name(), parts);
  }

  @Override
  public Presentation expansion(Expansion r) {
    List<Part> body = new ArrayList<>();
    body.add(new Equation(function(r.name(), r.args()), terms(r.terms())));
    cumulants(r.query(), r.cumulants(), body);
    conditions(r.conditions(), body);
    Prose heading = prose(new Name(r.name()), ": the expansion of ", new Name(r.query().energy().text()), " to order " + r.query().order() + " in ",
        names(r.query().small()), ":");
    List<Part> parts = start(r);
    parts.add(new Part.Section(Optional.of(heading), body));
    return new Presentation(r.name(), parts);
  }

  // ---------------------------------------------------------------- couplings

  @Override
  public Presentation couplings(Couplings r) {
    CouplingNames names = couplingNames(r.args());
    Prose heading = prose("Couplings of ", new Name(r.name()), ", with ", names.convention(new Name(r.name())), ":");
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), couplingRows(names, r.couplings()))));
  }

  @Override
  public Presentation expandedCouplings(ExpandedCouplings r) {
    Query.Expand x = r.query();
    CouplingNames names = couplingNames(r.args());
    Prose heading = prose("Couplings of ", new Name(r.name()), ", the expansion of ", new Name(x.energy().text()), " to order " + x.order() + " in ",
        names(x.small()), ", with ", names.convention(new Name(r.name())), ":");
    List<Part> body = couplingRows(names, r.couplings());
    cumulants(x, r.cumulants(), body);
    conditions(r.conditions(), body);
    List<Part> parts = start(r);
    parts.add(new Part.Section(Optional.of(heading), body));
    return new Presentation(r.name(), parts);
  }

  private CouplingNames couplingNames(List<Variable> args) {
    return new CouplingNames(args, compilation.symbols(), compilation.model());
  }

  private List<Part> couplingRows(CouplingNames names, List<CouplingExtractor.Coefficient> couplings) {
    List<Part> rows = new ArrayList<>();
    for (CouplingExtractor.Coefficient c : couplings) rows.add(new Equation(names.name(c), sum(c.coupling())));
    if (rows.isEmpty()) rows.add(new Part.Note("all couplings vanish"));
    return rows;
  }

  /** The cumulants an expansion is written in, with their closed forms. */
  private void cumulants(Query.Expand x, List<CumulantExpansion.Cumulant> cumulants, List<Part> parts) {
    if (cumulants.isEmpty()) return;
    Prose intro = prose(x.substituted() ? "with the cumulants of the hidden units' priors substituted:" : "where the cumulants of the hidden units' priors are");
    List<Equation> defs = new ArrayList<>();
    for (CumulantExpansion.Cumulant k : cumulants) defs.add(new Equation(new Expr(k.symbol()), sum(k.value())));
    parts.add(new Part.Where(intro, defs));
  }

  // ---------------------------------------------------------------- cumulants, kernels

  @Override
  public Presentation priorCumulants(PriorCumulants r) {
    Query.PriorCumulant p = r.query();
    Prose heading = prose(new Name(r.name()), ": the " + ordinalWord(p.order()) + " cumulant of ", new Name(p.unit().name()), " under its prior in ",
        new Name(p.energy().text()), ", and its cumulant generating function:");
    List<Part> body = new ArrayList<>();
    for (int i = 0; i < r.cumulants().size(); i++) {
      CumulantExpansion.Cumulant k = r.cumulants().get(i);
      body.add(new Equation(new Expr(k.symbol()), sum(k.value())));
      body.add(new Equation(new Applied(new Expr(energy.output.Printers.cgfName(k)), List.of(new Name("t"))), new Expr(r.cgfs().get(i))));
    }
    conditions(r.conditions(), body);
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  @Override
  public Presentation momentIdentity(MomentIdentity r) {
    // The left side (κ₄, μ₄, κ(x, y)) names the identity in every format; the statement's name is not repeated.
    return new Presentation(r.name(), List.of(new Equation(new Expr(r.lhs()), terms(r.terms()))));
  }

  @Override
  public Presentation kernel(Kernel r) {
    Query.Kernel k = r.query();
    Name t = new Name(r.name());
    Equation trace = new Equation(new Math.Trace(names(k.hidden()), t), new Expr(r.trace()),
        Optional.of(r.normalized() ? "normalized: a conditional distribution" : "not identically 1: see check"));
    return new Presentation(r.name(), List.of(
        new Equation(new Math.Conditional(t, names(k.hidden()), names(k.visible())), terms(r.terms())),
        new Part.Section(Optional.empty(), List.of(trace))));
  }

  // ---------------------------------------------------------------- queries

  @Override
  public Presentation coefficient(energy.result.Coefficient r) {
    Query.Coefficient q = r.query();
    List<IExpr> factors = new ArrayList<>();
    for (Map.Entry<String, Integer> p : q.powers().entrySet()) {
      IExpr u = compilation.symbols().component(p.getKey()).symbol();
      factors.add(p.getValue() == 1 ? u : org.matheclipse.core.expression.F.Power(u, org.matheclipse.core.expression.F.ZZ(p.getValue())));
    }
    Math monomial = factors.isEmpty() ? new Math.Number(1) : new Expr(Symja.unsortedProduct(factors));
    Prose heading = prose(new Name(r.name()), ": the coefficient of ", monomial, " in ", new Name(q.target().text()), ":");
    List<Part> body = new ArrayList<>();
    body.add(new Equation(new Name(r.name()), sum(r.value())));
    conditions(r.conditions(), body);
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  @Override
  public Presentation substitution(energy.result.Substitution r) {
    List<Math> values = new ArrayList<>();
    for (Map.Entry<ISymbol, IExpr> e : r.rules().entrySet()) values.add(new Math.Equals(new Expr(e.getKey()), new Expr(e.getValue())));
    Prose heading = prose(new Name(r.name()), ": ", new Name(r.query().target().text()), " where ", values, ":");
    List<Part> body = new ArrayList<>();
    body.add(new Equation(function(r.name(), r.args()), terms(r.terms())));
    conditions(r.conditions(), body);
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  @Override
  public Presentation derivative(energy.result.Derivative r) {
    List<Math> by = new ArrayList<>();
    for (ISymbol s : r.by()) by.add(new Expr(s));
    Prose heading = prose(new Name(r.name()), ": the derivative of ", new Name(r.query().target().text()), " by ", by, ":");
    List<Part> body = new ArrayList<>();
    body.add(new Equation(function(r.name(), r.args()), terms(r.terms())));
    conditions(r.conditions(), body);
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  @Override
  public Presentation evaluation(energy.result.Evaluation r) {
    List<Math> values = new ArrayList<>();
    for (Map.Entry<ISymbol, Double> e : r.values().entrySet()) values.add(new Math.Equals(new Expr(e.getKey()), new Math.Number(e.getValue())));
    String target = r.query().target().text();
    Prose heading = prose(new Name(target), " at ", values, ":");
    List<Part> body = new ArrayList<>();
    for (energy.result.Evaluation.Line l : r.lines())
      body.add(l.label().equals(target) ? new Equation(new Name(target), new Math.Number(l.value())) : prose(l.label() + " = ", new Math.Number(l.value())));
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  @Override
  public Presentation verification(energy.result.Verification r) {
    List<Part> parts = new ArrayList<>();
    for (energy.result.Verification.Line l : r.reports())
      parts.add(l.skipped() != null
          ? prose(new Name(r.query().target().text()), ": not checked numerically (" + l.skipped() + ")")
          : prose(new Name(r.query().target().text()), ": verified numerically (" + l.measure() + ", " + l.samples() + " random samples)"));
    return new Presentation(r.name(), parts);
  }

  // ---------------------------------------------------------------- RG

  @Override
  public Presentation rgStep(RgStep r) {
    Recursion rec = r.recursion();
    Recursion.Display shown = rec.display();
    List<Part> body = new ArrayList<>();
    for (Map.Entry<ISymbol, IExpr> d : rec.definitions().entrySet()) body.add(new Equation(new Expr(d.getKey()), new Expr(d.getValue())));
    List<IExpr> images = shown == null ? rec.images() : shown.images();
    for (int i = 0; i < rec.couplings().size(); i++) body.add(new Equation(new Math.Prime(new Expr(rec.couplings().get(i))), new Expr(images.get(i))));
    body.add(new Equation(new Name("g"), new Expr(shown == null ? rec.constantPerSite() : shown.constantPerSite()),
        Optional.of("per site of the coarse lattice")));
    List<Equation> generated = new ArrayList<>();
    for (Map.Entry<CouplingClass, IExpr> g : (shown == null ? rec.generated() : shown.generated()).entrySet()) {
      String[] name = generatedName(g.getKey());
      generated.add(new Equation(new Math.Prime(new Name(name[0])), new Expr(g.getValue()), Optional.of(name[1])));
    }
    if (!generated.isEmpty()) body.add(new Part.Where(prose("generated by the step, not kept in the recursion:"), generated));
    r.flow().ifPresent(f -> body.add(flow(r.name(), f)));
    LatticeModel.Step step = r.step();
    String marker = "\u0000";
    String[] words = describe(step, compilation.model().lattice(), marker).split(marker, -1);
    Prose heading = prose(new Name(r.name()), ": " + words[0], new Name(step.energy().text()), words[1] + " (",
        new Math.Equals(new Name("b"), new Math.Scale(rec.scale())), "):");
    return new Presentation(r.name(), List.of(new Part.Section(Optional.of(heading), body)));
  }

  /** What the step does, with the energy's name where {@code energy} stands. */
  private static String describe(LatticeModel.Step s, LatticeModel lattice, String energy) {
    return switch (s.scheme()) {
      case DECIMATE -> lattice != null && lattice.kind() == LatticeModel.Kind.SQUARE
          ? "checkerboard decimation of " + energy // one sublattice of two, b = √2
          : "decimation of " + energy + ", keeping every " + ordinal(s.parameter()) + " spin";
      case CUMULANT -> "block spins of " + energy + " by majority, cumulant expansion to order " + s.parameter();
      case MIGDAL_KADANOFF -> "Migdal–Kadanoff bond moving on " + energy + ", scale " + s.parameter();
    };
  }

  /** "first" … "tenth", then "11th": the fifth cumulant. */
  private static String ordinalWord(int n) {
    String[] words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
    return n >= 1 && n <= words.length ? words[n - 1] : ordinal(n);
  }

  private static String ordinal(int n) {
    return n + (n % 10 == 2 && n % 100 != 12 ? "nd" : n % 10 == 3 && n % 100 != 13 ? "rd" : n % 10 == 1 && n % 100 != 11 ? "st" : "th");
  }

  /** The printed name of a generated coupling and what it couples. */
  private static String[] generatedName(CouplingClass c) {
    String name = c.name();
    if (c.sites() == 4) return new String[] {"L", "four-spin plaquettes"};
    if (c.sites() == 3) return new String[] {"L3", "three-spin triangles"}; // not L: a step may generate both
    if (c.sites() == 2 && name.startsWith("K")) {
      String shell = name.substring(1);
      return new String[] {"K" + shell, (shell.equals("2") ? "second" : shell.equals("3") ? "third" : shell + "th") + "-neighbour pairs"};
    }
    return new String[] {name, name};
  }

  /** The flow's fixed points as a table, then its lines of fixed points, limits, exponents and notes. */
  public static Part.Table flow(String step, FlowResult r) {
    List<String> names = r.recursion().names();
    boolean field = r.recursion().field() >= 0 && !r.fixedPoints().isEmpty(), ratios = field && r.recursion().latticeDimension() > 0;
    List<Column> columns = new ArrayList<>();
    for (String n : names) columns.add(new Column(Column.Kind.COORDINATE, n));
    for (Column.Kind k : List.of(Column.Kind.EIGENVALUES, Column.Kind.EXPONENTS, Column.Kind.NU)) columns.add(new Column(k, null));
    if (field) columns.add(new Column(Column.Kind.Y_H, null));
    if (ratios) {
      columns.add(new Column(Column.Kind.BETA_OVER_NU, null));
      columns.add(new Column(Column.Kind.GAMMA_OVER_NU, null));
    }
    columns.add(new Column(Column.Kind.STABILITY, null));
    int d = r.recursion().latticeDimension();
    List<List<Part.Cell>> rows = new ArrayList<>();
    for (FixedPoint p : r.fixedPoints()) {
      List<Part.Cell> row = new ArrayList<>();
      for (double c : p.coordinates()) row.add(number(c));
      List<Math> ls = new ArrayList<>(), ys = new ArrayList<>();
      for (Eigenvalue e : p.eigenvalues()) {
        ls.add(e.isReal() ? new Math.Number(e.re()) : new Math.Complex(e.re(), e.im()));
        ys.add(new Math.Number(e.exponent()));
      }
      row.add(new Part.Cell.Values(ls));
      row.add(new Part.Cell.Values(ys));
      row.add(p.nu() == null ? new Part.Cell.Missing() : number(p.nu()));
      if (field) row.add(p.yH() == null ? new Part.Cell.Missing() : number(p.yH()));
      if (ratios) {
        row.add(p.yH() == null ? new Part.Cell.Missing() : number(d - p.yH()));
        row.add(p.yH() == null ? new Part.Cell.Missing() : number(2 * p.yH() - d));
      }
      row.add(new Part.Cell.Word(p.stability().name().toLowerCase(Locale.ROOT)));
      rows.add(row);
    }
    List<Prose> notes = new ArrayList<>();
    if (r.fixedPoints().isEmpty()) notes.add(prose("(no isolated fixed point)"));
    for (FixedLine l : r.lines()) notes.add(withMath("line of fixed points: ", l.description()));
    for (LimitPoint l : r.limits())
      notes.add(prose(new Math.Limit(new Name(l.coupling()), l.positive()), ": " + (l.attractive() ? "attractive" : "repulsive") + " limit of the flow"));
    Exponents x = Exponents.of(r);
    if (x != null)
      notes.add(prose("exponents at the critical point (scaling, hyperscaling with ", equals("d", x.d()), "): ", equals("nu", x.nu()), ", ",
          equals("alpha", x.alpha()), ", ", equals("beta", x.beta()), ", ", equals("gamma", x.gamma()), ", ", equals("delta", x.delta()), ", ",
          equals("eta", x.eta())));
    for (String n : r.notes()) notes.add(note(n));
    return new Part.Table(prose("Flow of ", new Name(step)), columns, rows, notes);
  }

  /**
   * The math in a flow's words, one alternative each: a range K ∈ [-3, 3], a limit K → −∞, a
   * value K = 0.
   */
  private static final java.util.regex.Pattern FLOW_MATH = java.util.regex.Pattern.compile(
      "(?<range>[A-Za-z]\\w*) ∈ \\[(?<lower>[-−]?[0-9.]+), (?<upper>[-−]?[0-9.]+)\\]"
          + "|(?<limit>[A-Za-z]\\w*) → (?<sign>[+−-])∞"
          + "|(?<value>[A-Za-z]\\w*) = (?<number>[-−]?[0-9.]+)(?![0-9.])");

  /** A flow's note, its ranges, limits and values as math (LaTeX sets them in math mode). */
  static Prose note(String text) {
    return withMath("note: ", text);
  }

  /** {@code prefix}, then {@code text} with its math ({@link #FLOW_MATH}) as math nodes. */
  private static Prose withMath(String prefix, String text) {
    List<Object> pieces = new ArrayList<>(List.of(prefix));
    java.util.regex.Matcher m = FLOW_MATH.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) pieces.add(text.substring(at, m.start()));
      if (m.group("range") != null)
        pieces.add(new Math.Range(new Name(m.group("range")), decimal(m.group("lower")), decimal(m.group("upper"))));
      else if (m.group("limit") != null) pieces.add(new Math.Limit(new Name(m.group("limit")), m.group("sign").equals("+")));
      else pieces.add(new Math.Equals(new Name(m.group("value")), new Math.Number(decimal(m.group("number")))));
      at = m.end();
    }
    if (at < text.length()) pieces.add(text.substring(at));
    return prose(pieces.toArray());
  }

  private static double decimal(String s) {
    return Double.parseDouble(s.replace('−', '-'));
  }

  private static Part.Cell number(double v) {
    return new Part.Cell.Values(List.of(new Math.Number(v)));
  }

  private static Math equals(String name, double v) {
    return new Math.Equals(new Name(name), new Math.Number(v));
  }

  // ---------------------------------------------------------------- shared pieces

  private static Math function(String name, List<Variable> args) {
    return args.isEmpty() ? new Name(name) : new Applied(new Name(name), names(args));
  }

  /** The names of units: a function's arguments, or a list in prose. */
  private static List<Math> names(List<Variable> vars) {
    List<Math> out = new ArrayList<>();
    for (Variable v : vars) out.add(new Name(v.name()));
    return out;
  }

  /**
   * The free energy's left side, F = −β⁻¹ ln Z, named F unless the model already uses that name
   * (then −β⁻¹ ln Z alone).
   */
  private Math freeEnergy(String name) {
    return freeEnergy(compilation, name);
  }

  static Math freeEnergy(Compilation compilation, String name) {
    var t = compilation.model().temperature();
    var model = compilation.model();
    boolean taken = model.variables().containsKey("F") || model.energies().containsKey("F")
        || compilation.results().stream().anyMatch(r -> r.name().equals("F"))
        || java.util.stream.StreamSupport.stream(compilation.symbols().all().spliterator(), false).anyMatch(c -> c.name().equals("F"));
    return new Math.FreeEnergy(taken ? Optional.empty() : Optional.of(new Name("F")), t == null ? Optional.empty() : Optional.of(new Name(t.name())), new Name(name));
  }

  /** Terms in the caller's order, each a place to break. */
  private static Sum terms(List<IExpr> terms) {
    return new Sum(terms.stream().<Math>map(Expr::new).toList(), Optional.empty());
  }

  /** The printed order of the compilation's sums. */
  static TermOrder order(Compilation c) {
    return TermOrder.of(Printers.units(c), Printers.names(c));
  }

  private Sum sum(IExpr value) {
    return sum(order, value);
  }

  /** An evaluated sum: its terms, in printed order, are the places to break; the whole is written by formats that do not break. */
  static Sum sum(TermOrder order, IExpr value) {
    return new Sum(order.terms(value).stream().<Math>map(Expr::new).toList(), Optional.of(value));
  }

  private static void conditions(List<Condition> conditions, List<Part> parts) {
    List<Condition> shown = Condition.withoutImplied(conditions);
    if (shown.isEmpty()) return;
    parts.add(new Part.Conditions(shown.stream().<Math>map(c -> new Expr(c.relation())).toList()));
  }


  /** Prose from strings (words), math nodes, and lists of math nodes (joined with commas). */
  static Prose prose(Object... pieces) {
    List<Inline> out = new ArrayList<>();
    for (Object p : pieces) {
      if (p instanceof String s) out.add(new Inline.Words(s));
      else if (p instanceof List<?> list)
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.add(new Inline.Words(", "));
          out.add(new Inline.InlineMath((Math) list.get(i)));
        }
      else out.add(new Inline.InlineMath((Math) p));
    }
    return new Prose(out);
  }
}
