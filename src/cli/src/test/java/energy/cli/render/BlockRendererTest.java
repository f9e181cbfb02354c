package energy.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.api.Energy;
import energy.api.Format;
import energy.diag.CompileException;
import energy.verify.Checker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocks' session, the check option's failure path and the JSON protocol of the Pandoc filter. */
class BlockRendererTest {
  static final String MODEL = "model Pair\nspin s1, s2\nparam J\nenergy H(s1, s2) = -J*s1*s2\n";
  static final PrintStream NOWHERE = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test
  void aFailedCheckIsAnErrorAtTheBlocksCheckOption() {
    List<String> checked = new ArrayList<>();
    BlockRenderer.Verifier failing =
        (session, name, samples, seed) -> {
          checked.add(name + "/" + samples + "/" + seed);
          return List.of(new Checker.Report(name, "weights", 0.25, Double.NaN, Double.NaN, samples, null));
        };
    String doc = "intro\n```energy\n" + MODEL + "```\n```energy show=Z check\nZ = partition H\nF = marginalize H over s2\n```\n";
    var blocks = Block.find(Syntax.MARKDOWN, new energy.diag.Source("n.md", doc));
    CompileException e = assertThrows(CompileException.class, () -> new BlockRenderer(Format.WEB, 7, 42, NOWHERE, failing).render(blocks));
    // The check covers what the block computes (Z and F), though it shows only Z.
    assertEquals(List.of("Z/7/42", "F/7/42"), checked);
    assertTrue(
        e.render().startsWith("n.md:8:18: error: the numerical check of Z failed: weights: max rel. error 2.5e-01 (seed 42)\n    ```energy show=Z check\n                     ^~~~~\n"),
        e.render());
    assertEquals(2, e.diagnostics().size());
  }

  @Test
  void aPassingCheckRendersAndTheRealVerifierIsUsedByDefault() {
    String doc = "```energy check\n" + MODEL + "Z = partition H\n```\n";
    var blocks = Block.find(Syntax.MARKDOWN, new energy.diag.Source("n.md", doc));
    var rendered = new BlockRenderer(Format.WEB, 5, 3, NOWHERE).render(blocks);
    assertEquals(List.of("Z"), rendered.get(0).results().stream().map(BlockRenderer.Result::name).toList());
    assertTrue(Energy.compile(MODEL + "Z = partition H\n", "x").check("Z", 5, 3).stream().allMatch(Checker.Report::passed));
  }

  @Test
  void jsonBlocksAreRenderedInOneSessionWithDocumentLines() throws Exception {
    String request =
        "{\"origin\": \"notes.md\", \"blocks\": [{\"code\": " + quote(MODEL) + ", \"line\": 5, \"options\": \"\"},"
            + " {\"code\": \"Z = partition H\", \"line\": 12, \"options\": \"source\"}]}";
    BlocksJson.Request r = BlocksJson.parse(request);
    assertEquals(Format.WEB, r.format());
    JsonNode response = new ObjectMapper().readTree(BlocksJson.response(new BlockRenderer(r.format(), 1, 1, NOWHERE).render(r.blocks())));
    assertEquals("energy " + Energy.version(), response.get("tool").asText());
    assertEquals(0, response.get("blocks").get(0).get("results").size());
    JsonNode second = response.get("blocks").get(1);
    assertTrue(second.get("source").asBoolean());
    assertEquals("Z", second.get("results").get(0).get("name").asText());
    String expected = Energy.compile(MODEL + "Z = partition H\n", "notes.md").render("Z", Format.WEB).strip();
    assertEquals(expected, second.get("results").get(0).get("math").asText());
  }

  @Test
  void jsonErrorsPointIntoTheDocumentOrNameTheBlock() {
    String located = "{\"origin\": \"notes.md\", \"blocks\": [{\"code\": " + quote(MODEL) + ", \"line\": 5},"
        + " {\"code\": \"Z = partition Q\\n\", \"line\": 12}]}";
    BlocksJson.Request r = BlocksJson.parse(located);
    CompileException e = assertThrows(CompileException.class, () -> new BlockRenderer(r.format(), 1, 1, NOWHERE).render(r.blocks()));
    assertTrue(e.render().startsWith("notes.md:12:15: error: "), e.render());
    String unlocated = "{\"origin\": \"notes.md\", \"blocks\": [{\"code\": " + quote(MODEL) + "}, {\"code\": \"Z = partition Q\"}]}";
    BlocksJson.Request u = BlocksJson.parse(unlocated);
    e = assertThrows(CompileException.class, () -> new BlockRenderer(u.format(), 1, 1, NOWHERE).render(u.blocks()));
    assertTrue(e.render().startsWith("notes.md (energy block 2):1:15: error: "), e.render());
    String badOption = "{\"origin\": \"notes.md\", \"blocks\": [{\"code\": \"\", \"line\": 3, \"options\": \"show=A chek\"}]}";
    e = assertThrows(CompileException.class, () -> BlocksJson.parse(badOption));
    assertTrue(e.render().startsWith("notes.md:2:18: error: unknown block option 'chek'\n    ```energy show=A chek\n"), e.render());
    assertThrows(IllegalArgumentException.class, () -> BlocksJson.parse("[1]"));
    assertThrows(IllegalArgumentException.class, () -> BlocksJson.parse("{\"blocks\": [], \"format\": \"svg\"}"));
  }

  @Test
  void pandocAttributeFencesAreBlocksToo() {
    String doc = "```{.energy .check show=\"Z\"}\n" + MODEL + "Z = partition H\n```\n";
    Block b = Block.find(Syntax.MARKDOWN, new energy.diag.Source("n.md", doc)).get(0);
    assertEquals("check", b.options().check().text());
    assertEquals("Z", b.options().show().get(0).span().text());
    assertEquals(MODEL + "Z = partition H\n", b.code());
  }

  @Test
  void optionsParse() {
    var src = new energy.diag.Source("x", "show=\"A, B\" source,check show={C}");
    Options o = Options.parse(src, 0, src.text());
    assertEquals(List.of("A", "B", "C"), o.show().stream().map(Options.Name::name).toList());
    assertEquals("B", o.show().get(1).span().text());
    assertTrue(o.source());
    assertEquals("check", o.check().text());
    assertEquals(List.of(), Options.parse(src, 0, "hide").show());
    assertThrows(CompileException.class, () -> Options.parse(src, 0, "source=1"));
    Options pandoc = Options.parse(src, 0, " .check show=\"A,B\" source=true");
    assertEquals(List.of("A", "B"), pandoc.show().stream().map(Options.Name::name).toList());
    assertTrue(pandoc.source() && pandoc.check() != null);
    assertThrows(CompileException.class, () -> Options.parse(src, 0, "show="));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
