package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.diag.Source;
import energy.json.JsonRenderer;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The left side of a result in matrix notation says what its right side is: a marginal over all
 * units is the energy F itself (not −ln F), a partition statement's right side is −β⁻¹ ln Z.
 */
class MatrixLabelsTest {
  private static final String MODEL = "dim n\nreal y[n]\nparam A[n,n]\n%senergy H(y) = 1/2*y.A.y\n%s\n";

  private static Compilation compile(String temperature, String statement) {
    return energy.Compiler.compile(new Source("<matrix>", String.format(MODEL, temperature, statement)));
  }

  @Test
  void marginalOverAllUnitsIsLabelledByItsName() throws Exception {
    Compilation c = compile("", "F = marginalize H over y");
    String text = TextRenderer.render(List.of(Presenter.present(c)));
    assertTrue(text.startsWith("F = "), text);
    String latex = LatexRenderer.paper(List.of(Presenter.present(c)));
    assertTrue(latex.contains("\nF &= "), latex);
    JsonNode r = new ObjectMapper().readTree(new JsonRenderer().render(List.of(c))).get("files").get(0).get("results").get(0);
    assertEquals("matrixMarginal", r.get("kind").asText());
    assertEquals("marginalize", r.get("statement").asText());
    assertTrue(r.has("energy"), r.toString());
  }

  @Test
  void partitionIsLabelledByItsFreeEnergy() throws Exception {
    Compilation plain = compile("", "Z = partition H");
    // Named F, the free energy, in every format (F is not a name of this model).
    assertTrue(TextRenderer.render(List.of(Presenter.present(plain))).startsWith("F = −ln Z = "));
    assertTrue(LatexRenderer.paper(List.of(Presenter.present(plain))).contains("\nF = -\\ln Z &= "));
    Compilation hot = compile("temperature beta\n", "Z = partition H");
    assertTrue(TextRenderer.render(List.of(Presenter.present(hot))).startsWith("F = −(1/β) ln Z = "));
    JsonNode r = new ObjectMapper().readTree(new JsonRenderer().render(List.of(hot))).get("files").get(0).get("results").get(0);
    assertEquals("matrixMarginal", r.get("kind").asText());
    assertEquals("partition", r.get("statement").asText());
    assertTrue(r.get("energy").get("text").asText().contains("ln"), r.toString());
  }
}
