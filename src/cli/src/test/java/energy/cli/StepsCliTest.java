package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code compile --steps} in every format, and the output without it unchanged. */
class StepsCliTest {
  @Test
  void withoutStepsTheOutputIsTheGolden() throws Exception {
    CliTest.Run text = CliTest.run("compile", "examples/dbm3.energy", "--format", "text");
    assertEquals(Files.readString(Path.of("examples/dbm3.txt")), text.out());
    CliTest.Run latex = CliTest.run("compile", "examples/dbm3.energy");
    assertEquals(Files.readString(Path.of("examples/dbm3.tex")), latex.out());
  }

  @Test
  void stepsInTextLatexWebAndJson() throws Exception {
    CliTest.Run text = CliTest.run("compile", "examples/dbm3.energy", "--format", "text", "--steps");
    assertEquals(0, text.status(), text.err());
    assertEquals(Files.readString(Path.of("examples/steps/dbm3.txt")), text.out());
    CliTest.Run latex = CliTest.run("compile", "examples/dbm3.energy", "--steps");
    assertEquals(Files.readString(Path.of("examples/steps/dbm3.tex")), latex.out());
    CliTest.Run web = CliTest.run("compile", "examples/dbm3.energy", "--steps", "--math", "web");
    assertTrue(web.out().contains("\\text{How }H_{1}\\text{ is obtained. }\\text{Integrate out }z_{1}"), web.out());
    assertTrue(web.out().contains("\\begin{pmatrix}"), web.out());
    CliTest.Run json = CliTest.run("compile", "examples/rbm.energy", "--steps", "--format", "json");
    JsonNode steps = new ObjectMapper().readTree(json.out()).get("files").get(0).get("results").get(0).get("steps");
    assertTrue(steps != null && steps.size() > 5, json.out());
    assertEquals("prose", steps.get(0).get("kind").asText());
    assertTrue(steps.get(0).get("text").get(0).asText().startsWith("How F is obtained. Sum out h₁, h₂"), steps.toString());
    CliTest.Run plain = CliTest.run("compile", "examples/rbm.energy", "--format", "json");
    assertTrue(!plain.out().contains("\"steps\""), plain.out());
  }

  /** Matrix notation (symbolic sizes): the steps in every format, and without --steps the goldens. */
  @Test
  void stepsInMatrixNotation() throws Exception {
    CliTest.Run text = CliTest.run("compile", "examples/dbm3-symbolic.energy", "--format", "text", "--steps");
    assertEquals(0, text.status(), text.err());
    assertEquals(Files.readString(Path.of("examples/steps/dbm3-symbolic.txt")), text.out());
    CliTest.Run latex = CliTest.run("compile", "examples/dbm3-symbolic.energy", "--steps");
    assertEquals(Files.readString(Path.of("examples/steps/dbm3-symbolic.tex")), latex.out());
    assertEquals(Files.readString(Path.of("examples/dbm3-symbolic.txt")), CliTest.run("compile", "examples/dbm3-symbolic.energy", "--format", "text").out());
    assertEquals(Files.readString(Path.of("examples/dbm3-symbolic.tex")), CliTest.run("compile", "examples/dbm3-symbolic.energy").out());
    CliTest.Run json = CliTest.run("compile", "examples/rbm-symbolic.energy", "--steps", "--format", "json");
    JsonNode result = new ObjectMapper().readTree(json.out()).get("files").get(0).get("results").get(0);
    assertEquals("matrixMarginal", result.get("kind").asText());
    JsonNode steps = result.get("steps");
    assertTrue(steps != null && steps.size() > 5, json.out());
    assertTrue(steps.get(0).get("text").get(0).asText().startsWith("How F is obtained. Sum out h (a vector of m binary units)"), steps.toString());
    boolean field = false;
    for (JsonNode step : steps)
      field |= step.get("kind").asText().equals("equation") && step.get("latex").get(0).asText().equals("\\psi")
          && step.get("latex").get(1).asText().equals("\\mathbf{b} + W^{\\mathsf{T}} \\mathbf{v}") && step.get("text").get(1).asText().equals("b + Wᵀv");
    assertTrue(field, "the field ψ = b + Wᵀv as an equation: " + steps);
    assertTrue(!CliTest.run("compile", "examples/rbm-symbolic.energy", "--format", "json").out().contains("\"steps\""));
  }

  /** The render block option {@code steps}: the block's results after their derivations, as the API renders them with steps. */
  @Test
  void renderBlockOptionSteps(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String doc = "```energy steps\n" + RenderTest.MODEL + RenderTest.MARGINAL + "```\n";
    CliTest.Run r = CliTest.run("render", RenderTest.write(dir, "n.md", doc).toString());
    assertEquals(0, r.status(), r.err());
    String expected = energy.api.Energy.compile(RenderTest.MODEL + RenderTest.MARGINAL, "n.energy").render("Heff", energy.api.Format.WEB, true);
    assertTrue(expected.contains("is obtained. "), expected);
    assertEquals("$$" + expected + "$$\n", r.out());
    CliTest.Run plain = CliTest.run("render", RenderTest.write(dir, "m.md", "```energy\n" + RenderTest.MODEL + RenderTest.MARGINAL + "```\n").toString());
    assertTrue(!plain.out().contains("is obtained"), plain.out());
  }

  @Test
  void stepsAreNotDrawn(@org.junit.jupiter.api.io.TempDir Path dir) {
    CliTest.Run r = CliTest.run("compile", "examples/rbm.energy", "--steps", "--format", "svg", "-o", dir.toString());
    assertTrue(r.status() != 0 && r.err().contains("--steps is for --format latex, text or json"), r.err());
  }
}
