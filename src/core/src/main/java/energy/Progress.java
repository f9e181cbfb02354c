package energy;

/**
 * What the tool is doing now, e.g. "compiling H1 (statement 3 of 5)": the compiler and the
 * checker name each stage as they enter it, and the command line shows it — as progress on a
 * terminal after a few seconds, and in the message when a run is stopped or runs out of memory.
 */
public final class Progress {
  private static volatile String stage = "starting";

  private Progress() {}

  public static void stage(String now) {
    stage = now;
  }

  public static String current() {
    return stage;
  }
}
