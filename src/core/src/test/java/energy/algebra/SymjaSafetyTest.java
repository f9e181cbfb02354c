package energy.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.Compiler;
import energy.diag.CompileException;
import energy.diag.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/** The engine cannot reach files, the network, Java classes or the console, whatever the input. */
class SymjaSafetyTest {
  static final List<String> NAMES = List.of("Import", "Get", "ReadString", "Run", "JavaNew", "URLFetch", "SystemDialogInput", "Put");

  @Test
  void userNamesLikeEngineFunctionsStayPlainSymbols() {
    String params = String.join(", ", NAMES);
    String sum = String.join(" + ", NAMES.stream().map(n -> n + "*s").toList());
    Compilation c = Compiler.compile(new Source("m.energy", "spin s\nparam " + params + "\nenergy H(s) = -(" + sum + ")\nZ = partition H\n"));
    IExpr z = ((energy.result.PartitionFunction) c.results().get(0)).z();
    for (String n : NAMES) assertTrue(z.toString().contains(n), z.toString());
    // Numerically Z = 2 cosh(Σ values): the names are parameters, nothing else.
    double[] values = {0.1, -0.2, 0.3, 0.05, -0.15, 0.2, 0.01, -0.02};
    IExpr at = z;
    for (int i = 0; i < NAMES.size(); i++) at = F.subst(at, c.symbols().symbol(c.model().variables().get(NAMES.get(i))), F.num(values[i]));
    double total = 0;
    for (double v : values) total += v;
    assertEquals(2 * Math.cosh(total), Symja.eval(F.N(at)).evalf(), 1e-12);
  }

  @Test
  void engineFunctionNamesCannotBeCalled() {
    CompileException e =
        assertThrows(
            CompileException.class,
            () -> Compiler.compile(new Source("m.energy", "spin s\nenergy H(s) = ReadString(s)\nZ = partition H\n")));
    assertEquals("unknown function 'ReadString'", e.diagnostics().get(0).message());
  }

  @Test
  void outsideWorldBuiltInsStayUnevaluatedEvenIfReached(@TempDir Path dir) {
    for (String name : Symja.OUTSIDE_WORLD) Symja.builtIn(name); // every name exists in this Symja
    Path put = dir.resolve("put.txt"), written = dir.resolve("written.txt");
    IExpr[] calls = {
      F.binaryAST2(Symja.builtIn("Put"), F.C1, F.stringx(put.toString())),
      F.binaryAST2(Symja.builtIn("WriteString"), F.stringx(written.toString()), F.stringx("x")),
      F.unaryAST1(Symja.builtIn("ReadString"), F.stringx("/etc/hostname")),
      F.unaryAST1(Symja.builtIn("Import"), F.stringx("/etc/hostname")),
      F.unaryAST1(Symja.builtIn("Get"), F.stringx("/etc/hostname")),
      F.binaryAST2(Symja.builtIn("JavaNew"), F.stringx("java.io.File"), F.stringx("/tmp")),
      F.unaryAST1(Symja.builtIn("LoadJavaClass"), F.stringx("java.lang.System")),
      F.unaryAST1(Symja.builtIn("URLFetch"), F.stringx("http://localhost:9/")),
      F.unaryAST1(Symja.builtIn("SystemDialogInput"), F.stringx("x")),
      F.unaryAST1(Symja.builtIn("ToExpression"), F.stringx("ReadString(\"/etc/hostname\")")),
    };
    for (IExpr call : calls) assertEquals(call, Symja.eval(call), call.toString());
    assertFalse(Files.exists(put));
    assertFalse(Files.exists(written));
  }

  /** A sum of 520 distinct terms and a chain of 1000 minus signs: no Hold, the right value. */
  @Test
  void longSumsAndDeepMinusChainsEvaluate() {
    StringBuilder sum = new StringBuilder();
    for (int i = 1; i <= 520; i++) sum.append(i == 1 ? "" : " + ").append(i).append("*J*s");
    Compilation c = Compiler.compile(new Source("m.energy", "spin s\nparam J\nenergy H(s) = " + sum + "\nZ = partition H\n"));
    IExpr z = ((energy.result.PartitionFunction) c.results().get(0)).z();
    assertFalse(z.toString().contains("Hold"), z.toString());
    IExpr j = c.symbols().symbol(c.model().variables().get("J"));
    assertEquals(2 * Math.cosh(520 * 521 / 2 * 0.001), Symja.eval(F.N(F.subst(z, j, F.num(0.001)))).evalf(), 1e-9);
    Compilation d = Compiler.compile(new Source("m.energy", "spin s\nparam J\nenergy H(s) = " + "- ".repeat(1001) + "J*s\nZ = partition H\n"));
    IExpr h = d.energies().get("H");
    IExpr jd = d.symbols().symbol(d.model().variables().get("J"));
    IExpr s = d.symbols().symbol(d.model().variables().get("s"));
    assertFalse(h.toString().contains("Hold"), h.toString());
    assertEquals(-0.3 * 0.7, Symja.eval(F.N(F.subst(F.subst(h, jd, F.num(0.3)), s, F.num(0.7)))).evalf(), 1e-15);
  }

  /**
   * Calls nested as deep as the language allows evaluate (tanh keeps every level a real number
   * in (−1, 1)); one level more is a positioned error, not a value silently held by the
   * engine's recursion limit.
   */
  @Test
  void nestingUpToTheLimitEvaluatesAndPastItIsAPositionedError() {
    int n = energy.syntax.Parser.MAX_NESTING;
    String deep = "spin s\nparam J\nenergy H(s) = " + "tanh(".repeat(n - 1) + "J*s" + ")".repeat(n - 1) + "\nF = marginalize H over s\n";
    Compilation c = Compiler.compile(new Source("m.energy", deep));
    IExpr f = ((energy.result.Marginal) c.results().get(0)).value();
    assertFalse(f.toString().contains("Hold"), f.toString().substring(0, 200));
    double t = 0.4;
    for (int i = 0; i < n - 1; i++) t = Math.tanh(t);
    IExpr j = c.symbols().symbol(c.model().variables().get("J"));
    double expected = -Math.log(Math.exp(-t) + Math.exp(t)); // the sum over s = ±1 of e^{−H}, tanh odd
    assertEquals(expected, Symja.eval(F.N(F.subst(f, j, F.num(0.4)))).evalf(), 1e-12);
    String tooDeep = "spin s\nparam J\nenergy H(s) = " + "exp(".repeat(n + 1) + "J*s" + ")".repeat(n + 1) + "\n";
    CompileException e = assertThrows(CompileException.class, () -> Compiler.compile(new Source("m.energy", tooDeep)));
    String col = String.valueOf("energy H(s) = ".length() + 4 * n + 4);
    assertTrue(e.render().startsWith("m.energy:3:" + col + ": error: brackets nested more than " + n + " deep\n"), e.render().substring(0, 120));
  }
}
