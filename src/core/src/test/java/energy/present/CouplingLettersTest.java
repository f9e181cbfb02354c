package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.Compilation;
import energy.Compiler;
import energy.diag.Source;
import energy.json.JsonRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coupling letters and CGF names that no name of the model prints as (issue 11 item 6), the same in text, LaTeX and JSON. */
class CouplingLettersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode result(String text, int i) throws Exception {
    Compilation c = Compiler.compile(new Source("t.energy", text));
    return JSON.readTree(new JsonRenderer().render(List.of(c))).get("files").get(0).get("results").get(i);
  }

  private static List<String> names(JsonNode r, String format) {
    List<String> out = new ArrayList<>();
    for (JsonNode k : r.get("couplings")) out.add(k.get("name").get(format).asText());
    return out;
  }

  private static final String GAUSSIAN = "model M\ndim n = 3, m = 2\nspin v[n]\nreal h[m]\nparam a[n], W[n,m]\ntemperature beta\n"
      + "energy E(v, h) = -a.v + 1/2*h.h - v.W.h\nF = marginalize E over h\ncouplings F\n";

  @Test
  void fieldsAreNotNamedAfterAHiddenUnit() throws Exception {
    JsonNode r = result(GAUSSIAN, 1);
    assertTrue(names(r, "text").containsAll(List.of("b₁", "J₁₂")), names(r, "text").toString());
    assertTrue(names(r, "latex").containsAll(List.of("b_{1}", "J_{12}")), names(r, "latex").toString());
    assertFalse(names(r, "text").contains("h₁"));
    assertEquals("F = E₀ − Σ bᵢvᵢ − Σ Jᵢⱼvᵢvⱼ − Σ Kᵢⱼₖvᵢvⱼvₖ − …", r.get("convention").get("text").asText());
    assertEquals("F = E_{0} - \\sum_{i} b_{i} v_{i} - \\sum_{i<j} J_{ij} v_{i} v_{j} - \\sum_{i<j<k} K_{ijk} v_{i} v_{j} v_{k} - \\dots",
        r.get("convention").get("latex").asText());
  }

  @Test
  void theNextLetterWhenTheFirstTwoAreTakenAndEachOrderItsOwn() throws Exception {
    JsonNode r = result("model M\ndim n = 3, m = 1\nspin v[n]\nspin h[m]\nparam b[m], W[n,m], J, K\n"
        + "energy E(v, h) = -b.h - v.W.h - J*v[1]*v[2]*v[3] - K*v[1]\nF = marginalize E over h\ncouplings F\n", 1);
    List<String> text = names(r, "text");
    assertTrue(text.contains("θ₁") && text.contains("Q₁₂") && text.contains("L₁₂₃"), text.toString());
    assertTrue(names(r, "latex").contains("\\theta_{1}"), names(r, "latex").toString());
    assertTrue(r.get("convention").get("text").asText().contains("θᵢvᵢ − Σ Qᵢⱼvᵢvⱼ − Σ Lᵢⱼₖ"), r.get("convention").toString());
  }

  @Test
  void withoutAClashTheUsualLettersStay() throws Exception {
    JsonNode r = result("model M\ndim n = 3\nspin s[n]\nparam w\nenergy H(s) = -w*s[1]*s[2] - s[3]\ncouplings H\n", 0);
    assertTrue(names(r, "text").containsAll(List.of("J₁₂", "h₃")), names(r, "text").toString());
    assertEquals("H = E₀ − Σ hᵢsᵢ − Σ Jᵢⱼsᵢsⱼ − Σ Kᵢⱼₖsᵢsⱼsₖ − …", r.get("convention").get("text").asText());
  }

  @Test
  void severalUnitsAreSaidByName() throws Exception {
    JsonNode r = result("model M\nspin s1, s2\nparam J\nenergy H(s1, s2) = -J*s1*s2 - s1\ncouplings H\n", 0);
    assertEquals("H = E₀ − Σ h(u)·u − Σ Q(u,u′)·u·u′ − …, u, u′ ∈ {s₁, s₂}", r.get("convention").get("text").asText());
    assertTrue(names(r, "text").contains("Q(s₁,s₂)"), names(r, "text").toString());
    assertTrue(r.get("convention").get("latex").asText().endsWith("u, u' \\in \\{s_{1}, s_{2}\\}"), r.get("convention").toString());
  }

  @Test
  void aCumulantGeneratingFunctionIsSubscriptedByItsUnit() throws Exception {
    JsonNode r = result("model M\ndim m = 2\nbinary h[m]\nreal z\nparam b[m], c, d\ntemperature beta\n"
        + "energy E(h, z) = -b.h + 1/2*c*z^2 - d*z\nK5 = cumulant 5 of h in E\nK2 = cumulant 2 of z in E\n", 0);
    JsonNode cgf = r.get("components").get(0).get("cgf").get("name");
    assertEquals("K_{h_{1}}", cgf.get("latex").asText());
    assertEquals("K_h₁", cgf.get("text").asText());
    JsonNode z = result("model M\ndim m = 2\nbinary h[m]\nreal z\nparam b[m], c, d\ntemperature beta\n"
        + "energy E(h, z) = -b.h + 1/2*c*z^2 - d*z\nK5 = cumulant 5 of h in E\nK2 = cumulant 2 of z in E\n", 1);
    assertEquals("K_{z}", z.get("components").get(0).get("cgf").get("name").get("latex").asText());
    assertEquals("\\frac{t d}{c} + \\frac{t^{2}}{2 \\beta c}", z.get("components").get(0).get("cgf").get("value").get("latex").asText());
  }
}
