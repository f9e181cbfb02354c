package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import energy.result.Result;
import energy.result.RgStep;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.cumulant.Cumulants;
import energy.algebra.cumulant.MomentIdentities;
import energy.diag.Source;
import energy.model.Query;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@code eval} answers for every result (and energy) of every example, at random admissible
 * values, and each printed number agrees with Symja's own numeric value of the same expression
 * at the same point (an independent evaluator: eval compiles to doubles). What each line means
 * is rebuilt here from the result, not from eval's code.
 */
class EvalEveryResultTest {
  static Stream<Path> examples() throws Exception {
    try (var files = Files.list(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".energy")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyResultEvaluatesToSymjasValue(Path file) throws Exception {
    long seed = 20261127L + file.getFileName().toString().hashCode();
    System.out.println("eval every result of " + file + " seed " + seed);
    Random random = new Random(seed);
    Compilation c = energy.Compiler.compile(new Source(file.toString(), Files.readString(file)));
    int evaluated = 0;
    for (Result r : c.results()) {
      // 'couplings F' shares the marginal's name and answers for it (value and couplings).
      if (c.results().stream().filter(x -> x.name().equals(r.name())).reduce((a, b) -> b).get() != r) continue;
      if (r instanceof energy.result.Evaluation || r instanceof energy.result.Verification) continue; // numbers and checks: no value to evaluate
      if (r instanceof MatrixMarginal m) {
        symbolic(file, c, m, random);
        continue;
      }
      if (r instanceof RgStep l) {
        Map<String, Double> at = new LinkedHashMap<>();
        Recursion rec = l.recursion();
        for (ISymbol k : rec.couplings()) at.put(k.getSymbolName(), 0.1 + 0.4 * random.nextDouble());
        Map<String, IExpr> expected = new LinkedHashMap<>();
        for (int i = 0; i < rec.couplings().size(); i++) expected.put(rec.couplings().get(i).getSymbolName() + "'", rec.images().get(i));
        expected.put("g", rec.constantPerSite());
        for (Map.Entry<CouplingClass, IExpr> g : rec.generated().entrySet()) expected.put(g.getKey().name() + "' (generated)", g.getValue());
        assertLines(file, l.name(), at, expected);
        evaluated++;
        continue;
      }
      Map<String, IExpr> expected = new LinkedHashMap<>();
      Map<String, Double> at = admissible(c, r, expected, random);
      assertLines(file, r.name(), at, expected);
      evaluated++;
    }
    if (c.isSymbolic()) return;
    for (Map.Entry<String, IExpr> e : c.energies().entrySet()) {
      if (c.model().lattice() != null) break;
      Map<String, Double> at = new LinkedHashMap<>();
      for (SymbolTable.Component k : c.symbols().all()) at.put(k.name(), draw(k.variable(), random));
      assertLines(file, e.getKey(), at, Map.of(e.getKey(), e.getValue()));
      evaluated++;
    }
    assertTrue(evaluated > 0, file + " has something to evaluate");
  }

  /**
   * What evaluating a result prints: the units it takes no value for, the conditions its values
   * must meet, and its lines' expressions, filled in by {@code lines} from the drawn values
   * (which it may extend, e.g. with moments or t).
   */
  private record Spec(List<Variable> integrated, List<Condition> conditions, Lines lines) {}

  private interface Lines {
    void fill(Map<String, Double> at, Map<IExpr, IExpr> rules, Map<String, IExpr> expected);
  }

  /** The lines of each kind of component-form result, as the evaluator prints them. */
  private record SpecOf(Compilation c, Random random) implements Result.Visitor<Spec> {
    public Spec marginal(Marginal r) {
      return energy(r.name(), r.value(), List.of(), null, r.from().integrated(), r.conditions());
    }

    public Spec partitionFunction(PartitionFunction r) {
      return new Spec(r.from().integrated(), r.conditions(), (at, rules, expected) -> {
        expected.put(r.name(), r.z());
        expected.put("-ln(" + r.name() + ")/" + c.model().temperature().name(), r.freeEnergy());
      });
    }

    public Spec couplings(Couplings r) {
      return energy(r.name(), r.energy(), List.of(), r.couplings(), r.from().integrated(), List.of());
    }

    public Spec expansion(Expansion r) {
      return energy(r.name(), r.value(), r.cumulants(), null, r.from().integrated(), r.conditions());
    }

    public Spec expandedCouplings(ExpandedCouplings r) {
      return energy(r.name(), r.value(), r.cumulants(), r.couplings(), r.from().integrated(), r.conditions());
    }

    public Spec priorCumulants(PriorCumulants r) {
      return new Spec(List.of(), r.conditions(), (at, rules, expected) -> {
        at.put("t", 0.3);
        rules.put(c.symbols().derived("t"), F.num(0.3));
        for (int i = 0; i < r.cumulants().size(); i++) {
          CumulantExpansion.Cumulant k = r.cumulants().get(i);
          expected.put(k.symbol().getSymbolName(), k.value());
          expected.put("K" + k.symbol().getSymbolName().substring(k.symbol().getSymbolName().indexOf('^')) + "(t)", r.cgfs().get(i));
        }
      });
    }

    public Spec momentIdentity(MomentIdentity r) {
      return new Spec(List.of(), List.of(), (at, rules, expected) -> expected.put(r.name(), momentRhs(r.query(), r.value(), at, random)));
    }

    public Spec kernel(Kernel r) {
      return new Spec(List.of(), List.of(), (at, rules, expected) -> {
        expected.put(r.name(), r.value());
        expected.put("sum_" + String.join(",", r.query().hidden().stream().map(Variable::name).toList()) + " exp(" + r.name() + ")", r.trace());
      });
    }

    public Spec matrixMarginal(MatrixMarginal r) {
      throw new AssertionError("matrix notation is evaluated through its component form");
    }

    public Spec rgStep(RgStep r) {
      throw new AssertionError("RG steps are evaluated at their couplings");
    }

    public Spec coefficient(energy.result.Coefficient r) {
      return energy(r.name(), r.value(), List.of(), null, r.from().integrated(), r.conditions());
    }

    public Spec substitution(energy.result.Substitution r) {
      return energy(r.name(), r.value(), List.of(), null, r.from().integrated(), r.conditions());
    }

    public Spec derivative(energy.result.Derivative r) {
      return energy(r.name(), r.value(), List.of(), null, r.from().integrated(), r.conditions());
    }

    public Spec evaluation(energy.result.Evaluation r) {
      throw new AssertionError("a value is not evaluated again");
    }

    public Spec verification(energy.result.Verification r) {
      throw new AssertionError("a check has no value");
    }

    private static Spec energy(
        String name, IExpr value, List<CumulantExpansion.Cumulant> cumulants, List<CouplingExtractor.Coefficient> couplings,
        List<Variable> integrated, List<Condition> conditions) {
      return new Spec(integrated, conditions, (at, rules, expected) -> {
        List<IExpr> closed = new ArrayList<>();
        for (CumulantExpansion.Cumulant k : cumulants) closed.add(F.Rule(k.symbol(), k.value()));
        expected.put(name, withClosedForms(value, closed));
        if (couplings != null) {
          int i = 0;
          for (CouplingExtractor.Coefficient k : couplings) expected.put("#" + i++, withClosedForms(k.coupling(), closed));
        }
      });
    }
  }

  /** Values for every name the result takes, redrawn until its conditions hold; {@code expected} gets each line's expression. */
  private static Map<String, Double> admissible(Compilation c, Result r, Map<String, IExpr> expected, Random random) {
    Spec spec = r.accept(new SpecOf(c, random));
    for (int attempt = 0; attempt < 200; attempt++) {
      Map<String, Double> at = new LinkedHashMap<>();
      Map<IExpr, IExpr> rules = new LinkedHashMap<>();
      for (SymbolTable.Component k : c.symbols().all()) {
        if (k.variable().isUnit() && spec.integrated().contains(k.variable())) continue;
        double x = draw(k.variable(), random);
        at.put(k.name(), x);
        rules.put(k.symbol(), F.num(x));
      }
      expected.clear();
      spec.lines().fill(at, rules, expected);
      boolean ok = true;
      for (Condition k : spec.conditions()) ok &= symja(k.relation(), rules).isTrue();
      if (ok) return at;
    }
    throw new AssertionError(r.name() + ": no admissible values found");
  }

  private static IExpr withClosedForms(IExpr e, List<IExpr> closed) {
    return closed.isEmpty() ? e : Symja.eval(F.ReplaceAll(NumericFunction.released(e), F.List(closed.toArray(new IExpr[0]))));
  }

  /** Moments (or cumulants) under the names a user types, and the identity's rhs over those values. */
  private static IExpr momentRhs(Query.MomentIdentity m, IExpr rhs, Map<String, Double> at, Random random) {
    List<IExpr> rules = new ArrayList<>();
    if (m.variables().isEmpty()) {
      String prefix = m.cumulant() ? "mu" : "kappa";
      for (int n = 1; n <= m.order(); n++) {
        double x = random.nextDouble();
        at.put(prefix + "[" + n + "]", x);
        rules.add(F.Rule(Cumulants.symbol(prefix, n), F.num(x)));
      }
    } else {
      int k = m.variables().size();
      for (int mask = 1; mask < 1 << k; mask++) {
        List<String> vs = new ArrayList<>();
        for (int i = 0; i < k; i++) if ((mask >> i & 1) == 1) vs.add(m.variables().get(i));
        double x = random.nextDouble();
        at.put(m.cumulant() ? "<" + String.join("*", vs) + ">" : "kappa(" + String.join(",", vs) + ")", x);
        rules.add(F.Rule(MomentIdentities.atom(m, BitSet.valueOf(new long[] {mask}), !m.cumulant()), F.num(x)));
      }
    }
    return Symja.eval(F.ReplaceAll(rhs, F.List(rules.toArray(new IExpr[0]))));
  }

  private static double draw(Variable v, Random random) {
    if (v.isTemperature()) return 0.5 + random.nextDouble();
    if (v.kind() == UnitKind.SPIN) return random.nextBoolean() ? 1 : -1;
    if (v.kind() == UnitKind.BINARY) return random.nextBoolean() ? 1 : 0;
    return 0.8 * random.nextDouble() - 0.4;
  }

  private static IExpr symja(IExpr e, Map<IExpr, IExpr> values) {
    List<IExpr> rules = new ArrayList<>();
    values.forEach((s, v) -> rules.add(F.Rule(s, v)));
    return Symja.eval(F.N(F.ReplaceAll(NumericFunction.released(e), F.List(rules.toArray(new IExpr[0])))));
  }

  /** Runs eval and compares its lines, in order, with Symja's values; couplings (#i) are matched by position after the value line. */
  private static void assertLines(Path file, String name, Map<String, Double> at, Map<String, IExpr> expected) {
    List<String> args = new ArrayList<>(List.of("eval", file.toString(), name, "--at"));
    at.forEach((k, v) -> args.add(k + "=" + v));
    CliTest.Run run = CliTest.run(args.toArray(new String[0]));
    assertEquals(0, run.status(), file + " " + name + ": " + run.err());
    String[] lines = run.out().split("\n");
    assertEquals(expected.size(), lines.length, file + " " + name + ": " + run.out());
    Map<IExpr, IExpr> rules = new LinkedHashMap<>();
    at.forEach((k, v) -> {
      ISymbol s = symbolNamed(k, expected.values());
      if (s != null) rules.put(s, F.num(v));
    });
    int i = 0;
    for (Map.Entry<String, IExpr> e : expected.entrySet()) {
      String line = lines[i++];
      int eq = line.lastIndexOf(" = ");
      if (!e.getKey().startsWith("#")) assertEquals(e.getKey(), line.substring(0, eq), file + " " + name);
      double actual = Double.parseDouble(line.substring(eq + 3));
      IExpr v = symja(e.getValue(), rules);
      if (!v.isReal()) fail(file + " " + name + ": Symja's value of " + e.getKey() + " is " + v);
      double want = v.evalf();
      assertEquals(want, actual, 1e-9 * Math.max(1, Math.abs(want)), file + " " + name + " " + line + " at " + at);
    }
  }

  /** The symbol of a given name among those of the expressions (user symbols are not interned). */
  private static ISymbol symbolNamed(String name, java.util.Collection<IExpr> exprs) {
    for (IExpr e : exprs) {
      ISymbol s = find(e, name.replace(" ", ""));
      if (s != null) return s;
    }
    return null;
  }

  private static ISymbol find(IExpr e, String name) {
    if (e.isSymbol() && ((ISymbol) e).getSymbolName().equals(name)) return (ISymbol) e;
    for (IExpr a : Symja.args(e)) {
      ISymbol s = find(a, name);
      if (s != null) return s;
    }
    return null;
  }

  /** A symbolic-size result: the sizes with the values, checked against the concrete model's result at those sizes. */
  private static void symbolic(Path file, Compilation c, MatrixMarginal r, Random random) throws Exception {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    for (String n : energy.verify.MatrixChecker.symbolicSizes(c)) sizes.put(n, 1 + random.nextInt(2));
    Compilation concrete = energy.Compiler.compile(new Source(file.toString(), Files.readString(file)), sizes);
    Result cr = concrete.result(r.name());
    Map<String, IExpr> expected = new LinkedHashMap<>();
    Map<String, Double> values = admissible(concrete, cr, expected, random);
    List<String> args = new ArrayList<>(List.of("eval", file.toString(), r.name(), "--at"));
    sizes.forEach((n, s) -> args.add(n + "=" + s));
    values.forEach((k, v) -> args.add(k + "=" + v));
    CliTest.Run run = CliTest.run(args.toArray(new String[0]));
    assertEquals(0, run.status(), file + " " + r.name() + ": " + run.err());
    Map<IExpr, IExpr> rules = new LinkedHashMap<>();
    for (SymbolTable.Component k : concrete.symbols().all()) if (values.containsKey(k.name())) rules.put(k.symbol(), F.num(values.get(k.name())));
    // The component form of a marginal is a Marginal, of a partition function its free energy.
    double want = symja(cr instanceof Marginal m ? m.value() : ((PartitionFunction) cr).freeEnergy(), rules).evalf();
    double actual = Double.parseDouble(run.out().trim().substring(run.out().indexOf(" = ") + 3));
    assertEquals(want, actual, 1e-9 * Math.max(1, Math.abs(want)), file + " " + r.name() + " at " + args);
  }
}
