package energy.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./energy repl} on a real terminal: tmux runs it, the test types into it and reads the
 * screen. tmux is required under CI (.ci/run installs it); elsewhere the test is skipped without it.
 */
class ReplTerminalTest {
  private final String session = "energy-repl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  /** The socket of a tmux server of the test's own, in its temporary directory, so no other server is touched. */
  private Path socket;

  @BeforeAll
  static void tmuxAndBuild() throws Exception {
    boolean have;
    try {
      have = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (java.io.IOException e) {
      have = false;
    }
    if (!have && System.getenv("CI") != null) throw new AssertionError("tmux is not installed (CI must install it)");
    Assumptions.assumeTrue(have, "tmux is not installed");
    Launcher.built();
  }

  private String tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux answered");
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", session, "-l", text);
  }

  private void press(String key) throws Exception {
    tmux("send-keys", "-t", session, key);
  }

  /** The screen and its scroll-back (tmux drops the blanks at the ends of lines: "energy>", not "energy> "). */
  private String screen() throws Exception {
    return tmux("capture-pane", "-p", "-t", session, "-S", "-300");
  }

  /** Waits until the screen shows {@code text} {@code times} times; fails with the screen after {@code seconds}. */
  private String await(String text, int times, double seconds) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    String s = "";
    while (System.nanoTime() < deadline) {
      s = screen();
      if (count(s, text) >= times) return s;
      Thread.sleep(100);
    }
    throw new AssertionError("the screen did not show '" + text + "' " + times + " time(s) in " + seconds + " s:\n" + s);
  }

  private static int count(String s, String text) {
    int n = 0;
    for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) n++;
    return n;
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void multiLineStatementCompletionAndCtrlC(@TempDir Path dir) throws Exception {
    Path history = dir.resolve("history");
    socket = dir.resolve("tmux.sock");
    long start = System.nanoTime();
    try {
      tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", "-c", System.getProperty("user.dir"),
          "ENERGY_REPL_HISTORY=" + history + " bash ./energy repl; echo REPL-EXITED=$?; sleep 120");
      await("energy>", 1, 120);
      for (String line : List.of("model M", "real x", "param c")) {
        type(line);
        press("Enter");
      }
      await("energy>", 4, 30);
      // \bet<TAB> writes β; the statement says beta.
      type("temperature \\bet");
      press("Tab");
      await("temperature β", 1, 10);
      press("Enter");
      await("energy>", 5, 30);
      // An operator at the end of the line: the parser wants more, a continuation prompt.
      type("energy H(x) = c*x^2/2 -");
      press("Enter");
      await("   ...>", 1, 30);
      type("  x");
      press("Enter");
      await("energy>", 6, 30);
      // Completion of a keyword and of the energy's name.
      type("Z = parti");
      press("Tab");
      await("Z = partition", 1, 10);
      type("H");
      press("Enter");
      String s = await("Out[1]: Z = ", 1, 60);
      assertTrue(s.contains("Out[1]: Z = exp(β/(2c))·√(2π/(β·c))"), s);
      await("energy>", 7, 30);
      // Ctrl-C during a long computation (a symbolic 6×6 Gaussian integral: minutes).
      type("dim n = 6");
      press("Enter");
      type("real u[n]");
      press("Enter");
      type("param A[n,n]");
      press("Enter");
      type("energy G(u) = 1/2*u.A.u");
      press("Enter");
      await("energy>", 11, 30);
      type("Z6 = partition G");
      press("Enter");
      Thread.sleep(3000);
      assertEquals(11, count(screen(), "energy>"), "still computing");
      long interrupt = System.nanoTime();
      press("C-c");
      await("interrupted; the session is as it was before this entry", 1, 10);
      double stopSeconds = (System.nanoTime() - interrupt) / 1e9;
      await("energy>", 12, 10);
      // The session goes on: % is still Z.
      type(":text %");
      press("Enter");
      s = await("Z = exp(β/(2c))·√(2π/(β·c))", 2, 30);
      press("C-d");
      await("REPL-EXITED=0", 1, 20);
      System.out.printf("tmux REPL test: %.1f s in all, Ctrl-C answered in %.2f s%n", (System.nanoTime() - start) / 1e9, stopSeconds);
      String kept = Files.readString(history, StandardCharsets.UTF_8);
      assertTrue(kept.contains("Z6 = partition G") && kept.contains("temperature β"), kept);
    } finally {
      tmux("kill-server"); // the test's own server: its session and the REPL in it end
    }
  }
}
