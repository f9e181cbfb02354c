package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a separate process: what reaches standard output, signals, time limits. */
class ProcessTest {
  record Outcome(int status, String out, String err) {}

  static Process start(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
        "energy.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
  }

  static Outcome finish(Process p, Path dir) throws Exception {
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process ended");
    return new Outcome(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8), Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }

  /**
   * A genuinely long computation (about a minute of CPU): the exact couplings of 7 visible spins
   * and one binary hidden unit, 2⁷ softplus values projected onto each of the 2⁷ monomials.
   */
  static Path slowModel(Path dir) throws Exception {
    return Files.writeString(
        dir.resolve("slow.energy"),
        "dim n = 7, m = 1\nspin v[n]\nbinary h[m]\nparam W[n,m], b[m]\nenergy E(v, h) = -v.W.h - b.h\n"
            + "F = marginalize E over h\ncouplings F\n");
  }

  /**
   * Symja prints "Power: Infinite expression 1/0 encountered." to System.out; it must not reach
   * ours. 1/(1 + s) meets 1/0 inside the sum over s = −1, and the infinite result is an error.
   */
  @Test
  void standardOutputCarriesOnlyTheResult(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("inf.energy"), "spin s\nparam J\nenergy H(s) = -J/(1+s)\nZ = partition H\n");
    Outcome o = finish(start(dir, "compile", "--format", "text", in.toString()), dir);
    assertEquals("", o.out());
    assertEquals(1, o.status(), o.err());
    assertFalse(o.err().contains("Infinite expression") || o.err().contains("Power:"), o.err());
    assertTrue(o.err().contains(":4:1: error: the energy is not finite here"), o.err());
  }

  @Test
  void ctrlCStopsCleanlyWritesNothingAndSaysWhere(@TempDir Path dir) throws Exception {
    Path in = slowModel(dir), out = dir.resolve("slow.tex");
    Process p = start(dir, "compile", "-o", out.toString(), in.toString());
    Thread.sleep(6000);
    assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
    Outcome o = finish(p, dir);
    assertEquals(130, o.status(), o.err());
    // The stage depends on how far the (shared, busy) machine got in 6 s.
    assertTrue(o.err().matches("energy: interrupted while [^\n]+; nothing was written\n"), o.err());
    assertFalse(Files.exists(out));
    assertEquals("", o.out());
  }

  @Test
  void timeoutStopsTheProcessWithStatus124(@TempDir Path dir) throws Exception {
    Path in = slowModel(dir), out = dir.resolve("slow.tex");
    long start = System.nanoTime();
    Outcome o = finish(start(dir, "compile", "--timeout", "5", "-o", out.toString(), in.toString()), dir);
    assertEquals(Main.TIMEOUT, o.status(), o.err());
    assertTrue(System.nanoTime() - start < 30_000_000_000L);
    assertTrue(o.err().matches("energy: stopped after 5 s \\(--timeout\\) while [^\n]+; nothing was written\n"), o.err());
    assertFalse(Files.exists(out));
  }
}
