package energy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.CompileException;
import energy.result.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Sessions are incremental: each submission is parsed, checked, lowered and transformed once,
 * against what came before, and gives what compiling the whole text gives.
 */
class IncrementalSessionTest {
  /** One statement per non-blank, non-comment line (these examples write one a line), with its line number. */
  private record Line(int number, String text) {}

  private static List<Line> statements(String file) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(file));
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (!t.isEmpty() && !t.startsWith("#")) out.add(new Line(i + 1, lines.get(i)));
    }
    return out;
  }

  /** Component form, matrix notation, an RG step whose flow comes in a later submission. */
  @ParameterizedTest
  @ValueSource(strings = {"examples/dbm3.energy", "examples/dbm3-symbolic.energy", "examples/ising-chain.energy"})
  void statementsOneAtATimeGiveTheWholeFilesResults(String file) throws Exception {
    Document whole = Energy.compile(Files.readString(Path.of(file)), file);
    Session s = Energy.session();
    List<String> made = new ArrayList<>();
    for (Line l : statements(file)) made.addAll(s.submit(l.text(), file, l.number()));
    assertEquals(whole.resultNames(), s.resultNames());
    assertEquals(whole.resultNames(), made.stream().distinct().toList());
    for (Format f : List.of(Format.TEXT, Format.LATEX, Format.JSON)) {
      assertEquals(whole.render(f), s.document().render(f), file + " as " + f);
      for (String name : whole.resultNames()) assertEquals(whole.render(name, f), s.render(name, f), name + " as " + f);
    }
    assertTrue(s.document().check(3, 20261127L).stream().allMatch(r -> r.passed() && r.skipped() == null), file + ": check");
  }

  /** H0 is computed from H1 as it stands: H1 is neither marginalized again nor replaced. */
  @Test
  void aLaterStatementDoesNotRedoTheAlgebraBeforeIt() throws Exception {
    Session s = Energy.session();
    List<Line> lines = statements("examples/dbm3.energy");
    for (Line l : lines.subList(0, lines.size() - 1)) s.submit(l.text(), "dbm3", l.number());
    assertEquals(1, s.transforms(), "H1 alone");
    Result h1 = s.document().compilation().result("H1");
    assertEquals(List.of("H0"), s.submit(lines.get(lines.size() - 1).text()));
    assertEquals(2, s.transforms(), "H0 added one transform, H1 none");
    assertSame(h1, s.document().compilation().result("H1"), "H1 is the same result, not a recomputed one");
  }

  private static final String MODEL = "model M\nreal x, y\nspin s\nparam a, b, c\nenergy H(x, y, s) = a*x^2/2 + y^2/2 - b*x*s - c*x*y\n";

  private record State(List<String> names, String source, int transforms, String text) {
    static State of(Session s) {
      return new State(s.resultNames(), s.source(), s.transforms(), s.document().render(Format.TEXT));
    }
  }

  /** An error at any pass (parse, check, transform) drops the whole submission; what it declared is not kept. */
  @Test
  void anErrorLeavesTheSessionExactlyAsItWas() {
    Session s = Energy.session();
    s.submit(MODEL);
    s.submit("G = marginalize H over y");
    State before = State.of(s);
    // Each piece with the error it must get: at the parse, at the check (after a new parameter),
    // at the transform (after F was made in the same piece).
    List<List<String>> bad =
        List.of(
            List.of("F = marginalize H over x\nE = marginalize H over", "expected"),
            List.of("param d\nF = marginalize H over q", "unknown unit 'q'"),
            List.of("energy Q(x, s) = x^2/2 - b^2*x*s\nF = marginalize Q over x\nK = expand F in b to order 2", "not linear"));
    for (List<String> piece : bad) {
      CompileException e = assertThrows(CompileException.class, () -> s.submit(piece.get(0)), piece.get(0));
      assertTrue(e.render().contains(piece.get(1)), e.render());
      assertEquals(before, State.of(s), "after " + piece.get(0));
    }
    // The names the failed pieces used are free, and what they declared is unknown.
    assertThrows(CompileException.class, () -> s.submit("Z = partition Q"));
    CompileException unknown = assertThrows(CompileException.class, () -> s.submit("energy P(x) = d*x^2"));
    assertTrue(unknown.render().contains("unknown"), unknown.render());
    assertEquals(List.of("F"), s.submit("F = marginalize G over x"));
    assertEquals(List.of("G", "F"), s.resultNames());
  }

  /** A result name already used is an error at the new statement, with a hint to the first. */
  @Test
  void aResultNameAlreadyUsedIsAPositionedError() {
    Session s = Energy.session();
    s.submit(MODEL, "notes.md", 10);
    s.submit("G = marginalize H over y", "notes.md", 20);
    State before = State.of(s);
    CompileException e = assertThrows(CompileException.class, () -> s.submit("\nG = marginalize H over x", "notes.md", 30));
    assertEquals(1, e.diagnostics().size(), e.render());
    assertTrue(e.render().startsWith("notes.md:31:1: error: 'G' is already defined"), e.render());
    assertEquals("first defined at line 20; choose another name", e.diagnostics().get(0).hint(), e.render());
    assertEquals(before, State.of(s));
  }

  /** Errors point into the submission's origin from its first line; the default origin continues the lines. */
  @Test
  void errorsAreReportedAtTheLinesOfTheirOrigin() {
    Session s = Energy.session();
    s.submit(MODEL);
    CompileException e = assertThrows(CompileException.class, () -> s.submit("G = marginalize H over x\nF = marginalize G over q", "<repl>", 41));
    assertTrue(e.render().startsWith("<repl>:42:24: error:"), e.render());
    CompileException next = assertThrows(CompileException.class, () -> s.submit("F = marginalize H over q"));
    assertTrue(next.render().startsWith("<session>:6:24: error:"), next.render()); // MODEL is lines 1 to 5
  }
}
