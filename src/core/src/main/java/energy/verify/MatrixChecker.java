package energy.verify;

import energy.Compilation;
import energy.Compiler;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.PartitionFunction;
import energy.result.Result;
import energy.algebra.Condition;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.matrix.Instantiation;
import energy.model.Dim;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.numeric.NumericFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Checks results in matrix notation by instantiation: for a few choices of the symbolic sizes
 * (each 1…3), the model is compiled again with those sizes by the component pipeline, whose
 * results {@link Checker} verifies against brute-force enumeration and quadrature; then the
 * abstract result, expanded into components ({@link Instantiation}), must equal the component
 * result at random values of the parameters, β and the remaining units.
 */
public final class MatrixChecker {
  /** Size choices tried per file (all ones first, then random ones). */
  static final int SIZE_CHOICES = 3;

  private MatrixChecker() {}

  public static List<Checker.Report> check(Compilation c, int samples, long seed) {
    Random random = new Random(seed);
    Map<String, Double> worst = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, Double> worstCorrelator = new LinkedHashMap<>();
    List<String> tried = new ArrayList<>();
    for (Map<String, Integer> sizes : sizeChoices(c, random)) {
      tried.add(describe(sizes));
      Compilation concrete = Compiler.compile(c.model().source(), sizes);
      for (Checker.Report r : Checker.check(concrete, samples, random.nextLong())) {
        if (r.skipped() != null) {
          failures.putIfAbsent(r.name(), "component form at " + describe(sizes) + " not checked: " + r.skipped());
          continue;
        }
        worst.merge(r.name(), r.weightError(), Math::max);
        if (!Double.isNaN(r.correlatorError())) worstCorrelator.merge(r.name(), r.correlatorError(), Math::max);
      }
      for (MatrixMarginal r : c.results(MatrixMarginal.class))
        worst.merge(r.name(), instantiationError(c, r, concrete, sizes, samples, random), Math::max);
    }
    List<Checker.Report> out = new ArrayList<>();
    for (MatrixMarginal r : c.results(MatrixMarginal.class)) {
      String measure = "instantiated at " + String.join("; ", tried) + " vs component form and its weights";
      if (failures.containsKey(r.name())) out.add(new Checker.Report(r.name(), measure, 0, Double.NaN, Double.NaN, 0, failures.get(r.name())));
      else out.add(new Checker.Report(r.name(), measure, worst.get(r.name()), worstCorrelator.getOrDefault(r.name(), Double.NaN), Double.NaN, samples, null));
    }
    return out;
  }

  /** All symbolic sizes 1, then random sizes in 1…3 whose Gaussian parts stay within quadrature's reach. */
  static List<Map<String, Integer>> sizeChoices(Compilation c, Random random) {
    List<String> symbolic = symbolicSizes(c);
    List<Map<String, Integer>> out = new ArrayList<>();
    Map<String, Integer> ones = new LinkedHashMap<>();
    for (String s : symbolic) ones.put(s, 1);
    out.add(ones);
    for (int attempt = 0; attempt < 200 && out.size() < SIZE_CHOICES; attempt++) {
      Map<String, Integer> sizes = new LinkedHashMap<>();
      for (String s : symbolic) sizes.put(s, 1 + random.nextInt(3));
      if (!out.contains(sizes) && realComponents(c, sizes) <= Checker.MAX_REAL_DIMENSIONS && discreteComponents(c, sizes) <= 8)
        out.add(sizes);
    }
    return out;
  }

  /** The symbolic sizes the model uses, in order of first use. */
  public static List<String> symbolicSizes(Compilation c) {
    TreeSet<String> names = new TreeSet<>();
    for (Variable v : c.model().variables().values()) for (Dim d : v.shape()) if (d.isSymbolic()) names.add(d.name());
    List<String> ordered = new ArrayList<>();
    for (Variable v : c.model().variables().values())
      for (Dim d : v.shape()) if (names.remove(d.name())) ordered.add(d.name());
    return ordered;
  }

  private static int realComponents(Compilation c, Map<String, Integer> sizes) {
    int n = 0;
    for (Variable v : c.model().units()) if (v.kind() == UnitKind.REAL) n += components(v, sizes);
    return n;
  }

  private static int discreteComponents(Compilation c, Map<String, Integer> sizes) {
    int n = 0;
    for (Variable v : c.model().units()) if (v.kind().isDiscrete()) n += components(v, sizes);
    return n;
  }

  private static int components(Variable v, Map<String, Integer> sizes) {
    int n = 1;
    for (Dim d : v.shape()) n *= d.isSymbolic() ? sizes.get(d.name()) : d.size();
    return n;
  }

  private static String describe(Map<String, Integer> sizes) {
    List<String> out = new ArrayList<>();
    sizes.forEach((k, v) -> out.add(k + "=" + v));
    return String.join(" ", out);
  }

  /** Largest relative difference between the instantiated abstract result and the component result. */
  private static double instantiationError(
      Compilation c, MatrixMarginal r, Compilation concrete, Map<String, Integer> sizes, int samples, Random random) {
    Result cr = concrete.result(r.name());
    // The component form of a marginal is a Marginal, of a partition function its free energy.
    IExpr componentValue = cr instanceof Marginal m ? m.value() : ((PartitionFunction) cr).freeEnergy();
    List<ISymbol> symbols = new ArrayList<>();
    List<ISymbol> params = new ArrayList<>();
    for (SymbolTable.Component comp : concrete.symbols().all()) {
      symbols.add(comp.symbol());
      if (!comp.variable().isUnit()) params.add(comp.symbol());
    }
    List<NumericFunction> conditions = new ArrayList<>();
    for (Condition cond : Conditions.of(cr)) conditions.add(NumericFunction.compile(cond.relation().getAt(1), symbols));
    IExpr abstractValue = Symja.eval(F.Plus(r.terms().toArray(new IExpr[0])));
    double worst = 0;
    for (int s = 0; s < samples; s++) {
      Map<String, Double> values = draw(concrete, conditions, symbols, random);
      double b = value(componentValue, concrete, values);
      double a;
      try {
        a = evaluate(abstractValue, sizes, values);
      } catch (IllegalArgumentException notReal) { // e.g. ln det of a matrix the component form finds positive
        return Double.POSITIVE_INFINITY;
      }
      worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
    }
    return worst;
  }

  /** Values by component name: parameters in [−1, 1], β in [0.5, 2], units in their domains; redrawn until the conditions hold. */
  private static Map<String, Double> draw(Compilation concrete, List<NumericFunction> conditions, List<ISymbol> symbols, Random random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      Map<String, Double> values = new LinkedHashMap<>();
      double[] point = new double[symbols.size()];
      int i = 0;
      for (SymbolTable.Component comp : concrete.symbols().all()) {
        Variable v = comp.variable();
        double x =
            v.isTemperature() ? 0.5 + 1.5 * random.nextDouble()
                : v.kind() == UnitKind.SPIN ? (random.nextBoolean() ? 1 : -1)
                : v.kind() == UnitKind.BINARY ? (random.nextBoolean() ? 1 : 0)
                : 2 * random.nextDouble() - 1;
        values.put(comp.name(), x);
        point[i++] = x;
      }
      boolean ok = true;
      for (NumericFunction cond : conditions) ok &= cond.apply(point) > 0;
      if (ok) return values;
    }
    throw new IllegalStateException("no parameter values satisfy the conditions after 1000 draws");
  }

  private static double value(IExpr e, Compilation concrete, Map<String, Double> values) {
    Map<ISymbol, Double> bySymbol = new LinkedHashMap<>();
    for (SymbolTable.Component comp : concrete.symbols().all()) bySymbol.put(comp.symbol(), values.get(comp.name()));
    return new Assignment(bySymbol).evaluate(e);
  }

  /**
   * The value of a scalar in matrix notation at the given sizes and values (by component name,
   * {@code A[1,2]}, {@code beta}). Throws {@link IllegalArgumentException} naming missing values.
   */
  public static double evaluate(IExpr e, Map<String, Integer> sizes, Map<String, Double> values) {
    TreeSet<String> missing = new TreeSet<>();
    Instantiation inst =
        new Instantiation(
            sizes,
            Instantiation.BRACKETS,
            s -> {
              Double v = values.get(s.getSymbolName());
              if (v == null) {
                missing.add(s.getSymbolName());
                return s;
              }
              return F.num(v);
            });
    IExpr x = Symja.eval(F.N(inst.scalar(e)));
    if (!missing.isEmpty())
      throw new IllegalArgumentException("missing values for " + String.join(", ", missing) + "; give them with --at NAME=VALUE");
    if (!x.isReal()) throw new IllegalArgumentException("the value is not a real number: " + x);
    return x.evalf();
  }

  static String format(double x) {
    return String.format(Locale.ROOT, "%.3g", x);
  }
}
