package energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.output.LatexDocument;
import energy.output.TextDocument;
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
    Examples.assertMatches(Examples.sibling(file, ".tex"), new LatexDocument().body(List.of(compile(file))));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void textMatchesExpected(Path file) {
    Examples.assertMatches(Examples.sibling(file, ".txt"), new TextDocument().render(List.of(compile(file))));
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
