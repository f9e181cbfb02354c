package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Energies that are not finite or not real, and bond sums outside a lattice energy, found by the fuzzer:
 * each is one positioned error with a hint (not a result holding ∞ or Indeterminate, not an
 * internal error), the span covering the offending subexpression, and nothing on stdout.
 */
class NonFiniteAndMisplacedTest {
  static Stream<Arguments> errors() {
    String z = "\nZ = partition H\n";
    return Stream.of(
        // source, the text the error points at, message
        Arguments.of("dim n=1,m=2,p=1\nspin x[n]\nreal y[m],z[p]\nparam a[n],A[n,m],B[m,p]\nenergy H(x,y,z)=a.x+1/00*(y.y+z.z)-y.B.z\n", "1/00", "division by zero"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s + 1/0" + z, "1/0", "division by zero"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s + 1/(1-1)" + z, "1/(1-1)", "division by zero"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s/(J-J)" + z, "J*s/(J-J)", "division by zero"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s*0^(-1)" + z, "0^(-1)", "division by zero: 0 to a negative power"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s*0^0" + z, "0^0", "0^0 is undefined"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s + ln(0)" + z, "ln(0)", "ln(0) is not finite"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s + ln(1-1)" + z, "ln(1-1)", "ln(0) is not finite"),
        // Finite as written, infinite at a state of s: caught on the result, at the statement.
        Arguments.of("spin s\nparam J\nenergy H(s) = J/(1+s)" + z, "Z = partition H", "the energy is not finite here: the result contains ∞ or an indeterminate form"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*ln(1+s)\ncouplings H\n", "couplings H", "the energy is not finite here: the result contains ∞ or an indeterminate form"),
        // Real as written, complex at s = -1 (found by probing past the fuzzer's grammar): caught on the result.
        Arguments.of("spin s\nparam J\nenergy H(s) = J*ln(s)" + z, "Z = partition H", "the energy is not real here: the result has an imaginary part"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s^J" + z, "Z = partition H", "the energy is not real here: the result has an imaginary part"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*sqrt(s)\nF = marginalize H over s\n", "F = marginalize H over s", "the energy is not real here: the result has an imaginary part"),
        Arguments.of("spin s\nparam J\nenergy H(s) = J*s + sqrt(-1)" + z, "Z = partition H", "the energy is not real here: the result has an imaginary part"),
        Arguments.of("param K\nenergy K0() = K*sum<i,j> s[i]*s[j]\n", "sum<i,j> s[i]*s[j]", "a bond sum is only allowed in a reduced lattice energy"),
        Arguments.of("spin s\nreal y\nparam K\nenergy H(s, y) = y^2 + K*sum<<i,j>> s*s\nF = marginalize H over y\n", "sum<<i,j>> s*s", "a bond sum is only allowed in a reduced lattice energy"),
        Arguments.of("spin s, t\nkernel T(s | t) = sum<i,j> s*t\n", "sum<i,j> s*t", "a bond sum is only allowed in a reduced lattice energy"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void isOnePositionedErrorAndPrintsNothing(String text, String at, String message) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CompileException e;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("<stdin>", text)));
    } finally {
      System.setOut(out);
    }
    assertEquals(1, e.diagnostics().size(), e.render());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(message, d.message());
    assertEquals(at, d.span().text(), e.render());
    assertTrue(d.hint() != null && !d.hint().isBlank(), e.render());
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "stdout during compile");
  }

  /** Powers and logarithms that stay real at every state still compile, and their check passes. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"J*(s+2)^J", "J^s", "J*s^2 + s^(-1)", "J*ln(s+2)", "J*sqrt(s+1)", "(-1)^(1/2*(s+1))*J"})
  void realAtEveryStateCompilesAndChecks(String body) {
    Compilation c = Compiler.compile(new Source("<stdin>", "spin s\nparam J\nenergy H(s) = " + body + "\nZ = partition H\n"));
    for (energy.verify.Checker.Report r : energy.verify.Checker.check(c, 3, 7)) assertTrue(r.passed(), r.toString());
  }
}
