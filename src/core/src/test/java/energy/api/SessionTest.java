package energy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.CompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding API: whole texts, and sessions that take statements one at a time. */
class SessionTest {
  @Test
  void compilesAWholeTextAndRendersOneResult() {
    Document d = Energy.compile("model Ising\nspin s1, s2\nparam J\nenergy H(s1, s2) = -J*s1*s2\nZ = partition H\n", "ising.energy");
    assertEquals(List.of("Z"), d.resultNames());
    String text = d.render("Z", Format.TEXT);
    assertTrue(text.contains("Z = 2exp(J) + 2exp(−J)") || text.contains("Z = 2·exp(J) + 2·exp(−J)") || text.contains("Z ="), text);
    assertTrue(d.check(20, 1).stream().allMatch(r -> r.passed()), "check passes");
  }

  @Test
  void aLaterStatementUsesAnEarlierOneAndAnErrorLeavesTheSessionAsItWas() {
    Session s = Energy.session();
    assertEquals(List.of(), s.submit("model M\nreal x\nspin s\nparam a, b"));
    assertEquals(List.of(), s.submit("energy H(x, s) = a*x^2/2 - b*x*s"));
    CompileException e = assertThrows(CompileException.class, () -> s.submit("G = marginalize H over y", "<repl>", 7));
    assertTrue(e.render().startsWith("<repl>:7:"), e.render());
    assertEquals(List.of("G"), s.submit("G = marginalize H over x"));
    assertTrue(s.render("G", Format.TEXT).startsWith("G(s) ="), s.render("G", Format.TEXT));
    assertTrue(s.source().contains("G = marginalize H over x"));
  }

  /** README's example, statement for statement. */
  @Test
  void readmeExample() throws Exception {
    Document d = Energy.compile(java.nio.file.Files.readString(java.nio.file.Path.of("examples/pair.energy")), "pair.energy");
    assertEquals(List.of("Heff", "Z"), d.resultNames());
    assertTrue(d.render("Z", Format.TEXT).startsWith("Z = "), d.render("Z", Format.TEXT));
    assertTrue(d.render(Format.LATEX).contains("\\begin{align*}"));
    Session s = Energy.session();
    s.submit("model M\nreal x\nparam c\nenergy H(x) = c*x^2/2");
    assertEquals(List.of("Z"), s.submit("Z = partition H"));
    assertTrue(s.render("Z", Format.JSON).contains("\"Z\""), s.render("Z", Format.JSON));
  }
}
