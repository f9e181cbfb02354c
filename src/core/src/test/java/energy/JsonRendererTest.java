package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.diag.Source;
import energy.json.JsonRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names in the JSON document: as a physicist writes them, in text and LaTeX, never the compiler's spelling. */
class JsonRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode results(String text) throws Exception {
    Compilation c = Compiler.compile(new Source("t.energy", text));
    return JSON.readTree(new JsonRenderer().render(List.of(c))).get("files").get(0).get("results");
  }

  @Test
  void couplingsAreNamedJ12() throws Exception {
    // a parameter named J would take the letter J from the couplings (CouplingLettersTest)
    JsonNode r = results("model M\ndim n = 3\nspin s[n]\nparam w\nenergy H(s) = -w*s[1]*s[2] - s[3]\ncouplings H\n").get(0);
    assertEquals("couplings", r.get("kind").asText());
    List<String> text = new ArrayList<>(), latex = new ArrayList<>();
    for (JsonNode k : r.get("couplings")) {
      text.add(k.get("name").get("text").asText());
      latex.add(k.get("name").get("latex").asText());
    }
    assertTrue(text.contains("J₁₂") && latex.contains("J_{12}"), text + " " + latex);
    assertTrue(text.contains("h₃") && latex.contains("h_{3}"), text + " " + latex);
    JsonNode j12 = r.get("couplings").get(text.indexOf("J₁₂"));
    assertEquals(2, j12.get("order").asInt());
    assertEquals("s[1]", j12.get("units").get(0).get("id").asText());
    assertEquals("s₁", j12.get("units").get(0).get("text").asText());
  }

  @Test
  void cumulantsAreNamedKappaWithTheirOrderAndUnit() throws Exception {
    JsonNode r = results("model M\nreal v\nspin h\nparam w, b\nenergy E(v, h) = v^2/2 - b*h - w*v*h\nF = marginalize E over h\nG = expand F in w to order 2\n").get(1);
    JsonNode kappa = r.get("cumulants").get(r.get("cumulants").size() - 1);
    assertEquals("\\kappa_{2}^{(h)}", kappa.get("name").get("latex").asText(), r.toString());
    assertEquals("κ₂^(h)", kappa.get("name").get("text").asText());
    assertFalse(r.toString().contains("kappa["), r.toString());
  }

  @Test
  void theTemperatureIsANameWithItsSymjaSpelling() throws Exception {
    JsonNode file = JSON.readTree(new JsonRenderer().render(List.of(Compiler.compile(new Source("t.energy",
        "model M\nreal x\ntemperature beta\nenergy H(x) = x^2/2\nZ = partition H\n"))))).get("files").get(0);
    assertEquals("\\beta", file.get("temperature").get("latex").asText());
    assertEquals("β", file.get("temperature").get("text").asText());
    assertEquals("u$beta", file.get("temperature").get("symja").asText());
  }
}
