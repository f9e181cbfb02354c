package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text equations wrap between the terms of the outer sum, within the width, losing nothing. */
class TextWrapTest {
  private static int columns(String s) {
    return s.codePointCount(0, s.length());
  }

  @Test
  void wrapsBetweenOuterTermsWithinTheWidth() {
    long seed = 20261127L;
    System.out.println("seed " + seed);
    Random random = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      List<String> terms = new ArrayList<>();
      int n = 1 + random.nextInt(30);
      for (int k = 0; k < n; k++) {
        String body = "a" + k + "·x₁" + (random.nextInt(4) == 0 ? "·(b₁ + c₂ − d" + k + ")" : "");
        terms.add(k == 0 ? body : (random.nextBoolean() ? "+ " : "− ") + body);
      }
      String rhs = String.join(" ", terms), head = random.nextBoolean() ? "H₁(x, y) = " : "  Hₚ(h₁, h₂ | v₁, v₃, v₄, v₅, v₆, v₇, v₈, v₉, v₁₀, v₁₁) = ";
      List<String> lines = TextRenderer.wrap(head, rhs);
      StringBuilder joined = new StringBuilder();
      int next = 0;
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        assertTrue(l.codePointCount(0, l.length()) <= TextRenderer.WIDTH || l.strip().equals(terms.get(next)), "too long: " + l);
        // Each line holds whole terms, and breaks only where the next term would not fit.
        StringBuilder expected = new StringBuilder(i == 0 ? head : "");
        int first = next;
        while (next < terms.size() && (next == first || columns(expected + " " + terms.get(next)) <= TextRenderer.WIDTH - (i == 0 ? 0 : columns(l) - columns(l.strip()))))
          expected.append(next == first ? "" : " ").append(terms.get(next++));
        assertEquals(expected.toString(), i == 0 ? l : l.strip(), "line " + i);
        joined.append(i == 0 ? l : " " + l.strip());
      }
      assertEquals(terms.size(), next);
      assertEquals(head + rhs, joined.toString());
    }
  }
}
