package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.api.Energy;
import energy.api.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code energy render}: documents in, documents with math out, errors in document coordinates. */
class RenderTest {
  static final String MODEL =
      "model Pair\nspin s1, s2\nreal y\nparam J, g, c\nenergy H(s1, s2, y) = -J*s1*s2 + c/2*y^2 - g*(s1 + s2)*y\n";
  static final String MARGINAL = "Heff = marginalize H over y\n";
  static final String PARTITION = "Z = partition Heff\n";

  static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** The math of one result, as a compilation of all blocks at once (no session) writes it. */
  static String math(String name, Format format) {
    return Energy.compile(MODEL + MARGINAL + PARTITION, "whole.energy").render(name, format).strip();
  }

  @Test
  void markdownBlocksShareOneSessionAndEachResultBecomesDisplayMath(@TempDir Path dir) throws Exception {
    String doc =
        "# Notes\n\nThe model:\n\n```energy\n" + MODEL + "```\n\nIts marginal:\n\n~~~~ energy\n" + MARGINAL + PARTITION
            + "~~~~\n\nOnly Z again:\n\n```energy show=Z\n```\n\nThe end.\n";
    CliTest.Run r = CliTest.run("render", write(dir, "notes.md", doc).toString());
    assertEquals(0, r.status(), r.err());
    String expected =
        "# Notes\n\nThe model:\n\nIts marginal:\n\n$$" + math("Heff", Format.WEB) + "$$\n\n$$" + math("Z", Format.WEB)
            + "$$\n\nOnly Z again:\n\n$$" + math("Z", Format.WEB) + "$$\n\nThe end.\n";
    // The session's results are compiled from the blocks' text as one file is, but with messages
    // naming notes.md: the comment line of today's renderer names the origin, so compare without it.
    assertEquals(expected.replaceAll("% Pair \\([^)]*\\)", "% Pair"), r.out().replaceAll("% Pair \\([^)]*\\)", "% Pair"));
  }

  @Test
  void sourceIsKeptBeforeTheResultsWhenAsked(@TempDir Path dir) throws Exception {
    String doc = "```energy source\n" + MODEL + MARGINAL + "```\n";
    CliTest.Run r = CliTest.run("render", write(dir, "n.md", doc).toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("```text\n" + MODEL + MARGINAL + "```\n\n$$"), r.out());
  }

  @Test
  void latexEnvironmentsBecomeAlignStarAndTheDocumentCompiles(@TempDir Path dir) throws Exception {
    String doc =
        "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\nThe model.\n\\begin{energy}[hide]\n" + MODEL
            + "\\end{energy}\nIts marginal:\n\\begin{energy}[source, check]\n" + MARGINAL + PARTITION + "\\end{energy}\n\\end{document}\n";
    Path out = dir.resolve("paper.out.tex");
    CliTest.Run r = CliTest.run("render", write(dir, "paper.tex", doc).toString(), "-o", out.toString());
    assertEquals(0, r.status(), r.err());
    String tex = Files.readString(out);
    assertTrue(tex.contains("Its marginal:\n\\begin{verbatim}\n" + MARGINAL + PARTITION + "\\end{verbatim}\n"), tex);
    assertFalse(tex.contains("\\begin{energy}"), tex);
    assertTrue(tex.contains("\\begin{align*}"), tex);
    for (String name : new String[] {"Heff", "Z"}) assertTrue(tex.contains(math(name, Format.LATEX).replaceAll("% Pair \\([^)]*\\)\n", "")), name);
    pdflatex(dir, out);
  }

  @Test
  void asciidocSourceBlocksBecomeLatexmathBlocks(@TempDir Path dir) throws Exception {
    String doc = "= Page\n\n[source,energy]\n----\n" + MODEL + MARGINAL + "----\n\nText.\n\n[source,energy,show=Heff]\n----\n----\n";
    CliTest.Run r = CliTest.run("render", write(dir, "page.adoc", doc).toString());
    assertEquals(0, r.status(), r.err());
    String block = "[latexmath]\n++++\n" + math("Heff", Format.WEB) + "\n++++\n";
    assertEquals(
        ("= Page\n\n" + block + "\nText.\n\n" + block).replaceAll("% Pair \\([^)]*\\)", "% Pair"),
        r.out().replaceAll("% Pair \\([^)]*\\)", "% Pair"));
  }

  @Test
  void anErrorInABlockIsInDocumentCoordinatesAndNothingIsWritten(@TempDir Path dir) throws Exception {
    String doc = "# Notes\n\n```energy\n" + MODEL + "```\n\ntext\n\n```energy\nHeff = marginalize H over q\n```\n";
    Path in = write(dir, "notes.md", doc);
    Path out = write(dir, "notes.html.md", "old\n");
    CliTest.Run r = CliTest.run("render", in.toString(), "-o", out.toString());
    assertEquals(1, r.status());
    // Line 14 of notes.md, column 27 (the q): the block's code starts at line 14.
    String line = doc.split("\n")[13];
    assertEquals("Heff = marginalize H over q", line);
    assertTrue(r.err().startsWith(in + ":14:27: error: unknown unit 'q'\n    " + line + "\n    " + " ".repeat(26) + "^\n"), r.err());
    assertEquals("", r.out());
    assertEquals("old\n", Files.readString(out));
    Path fresh = dir.resolve("fresh.md");
    assertEquals(1, CliTest.run("render", in.toString(), "-o", fresh.toString()).status());
    assertFalse(Files.exists(fresh));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void badOptionsAndUnknownNamesArePositionedAtTheFence(@TempDir Path dir) throws Exception {
    Path in = write(dir, "n.md", "```energy\n" + MODEL + "```\n\n```energy chek\n" + MARGINAL + "```\n");
    CliTest.Run r = CliTest.run("render", in.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(in + ":9:11: error: unknown block option 'chek'\n    ```energy chek\n              ^~~~\n"), r.err());
    Path names = write(dir, "m.md", "```energy\n" + MODEL + MARGINAL + "```\n\n```energy show=\"Heff,Z\"\n```\n");
    r = CliTest.run("render", names.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(names + ":10:22: error: no result named 'Z' in this block or an earlier one\n"), r.err());
    assertTrue(r.err().contains("hint: results so far: Heff"), r.err());
    Path open = write(dir, "o.md", "text\n```energy\n" + MODEL);
    r = CliTest.run("render", open.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith(open + ":2:1: error: this energy block is not closed\n"), r.err());
  }

  @Test
  void checkRunsTheNumericalCheckAndSaysWhenOneIsSkipped(@TempDir Path dir) throws Exception {
    // Four real units are beyond quadrature: the check is skipped, with a note at the option.
    String doc = "```energy check\nmodel G\ndim k = 4\nreal y[k]\nparam c\nenergy H(y) = c/2*y.y\nZ = partition H\n```\n";
    CliTest.Run r = CliTest.run("render", write(dir, "g.md", doc).toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("g.md:1:11: note: the check of Z was skipped: more than 3 real units"), r.err());
  }

  /**
   * Documents come from other people: the engine's file, process, network and Java functions
   * are not functions of the language, so a block that calls them is a positioned error and
   * nothing runs; as names they are plain parameters.
   */
  @Test
  void blocksCannotReachFilesProcessesTheNetworkOrJava(@TempDir Path dir) throws Exception {
    for (String f : new String[] {"ReadString", "Run", "JavaNew", "URLFetch", "Import", "Put", "ToExpression"}) {
      Path in = write(dir, "evil.md", "Text.\n\n```energy\nmodel M\nspin s\nenergy H(s) = " + f + "(s)\nZ = partition H\n```\n");
      Path out = dir.resolve("evil.out.md");
      CliTest.Run r = CliTest.run("render", in.toString(), "-o", out.toString());
      assertEquals(1, r.status(), f);
      assertTrue(r.err().startsWith(in + ":6:15: error: unknown function '" + f + "'\n"), r.err());
      assertFalse(Files.exists(out), f);
    }
    Path names = write(dir, "names.md", "```energy\nmodel M\nspin s\nparam Run, URLFetch\nenergy H(s) = -(Run + URLFetch)*s\nZ = partition H\n```\n");
    CliTest.Run r = CliTest.run("render", names.toString(), "--syntax", "markdown");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\\cosh") && r.out().contains("\\mathrm{URLFetch}"), r.out()); // names, not calls
  }

  @Test
  void theKindComesFromTheExtensionOrTheOption(@TempDir Path dir) throws Exception {
    Path in = write(dir, "notes.txt", "```energy\n" + MODEL + MARGINAL + "```\n");
    CliTest.Run r = CliTest.run("render", in.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("give --syntax markdown|latex|asciidoc"), r.err());
    assertEquals(0, CliTest.run("render", in.toString(), "--syntax", "markdown").status());
  }

  /** pdflatex on a rendered paper; skipped when it is not installed, except under CI. */
  static void pdflatex(Path dir, Path tex) throws Exception {
    boolean have;
    try {
      have = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (java.io.IOException e) {
      have = false;
    }
    if (!have && System.getenv("CI") != null) throw new AssertionError("pdflatex is not installed (CI must install it)");
    Assumptions.assumeTrue(have, "pdflatex not installed");
    Process p =
        new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.getFileName().toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
    assertEquals(0, p.exitValue(), "pdflatex failed:\n" + log);
  }
}
