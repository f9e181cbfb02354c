package energy.cli;

import energy.api.Document;
import energy.api.Energy;
import energy.api.Format;
import energy.result.ExpandedCouplings;
import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The RBM expansion {@code G = expand F in W to order k} (n visible spins, m binary hidden units)
 * against FORM on the same polynomial, −Σⱼ Σᵣ β^{r−1} κᵣⱼ/r! (Σᵢ Wᵢⱼvᵢ)ʳ with vᵢ² = 1 fully
 * expanded and printed: whole processes, wall clock, median of the runs — FORM, {@code ./energy
 * compile} in text, LaTeX and JSON — and the warm in-process compile and text rendering through
 * {@code energy.api}. Before timing, both sides must agree on the work: FORM's number of terms
 * equals the number of W-monomials in energy's couplings (less E₀'s logarithm and the n fields
 * aᵢ, which FORM's polynomial leaves out), and the coefficient of v₁v₂ at W = κ = β = 1 agrees
 * exactly. Needs {@code form} on PATH ({@code apt-get install form}). A benchmark, not a test
 * (from the repository top):
 *
 * <pre>
 * mvn -q -o -pl src/core,src/cli test-compile && ./energy --version >/dev/null &&
 * java -Xss8m -cp "src/cli/target/test-classes:src/cli/target/energy.jar:src/cli/target/lib/*" energy.cli.FormBenchmark [RUNS]
 * </pre>
 */
public final class FormBenchmark {
  private FormBenchmark() {}

  static final int[][] CASES = {{16, 8, 4}, {32, 8, 4}};

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    Path launcher = Path.of("energy").toAbsolutePath();
    Path dir = Files.createTempDirectory("energy-form-bench");
    System.out.printf(Locale.ROOT, "%d runs each; load before: %s%n", runs, uptime());
    System.out.printf(Locale.ROOT, "%-10s %8s %8s %8s %8s %8s %8s %9s %9s %9s%n",
        "(n,m,k)", "FORM s", "text s", "latex s", "json s", "warm s", "terms", "text/FORM", "warm/FORM", "latex/text");
    for (int[] c : CASES) {
      int n = c[0], m = c[1], k = c[2];
      Path model = dir.resolve("rbm-" + n + "-" + m + "-" + k + ".energy");
      Files.writeString(model, model(n, m, k), StandardCharsets.UTF_8);
      Path script = dir.resolve("rbm-" + n + "-" + m + "-" + k + ".frm");
      Files.writeString(script, form(n, m, k), StandardCharsets.UTF_8);
      Path formOut = dir.resolve("form.out");

      // The same work: term counts and one coefficient.
      run(List.of("form", "-q", script.toString()), formOut);
      String printed = Files.readString(formOut, StandardCharsets.UTF_8);
      long formTerms = formTerms(printed);
      Document doc = Energy.compile(model(n, m, k), model.toString());
      ExpandedCouplings g = (ExpandedCouplings) doc.compilation().results().get(1);
      long ours = 0;
      IExpr j12 = null;
      for (var co : g.couplings()) {
        ours += monomials(co.value());
        if (Arrays.equals(co.units(), new int[] {0, 1})) j12 = co.value();
      }
      if (ours - 1 - n != formTerms) throw new AssertionError("terms: FORM " + formTerms + ", energy " + ours + " − 1 − " + n);
      IExpr atOnes = F.eval(j12.replaceAll(x -> x.isSymbol() && !x.isBuiltInSymbol() ? F.C1 : F.NIL));
      IExpr formJ12 = F.eval(F.fraction(new BigInteger(v1v2(printed)[0]), new BigInteger(v1v2(printed)[1])));
      if (!atOnes.equals(formJ12)) throw new AssertionError("v1*v2 at ones: FORM " + formJ12 + ", energy " + atOnes);

      double form = median(runs, () -> run(List.of("form", "-q", script.toString()), formOut));
      double text = median(runs, () -> run(List.of(launcher.toString(), "compile", model.toString(), "--format", "text", "-o", dir.resolve("o.txt").toString()), null));
      double latex = median(runs, () -> run(List.of(launcher.toString(), "compile", model.toString(), "--format", "latex", "-o", dir.resolve("o.tex").toString()), null));
      double json = median(runs, () -> run(List.of(launcher.toString(), "compile", model.toString(), "--format", "json", "-o", dir.resolve("o.json").toString()), null));
      String src = model(n, m, k);
      Energy.compile(src, "warm-up").render(Format.TEXT);
      double warm = median(Math.max(runs, 5), () -> {
        long t0 = System.nanoTime();
        Energy.compile(src, "rbm").render(Format.TEXT);
        return (System.nanoTime() - t0) / 1e9;
      });
      System.out.printf(Locale.ROOT, "%-10s %8.2f %8.2f %8.2f %8.2f %8.2f %8d %9.1f %9.2f %9.2f%n",
          "(" + n + "," + m + "," + k + ")", form, text, latex, json, warm, formTerms, text / form, warm / form, latex / text);
    }
    System.out.printf(Locale.ROOT, "load after: %s%n", uptime());
  }

  /** The energy file: an RBM of n visible spins and m binary hidden units, expanded to order k. */
  static String model(int n, int m, int k) {
    return "model RBM\ndim n = " + n + ", m = " + m + "\nspin v[n]\nbinary h[m]\nparam a[n], b[m], W[n,m]\ntemperature beta\n"
        + "energy E(v, h) = -a.v - b.h - v.W.h\nF = marginalize E over h\nG = expand F in W to order " + k + "\n";
  }

  /**
   * The FORM program: G = −Σⱼ Σ_{r ≤ k} β^{r−1} κ_{rj}/r! tⱼʳ with tⱼ = Σᵢ Wᵢⱼvᵢ, vᵢ² = 1,
   * printed; then the coefficient of v₁v₂ at W = κ = β = 1 (other v = 0) as its own expression.
   */
  static String form(int n, int m, int k) {
    StringBuilder s = new StringBuilder("#-\nSymbols beta, vv;\n");
    List<String> vs = new ArrayList<>();
    for (int i = 1; i <= n; i++) vs.add("v" + i);
    s.append("Symbols ").append(String.join(", ", vs)).append(";\n");
    for (int j = 1; j <= m; j++) {
      List<String> w = new ArrayList<>();
      for (int i = 1; i <= n; i++) w.add("W" + i + "x" + j);
      for (int r = 1; r <= k; r++) w.add("k" + r + "x" + j);
      s.append("Symbols ").append(String.join(", ", w)).append(";\n");
    }
    s.append("Set vs: ").append(String.join(", ", vs)).append(";\n");
    s.append("Local G =");
    for (int j = 1; j <= m; j++) {
      List<String> t = new ArrayList<>();
      for (int i = 1; i <= n; i++) t.add("W" + i + "x" + j + "*v" + i);
      String tj = "(" + String.join(" + ", t) + ")";
      for (int r = 1; r <= k; r++) s.append("\n  - k").append(r).append("x").append(j).append("*beta^").append(r - 1).append("/").append(factorial(r)).append("*").append(tj).append("^").append(r);
    }
    s.append(";\nrepeat id vv?vs^2 = 1;\n.sort\nFormat nospaces;\nPrint +s G;\n.sort\n");
    // C12 = (S(1,1) − S(1,−1) − S(−1,1) + S(−1,−1))/4, S = G at v₃ = … = 0 and W = κ = β = 1.
    int[][] at = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
    s.append("Skip G;\n");
    for (int q = 0; q < 4; q++) s.append("Local S").append(q).append(" = G;\n");
    for (int q = 0; q < 4; q++)
      s.append("if (expression(S").append(q).append("));\n  id v1 = ").append(at[q][0]).append(";\n  id v2 = ").append(at[q][1]).append(";\nendif;\n");
    for (int i = 3; i <= n; i++) s.append("id v").append(i).append(" = 0;\n");
    s.append("id beta = 1;\n");
    for (int j = 1; j <= m; j++) {
      for (int i = 1; i <= n; i++) s.append("id W").append(i).append("x").append(j).append(" = 1;\n");
      for (int r = 1; r <= k; r++) s.append("id k").append(r).append("x").append(j).append(" = 1;\n");
    }
    s.append(".sort\nLocal C12 = (S0 - S1 - S2 + S3)/4;\n");
    s.append(".sort\nPrint C12;\n.end\n");
    return s.toString();
  }

  private static long factorial(int r) {
    long f = 1;
    for (int i = 2; i <= r; i++) f *= i;
    return f;
  }

  /** FORM's statistics line "Terms in output = N" of G (the first printed). */
  static long formTerms(String printed) {
    Matcher t = Pattern.compile("G\\s+Terms in output =\\s+(\\d+)").matcher(printed);
    long last = -1;
    while (t.find()) last = Long.parseLong(t.group(1));
    if (last < 0) throw new AssertionError("no term count in FORM's output");
    return last;
  }

  /** {numerator, denominator} of C12 as FORM prints it. */
  static String[] v1v2(String printed) {
    Matcher c = Pattern.compile("C12=\\s*([-+]?\\d+)(?:/(\\d+))?;").matcher(printed.replaceAll("\\s+", ""));
    if (!c.find()) throw new AssertionError("no C12 in FORM's output");
    return new String[] {c.group(1), c.group(2) == null ? "1" : c.group(2)};
  }

  /** Leaf monomials of a coefficient written as sums of w·(sum) products. */
  static long monomials(IExpr e) {
    if (e.isPlus()) {
      long n = 0;
      for (int i = 1; i <= e.argSize(); i++) n += monomials(e.getAt(i));
      return n;
    }
    if (e.isTimes()) {
      long n = 1;
      for (int i = 1; i <= e.argSize(); i++) n = Math.max(n, monomials(e.getAt(i)));
      return n;
    }
    return 1;
  }

  interface Timed {
    double seconds() throws Exception;
  }

  static double median(int runs, Timed f) throws Exception {
    double[] s = new double[runs];
    for (int i = 0; i < runs; i++) s[i] = f.seconds();
    Arrays.sort(s);
    return s[runs / 2];
  }

  /** Wall seconds of one process (standard output to {@code out}, or discarded); fails on a non-zero exit. */
  static double run(List<String> command, Path out) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out.toFile()));
    long t0 = System.nanoTime();
    int code = pb.start().waitFor();
    double s = (System.nanoTime() - t0) / 1e9;
    if (code != 0) throw new AssertionError(command + " exited " + code);
    return s;
  }

  static String uptime() {
    try {
      return Files.readString(new File("/proc/loadavg").toPath()).trim();
    } catch (Exception e) {
      return "?";
    }
  }
}
