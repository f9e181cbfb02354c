package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with captured streams. */
class CliTest {
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            null,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void compilePrintsLatexOfEveryResult() {
    Run r = run("compile", "examples/dbm3.energy");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\\begin{align*}"), r.out());
    assertTrue(r.out().contains("H_{1}(x, y) &="), r.out());
    assertTrue(r.out().contains("H_{0}(x) &="), r.out());
  }

  @Test
  void mathWebPrintsTheApisWebBlocks() throws Exception {
    Run r = run("compile", "--math", "web", "examples/pair.energy");
    assertEquals(0, r.status(), r.err());
    String file = Files.readString(Path.of("examples/pair.energy"));
    assertEquals(energy.api.Energy.compile(file, "examples/pair.energy").render(energy.api.Format.WEB), r.out());
    assertTrue(r.out().contains("\\begin{aligned}") && !r.out().contains("align*") && !r.out().contains("\\intertext"), r.out());
    assertEquals(run("compile", "examples/pair.energy").out(), run("compile", "--math", "paper", "examples/pair.energy").out(), "paper is the default");
  }

  @Test
  void mathWebIsOnlyForLatex() {
    Run r = run("compile", "--format", "text", "--math", "web", "examples/pair.energy");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("--math web is for --format latex"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void jsonHasNameArgumentsLatexTextSymjaAndConditions() throws Exception {
    Run r = run("compile", "--format", "json", "examples/pair.energy");
    assertEquals(0, r.status(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("energy", root.get("format").asText());
    assertEquals(1, root.get("version").asInt());
    JsonNode heff = root.get("files").get(0).get("results").get(0);
    assertEquals("marginal", heff.get("kind").asText());
    assertEquals("Heff", heff.get("name").get("id").asText());
    assertEquals("H_{\\mathrm{eff}}", heff.get("name").get("latex").asText());
    assertEquals("s₁", heff.get("arguments").get(0).get("text").asText());
    assertTrue(heff.get("energy").get("latex").asText().contains("s_{1} s_{2}"));
    assertTrue(heff.get("energy").get("symja").asText().contains("Log["));
    assertEquals("u$c>0", heff.get("conditions").get(0).get("relation").get("symja").asText()); // user names escaped (SymjaForm)
    JsonNode z = root.get("files").get(0).get("results").get(1);
    assertEquals("partitionFunction", z.get("kind").asText());
    assertTrue(z.get("partitionFunction").get("latex").asText().contains("\\cosh"));
  }

  @Test
  void jsonOfSeveralFilesIsOneDocument() throws Exception {
    Run r = run("compile", "--format", "json", "examples/pair.energy", "examples/cumulants.energy");
    assertEquals(0, r.status(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertTrue(root.isObject(), r.out());
    assertEquals(2, root.get("files").size());
    assertEquals("examples/cumulants.energy", root.get("files").get(1).get("file").asText());
  }

  @Test
  void evalOfTheGaussianMarginalMatchesTheHandFormula() {
    // Heff(s1,s2) = -(J + g^2/c) s1 s2 - g^2/c + (1/2β) ln(βc/2π) at s1 = -s2 = 1.
    double beta = 1.3, j = 0.5, g = 0.3, c = 2;
    double expected = (j + g * g / c) - g * g / c + Math.log(beta * c / (2 * Math.PI)) / (2 * beta);
    Run r = run("eval", "examples/pair.energy", "Heff", "--at", "beta=1.3", "J=0.5", "g=0.3", "c=2", "s1=1", "s2=-1");
    assertEquals(0, r.status(), r.err());
    double value = Double.parseDouble(r.out().trim().replace("Heff = ", ""));
    assertEquals(expected, value, 1e-12);
  }

  @Test
  void evalNamesWhatIsMissing() {
    Run r = run("eval", "examples/pair.energy", "Heff", "--at", "beta=1", "J=0.5");
    assertEquals(1, r.status());
    assertEquals("energy: error: missing values for c, g, s1, s2; give them with --at NAME=VALUE\n", r.err());
  }

  @Test
  void checkPassesOnAnExampleAndSaysSo() {
    Run r = run("check", "--samples", "2", "examples/rbm.energy");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("F           weights: max rel. error"), r.out());
    assertTrue(r.out().endsWith("all results verified\n"), r.out());
  }

  @Test
  void malformedFileGivesAPositionedErrorAndStatusOne() {
    Run r = run("compile", "examples/bad/unknown-name.energy");
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("examples/bad/unknown-name.energy:7:35: error: unknown name 'h3'\n"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingFileIsAnErrorNotAStackTrace() {
    Run r = run("compile", "examples/no-such.energy");
    assertEquals(1, r.status());
    assertEquals("energy: error: cannot read 'examples/no-such.energy': no such file\n", r.err());
  }

  @Test
  void outputIsWrittenAndAnInputIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("pair.energy");
    String source = Files.readString(Path.of("examples/pair.energy"));
    Files.writeString(in, source);
    Run refused = run("compile", in.toString(), "-o", in.toString());
    assertEquals(1, refused.status());
    assertTrue(refused.err().contains("refusing to overwrite the input file"), refused.err());
    assertEquals(source, Files.readString(in));

    Path out = dir.resolve("out/pair.tex");
    Run ok = run("compile", in.toString(), "--standalone", "-o", out.toString());
    assertEquals(0, ok.status(), ok.err());
    assertTrue(Files.readString(out).startsWith("\\documentclass"));
    try (var files = Files.list(out.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("compile", "--frobnicate", "examples/pair.energy");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Unknown option"), r.err());
  }

  /** One version: --version, the REPL banner and the JSON tool field all read the build's project version. */
  @Test
  void versionIsTheBuildsProjectVersion() {
    String v = energy.api.Energy.version();
    org.junit.jupiter.api.Assertions.assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), "filtered, not a placeholder: " + v);
    Run r = run("--version");
    org.junit.jupiter.api.Assertions.assertEquals("energy " + v + "\n", r.out());
  }
}
