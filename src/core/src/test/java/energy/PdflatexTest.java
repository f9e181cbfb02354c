package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The --standalone LaTeX of every example compiles with a real pdflatex, without errors.
 * pdflatex is required under CI (.ci/run installs it); elsewhere the test is skipped with a
 * message when it is missing.
 */
class PdflatexTest {
  static Stream<Path> examples() {
    return Examples.good().stream();
  }

  static boolean havePdflatex() {
    try {
      Process p = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void standaloneDocumentCompiles(Path file, @TempDir Path dir) throws Exception {
    boolean have = havePdflatex();
    if (!have && System.getenv("CI") != null) throw new AssertionError("pdflatex is not installed (CI must install it)");
    Assumptions.assumeTrue(have, "pdflatex not installed: apt-get install texlive-latex-base");
    Compilation c = Compiler.compile(new Source(file.toString(), Examples.read(file)));
    Files.writeString(dir.resolve("doc.tex"), LatexRenderer.standalone(List.of(Presenter.present(c))), StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertFalse(!p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
    assertEquals(0, p.exitValue(), "pdflatex failed on " + file + ":\n" + log);
    assertFalse(log.contains("! "), "LaTeX error in " + file + ":\n" + log);
    assertFalse(log.contains("Overfull \\hbox"), "a line is too wide in " + file + ":\n" + log);
  }
}
