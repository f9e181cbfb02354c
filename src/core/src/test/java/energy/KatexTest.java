package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presentation;
import energy.present.PresentedFile;
import energy.present.Presenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every example's web LaTeX ({@code --math web}) renders in the real KaTeX, with throwOnError
 * and strict "error", as a documentation page would render it. KaTeX comes from npm into a
 * cache directory ({@code -Denergy.katex=DIR}, else {@code ~/.cache/energy-katex}); .ci/run
 * installs it. Without node the test is skipped locally and fails under CI.
 */
class KatexTest {
  /** The one place the version is named: .ci/run and the Pandoc test read the same file. */
  static final String KATEX_VERSION = katexVersion();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyExampleRendersInKatex() throws Exception {
    Path katex = katex();
    ArrayNode blocks = JSON.createArrayNode();
    for (Path file : Examples.good()) {
      Compilation c = Compiler.compile(new Source(file.toString().replace('\\', '/'), Examples.read(file)));
      PresentedFile f = Presenter.present(c);
      for (Presentation p : f.results()) blocks.addObject().put("name", file.getFileName() + " " + p.name()).put("math", LatexRenderer.web(f, p));
    }
    // The check has teeth: what the paper renderer writes (\intertext) must be rejected.
    blocks.addObject().put("name", "control").put("math", "\\begin{aligned}\\intertext{words} x &= 1\\end{aligned}");
    JsonNode result = run(katex, blocks);
    List<String> failures = new ArrayList<>();
    for (JsonNode e : result.get("errors")) if (!e.get("name").asText().equals("control")) failures.add(e.get("name").asText() + ": " + e.get("error").asText());
    assertEquals(KATEX_VERSION, result.get("version").asText(), "the KaTeX that ran");
    System.out.println("KaTeX " + result.get("version").asText() + ": " + (blocks.size() - 1 - failures.size()) + " of " + (blocks.size() - 1)
        + " result blocks of " + Examples.good().size() + " examples render");
    assertEquals(1, result.get("errors").size() - failures.size(), "KaTeX accepted the \\intertext control block: the check is not strict");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** The derivation steps ({@code --steps --math web}) of a real, a discrete, a mixed marginal, an expansion and matrix notation render too. */
  @Test
  void stepsRenderInKatex() throws Exception {
    Path katex = katex();
    ArrayNode blocks = JSON.createArrayNode();
    for (String name : List.of("dbm3", "rbm", "mixed", "rbm-gaussian-expansion", "dbm3-symbolic", "rbm-symbolic", "spins-symbolic")) {
      PresentedFile f = Presenter.present(StepsPrintedTest.compile(name), true);
      for (Presentation p : f.results()) blocks.addObject().put("name", name + " " + p.name()).put("math", LatexRenderer.web(f, p));
    }
    JsonNode result = run(katex, blocks);
    List<String> failures = new ArrayList<>();
    for (JsonNode e : result.get("errors")) failures.add(e.get("name").asText() + ": " + e.get("error").asText());
    assertTrue(blocks.size() >= 6 && failures.isEmpty(), String.join("\n", failures));
  }

  /** Through the API: the web form of one result is one block without $$; all results are those blocks separated by blank lines. */
  @Test
  void webBlocksAreSeparatedByBlankLines() {
    Path file = Examples.ROOT.resolve("pair.energy");
    energy.api.Document d = energy.api.Energy.compile(Examples.read(file), file.toString());
    List<String> one = d.resultNames().stream().map(n -> d.render(n, energy.api.Format.WEB)).toList();
    assertEquals(String.join("\n\n", one) + "\n", d.render(energy.api.Format.WEB));
    for (String block : one) {
      assertTrue(!block.contains("$$") && !block.contains("\n\n") && !block.endsWith("\n"), block);
      assertEquals(block.startsWith("\\begin{aligned}\n"), block.endsWith("\n\\end{aligned}"), block);
    }
  }

  private static String katexVersion() {
    try {
      return Files.readString(Path.of(".ci/katex-version")).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("the KaTeX version file .ci/katex-version", e);
    }
  }

  private static JsonNode run(Path katex, ArrayNode blocks) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("katex");
    Path input = dir.resolve("blocks.json"), script = dir.resolve("katex-check.js");
    Files.writeString(input, JSON.writeValueAsString(blocks), StandardCharsets.UTF_8);
    try (InputStream in = KatexTest.class.getResourceAsStream("katex-check.js")) {
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder pb = new ProcessBuilder("node", script.toString(), input.toString());
    pb.environment().put("NODE_PATH", katex.resolve("node_modules").toString());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    assertEquals(0, p.exitValue(), "node failed: " + out);
    return JSON.readTree(out);
  }

  /** The version of katex installed under {@code dir}, or null. */
  private static String installedVersion(Path dir) throws IOException {
    Path manifest = dir.resolve("node_modules/katex/package.json");
    return Files.isRegularFile(manifest) ? JSON.readTree(manifest.toFile()).path("version").asText(null) : null;
  }

  /** The directory holding node_modules/katex at {@link #KATEX_VERSION}, installed with npm when missing or stale. */
  private static Path katex() throws IOException, InterruptedException {
    boolean ci = System.getenv("CI") != null;
    String where = System.getProperty("energy.katex");
    Path dir = where != null ? Path.of(where) : Path.of(System.getProperty("user.home"), ".cache", "energy-katex");
    if (!works("node", "--version")) {
      assertTrue(!ci, "node is not installed (CI needs it: apt-get install nodejs npm)");
      Assumptions.abort("node is not installed: the KaTeX check is skipped (apt-get install nodejs npm)");
    }
    if (!KATEX_VERSION.equals(installedVersion(dir))) {
      Files.createDirectories(dir);
      boolean installed = works("npm", "install", "--prefix", dir.toString(), "--no-save", "--no-audit", "--no-fund", "katex@" + KATEX_VERSION);
      assertTrue(installed || !ci, "npm could not install katex into " + dir);
      Assumptions.assumeTrue(installed, "npm could not install katex into " + dir + ": the KaTeX check is skipped");
    }
    return dir;
  }

  private static boolean works(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
