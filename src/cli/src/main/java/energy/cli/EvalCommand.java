package energy.cli;

import energy.Compilation;
import energy.verify.Evaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.matheclipse.core.interfaces.IExpr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Print the numeric value of a result (or a declared energy) at given values.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin TimeoutOption timeout;
  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Parameters(index = "1", paramLabel = "NAME", description = "a result or energy of FILE")
  String name;

  @Option(
      names = "--at",
      arity = "1..*",
      paramLabel = "NAME=VALUE",
      description = "values of the parameters, the temperature and the units, e.g. beta=1 a[1]=0.3 A[1,2]=-0.2 x[1]=1")
  List<String> at = List.of();

  @Override
  public Integer call() {
    return main.supervise(timeout.seconds(spec), this::eval);
  }

  private Integer eval() {
    Compilation c = Inputs.compileAll(List.of(file)).get(0);
    try {
      if (c.isSymbolic()) return symbolic(c);
      StringBuilder lines = new StringBuilder();
      for (Evaluator.Line line : new Evaluator(c).evaluate(name, Evaluator.parse(at)))
        lines.append(line.label()).append(" = ").append(Evaluator.format(line.value())).append('\n');
      main.commit(() -> main.out.print(lines));
      return Main.OK;
    } catch (Evaluator.Failure e) {
      main.err.println("energy: error: " + e.getMessage());
      return e.usage() ? Main.USAGE : Main.INPUT_ERROR;
    }
  }

  /** Sizes come with the values (n=2); the result in matrix notation is expanded at those sizes. */
  private Integer symbolic(Compilation c) {
    java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
    List<String> rest = new java.util.ArrayList<>();
    List<String> symbolic = energy.verify.MatrixChecker.symbolicSizes(c);
    for (String item : at) {
      int eq = item.indexOf('=');
      String key = eq > 0 ? item.substring(0, eq).trim() : "";
      if (!symbolic.contains(key)) {
        rest.add(item);
        continue;
      }
      try {
        sizes.put(key, Integer.parseInt(item.substring(eq + 1).trim()));
      } catch (NumberFormatException e) {
        throw new UserError("size '" + key + "' must be a whole number, got '" + item.substring(eq + 1) + "'");
      }
    }
    List<String> missing = new java.util.ArrayList<>(symbolic);
    missing.removeAll(sizes.keySet());
    if (!missing.isEmpty())
      throw new UserError("give the symbolic sizes with --at, e.g. " + String.join(" ", missing.stream().map(n -> n + "=2").toList()));
    energy.result.MatrixMarginal r = null;
    for (energy.result.MatrixMarginal x : c.results(energy.result.MatrixMarginal.class)) if (x.name().equals(name)) r = x;
    IExpr value = r != null ? energy.algebra.Symja.eval(org.matheclipse.core.expression.F.Plus(r.terms().toArray(new IExpr[0]))) : c.energies().get(name);
    if (value == null) {
      List<String> names = new java.util.ArrayList<>(c.energies().keySet());
      for (energy.result.Result x : c.results()) names.add(x.name());
      throw new Evaluator.Failure("no result or energy named '" + name + "'; there are: " + String.join(", ", names), true);
    }
    try {
      // Names are validated against the model at these sizes.
      Compilation concrete = energy.Compiler.compile(c.model().source(), sizes);
      java.util.Map<String, Double> values = Evaluator.parse(rest);
      new Evaluator(concrete).evaluate(name, values);
      double x = energy.verify.MatrixChecker.evaluate(value, sizes, values);
      main.commit(() -> main.out.println(name + " = " + Evaluator.format(x)));
    } catch (Evaluator.Failure e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (energy.diag.CompileException e) {
      throw new UserError("the model does not compile at " + sizes + ": " + e.getMessage());
    }
    return Main.OK;
  }
}
