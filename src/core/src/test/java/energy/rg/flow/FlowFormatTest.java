package energy.rg.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON tree, text and LaTeX renderings carry the analysis' numbers to 12 digits. */
class FlowFormatTest {
  @TempDir Path dir;

  @Test
  void jsonHasTheAgreedKeysAndTheNumbers() throws Exception {
    FlowResult r = FlowAnalysis.analyze(Recursions.migdalKadanoff());
    String s = FlowFormat.jsonString(r);
    System.out.println(s);
    JsonNode root = new ObjectMapper().readTree(s);
    JsonNode fps = root.get("fixedPoints");
    assertEquals(r.fixedPoints().size(), fps.size());
    for (int i = 0; i < fps.size(); i++) {
      FixedPoint p = r.fixedPoints().get(i);
      JsonNode o = fps.get(i);
      for (String key : List.of("coordinates", "eigenvalues", "exponents", "nu")) {
        assertTrue(o.has(key), "missing " + key + " in " + o);
      }
      assertEquals(
          p.coordinate(0),
          o.get("coordinates").get("K").asDouble(),
          1e-11 * Math.max(1, Math.abs(p.coordinate(0))));
      assertEquals(p.eigenvalues().get(0).re(), o.get("eigenvalues").get(0).asDouble(), 1e-11);
      double y = p.eigenvalues().get(0).exponent();
      if (Double.isInfinite(y)) assertTrue(o.get("exponents").get(0).isNull(), "y = −∞ is null");
      else assertEquals(y, o.get("exponents").get(0).asDouble(), 1e-11);
      if (p.nu() == null) assertTrue(o.get("nu").isNull());
      else assertEquals(p.nu(), o.get("nu").asDouble(), 1e-11);
    }
    JsonNode lines =
        new ObjectMapper()
            .readTree(FlowFormat.jsonString(FlowAnalysis.analyze(Recursions.chainInField())))
            .get("fixedLines");
    assertEquals(1, lines.size());
    assertEquals(0.0, lines.get(0).get("constant").get("K").asDouble());
    assertTrue(lines.get(0).get("exact").asBoolean());
  }

  @Test
  void numbersRoundTripToTwelveDigits() {
    long seed = 5L;
    System.out.println("numbersRoundTripToTwelveDigits: seed " + seed);
    Random rnd = new Random(seed);
    for (int t = 0; t < 2000; t++) {
      double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(30) - 15);
      String s = FlowFormat.number(v);
      double back = Double.parseDouble(s);
      assertTrue(Math.abs(back - v) <= 5e-12 * Math.abs(v), v + " printed " + s);
      assertTrue(s.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() <= 14, s);
    }
    assertEquals("0", FlowFormat.number(0.0));
    assertEquals("-inf", FlowFormat.number(Double.NEGATIVE_INFINITY));
    assertEquals("1.5", FlowFormat.number(1.5));
  }

  @Test
  void textTableListsEveryFixedPoint() {
    FlowResult r = FlowAnalysis.analyze(Recursions.nvl());
    String t = FlowTables.text(r);
    for (FixedPoint p : r.fixedPoints()) {
      assertTrue(t.contains(text(p.coordinate(0))), t);
      assertTrue(t.contains(text(p.eigenvalues().get(0).exponent())), t);
    }
    assertTrue(t.contains(text(r.critical().nu())), t);
  }

  /** A number as the text table writes it: seven significant digits, Unicode minus and ∞, as the text's expressions. */
  private static String text(double v) {
    if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
    String plain = new java.math.BigDecimal(v).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
    return plain.replace('-', '−');
  }

  @Test
  void latexTableCompiles() throws Exception {
    FlowResult r = FlowAnalysis.analyze(Recursions.squares());
    String table = FlowTables.latex(r);
    System.out.println(table);
    // Single numbers right-aligned on their points (K*, h*, ν); lists of eigenvalues and exponents left.
    assertTrue(table.contains("\\begin{tabular}{rrllrl}"), table);
    assertEquals(r.fixedPoints().size() + 1, table.split("\\\\\\\\\n", -1).length - 1, table);
    Assumptions.assumeTrue(havePdflatex(), "pdflatex not installed: compile check skipped");
    Path tex = dir.resolve("t.tex");
    Files.writeString(
        tex,
        "\\documentclass{article}\n\\begin{document}\n"
            + table
            + "\n"
            + FlowTables.latex(FlowAnalysis.analyze(Recursions.spiral(0.6, 0.9)))
            + "\\end{document}\n",
        StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log);
  }

  static boolean havePdflatex() {
    try {
      Process p = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
