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
 * failed check, 2 a usage error, 70 an internal error (a bug: please report it) or the memory
 * or stack exhausted, 124 stopped by {@code --timeout}, 130 interrupted by Ctrl-C (143 by a
 * SIGTERM). A run that fails or is stopped writes nothing.
 */
@Command(
    name = "energy",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Computer algebra for Boltzmann machines: exact marginals, partition functions, LaTeX.",
    subcommands = {CompileCommand.class, EvalCommand.class, CheckCommand.class, RenderCommand.class, energy.cli.repl.ReplCommand.class})
public final class Main implements Runnable {
  /** {@code --version}: the library's one version string. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"energy " + energy.api.Energy.version()};
    }
  }

  public static final int OK = 0;
  public static final int INPUT_ERROR = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 70;
  public static final int TIMEOUT = 124;

  /** Heap set aside so that the out-of-memory message can still be printed. */
  private static byte[] reserve = new byte[8 << 20];
  /** The run in progress, for the Ctrl-C hook. */
  private static volatile Supervisor current;

  final PrintStream out;
  final PrintStream err;

  final boolean showProgress;

  Main(PrintStream out, PrintStream err, boolean showProgress) {
    this.out = out;
    this.err = err;
    this.showProgress = showProgress;
  }

  /** Runs a command's work under a {@link Supervisor} (deep stack, time limit, progress). */
  int supervise(Double timeoutSeconds, java.util.concurrent.Callable<Integer> work) {
    Supervisor s = new Supervisor(err, showProgress);
    current = s;
    try {
      return s.run(timeoutSeconds, work);
    } finally {
      current = null;
    }
  }

  /** Writes the results of the run in progress: entirely, or not at all once it was stopped. */
  void commit(Runnable write) {
    Supervisor s = current;
    if (s == null) write.run();
    else s.commit(write);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command: compile, eval or check");
  }

  public static void main(String[] args) {
    energy.algebra.Symja.configure(); // before anything touches the engine
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    // Standard output carries only results: what a library prints there (Symja does) goes nowhere.
    System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
    // Memory or stack exhausted on another thread (Symja starts its own): the same message, and stop.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) Runtime.getRuntime().halt(exhausted((Error) e, err));
          err.println("energy: internal error on thread " + thread.getName() + ": " + e);
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Supervisor s = current;
                  if (s != null) s.interrupted();
                }));
    System.exit(run(args, null, out, err, isTerminal(2)));
  }

  /** Runs the CLI in-process, as tests do. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, false);
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean showProgress) {
    try {
      return execute(args, out, err, showProgress);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return exhausted(e, err);
    }
  }

  /**
   * The one place that handles exhausted memory or stack, wherever it happened: a message with
   * the stage and what to try, no stack trace, status {@link #INTERNAL}.
   */
  static int exhausted(Error e, PrintStream err) {
    reserve = null;
    if (e instanceof OutOfMemoryError)
      err.println(
          "energy: out of memory while " + energy.Progress.current()
              + "; try fewer units or smaller sizes, or give Java more memory, e.g. JAVA_TOOL_OPTIONS=-Xmx8g");
    else
      err.println(
          "energy: an expression is nested too deeply (stack exhausted) while " + energy.Progress.current()
              + "; try splitting it into several energies, or index sums");
    try {
      reserve = new byte[8 << 20]; // for the next in-process run (tests)
    } catch (OutOfMemoryError stillShort) {
      reserve = null;
    }
    return INTERNAL;
  }

  /** Whether a file descriptor of this process is a terminal (Linux; elsewhere: false, so no progress). */
  static boolean isTerminal(int fd) {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static int execute(String[] args, PrintStream out, PrintStream err, boolean showProgress) {
    Main main = new Main(out, err, showProgress);
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
