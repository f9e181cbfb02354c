package energy;

/**
 * What the tool is doing now, e.g. "compiling H1 (statement 3 of 5)": the compiler and the
 * checker name each stage as they enter it, and the command line shows it — as progress on a
 * terminal after a few seconds, and in the message when a run is stopped or runs out of memory.
 */
public final class Progress {
  private static volatile String stage = "starting";

  private Progress() {}

  /**
   * Enters a stage. A thread that was interrupted (Ctrl-C in the REPL) stops here, between
   * stages, by {@link Stopped}: the engine itself stops inside its own loops when interrupted.
   */
  public static void stage(String now) {
    stage = now;
    if (Thread.currentThread().isInterrupted()) throw new Stopped(now);
  }

  /** Thrown on an interrupted thread when it enters its next stage. */
  public static final class Stopped extends RuntimeException {
    public Stopped(String stage) {
      super("interrupted before " + stage, null, false, false);
    }
  }

  public static String current() {
    return stage;
  }
}
