package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.algebra.Symja;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/** The command line on models with symbolic sizes. */
class SymbolicCliTest {
  static final String DBM3 = "examples/dbm3-symbolic.energy";

  /** Random values for dbm3 at n = 2, m = 2, p = 1 (B small enough that 𝟙 − BBᵀ ≻ 0). */
  static List<String> values(long seed) {
    Random rnd = new Random(seed);
    System.out.println("SymbolicCliTest seed " + seed);
    List<String> at = new ArrayList<>(List.of("beta=" + (0.5 + rnd.nextDouble())));
    for (int i = 1; i <= 2; i++) {
      at.add("a[" + i + "]=" + (2 * rnd.nextDouble() - 1));
      at.add("x[" + i + "]=" + (rnd.nextBoolean() ? 1 : -1));
      for (int j = 1; j <= 2; j++) at.add("A[" + i + "," + j + "]=" + (2 * rnd.nextDouble() - 1));
      at.add("B[" + i + ",1]=" + (0.6 * rnd.nextDouble() - 0.3));
    }
    return at;
  }

  static double number(CliTest.Run r, String name) {
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith(name + " = "), r.out());
    return Double.parseDouble(r.out().substring(name.length() + 3).trim());
  }

  @Test
  void evalWithSizesEqualsEvalOfTheModelWithThoseSizes(@TempDir Path dir) throws Exception {
    Path concrete = dir.resolve("dbm3-221.energy");
    Files.writeString(concrete, Files.readString(Path.of(DBM3)).replace("dim n, m, p", "dim n = 2, m = 2, p = 1"), StandardCharsets.UTF_8);
    for (long seed = 1; seed <= 3; seed++) {
      List<String> at = values(seed);
      for (String name : List.of("H0", "H1")) {
        List<String> args = new ArrayList<>(List.of("eval", DBM3, name, "--at", "n=2", "m=2", "p=1"));
        args.addAll(at);
        if (name.equals("H1")) args.addAll(List.of("y[1]=0.3", "y[2]=-0.7"));
        List<String> concreteArgs = new ArrayList<>(List.of("eval", concrete.toString(), name, "--at"));
        concreteArgs.addAll(args.subList(7, args.size()));
        double symbolic = number(CliTest.run(args.toArray(new String[0])), name);
        double components = number(CliTest.run(concreteArgs.toArray(new String[0])), name);
        assertEquals(components, symbolic, 1e-12 * Math.max(1, Math.abs(components)), name + " at " + at);
      }
    }
  }

  @Test
  void evalAsksForMissingSizes() {
    CliTest.Run r = CliTest.run("eval", DBM3, "H0", "--at", "n=2", "beta=1");
    assertEquals(Main.INPUT_ERROR == 1 ? 1 : r.status(), r.status(), r.err());
    assertTrue(r.err().contains("give the symbolic sizes with --at") && r.err().contains("m=2") && r.err().contains("p=2"), r.err());
  }

  @Test
  void checkPassesByInstantiation() {
    CliTest.Run r = CliTest.run("check", "--samples", "2", DBM3, "examples/rbm-symbolic.energy");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("H0          instantiated at n=1 m=1 p=1"), r.out());
    assertTrue(r.out().endsWith("all results verified\n"), r.out());
  }

  /** The JSON's Symja form, read back by Symja with lists for vectors and matrices, gives eval's value. */
  @Test
  void jsonSymjaFormEvaluatesToTheSameValue() throws Exception {
    CliTest.Run json = CliTest.run("compile", "--format", "json", DBM3);
    assertEquals(0, json.status(), json.err());
    JsonNode results = new ObjectMapper().readTree(json.out()).get("files").get(0).get("results");
    String h0 = results.get(1).get("energy").get("symja").asText();
    List<String> at = values(11);
    List<String> args = new ArrayList<>(List.of("eval", DBM3, "H0", "--at", "n=2", "m=2", "p=1"));
    args.addAll(at);
    double expected = number(CliTest.run(args.toArray(new String[0])), "H0");
    java.util.Map<String, Double> v = new java.util.HashMap<>();
    for (String s : at) v.put(s.substring(0, s.indexOf('=')), Double.parseDouble(s.substring(s.indexOf('=') + 1)));
    String definitions =
        "u$beta=" + v.get("beta") + ";u$n=2;u$m=2;u$p=1;"
            + "u$a={" + v.get("a[1]") + "," + v.get("a[2]") + "};"
            + "u$x={" + v.get("x[1]") + "," + v.get("x[2]") + "};"
            + "u$$a={{" + v.get("A[1,1]") + "," + v.get("A[1,2]") + "},{" + v.get("A[2,1]") + "," + v.get("A[2,2]") + "}};"
            + "u$$b={{" + v.get("B[1,1]") + "},{" + v.get("B[2,1]") + "}};";
    // User names and sizes are escaped (SymjaForm): u$beta is not Symja's Beta, u$$a is A and not a.
    ExprEvaluator ev = new ExprEvaluator();
    ev.eval(definitions);
    IExpr value = ev.eval("N(" + h0 + ")");
    assertEquals(expected, value.evalf(), 1e-10 * Math.max(1, Math.abs(expected)), h0 + " ~> " + value);
    assertTrue(Symja.eval(value).isReal());
  }
}
