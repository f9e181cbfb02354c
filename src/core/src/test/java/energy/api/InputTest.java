package energy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.CompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a front end asks before submitting: is the text unfinished, what does it declare. */
class InputTest {
  /**
   * An unfinished text is one the parser rejects only for ending, so every proper prefix of a
   * valid statement that ends in an operator, '=', an open bracket or a keyword is unfinished,
   * and the whole statement is not. Checked on every such prefix of real statements.
   */
  @Test
  void prefixesOfValidStatementsThatEndEarlyAreIncomplete() {
    String decl = "model M\ndim n = 2\nspin s[n]\nreal y\nparam J, a[n], W[n,n], c\ntemperature beta\n";
    List<String> statements = List.of(
        "energy H(s, y) = -(J*s[1]*s[2] + sum(i) a[i]*s[i]) + 1/2*c*y^2 - y*(s[1] + s[2])",
        "F = marginalize H over y, s",
        "Z = partition H");
    String session = decl;
    for (String st : statements) {
      for (int cut = 1; cut < st.length(); cut++) {
        String prefix = st.substring(0, cut);
        if (!prefix.endsWith(" ")) continue;
        String p = prefix.strip();
        char last = p.charAt(p.length() - 1);
        boolean endsEarly = "=+-*/^(,.[".indexOf(last) >= 0 || p.endsWith(" over") || p.endsWith(" partition")
            || p.endsWith(" marginalize") || p.equals("energy") || p.chars().filter(ch -> ch == '(').count() > p.chars().filter(ch -> ch == ')').count();
        if (endsEarly) assertTrue(Input.incomplete(p), "unfinished: " + p);
      }
      assertFalse(Input.incomplete(st), st);
      // and the statements really are valid, in order
      session += st + "\n";
      Energy.compile(session, "m");
    }
  }

  @Test
  void mistakesThatMoreTextCannotMendAreNotIncomplete() {
    for (String s : List.of("energy H(x) = x)", "spn s", "H1 = marginalise H over x", "energy H(x) = 2J", "x = = y", "", "   "))
      assertFalse(Input.incomplete(s), s);
    // ... and the parser does reject them, apart from the blank ones
    for (String s : List.of("energy H(x) = x)", "spn s", "H1 = marginalise H over x"))
      assertTrue(Input.syntaxError(s).isPresent(), s);
  }

  @Test
  void keywordsComeFromTheGrammar() {
    List<String> k = Input.keywords();
    assertTrue(k.containsAll(List.of("model", "spin", "binary", "real", "param", "temperature", "energy", "marginalize", "over", "partition", "expand")), k.toString());
    assertFalse(k.contains("="));
  }

  @Test
  void declarationsNameEveryKind() {
    String text = "model M\ndim n = 2\nspin s[n]\nreal y\nparam J, c\ntemperature beta\nenergy H(s, y) = -J*s[1]*s[2] + 1/2*c*y^2\n"
        + "F = marginalize H over y\nZ = partition H\n";
    List<Input.Declaration> d = Input.declarations(text);
    assertEquals(List.of("n", "s", "y", "J", "c", "beta", "H", "F", "Z"), d.stream().map(Input.Declaration::name).toList());
    assertEquals(List.of("size", "spin unit", "real unit", "parameter", "parameter", "temperature", "energy", "marginal", "partition function"),
        d.stream().map(Input.Declaration::kind).toList());
    assertEquals("F = marginalize H over y", d.get(7).statement());
    assertEquals(List.of(), Input.declarations("model (\n"));
    assertEquals("β", Input.symbol("beta"));
  }

  /** An error at the end is reported by a real submission the same way: the REPL's decision matches the session's. */
  @Test
  void aSessionRejectsWhatInputCallsIncomplete() {
    Session s = Energy.session();
    s.submit("model M\nreal x\nparam c\n");
    for (String p : List.of("energy H(x) =", "energy H(x) = (x", "energy H(x) = x +")) {
      assertTrue(Input.incomplete(p), p);
      try {
        s.submit(p);
        throw new AssertionError("accepted: " + p);
      } catch (CompileException e) {
        assertEquals("model M\nreal x\nparam c\n", s.source());
      }
    }
  }
}
