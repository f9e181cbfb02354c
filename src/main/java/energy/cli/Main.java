package energy.cli;

import energy.diag.CompileException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code energy compile|eval|check}. Exit codes: 0 success, 1 an error in the input or a
 * failed check, 2 a usage error, 70 an internal error (a bug: please report it).
 */
@Command(
    name = "energy",
    mixinStandardHelpOptions = true,
    version = "energy 0.1.0",
    description = "Computer algebra for Boltzmann machines: exact marginals, partition functions, LaTeX.",
    subcommands = {CompileCommand.class, EvalCommand.class, CheckCommand.class})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INPUT_ERROR = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 70;

  final PrintStream out;
  final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command: compile, eval or check");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, null, out, err));
  }

  /** Runs the CLI in-process, as tests do. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Main main = new Main(out, err);
    CommandLine cli = new CommandLine(main);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    // User errors are printed as diagnostics, everything else is a bug: one place decides.
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof CompileException ce) {
            err.print(ce.render());
            return INPUT_ERROR;
          }
          if (ex instanceof UserError ue) {
            err.println("energy: error: " + ue.getMessage());
            return INPUT_ERROR;
          }
          err.println("energy: internal error: " + ex);
          for (StackTraceElement e : ex.getStackTrace()) err.println("    at " + e);
          err.println("This is a bug in energy; please report it with the input that caused it.");
          return INTERNAL;
        });
    return cli.execute(args);
  }
}
