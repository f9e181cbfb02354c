package energy.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.api.Energy;
import energy.api.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./energy repl < script}: script mode through the real launcher, exit codes checked. */
class ReplLauncherTest {
  @BeforeAll
  static void build() throws Exception {
    Launcher.built();
  }

  @Test
  void aScriptThatSucceedsExitsZeroWithItsResultsInOrder(@TempDir Path dir) throws Exception {
    String pair = Files.readString(Path.of("examples/pair.energy"), StandardCharsets.UTF_8);
    String script = "# the pair example, typed\n" + pair.replace("Heff = marginalize H over y", "Heff = marginalize H\n  over y") + ":text %1\n";
    Launcher.Outcome o = Launcher.run(dir, script, "repl");
    assertEquals("", o.err());
    assertEquals(0, o.status());
    var d = Energy.compile(pair, "pair.energy");
    String heff = d.render("Heff", Format.TEXT), z = d.render("Z", Format.TEXT);
    assertEquals("Out[1]: " + heff + "Out[2]: " + z + heff, o.out());
    assertFalse(o.out().contains("energy>"), "no prompt in script mode");
    assertFalse(o.out().contains("\u001b["), "no colour in script mode");
  }

  @Test
  void aScriptWithAFailingStatementGoesOnAndExitsOne(@TempDir Path dir) throws Exception {
    Launcher.Outcome o = Launcher.run(dir, "model M\nreal x\nparam c\nenergy H(x) = c*x^2/2\nZ = partition G\nZ = partition H\n", "repl");
    assertEquals(1, o.status());
    assertEquals("<repl>:5:15: error: unknown energy 'G'\n    Z = partition G\n                  ^\nhint: energies defined so far: H\n", o.err());
    assertTrue(o.out().startsWith("Out[1]: Z = "), o.out());
  }

  @Test
  void filesGivenAreLoadedFirst(@TempDir Path dir) throws Exception {
    Launcher.Outcome o = Launcher.run(dir, ":show Heff\nZ2 = partition Heff\n", "repl", "examples/pair.energy");
    assertEquals(0, o.status(), o.err());
    String[] lines = o.out().split("\n");
    assertTrue(lines[0].startsWith("Out[1]: H_eff(s₁, s₂) = "), o.out());
    assertTrue(o.out().contains("Heff: marginal, by: Heff = marginalize H over y\n"), o.out());
    assertTrue(o.out().contains("Out[3]: Z₂ = "), o.out());
    // An unfinished statement at the end of the input is an error, positioned where it stops.
    Launcher.Outcome cut = Launcher.run(dir, "energy G(s1) = (s1\n", "repl", "examples/pair.energy");
    assertEquals(1, cut.status());
    assertTrue(cut.err().startsWith("<repl>:1:16: error: '(' is never closed"), cut.err());
    assertFalse(Files.exists(dir.resolve("history")), "script mode keeps no history");
  }
}
