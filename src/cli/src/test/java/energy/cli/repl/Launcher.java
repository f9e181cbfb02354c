package energy.cli.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher, {@code ./energy}, from the repository's top (the tests' working directory). */
final class Launcher {
  private Launcher() {}

  record Outcome(int status, String out, String err) {}

  /**
   * The launcher builds the jar when the sources are newer (in a fresh clone, the first call):
   * done once here, with time for Maven, so that the tests then time the tool only.
   */
  static synchronized void built() throws Exception {
    Process p = new ProcessBuilder("bash", "./energy", "--version").redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the launcher built the tool");
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.exitValue() == 0 && said.contains("energy"), said);
  }

  /** {@code ./energy ARGS < stdin}, the history kept in {@code dir}. */
  static Outcome run(Path dir, String stdin, String... args) throws Exception {
    Path in = Files.writeString(dir.resolve("stdin.txt"), stdin, StandardCharsets.UTF_8);
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = "./energy";
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder b =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(dir.resolve("stdout").toFile())
            .redirectError(dir.resolve("stderr").toFile());
    b.environment().put("ENERGY_REPL_HISTORY", dir.resolve("history").toString());
    Process p = b.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("./energy " + String.join(" ", args) + " did not end in 3 minutes");
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }
}
