package energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import energy.verify.Checker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every examples/NAME.energy compiles to its checked-in NAME.tex and NAME.txt, and every one of
 * its results passes the numeric check. Expected files were derived by hand and read.
 */
class ExamplesTest {
  static Stream<Path> examples() {
    return Examples.good().stream();
  }

  static Compilation compile(Path file) {
    return Compiler.compile(new Source(file.toString().replace('\\', '/'), Examples.read(file)));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void latexMatchesExpected(Path file) {
    Examples.assertMatches(Examples.sibling(file, ".tex"), LatexRenderer.paper(List.of(Presenter.present(compile(file)))));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void textMatchesExpected(Path file) {
    Examples.assertMatches(Examples.sibling(file, ".txt"), TextRenderer.render(List.of(Presenter.present(compile(file)))));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyResultPassesTheNumericCheck(Path file) {
    long seed = 20261123L;
    System.out.println("check " + file + " seed " + seed);
    for (Checker.Report r : Checker.check(compile(file), 5, seed)) {
      assertTrue(r.skipped() == null, file + ": " + r.name() + " was not checked: " + r.skipped());
      assertTrue(r.passed(), file + ": " + r.name() + " weights " + r.weightError() + " correlators " + r.correlatorError());
    }
  }

  /**
   * Every flow's plot: written afresh (the PNG decodes, the SVG parses) and checked in beside
   * the example as NAME-STEP.png/.svg. The pictures are compared by size, not byte for byte:
   * their pixels depend on the machine's fonts.
   */
  @ParameterizedTest
  @MethodSource("examples")
  void flowPlotsAreWrittenAndCheckedIn(Path file) throws Exception {
    Compilation c = compile(file);
    String base = file.getFileName().toString().replaceFirst("\\.energy$", "");
    Path dir = Files.createTempDirectory("plots");
    for (energy.result.RgStep r : c.results(energy.result.RgStep.class)) {
      if (r.flow().isEmpty() || r.flow().get().recursion().dimension() > 2) continue; // as compile --plots: no chart beyond two couplings
      energy.rg.flow.FlowPlot.Files2 f = energy.rg.flow.FlowPlot.write(r.flow().get(), dir, base + "-" + r.name());
      java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(f.png().toFile());
      assertTrue(png != null && png.getWidth() == 800 && png.getHeight() == 600, "bad PNG " + f.png());
      javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
      xml.newDocumentBuilder().parse(f.svg().toFile());
      for (Path fresh : List.of(f.png(), f.svg())) {
        Path checkedIn = Examples.ROOT.resolve(fresh.getFileName());
        if (Examples.REGENERATE) Files.copy(fresh, checkedIn, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.exists(checkedIn), "missing " + checkedIn + " (run with -Denergy.regenerate=true, then look at it)");
      }
    }
  }

  /** No expected file without its example, no example without its expected files. */
  @Test
  void expectedFilesArePaired() throws Exception {
    try (Stream<Path> files = Files.list(Examples.ROOT)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tex") || name.endsWith(".txt"))
          assertTrue(Files.exists(p.resolveSibling(name.replaceAll("\\.(tex|txt)$", ".energy"))), "unpaired " + p);
      }
    }
    try (Stream<Path> files = Files.list(Examples.ROOT.resolve("bad"))) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".err")) assertTrue(Files.exists(p.resolveSibling(name.replace(".err", ".energy"))), "unpaired " + p);
        if (name.endsWith(".energy")) assertTrue(Files.exists(Examples.sibling(p, ".err")), "no .err for " + p);
      }
    }
  }
}
