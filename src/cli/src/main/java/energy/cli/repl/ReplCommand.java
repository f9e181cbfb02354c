package energy.cli.repl;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code energy repl [FILE…]}: an interactive session on a terminal, a script read from standard
 * input otherwise. Files given are loaded first.
 */
@Command(
    name = "repl",
    mixinStandardHelpOptions = true,
    description = {
      "Statements one at a time, each result printed at once; :help lists the commands.",
      "Without a terminal on standard input, runs it as a script: exit status 1 if any entry failed.",
      "History: $ENERGY_REPL_HISTORY, -Denergy.repl.history, or ~/.energy_history."
    })
public final class ReplCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "files to load first")
  List<Path> files = List.of();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Repl repl = new Repl(out, err);
    boolean failed = false;
    for (Path f : files) failed |= new Worker().run(() -> repl.loadFile(f)) == Repl.Status.FAILED;
    if (System.console() != null) return Interactive.run(repl, historyFile(), out);
    int status = ScriptMode.run(repl, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    return failed ? 1 : status;
  }

  /** Where the history is kept: set apart for tests by the environment or a system property. */
  static Path historyFile() {
    String path = System.getProperty("energy.repl.history", System.getenv("ENERGY_REPL_HISTORY"));
    return path != null && !path.isEmpty() ? Path.of(path) : Path.of(System.getProperty("user.home"), ".energy_history");
  }
}
