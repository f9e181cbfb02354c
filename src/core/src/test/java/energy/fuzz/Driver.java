package energy.fuzz;

import energy.Compilation;
import energy.Compiler;
import energy.result.Result;
import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import energy.json.JsonRenderer;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import energy.verify.Checker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one program through the whole tool in-process — parse → compile → print (LaTeX, text,
 * JSON) → check — on a worker thread with a time bound, and classifies what went wrong:
 *
 * <ul>
 *   <li>{@code crash}: any exception or error other than a positioned {@link CompileException};
 *   <li>{@code unpositioned}: a CompileException whose diagnostics have no valid position, or
 *       that cannot be rendered;
 *   <li>{@code hang}: over the time bound, in CPU time of the worker (it is stopped and replaced);
 *   <li>{@code wrong}: a result that compiled but failed its own numeric check — a wrong answer;
 *   <li>{@code stdout}, {@code stderr}: text the engine printed on System.out / System.err.
 * </ul>
 *
 * A finding's key names its kind, the stage and where it happened (exception type and first frame
 * in {@code energy}, without line numbers), so one root cause keeps one key across runs.
 */
public final class Driver implements AutoCloseable {
  public record Finding(String kind, String key, String detail) {}

  /** {@code status}: "result" (compiled), "rejected" (positioned CompileException) or "finding". */
  public record Outcome(String status, List<Finding> findings, String message, long millis) {
    public boolean ok() {
      return findings.isEmpty();
    }
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<ByteArrayOutputStream[]> CAPTURE = new ThreadLocal<>();
  private static boolean installed;

  private long timeoutMillis;
  private int stops;
  private final int samples;
  private ExecutorService executor;
  private Thread worker;
  private int workers;

  public Driver(long timeoutMillis, int samples) {
    this.timeoutMillis = timeoutMillis;
    this.samples = samples;
    // The engine's logging announces itself on stderr at its first use: let that be here, not
    // inside the first case, where it would count as a finding (--replay has no warm-up).
    energy.algebra.Symja.eval(org.matheclipse.core.expression.F.C1);
    installCapture();
    newWorker();
  }

  /** Routes System.out/err of worker threads into per-case buffers; other threads print as before. */
  private static synchronized void installCapture() {
    if (installed) return;
    installed = true;
    System.setOut(new PrintStream(new Router(System.out, 0), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Router(System.err, 1), true, StandardCharsets.UTF_8));
  }

  private static final class Router extends OutputStream {
    private final PrintStream original;
    private final int which;

    Router(PrintStream original, int which) {
      this.original = original;
      this.which = which;
    }

    @Override
    public void write(int b) {
      ByteArrayOutputStream[] c = CAPTURE.get();
      if (c != null) c[which].write(b);
      else original.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ByteArrayOutputStream[] c = CAPTURE.get();
      if (c != null) c[which].write(b, off, len);
      else original.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      original.flush();
    }
  }

  private void newWorker() {
    int id = ++workers;
    executor =
        Executors.newSingleThreadExecutor(
            task -> {
              // The CLI runs with -Xss8m; so does the worker.
              Thread t = new Thread(null, task, "fuzz-worker-" + id, 8L << 20);
              t.setDaemon(true);
              worker = t;
              return t;
            });
  }

  public Outcome run(String path, String text) {
    long start = System.nanoTime();
    String[] stage = {"compile"};
    long[] cpuStart = {-1};
    Future<Outcome> f =
        executor.submit(
            () -> {
              cpuStart[0] = CPU.getCurrentThreadCpuTime();
              return runHere(path, text, stage, start);
            });
    try {
      // The bound is on the worker's CPU time, so a loaded machine does not make hangs; wall
      // time gets ten times the bound (a case blocked on something else is a hang too).
      while (true) {
        try {
          return f.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          long cpu = cpuStart[0] < 0 ? 0 : CPU.getThreadCpuTime(worker.getId()) - cpuStart[0];
          if (cpu > timeoutMillis * 1_000_000 || millis(start) > 10 * timeoutMillis) throw e;
        }
      }
    } catch (TimeoutException e) {
      Thread t = worker;
      StackTraceElement[] trace = t.getStackTrace();
      stop(t);
      stops++;
      executor.shutdownNow();
      newWorker();
      String where = firstEnergyFrame(trace);
      return new Outcome(
          "finding",
          List.of(new Finding("hang", "hang/" + stage[0] + ":" + where, "over " + timeoutMillis + " ms of CPU time (" + millis(start) + " ms wall) in " + stage[0] + "\n" + traceText(trace, 25))),
          null,
          millis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("driver failure", e.getCause());
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread t) {
    t.interrupt();
    try {
      t.stop(); // Java 17: still works; a hung Symja evaluation checks no interrupt flag.
    } catch (UnsupportedOperationException e) {
      // Newer JDKs: the daemon thread is abandoned.
    }
  }

  private Outcome runHere(String path, String text, String[] stage, long start) {
    ByteArrayOutputStream[] capture = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    CAPTURE.set(capture);
    String[] printedIn = new String[2]; // the stage in which each stream was first written to
    List<Finding> findings = new ArrayList<>();
    String status = "result";
    String message = null;
    try {
      Compilation c;
      try {
        c = Compiler.compile(new Source(path, text));
      } catch (CompileException e) {
        status = "rejected";
        message = e.getMessage();
        Finding bad = positioned(e, text);
        if (bad != null) findings.add(bad);
        c = null;
      }
      if (c != null) {
        noteOutput(capture, printedIn, stage[0]);
        stage[0] = "print";
        List<Compilation> list = List.of(c);
        LatexRenderer.paper(Presenter.present(list));
        LatexRenderer.standalone(Presenter.present(list));
        LatexRenderer.web(Presenter.present(list));
        TextRenderer.render(Presenter.present(list));
        new JsonRenderer().render(list);
        noteOutput(capture, printedIn, stage[0]);
        stage[0] = "check";
        for (Checker.Report r : Checker.check(c, samples, 1))
          if (!r.passed())
            findings.add(
                new Finding(
                    "wrong",
                    "wrong:" + resultKind(c, r.name()) + ":" + r.measure(),
                    String.format(
                        Locale.ROOT,
                        "%s %s: weights %.2e correlators %.2e couplings %.2e %s",
                        r.name(), r.measure(), r.weightError(), r.correlatorError(), r.couplingError(), r.detail() == null ? "" : r.detail())));
      }
    } catch (Throwable e) {
      findings.add(crash(stage[0], e));
    } finally {
      CAPTURE.remove();
    }
    noteOutput(capture, printedIn, stage[0]);
    String out = capture[0].toString(StandardCharsets.UTF_8), err = capture[1].toString(StandardCharsets.UTF_8);
    if (!out.isEmpty()) findings.add(new Finding("stdout", "stdout/" + printedIn[0] + ":" + normalize(firstLine(out)), out.length() > 2000 ? out.substring(0, 2000) : out));
    if (!err.isEmpty()) findings.add(new Finding("stderr", "stderr/" + printedIn[1] + ":" + normalize(firstLine(err)), err.length() > 2000 ? err.substring(0, 2000) : err));
    return new Outcome(findings.isEmpty() ? status : "finding", findings, message, millis(start));
  }

  private static void noteOutput(ByteArrayOutputStream[] capture, String[] printedIn, String stage) {
    for (int i = 0; i < 2; i++) if (printedIn[i] == null && capture[i].size() > 0) printedIn[i] = stage;
  }

  /** Null when every diagnostic has a position inside the text and renders; else a finding. */
  private static Finding positioned(CompileException e, String text) {
    String problem = null;
    if (e.diagnostics().isEmpty()) problem = "no diagnostics";
    for (Diagnostic d : e.diagnostics()) {
      if (d.span() == null || d.span().source() == null) problem = "no span";
      else if (d.span().start() < 0 || d.span().start() > text.length() || d.span().end() < d.span().start())
        problem = "span outside the text";
      else if (d.message() == null || d.message().isBlank()) problem = "empty message";
      if (problem != null) break;
    }
    if (problem == null) {
      try {
        e.render();
      } catch (Throwable t) {
        return crash("render", t);
      }
      return null;
    }
    return new Finding("unpositioned", "unpositioned:" + problem + ":" + normalize(String.valueOf(e.getMessage())), e.toString());
  }

  /**
   * Whether stopping a hung worker may have broken this JVM: a class whose static initializer was
   * interrupted fails from then on with NoClassDefFoundError. Later findings are then not trusted.
   */
  public boolean poisoned(Outcome o) {
    return stops > 0 && o.findings().stream().anyMatch(f -> f.detail().contains("NoClassDefFoundError") || f.detail().contains("ExceptionInInitializerError"));
  }

  /** Runs programs once with a generous bound, so class initialization is over before a timed case can be stopped in it. */
  public void warmUp(List<java.nio.file.Path> files) {
    long saved = timeoutMillis;
    timeoutMillis = Math.max(timeoutMillis, 300_000);
    try {
      for (java.nio.file.Path f : files) run(f.toString(), java.nio.file.Files.readString(f));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      timeoutMillis = saved;
    }
  }

  private static Finding crash(String stage, Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String top = trace.length == 0 ? "?" : frame(trace[0]);
    String key = "crash/" + stage + ":" + e.getClass().getSimpleName() + "@" + firstEnergyFrame(trace);
    return new Finding("crash", key, e + "\n  top " + top + "\n" + traceText(trace, 20));
  }

  /** The statement kind of a report's result; reports name it "NAME" or "what NAME". */
  private static String resultKind(Compilation c, String reportName) {
    String name = reportName.substring(reportName.lastIndexOf(' ') + 1);
    for (Result r : c.results()) if (r.name().equals(name)) return r.accept(KIND);
    return "other";
  }

  /** The statement kind in findings' keys: the query's class, matrix-… and rg-… for the other pipelines' results. */
  private static final Result.Visitor<String> KIND =
      new Result.Visitor<>() {
        public String marginal(energy.result.Marginal r) {
          return r.query().getClass().getSimpleName();
        }

        public String partitionFunction(energy.result.PartitionFunction r) {
          return r.query().getClass().getSimpleName();
        }

        public String couplings(energy.result.Couplings r) {
          return r.query().getClass().getSimpleName();
        }

        public String expansion(energy.result.Expansion r) {
          return r.query().getClass().getSimpleName();
        }

        public String expandedCouplings(energy.result.ExpandedCouplings r) {
          return r.query().getClass().getSimpleName();
        }

        public String priorCumulants(energy.result.PriorCumulants r) {
          return r.query().getClass().getSimpleName();
        }

        public String momentIdentity(energy.result.MomentIdentity r) {
          return r.query().getClass().getSimpleName();
        }

        public String kernel(energy.result.Kernel r) {
          return r.query().getClass().getSimpleName();
        }

        public String matrixMarginal(energy.result.MatrixMarginal r) {
          return "matrix-" + r.query().getClass().getSimpleName();
        }

        public String rgStep(energy.result.RgStep r) {
          return "rg-" + r.step().scheme().word;
        }

        public String coefficient(energy.result.Coefficient r) {
          return r.query().getClass().getSimpleName();
        }

        public String substitution(energy.result.Substitution r) {
          return r.query().getClass().getSimpleName();
        }

        public String derivative(energy.result.Derivative r) {
          return r.query().getClass().getSimpleName();
        }

        public String evaluation(energy.result.Evaluation r) {
          return r.query().getClass().getSimpleName();
        }

        public String verification(energy.result.Verification r) {
          return r.query().getClass().getSimpleName();
        }
      };

  /** The first frame in the tool itself (class.method, no line number), where the cause usually is. */
  static String firstEnergyFrame(StackTraceElement[] trace) {
    for (StackTraceElement e : trace)
      if (e.getClassName().startsWith("energy.") && !e.getClassName().startsWith("energy.fuzz.")) return frame(e);
    return trace.length == 0 ? "?" : frame(trace[0]);
  }

  private static String frame(StackTraceElement e) {
    String method = e.getMethodName().replaceAll("\\$\\d+$", "");
    String cls = e.getClassName().replaceAll("\\$\\d+", "").replaceAll("\\$\\$Lambda.*", "");
    return cls + "." + method;
  }

  private static String traceText(StackTraceElement[] trace, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(max, trace.length); i++) s.append("    at ").append(trace[i]).append('\n');
    return s.toString();
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  /** Quoted names and numbers replaced, so messages about different inputs share a key. */
  static String normalize(String s) {
    String t = s.replaceAll("'[^']*'", "'_'").replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("[0-9]+", "#");
    return t.length() > 80 ? t.substring(0, 80) : t;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
