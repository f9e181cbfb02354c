package energy.cli.render;

import energy.api.Energy;
import energy.api.Format;
import energy.api.Session;
import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Span;
import energy.verify.Checker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the energy blocks of one document through one session, so a later block may use what
 * an earlier one declared; messages name the document and its lines (each block's {@link Block#at}).
 */
public final class BlockRenderer {
  /** One result as it will be shown. */
  public record Result(String name, String math) {}

  /** A block's results to show, in order. */
  public record Rendered(Block block, List<Result> results) {}

  private record Check(String name, Span at) {}

  /** How a result is checked: {@link energy.api.Document#check(String, int, long)}, or a test's stand-in. */
  interface Verifier {
    List<Checker.Report> check(Session session, String name, int samples, long seed);
  }

  private final Format format;
  private final int samples;
  private final long seed;
  private final PrintStream notes;
  private final Verifier verifier;

  /**
   * @param samples, seed for the blocks with the option {@code check}
   * @param notes where notes go (a check skipped, with its reason)
   */
  public BlockRenderer(Format format, int samples, long seed, PrintStream notes) {
    this(format, samples, seed, notes, (session, name, n, s) -> session.document().check(name, n, s));
  }

  BlockRenderer(Format format, int samples, long seed, PrintStream notes, Verifier verifier) {
    this.verifier = verifier;
    this.format = format;
    this.samples = samples;
    this.seed = seed;
    this.notes = notes;
  }

  /** Every block's results; the first error in a block, or a failed check, raises {@link CompileException}. */
  public List<Rendered> render(List<Block> blocks) {
    Session session = Energy.session();
    List<Rendered> out = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    for (Block b : blocks) {
      List<String> own = session.submit(b.code(), b.at().source().path(), b.firstLine());
      List<String> shown = shown(b, own, session.resultNames());
      List<Result> results = new ArrayList<>();
      for (String name : shown) results.add(new Result(name, session.render(name, format, b.options().steps())));
      out.add(new Rendered(b, results));
      if (b.options().check() != null) {
        // What the block computes, and what it shows from earlier blocks.
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(own);
        names.addAll(shown);
        for (String name : names) checks.add(new Check(name, b.options().check()));
      }
    }
    check(session, checks);
    return out;
  }

  /** The names a block shows: its own results, or those its {@code show} option names (any so far). */
  private static List<String> shown(Block b, List<String> own, List<String> all) {
    if (b.options().show() == null) return own;
    List<String> names = new ArrayList<>();
    for (Options.Name n : b.options().show()) {
      if (!all.contains(n.name()))
        throw Options.error(
            n.span(),
            "no result named '" + n.name() + "' in this block or an earlier one",
            all.isEmpty() ? "the blocks so far compute no result" : "results so far: " + String.join(", ", all));
      names.add(n.name());
    }
    return names;
  }

  /** Verifies the requested results once every block is in; all mismatches are reported together. */
  private void check(Session session, List<Check> checks) {
    List<Diagnostic> failures = new ArrayList<>();
    for (Check c : checks)
      for (Checker.Report r : verifier.check(session, c.name(), samples, seed)) {
        if (r.skipped() != null) notes.println(c.at() + ": note: the check of " + r.name() + " was skipped: " + r.skipped());
        else if (!r.passed()) failures.add(new Diagnostic(c.at(), "the numerical check of " + r.name() + " failed: " + describe(r), HINT));
      }
    if (!failures.isEmpty()) throw new CompileException(failures);
  }

  private static final String HINT =
      "the result disagrees with an independent numerical route (enumeration, quadrature); please report it with this block";

  private String describe(Checker.Report r) {
    if (r.detail() != null) return r.measure() + ": " + r.detail() + " (seed " + seed + ")";
    return String.format(Locale.ROOT, "%s: max rel. error %.1e (seed %d)", r.measure(), r.weightError(), seed);
  }
}
