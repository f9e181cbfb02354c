package energy.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.api.Energy;
import energy.api.Format;
import energy.diag.Source;
import energy.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protocol of {@code energy render --blocks-json}, for a document processor that has found
 * the blocks itself (the Pandoc filter): all blocks of one document in one request, so the
 * engine starts once.
 *
 * <pre>
 * request:  {"origin": "notes.md", "format": "web" | "latex",
 *            "blocks": [{"code": "...", "line": 12, "options": "show=H0 check"}, ...]}
 * response: {"tool": "energy 0.1.0",
 *            "blocks": [{"source": false, "results": [{"name": "H0", "math": "..."}]}, ...]}
 * </pre>
 *
 * {@code line} is the document's line of the code's first line (omitted or null when unknown:
 * messages then name the block, {@code notes.md (energy block 2)}); {@code options} as in a
 * fence's info string. {@code math} is one result's LaTeX without delimiters.
 */
public final class BlocksJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FENCE = "```energy ";

  private BlocksJson() {}

  /** The request's blocks, or an error that says what is malformed. */
  public static Request parse(String requestText) {
    JsonNode root;
    try {
      root = JSON.readTree(requestText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("blocks").isArray())
      throw new IllegalArgumentException("the request must be an object with an array \"blocks\"");
    String origin = root.path("origin").asText("<blocks>");
    Format format =
        switch (root.path("format").asText("web").toLowerCase(Locale.ROOT)) {
          case "web" -> Format.WEB;
          case "latex" -> Format.LATEX;
          default -> throw new IllegalArgumentException("\"format\" is \"web\" or \"latex\", not " + root.get("format"));
        };
    List<Block> blocks = new ArrayList<>();
    int k = 0;
    for (JsonNode b : root.get("blocks")) {
      k++;
      if (!b.path("code").isTextual()) throw new IllegalArgumentException("block " + k + " has no string \"code\"");
      boolean located = b.path("line").canConvertToInt() && b.path("line").asInt() >= 2;
      int first = located ? b.path("line").asInt() : 1;
      String label = located ? origin : origin + " (energy block " + k + ")";
      String options = b.path("options").asText("");
      // The opening fence, as the filter saw it, is the line above the code: messages about options point into it.
      Source opening = new Source(label, FENCE + options, located ? first - 1 : 1);
      String code = b.get("code").asText();
      blocks.add(
          new Block(
              code.isEmpty() || code.endsWith("\n") ? code : code + "\n",
              first,
              Options.parse(opening, FENCE.length(), options),
              new Span(opening, 0, FENCE.length() - 1),
              -1,
              -1));
    }
    return new Request(format, blocks);
  }

  public record Request(Format format, List<Block> blocks) {}

  public static String response(List<BlockRenderer.Rendered> rendered) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "energy " + Energy.version());
    ArrayNode blocks = root.putArray("blocks");
    for (BlockRenderer.Rendered r : rendered) {
      ObjectNode b = blocks.addObject();
      b.put("source", r.block().options().source());
      ArrayNode results = b.putArray("results");
      for (BlockRenderer.Result result : r.results()) results.addObject().put("name", result.name()).put("math", result.math().strip());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
