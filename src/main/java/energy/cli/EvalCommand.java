package energy.cli;

import energy.Compilation;
import energy.Result;
import energy.verify.Assignment;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.matheclipse.core.interfaces.IExpr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Print the numeric value of a result (or a declared energy) at given values.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

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
    Compilation c = Inputs.compileAll(List.of(file)).get(0);
    Assignment values;
    try {
      values = Assignment.parse(at, c.symbols());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Result r = c.result(name);
    IExpr energy = r != null ? r.value() : c.energies().get(name);
    if (energy == null) {
      List<String> names = new java.util.ArrayList<>(c.energies().keySet());
      for (Result x : c.results()) names.add(x.name());
      throw new UserError("no result or energy named '" + name + "' in " + file + "; there are: " + String.join(", ", names));
    }
    try {
      if (r != null && r.isPartition()) {
        main.out.println(name + " = " + format(values.evaluate(r.partition())));
        String beta = c.model().temperature() == null ? "" : "/" + c.model().temperature().name();
        main.out.println("-ln(" + name + ")" + beta + " = " + format(values.evaluate(energy)));
      } else {
        main.out.println(name + " = " + format(values.evaluate(energy)));
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return Main.OK;
  }

  static String format(double x) {
    return String.format(Locale.ROOT, "%.15g", x);
  }
}
