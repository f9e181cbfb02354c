package energy.cli.repl;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one entry of the REPL on a thread of its own — with the deep stack the command line's
 * worker has (deeply nested input recurses through the parser and the engine) — so that Ctrl-C
 * can stop it and return to the prompt. Stopping is cooperative: the thread is interrupted, the
 * engine's evaluation loop notices (Symja's EvalEngine throws its TimeoutException on an
 * interrupted thread) and so does the pipeline between stages ({@link energy.Progress#stage}).
 * Only a computation that has not ended after {@link #GRACE_MILLIS} is stopped with
 * {@link Thread#stop()} where Java still has it (17–19). What it left behind is discarded (the
 * REPL compiles its log again). An entry's effect on the REPL's
 * state goes through {@link #commit}: it happens entirely, or — once stopped — not at all.
 */
final class Worker {
  static final long STACK_BYTES = 1L << 30;
  /** How long an interrupted computation may take to notice before it is stopped. */
  static final long GRACE_MILLIS = 500;
  private static final java.util.concurrent.atomic.AtomicInteger FORCED = new java.util.concurrent.atomic.AtomicInteger();

  private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

  private final ReentrantLock commitLock = new ReentrantLock();
  private boolean cancelled; // guarded by commitLock
  private volatile Thread thread;

  /** Thrown by {@link #run} when the entry was stopped by {@link #cancel}. */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("interrupted", null, false, false);
    }
  }

  /** Runs {@code task} and returns its value; what it throws is rethrown here. */
  <T> T run(Callable<T> task) {
    Object[] outcome = new Object[1];
    Thread t =
        new Thread(
            null,
            () -> {
              CURRENT.set(this);
              Object o;
              try {
                o = task.call();
              } catch (Throwable e) {
                o = e;
              }
              synchronized (outcome) {
                outcome[0] = o;
              }
            },
            "energy-repl-worker",
            STACK_BYTES);
    t.setDaemon(true);
    thread = t;
    t.start();
    boolean interrupted = false;
    while (t.isAlive() && !isCancelled()) {
      try {
        t.join(50);
      } catch (InterruptedException e) {
        interrupted = true; // the front end's thread: wait for the worker all the same
      }
    }
    if (isCancelled()) {
      // Give the interrupted computation its grace to end by itself, so the next entry starts alone.
      try {
        t.join(GRACE_MILLIS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    Object o;
    synchronized (outcome) {
      o = outcome[0];
    }
    if (isCancelled()) throw new Cancelled();
    if (o instanceof RuntimeException e) throw e;
    if (o instanceof Error e) throw e;
    if (o instanceof Throwable e) throw new IllegalStateException(e);
    @SuppressWarnings("unchecked")
    T value = (T) o;
    return value;
  }

  private boolean isCancelled() {
    commitLock.lock();
    try {
      return cancelled;
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Stops the entry in progress (from Ctrl-C's handler), unless it is committing its effect, which
   * finishes first. Returns at once; {@link #run} then throws {@link Cancelled}.
   */
  @SuppressWarnings("removal")
  void cancel() {
    Thread t = thread;
    if (t == null || !t.isAlive()) return;
    commitLock.lock();
    try {
      cancelled = true;
    } finally {
      commitLock.unlock();
    }
    t.interrupt();
    Thread stopper =
        new Thread(
            () -> {
              try {
                t.join(GRACE_MILLIS);
                if (t.isAlive()) {
                  FORCED.incrementAndGet();
                  t.stop(); // the last resort: the computation did not notice the interrupt
                }
              } catch (InterruptedException | UnsupportedOperationException e) {
                // Java 20+ has no Thread.stop: the computation runs on unseen, its result discarded.
              }
            },
            "energy-repl-stopper");
    stopper.setDaemon(true);
    stopper.start();
  }

  /** How many computations had to be stopped by force (they ignored the interrupt), for tests. */
  static int forcedStops() {
    return FORCED.get();
  }

  /**
   * Applies an entry's effect on the REPL's state: on the worker of an entry that was cancelled,
   * not at all; outside a worker (tests), at once.
   */
  static void commit(Runnable effect) {
    Worker w = CURRENT.get();
    if (w == null) {
      effect.run();
      return;
    }
    w.commitLock.lock();
    try {
      if (w.cancelled) throw new Cancelled();
      effect.run();
    } finally {
      w.commitLock.unlock();
    }
  }
}
