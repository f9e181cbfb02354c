package energy.cli;

import energy.Compilation;
import energy.verify.Checker;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Verify every result numerically by an independent route: brute-force enumeration of"
            + " discrete units and quadrature over real units, at random parameter values.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin TimeoutOption timeout;
  @picocli.CommandLine.Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--samples", defaultValue = "10", description = "random parameter draws per result (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the random draws (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (samples < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 1, not " + samples);
    Double seconds = timeout.seconds(spec);
    return main.supervise(seconds, this::check);
  }

  /** The report is written once complete, so that a stopped check prints nothing. */
  private Integer check() {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
    boolean ok = true;
    int skipped = 0;
    for (Compilation c : Inputs.compileAll(files)) {
      energy.Progress.stage("checking " + c.model().source().path());
      out.println(c.model().source().path() + " (seed " + seed + ", " + samples + " samples, tolerance " + Checker.TOLERANCE + ")");
      for (Checker.Report r : Checker.check(c, samples, seed)) {
        if (r.skipped() != null) {
          out.printf(Locale.ROOT, "  %-11s skipped: %s%n", r.name(), r.skipped());
          skipped++;
          continue;
        }
        if (r.detail() != null) {
          out.printf(Locale.ROOT, "  %-11s %s: %s   %s%n", r.name(), r.measure(), r.detail(), r.passed() ? "ok" : "FAILED");
          ok &= r.passed();
          continue;
        }
        String correlators =
            !r.measure().equals("weights")
                ? ""
                : Double.isNaN(r.correlatorError())
                ? "   correlators: none (fewer than 2 discrete units left)"
                : String.format(Locale.ROOT, "   correlators: max abs. error %.1e", r.correlatorError());
        String couplings =
            Double.isNaN(r.couplingError())
                ? ""
                : String.format(Locale.ROOT, "   couplings vs brute-force projection: max rel. error %.1e", r.couplingError());
        out.printf(
            Locale.ROOT,
            "  %-11s %s: max rel. error %.1e%s%s   %s%n",
            r.name(), r.measure(), r.weightError(), correlators, couplings, r.passed() ? "ok" : "FAILED");
        ok &= r.passed();
      }
    }
    // A skipped result is not a verified one: say so, and let the exit status stay 0 (no mismatch).
    out.println(!ok ? "verification FAILED" : skipped == 0 ? "all results verified" : "verified, except " + skipped + " result(s) skipped (see above)");
    main.commit(() -> main.out.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8)));
    return ok ? Main.OK : Main.INPUT_ERROR;
  }
}
