package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import energy.diag.Source;
import energy.json.JsonRenderer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON document against its schema ({@code energy/energy.schema.json}, draft 2020-12), with
 * the networknt validator: every example's document is valid, and documents broken in the ways
 * a program would trip on are not (so the schema is not vacuous).
 */
class JsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = load();
  private static final String PAIR = "model Pair\nspin s1, s2\nreal y\nparam J, g, c\ntemperature beta\n"
      + "energy H(s1, s2, y) = -J*s1*s2 + c/2*y^2 - g*(s1 + s2)*y\nHeff = marginalize H over y\nZ = partition H\n";

  private static Schema load() {
    try (InputStream in = JsonRenderer.class.getResourceAsStream(JsonRenderer.SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Path> examples() {
    return Examples.good().stream();
  }

  private static List<Error> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  /** With --steps: the optional steps of marginals and expansions are valid, and present where a result records them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleWithStepsIsValid(Path example) throws Exception {
    String json = new JsonRenderer(true).render(List.of(Compiler.compile(new Source(example.toString(), Examples.read(example)))));
    List<Error> errors = errors(json);
    assertTrue(errors.isEmpty(), example + ": " + errors);
    for (var file : JSON.readTree(json).get("files"))
      for (var r : file.get("results")) {
        String kind = r.get("kind").asText();
        boolean records = kind.equals("marginal") || kind.equals("partitionFunction") || kind.equals("expansion") || kind.equals("expandedCouplings") || kind.equals("matrixMarginal");
        assertTrue(!records || r.has("steps"), example + " " + r.get("name") + " has no steps");
        if (r.has("steps")) for (var step : r.get("steps")) assertTrue(step.get("text").size() == step.get("latex").size(), step.toString());
      }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleIsValid(Path example) {
    String json = new JsonRenderer().render(List.of(Compiler.compile(new Source(example.toString(), Examples.read(example)))));
    List<Error> errors = errors(json);
    assertTrue(errors.isEmpty(), example + ": " + errors);
  }

  @Test
  void severalFilesAreOneDocument() throws Exception {
    Compilation a = Compiler.compile(new Source("a.energy", PAIR));
    Compilation b = Compiler.compile(new Source("b.energy", "model B\nreal x\nenergy H(x) = x^2/2\nZ = partition H\n"));
    String json = new JsonRenderer().render(List.of(a, b));
    assertTrue(errors(json).isEmpty(), errors(json).toString());
    JsonNode doc = JSON.readTree(json);
    assertTrue(doc.isObject());
    assertEquals("energy", doc.get("format").asText());
    assertEquals(1, doc.get("version").asInt());
    assertEquals(energy.api.Energy.version(), doc.get("tool").asText());
    assertEquals(2, doc.get("files").size());
    assertEquals("b.energy", doc.get("files").get(1).get("file").asText());
  }

  @Test
  void theApiWritesTheSameDocument() throws Exception {
    energy.api.Document d = energy.api.Energy.compile(PAIR, "pair.energy");
    String all = d.render(energy.api.Format.JSON);
    assertEquals(new JsonRenderer().render(List.of(d.compilation())), all);
    String one = d.render("Z", energy.api.Format.JSON);
    assertTrue(errors(one).isEmpty(), errors(one).toString());
    JsonNode results = JSON.readTree(one).get("files").get(0).get("results");
    assertEquals(1, results.size());
    assertEquals("partitionFunction", results.get(0).get("kind").asText());
  }

  @Test
  void brokenDocumentsAreRejected() throws Exception {
    String json = new JsonRenderer().render(List.of(Compiler.compile(new Source("pair.energy", PAIR))));
    assertTrue(errors(json).isEmpty(), errors(json).toString());
    assertRejected(json, "version 2", d -> d.put("version", 2));
    assertRejected(json, "no tool", d -> d.remove("tool"));
    assertRejected(json, "a bare array of files", d -> {
      d.removeAll();
      d.put("format", "energy");
    });
    assertRejected(json, "a result without kind", d -> result(d).remove("kind"));
    assertRejected(json, "an unknown kind", d -> result(d).put("kind", "marginalised"));
    assertRejected(json, "a marginal without its energy", d -> result(d).remove("energy"));
    assertRejected(json, "a name as a plain string", d -> result(d).put("name", "Heff"));
    assertRejected(json, "a symja string over two lines", d -> ((ObjectNode) result(d).get("energy")).put("symja", "u$c+\nu$g"));
    assertRejected(json, "an unknown field", d -> result(d).put("value", 1));
  }

  private static ObjectNode result(ObjectNode doc) {
    return (ObjectNode) doc.get("files").get(0).get("results").get(0);
  }

  private static void assertRejected(String valid, String what, Consumer<ObjectNode> breakIt) throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(valid);
    breakIt.accept(doc);
    assertFalse(errors(JSON.writeValueAsString(doc)).isEmpty(), what + " was accepted");
  }
}
