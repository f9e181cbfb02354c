package energy.cli;

import energy.Progress;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a command's work on a worker thread and watches it: the worker gets a deep stack (deeply
 * nested input recurses through the parser, the lowering and Symja), the watcher stops the run
 * after {@code --timeout}, shows progress on a terminal, and on Ctrl-C (a shutdown hook calls
 * {@link #interrupted}) says what was interrupted. The run's one side effect, writing its
 * results, goes through {@link #commit}: it happens entirely, or — once the run is stopped —
 * not at all.
 */
final class Supervisor {
  /** Address space reserved for the worker's stack; the system commits only the pages used. */
  static final long STACK_BYTES = 1L << 30;
  /** Progress appears only for work longer than this, so short runs stay quiet. */
  static final long PROGRESS_AFTER_MILLIS = 2000;

  private final PrintStream err;
  private final boolean showProgress;
  private final ReentrantLock commitLock = new ReentrantLock();
  private boolean finished; // guarded by commitLock: the results were written, or the run is stopped

  Supervisor(PrintStream err, boolean showProgress) {
    this.err = err;
    this.showProgress = showProgress;
  }

  /**
   * Runs {@code work} and returns its exit status; with a time limit (seconds, null for none)
   * that passes, prints why and returns {@link Main#TIMEOUT} without waiting for the worker.
   * Whatever the work throws is rethrown here, for the command line's one error handler.
   */
  int run(Double timeoutSeconds, Callable<Integer> work) {
    Object[] outcome = new Object[1];
    Thread worker =
        new Thread(
            null,
            () -> {
              Object o;
              try {
                o = work.call();
              } catch (Throwable t) {
                o = t;
              }
              synchronized (outcome) {
                outcome[0] = o;
              }
            },
            "energy-worker",
            STACK_BYTES);
    worker.setDaemon(true);
    long start = System.nanoTime();
    long limit = timeoutSeconds == null ? Long.MAX_VALUE : start + (long) (timeoutSeconds * 1e9);
    worker.start();
    String shown = null;
    try {
      while (worker.isAlive()) {
        long now = System.nanoTime();
        if (now >= limit) return stop("stopped after " + seconds(timeoutSeconds) + " s (--timeout)");
        worker.join(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(limit - now))));
        String stage = Progress.current();
        if (showProgress && worker.isAlive() && System.nanoTime() - start >= PROGRESS_AFTER_MILLIS * 1_000_000 && !stage.equals(shown)) {
          err.println("energy: " + stage + "…");
          shown = stage;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stop("interrupted");
    }
    Object o;
    synchronized (outcome) {
      o = outcome[0];
    }
    if (o instanceof RuntimeException e) throw e;
    if (o instanceof Error e) throw e;
    if (o instanceof Throwable t) throw new IllegalStateException(t);
    return (Integer) o;
  }

  /**
   * Writes the run's results, unless the run was stopped first; a stop that comes while they
   * are being written waits for the write to finish.
   */
  void commit(Runnable write) {
    commitLock.lock();
    try {
      if (finished) throw new Stopped();
      write.run();
      finished = true;
    } finally {
      commitLock.unlock();
    }
  }

  /** Ctrl-C (from the shutdown hook): says what was interrupted, if nothing was written yet. */
  void interrupted() {
    stop("interrupted");
  }

  private int stop(String why) {
    boolean locked;
    try {
      // A write in progress finishes first; a write that hangs (a full pipe) does not hold Ctrl-C up.
      locked = commitLock.tryLock(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      locked = false;
    }
    try {
      if (finished) return Main.OK;
      finished = true;
      err.println("energy: " + why + " while " + Progress.current() + "; nothing was written");
      return Main.TIMEOUT;
    } finally {
      if (locked) commitLock.unlock();
    }
  }

  private static String seconds(double s) {
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }

  /** Thrown on the worker when it tries to write after the run was stopped; nobody sees it. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }
}
