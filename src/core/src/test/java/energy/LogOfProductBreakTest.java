package energy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A logarithm of a long product (the exact RBM couplings: ⅛ ln of a ratio of eight cosh
 * factors) too wide for a row is broken inside the product, rows of factors under the opening
 * bracket, not taken apart into one {@code \ln\cosh} per row. Its value is read back from the
 * broken rows by {@link PrintedFormsRoundTripTest}.
 */
class LogOfProductBreakTest {
  /** Each equation of the paper LaTeX: its left-hand side and its rows. */
  static Map<String, List<String>> equations(String paper) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String current = null;
    String body = paper.substring(paper.indexOf("\\begin{align*}\n") + "\\begin{align*}\n".length(), paper.indexOf("\n\\end{align*}"));
    for (String raw : body.split(" \\\\\\\\\n")) {
      String row = raw.startsWith("\\intertext{") ? raw.substring(raw.indexOf('\n') + 1) : raw;
      int amp = row.indexOf('&');
      if (amp > 0) out.put(current = row.substring(0, amp).trim(), new ArrayList<>());
      out.get(current).add(row.substring(amp + 1));
    }
    return out;
  }

  @Test
  void aLongLogOfAProductBreaksInsideTheProduct() throws Exception {
    Path file = Path.of("examples/rbm-exact-couplings.energy");
    String paper = LatexRenderer.paper(List.of(Presenter.present(Compiler.compile(new Source(file.toString(), Examples.read(file))))));
    Map<String, List<String>> eqs = equations(paper);
    System.out.println(paper);
    for (var e : eqs.entrySet()) {
      if (e.getKey().startsWith("F(")) continue;
      // Eight factors of ~126pt: two fit a row after the bracket, so four rows (E₀ has ln 2 before its bracket).
      int most = e.getKey().equals("E_{0}") ? 8 : 4;
      assertTrue(e.getValue().size() <= most, e.getKey() + " takes " + e.getValue().size() + " rows:\n" + String.join("\n", e.getValue()));
      for (String row : e.getValue().subList(1, e.getValue().size()))
        if (row.startsWith("\\hphantom")) assertFalse(row.substring(row.indexOf("}{}")).contains("\\ln"), "a continuation row inside a product holds a logarithm: " + row);
    }
  }
}
