package energy.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code :steps NAME}: a result after its derivation, as {@code compile --steps --format text} prints it. */
class ReplStepsTest {
  @Test
  void stepsOfAResultTypedInTheSession() throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    Repl repl = new Repl(new PrintWriter(out), new PrintWriter(err));
    for (String line : Files.readAllLines(Path.of("examples/dbm3.energy"), StandardCharsets.UTF_8)) assertEquals(Repl.Status.DONE, repl.accept(line), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(Repl.Status.DONE, repl.accept(":steps H0"), err.toString());
    String golden = Files.readString(Path.of("examples/steps/dbm3.txt"));
    String h0 = golden.substring(golden.indexOf("How H₀ is obtained."));
    assertEquals(h0, out.toString());
    out.getBuffer().setLength(0);
    assertEquals(Repl.Status.DONE, repl.accept(":st %1"), err.toString());
    assertTrue(out.toString().startsWith("How H₁ is obtained. Integrate out z₁"), out.toString());
    assertEquals(Repl.Status.FAILED, repl.accept(":steps"));
    assertTrue(err.toString().contains("this command needs a result: :steps NAME"), err.toString());
    out.getBuffer().setLength(0);
    repl.accept(":help");
    assertTrue(out.toString().contains(":steps NAME"), out.toString());
    assertTrue(Interactive.candidates(repl, ":st", true).stream().anyMatch(c -> c.value().equals(":steps")));
  }

  /** A model in matrix notation: the steps of H₀ as the golden shows them. */
  @Test
  void stepsInMatrixNotation() throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    Repl repl = new Repl(new PrintWriter(out), new PrintWriter(err));
    for (String line : Files.readAllLines(Path.of("examples/dbm3-symbolic.energy"), StandardCharsets.UTF_8))
      assertEquals(Repl.Status.DONE, repl.accept(line), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(Repl.Status.DONE, repl.accept(":steps H0"), err.toString());
    String golden = Files.readString(Path.of("examples/steps/dbm3-symbolic.txt"));
    assertEquals(golden.substring(golden.indexOf("How H₀ is obtained.")), out.toString());
  }
}
