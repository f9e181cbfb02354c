package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of user error: its exact position, message and rendering. */
class DiagnosticsTest {

  static Stream<Path> badExamples() {
    return Examples.bad().stream();
  }

  /** examples/bad/NAME.energy fails with exactly the diagnostics in NAME.err. */
  @ParameterizedTest
  @MethodSource("badExamples")
  void badExampleGivesItsExpectedDiagnostic(Path file) {
    Source source = new Source(file.toString().replace('\\', '/'), Examples.read(file));
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(source));
    Examples.assertMatches(Examples.sibling(file, ".err"), e.render());
    for (Diagnostic d : e.diagnostics()) assertTrue(d.hint() != null && !d.hint().isBlank(), "every message has a hint: " + d.render());
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        // source, line, column, message
        Arguments.of("spin s\nparam J\nenergy H(s) = -J*s*t\n", 3, 20, "unknown name 't'"),
        Arguments.of("dim n = 2\nspin s[n]\nparam A[n,n]\nenergy H(s) = -s.A\n", 4, 15, "an energy must be a scalar, but this is a vector of size n"),
        Arguments.of("dim n = 2\nspin s[n]\nparam A[n,n]\nenergy H(s) = -A[1,3]*s[1]\n", 4, 20, "index 3 is out of range 1..2 of 'A'"),
        Arguments.of("dim n = 2, m = 3\nspin s[n]\nparam a[m]\nenergy H(s) = -a.s\n", 4, 16, "size mismatch in contraction: a vector of size m with a vector of size n"),
        Arguments.of("spin s\nreal y\nenergy H(s, y) = y^4\nF = marginalize H over y\n", 3, 18, "real unit 'y' appears at degree 4 here"),
        Arguments.of("spin s\nreal y\nenergy H(s, y) = y^2/y\nF = marginalize H over y\n", 3, 22, "real unit 'y' appears in a denominator"),
        Arguments.of("spin s\nreal y\nenergy H(s, y) = exp(y)\nF = marginalize H over y\n", 3, 18, "real unit 'y' appears inside 'exp'"),
        Arguments.of("spin s, t\nenergy H(s) = s\nF = marginalize H over t\n", 3, 24, "energy 'H' does not depend on unit 't'"),
        Arguments.of("spin s\nenergy H(s) = s\nF = marginalize H over s, s\n", 3, 27, "unit 's' is listed twice"),
        Arguments.of("spin s\nenergy H(s) = s\nH = partition H\n", 3, 1, "'H' is already defined"),
        Arguments.of("spin s\nenergy H(s) = foo(s)\n", 2, 15, "unknown function 'foo'"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s\nF = partition G\n", 4, 15, "unknown energy 'G'"),
        Arguments.of("spin s, t\nenergy H(s) = s*t\n", 2, 17, "unit 't' is not an argument of this energy"),
        Arguments.of("spin s\nparam h\nenergy H(s) = -h*s +\n", 3, 20, "expression ends with '+'"),
        Arguments.of("spin s\nparm h\nenergy H(s) = -h*s\n", 2, 1, "unknown statement 'parm'"),
        Arguments.of("dim n = 0\nspin s[n]\nparam a[n]\nenergy H(s) = -a.s\n", 1, 5, "size 'n' must be between 1 and 64"),
        Arguments.of("spin s\nparam J\nenergy H(s) = -J*(s + 1\nZ = partition H\n", 3, 18, "'(' is never closed"),
        Arguments.of("spin s\nparam J\nenergy H(s) = -J*s)\n", 3, 19, "')' without its '('"),
        Arguments.of("spin s\nparam J\nenergy H(s) = -2J*s\n", 3, 16, "a number runs into a name: '2J'"),
        Arguments.of("spin s\nparam J\nenergy H(s) = -1e400*J*s\n", 3, 16, "exponent notation '1e400' is not supported (numbers are exact)"),
        Arguments.of("spin s\rparam J\renergy H(s) = -J*s*t\r", 3, 20, "unknown name 't'"),
        // An invisible character is named by its code point; a ',' in ANTLR's expected set stays one item.
        Arguments.of("spin s\nparam J\nenergy H(s) = -J*\u0000s\n", 3, 18, "unexpected character U+0000"),
        Arguments.of("spin s\nparam J\nenergy H(s) = exp(J s)\n", 3, 21, "unexpected 's', expected ',' or ')'"),
        Arguments.of("real y\nenergy H(y) = -y^2\nF = marginalize H over y\n", 3, 24,
            "the Gaussian integral over y diverges: the quadratic form is not positive definite (leading minor 1 is -2)"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorIsReportedAtItsPosition(String text, int line, int column, String message) {
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<stdin>", text)));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(message, d.message());
    assertEquals(line, d.span().line(), "line");
    assertEquals(column, d.span().column(), "column");
    String rendered = d.render();
    assertTrue(rendered.startsWith("<stdin>:" + line + ":" + column + ": error: " + message + "\n"), rendered);
    assertTrue(d.hint() != null && !d.hint().isBlank() && rendered.contains("\nhint: "), "every message has a hint: " + rendered);
  }

  /**
   * A misspelled operation's hint names the closest operation and lists them all, the ones led
   * by a keyword and the two that follow a result's name ({@code G where …}, {@code G at …}).
   */
  @org.junit.jupiter.api.Test
  void aMisspelledOperationsHintListsEveryFormAfterTheEqualsSign() {
    for (String op : List.of("partiton", "frobnicate")) {
      CompileException e = assertThrows(CompileException.class,
          () -> Compiler.compile(new Source("<stdin>", "spin s\nparam J\nenergy H(s) = -J*s\nZ = " + op + " H\n")));
      Diagnostic d = e.diagnostics().get(0);
      assertEquals("unknown operation '" + op + "'", d.message());
      assertEquals(op.equals("partiton"), d.hint().startsWith("did you mean 'partition'? "), d.hint());
      for (String form : List.of("marginalize", "coefficient", "derivative", "G where", "G at"))
        assertTrue(d.hint().contains(form), "the hint lacks " + form + ": " + d.hint());
    }
  }

  /**
   * The fuzzer's deep-nesting input (5000 unclosed "exp(" and a NUL byte) once kept ANTLR's error
   * recovery busy for minutes: it is rejected at the opening bracket past the limit, in well under
   * a second of CPU time.
   */
  @org.junit.jupiter.api.Test
  void deepUnclosedNestingIsRejectedAtOnce() throws java.io.IOException {
    Path file = Path.of("src/core/src/test/resources/fuzz/corpus/deep-nesting-hang.energy");
    String text = java.nio.file.Files.readString(file);
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("deep.energy", text)));
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    int limit = energy.syntax.Parser.MAX_NESTING;
    int at = -1;
    for (int i = 0, depth = 0; i < text.length() && at < 0; i++) {
      if (text.charAt(i) == ')') depth--;
      if (text.charAt(i) == '(' && ++depth == limit + 1) at = i;
    }
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("brackets nested more than " + limit + " deep", d.message());
    assertEquals(at, d.span().start(), "at the opening bracket past the limit");
    assertTrue(seconds < 1, "took " + seconds + " s of CPU time");
  }

  /** A size that failed is reported once, not again at each use. */
  @org.junit.jupiter.api.Test
  void aFailedSizeDoesNotCascade() {
    CompileException e =
        assertThrows(CompileException.class, () -> Compiler.compile(new Source("<stdin>", "dim n = 0\nspin s[n]\nparam a[n]\nenergy H(s) = -a.s\nZ = partition H\n")));
    assertEquals(List.of("size 'n' must be between 1 and 64"), e.diagnostics().stream().map(Diagnostic::message).toList());
  }

  @org.junit.jupiter.api.Test
  void everyErrorOfAStageIsReported() {
    String text = "spin s\nparam J\nenergy H(s) = -J*s*t + K\n";
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<stdin>", text)));
    List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
    assertEquals(List.of("unknown name 't'", "unknown name 'K'"), messages);
  }
}
