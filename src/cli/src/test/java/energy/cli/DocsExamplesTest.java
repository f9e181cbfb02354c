package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents of examples/docs render (with their {@code check} blocks verified) to the
 * checked-in files of examples/docs/out; -Denergy.regenerate=true rewrites those (then read the diff).
 */
class DocsExamplesTest {
  static final boolean REGENERATE = Boolean.getBoolean("energy.regenerate");

  @ParameterizedTest
  @ValueSource(strings = {"notes.md", "paper.tex", "page.adoc"})
  void rendersAsCheckedIn(String name) throws Exception {
    Path in = Path.of("examples/docs", name), expected = Path.of("examples/docs/out", name);
    CliTest.Run r = CliTest.run("render", in.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err(), "no notes: every check ran");
    if (REGENERATE) Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
    assertTrue(Files.exists(expected), "missing " + expected + " (run with -Denergy.regenerate=true, then read it)");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out(), "re-rendered " + in + " differs from " + expected);
  }

  @Test
  void theRenderedPaperCompilesWithPdflatex(@TempDir Path dir) throws Exception {
    Path tex = dir.resolve("paper.tex");
    Files.copy(Path.of("examples/docs/out/paper.tex"), tex);
    RenderTest.pdflatex(dir, tex);
  }
}
