package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.Condition;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.PartitionFunction;
import energy.result.Result;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.diag.Source;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import energy.verify.Assignment;
import energy.verify.Checker;
import energy.verify.MatrixChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Consistency of the two pipelines: a model with {@code dim SIZES} is compiled once with
 * symbolic sizes (matrix notation) and, for random sizes 1…3, once with those sizes written
 * into the source (component form). At random values of parameters, β and the remaining units,
 * the abstract result expanded into components must equal the component result; and the
 * component result must pass the brute-force {@link Checker}, so both are tied to enumeration
 * and quadrature.
 */
class SymbolicSizesTest {
  static final int ROUNDS = 4, SAMPLES = 3;
  /** Real components per instantiation: a dense 3×3 symbolic inverse takes the component pipeline minutes. */
  static final int MAX_REAL = 2;

  static Stream<String[]> models() {
    return Stream.of(
        new String[] {"dbm3", "dim SIZES\nspin x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\ntemperature beta\n"
            + "energy H(x, y, z) = -a.x + 1/2*(y.y + z.z) - x.A.y - y.B.z\nH1 = marginalize H over z\nH0 = marginalize H1 over y\nH2 = marginalize H over y, z", "n m p"},
        new String[] {"rbm-binary", "dim SIZES\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
            + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h", "n m"},
        new String[] {"rbm-spin-no-temperature", "dim SIZES\nbinary v[n]\nspin h[m]\nparam b[m], W[n,m], c\n"
            + "energy E(v, h) = c*h.h - b.h - 2*v.W.h\nF = marginalize E over h\nG = marginalize E over v", "n m"},
        new String[] {"gaussian-rbm", "dim SIZES\nbinary v[n]\nreal h[m]\nparam a[n], W[n,m]\ntemperature beta\n"
            + "energy E(v, h) = -a.v + 1/2*h.h - v.W.h\nF = marginalize E over h", "n m"},
        new String[] {"transpose-identity", "dim SIZES\nspin x[n]\nreal y[m]\nparam A[n,m], C[m,m], b[n], s\ntemperature beta\n"
            + "energy H(x, y) = 1/2*y.(2*I - C.C^T/2).y + s*y.y/4 - y.A^T.(x + b) + (x - b).(x + b)\nG = marginalize H over y", "n m"},
        new String[] {"sum-of-vectors", "dim SIZES\nspin x[n]\nbinary h[m]\nparam b[n], W[n,m], c[m]\n"
            + "energy E(x, h) = -(x + b).W.h - 1/2*(c - W^T.x).h\nF = marginalize E over h", "n m"},
        new String[] {"partition-gaussian", "dim SIZES\nreal y[m]\nparam K[m,m], b[m]\ntemperature beta\n"
            + "energy H(y) = 1/2*y.(I + K.K^T).y - b.y\nZ = partition H", "m"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void abstractResultExpandedEqualsComponentForm(String name, String body, String sizeNames) {
    long seed = Long.getLong("symbolic.seed", 20261123L) + name.hashCode();
    System.out.println("SymbolicSizesTest " + name + " seed " + seed);
    Random rnd = new Random(seed);
    String[] dims = sizeNames.split(" ");
    Compilation symbolic = Compiler.compile(new Source(name + ".energy", "model M\n" + body.replace("SIZES", String.join(", ", dims))));
    assertTrue(symbolic.isSymbolic());
    assertFalse(symbolic.results(MatrixMarginal.class).isEmpty());
    int round = 0, compared = 0;
    for (int tries = 0; round < ROUNDS && tries < 100; tries++) {
      Map<String, Integer> sizes = new LinkedHashMap<>();
      List<String> decl = new ArrayList<>();
      for (String d : dims) {
        int v = round == 0 ? 1 : 1 + rnd.nextInt(3);
        sizes.put(d, v);
        decl.add(d + " = " + v);
      }
      // The component form grows fast with the real units (dense symbolic inverses); the
      // matrix form does not, which is the point of it.
      if (realComponents(symbolic, sizes) > MAX_REAL) continue;
      round++;
      Compilation concrete = Compiler.compile(new Source(name + "-" + sizes + ".energy", "model M\n" + body.replace("SIZES", String.join(", ", decl))));
      String what = name + " at " + sizes + " (seed " + seed + ")";
      for (Checker.Report r : Checker.check(concrete, 2, seed))
          assertTrue(r.passed() && r.skipped() == null, what + ": component form of " + r.name() + " fails its own check: " + r.weightError());
      for (MatrixMarginal r : symbolic.results(MatrixMarginal.class)) {
        // The component form of a marginal is a Marginal, of a partition function its free energy.
        Result cr = concrete.result(r.name());
        IExpr componentValue = cr instanceof Marginal m ? m.value() : ((PartitionFunction) cr).freeEnergy();
        List<Condition> componentConditions = cr instanceof Marginal m ? m.conditions() : ((PartitionFunction) cr).conditions();
        for (int s = 0; s < SAMPLES; s++) {
          Map<String, Double> values = draw(concrete, componentConditions, rnd);
          double expected = new Assignment(bySymbol(concrete, values)).evaluate(componentValue);
          double printed = MatrixChecker.evaluate(Symja.eval(F.Plus(r.terms().toArray(new IExpr[0]))), sizes, values);
          double value = MatrixChecker.evaluate(r.value(), sizes, values);
          String msg = what + ", " + r.name() + " at " + values;
          assertEquals(expected, printed, 1e-9 * Math.max(1, Math.abs(expected)), msg + " (printed terms)");
          assertEquals(expected, value, 1e-9 * Math.max(1, Math.abs(expected)), msg + " (value)");
          compared++;
        }
      }
    }
    assertEquals(ROUNDS, round, "size choices within reach");
    List<MatrixMarginal> matrix = symbolic.results(MatrixMarginal.class);
    assertEquals(ROUNDS * SAMPLES * matrix.size(), compared);
    System.out.println("  " + compared + " comparisons, e.g. " + matrix.get(0).name() + " = " + matrix.get(0).terms());
  }

  /** The checker has teeth: the seed's H(x) with +½ xᵀA(𝟙 − BBᵀ)⁻¹Aᵀx instead of −½ fails. */
  @Test
  void checkerRejectsTheSeedsSign() {
    Compilation c = Compiler.compile(new Source("examples/dbm3-symbolic.energy", Examples.read(Examples.ROOT.resolve("dbm3-symbolic.energy"))));
    MatrixMarginal h0 = (MatrixMarginal) c.result("H0");
    List<IExpr> flipped = new ArrayList<>();
    for (IExpr t : h0.terms()) flipped.add(t.toString().contains("⁻¹") ? Symja.eval(F.Negate(t)) : t);
    assertEquals(h0.terms().size(), flipped.size());
    assertFalse(flipped.equals(h0.terms()), "no inverse term found in " + h0.terms());
    MatrixMarginal wrong = new MatrixMarginal(h0.query(), h0.args(), flipped, Symja.eval(F.Plus(flipped.toArray(new IExpr[0]))), h0.positiveDefinite(), h0.from());
    Compilation bad = new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), List.of(c.result("H1"), wrong));
    List<Checker.Report> reports = MatrixChecker.check(bad, 3, 7);
    assertTrue(reports.get(0).passed(), "H1 is right: " + reports.get(0));
    assertFalse(reports.get(1).passed(), "the flipped H0 passed: " + reports.get(1));
  }

  private static int realComponents(Compilation symbolic, Map<String, Integer> sizes) {
    int n = 0;
    for (Variable v : symbolic.model().units()) {
      if (v.kind() != UnitKind.REAL) continue;
      int k = 1;
      for (energy.model.Dim d : v.shape()) k *= d.isSymbolic() ? sizes.get(d.name()) : d.size();
      n += k;
    }
    return n;
  }

  private static Map<ISymbol, Double> bySymbol(Compilation c, Map<String, Double> values) {
    Map<ISymbol, Double> out = new LinkedHashMap<>();
    for (SymbolTable.Component comp : c.symbols().all()) out.put(comp.symbol(), values.get(comp.name()));
    return out;
  }

  /** Parameters in [−1, 1], β in [0.5, 2], units in their domains, redrawn until the result's conditions hold. */
  private static Map<String, Double> draw(Compilation c, List<Condition> resultConditions, Random rnd) {
    List<ISymbol> symbols = new ArrayList<>();
    for (SymbolTable.Component comp : c.symbols().all()) symbols.add(comp.symbol());
    List<NumericFunction> conditions = new ArrayList<>();
    for (Condition cond : resultConditions) conditions.add(NumericFunction.compile(cond.relation().getAt(1), symbols));
    for (int attempt = 0; attempt < 2000; attempt++) {
      Map<String, Double> values = new LinkedHashMap<>();
      double[] point = new double[symbols.size()];
      int i = 0;
      for (SymbolTable.Component comp : c.symbols().all()) {
        Variable v = comp.variable();
        double x = v.isTemperature() ? 0.5 + 1.5 * rnd.nextDouble()
            : v.kind() == UnitKind.SPIN ? (rnd.nextBoolean() ? 1 : -1)
            : v.kind() == UnitKind.BINARY ? (rnd.nextBoolean() ? 1 : 0)
            : 2 * rnd.nextDouble() - 1;
        values.put(comp.name(), x);
        point[i++] = x;
      }
      boolean ok = true;
      for (NumericFunction f : conditions) ok &= f.apply(point) > 0;
      if (ok) return values;
    }
    throw new AssertionError("no values satisfy the conditions " + resultConditions);
  }
}
