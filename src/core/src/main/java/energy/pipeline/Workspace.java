package energy.pipeline;

import energy.Compilation;
import energy.Compiler;
import energy.Progress;
import energy.algebra.Derived;
import energy.algebra.SymbolTable;
import energy.check.Resolver;
import energy.diag.Diagnostics;
import energy.diag.Source;
import energy.model.LatticeModel;
import energy.model.Model;
import energy.model.Program;
import energy.model.Query;
import energy.result.Result;
import energy.rg.ReducedHamiltonian;
import energy.syntax.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * What the statements so far have made, and the pass list that adds more statements to it:
 * parse ({@link Parser}) → check ({@link Resolver}) → lower ({@link Lower}) → transform each
 * statement ({@link Transform}). Each pass reports every error it finds; the next runs only if
 * there were none. A file is one addition to the empty workspace; a session adds its statements
 * one piece at a time, each parsed, checked, lowered and transformed once, against the model,
 * energies and results before it. An addition returns a new workspace and leaves this one as it
 * is, so a piece with an error changes nothing.
 */
public final class Workspace {
  final Compiler.Options options;
  private Resolver resolver;
  /** Every piece so far as one text: what the model's source is (a recompilation reads it whole). */
  private Source text;
  Model model;
  SymbolTable symbols;
  IExpr beta = F.C1;
  /** Declared energies as lowered, by name. */
  final Map<String, IExpr> energies;
  /** Energies statements may name: declared and derived ones. */
  final Map<String, Derived> derived;
  /** Reduced lattice energies, as the RG steps take them. */
  final Map<String, ReducedHamiltonian> reduced;
  final List<Result> results;
  /** The names of the results the last addition made or updated, in order. */
  final List<String> touched = new ArrayList<>();
  int lowered, transformed;

  private Workspace(Map<String, Integer> sizes, Compiler.Options options) {
    this.options = options;
    this.resolver = Resolver.start(sizes);
    this.symbols = new SymbolTable(List.of());
    this.energies = new LinkedHashMap<>();
    this.derived = new LinkedHashMap<>();
    this.reduced = new LinkedHashMap<>();
    this.results = new ArrayList<>();
  }

  private Workspace(Workspace w) {
    options = w.options;
    resolver = w.resolver;
    text = w.text;
    model = w.model;
    symbols = w.symbols;
    beta = w.beta;
    energies = new LinkedHashMap<>(w.energies);
    derived = new LinkedHashMap<>(w.derived);
    reduced = new LinkedHashMap<>(w.reduced);
    results = new ArrayList<>(w.results);
    lowered = w.lowered;
    transformed = w.transformed;
  }

  /** Nothing compiled yet; {@code sizes} are values for symbolic sizes ({@code dim n}), to instantiate a symbolic model. */
  public static Workspace empty(Map<String, Integer> sizes, Compiler.Options options) {
    return new Workspace(sizes, options);
  }

  /**
   * This workspace and the statements of {@code source}, which may use everything before them.
   *
   * @throws energy.diag.CompileException with every error of the first pass that had any; this
   *     workspace is unchanged
   */
  public Workspace add(Source source) {
    Workspace next = new Workspace(this);
    next.run(source);
    return next;
  }

  private void run(Source source) {
    Diagnostics diagnostics = new Diagnostics();
    Progress.stage("parsing " + source.path());
    Program program = Parser.parse(source, diagnostics);
    diagnostics.throwIfAny();
    Progress.stage("checking names and sizes in " + source.path());
    Model before = model;
    resolver = resolver.then(program, diagnostics);
    diagnostics.throwIfAny();
    text = text == null ? source : joined(text, source);
    model = resolver.model(text);
    symbols = symbols.with(model.variables().values());
    beta = model.temperature() == null ? F.C1 : symbols.symbol(model.temperature());
    Lower.energies(this, model.energies().values().stream().filter(e -> !energies.containsKey(e.name().text())).toList(), freshLatticeEnergies(), diagnostics);
    diagnostics.throwIfAny();
    touched.clear();
    Transform.statements(this, fresh(before), diagnostics);
    diagnostics.throwIfAny();
  }

  private List<LatticeModel.Energy> freshLatticeEnergies() {
    if (model.lattice() == null) return List.of();
    return model.lattice().energies().values().stream().filter(e -> !reduced.containsKey(e.name().text())).toList();
  }

  /** The statements the checker added after {@code before}, in the order they were written. */
  private List<Object> fresh(Model before) {
    List<Object> out = new ArrayList<>();
    List<Query> queries = model.queries();
    out.addAll(queries.subList(before == null ? 0 : before.queries().size(), queries.size()));
    LatticeModel lattice = model.lattice(), old = before == null ? null : before.lattice();
    if (lattice != null) {
      out.addAll(lattice.steps().subList(old == null ? 0 : old.steps().size(), lattice.steps().size()));
      out.addAll(lattice.flows().subList(old == null ? 0 : old.flows().size(), lattice.flows().size()));
    }
    out.sort(java.util.Comparator.comparingInt(Transform::start));
    return out;
  }

  private static Source joined(Source before, Source piece) {
    String t = before.text();
    return new Source(before.path(), t + (t.isEmpty() || t.endsWith("\n") ? "" : "\n") + piece.text());
  }

  /** Everything so far; null before the first addition. */
  public Compilation compilation() {
    return model == null ? null : new Compilation(model, symbols, beta, new LinkedHashMap<>(energies), results);
  }

  /** The names of the results the last addition made or updated (a flow updates its step's), in order. */
  public List<String> touched() {
    return List.copyOf(touched);
  }

  /** How many declared energies were lowered so far (each once). */
  public int lowered() {
    return lowered;
  }

  /** How many statements were transformed so far (each once): a measure of the algebra done. */
  public int transformed() {
    return transformed;
  }
}
