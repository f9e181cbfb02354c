package energy.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.api.Energy;
import energy.api.Format;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's logic without a terminal: entries in, text out. */
class ReplTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Repl repl = new Repl(new PrintWriter(out), new PrintWriter(err));

  private Repl.Status enter(String entry) {
    return repl.accept(entry);
  }

  /** Everything printed since the last call, standard output and error. */
  private String[] drain() {
    String[] both = {out.toString(), err.toString()};
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return both;
  }

  private static final String PAIR =
      "model Pair\nspin s1, s2\nreal y\nparam J, g, c\ntemperature beta\nenergy H(s1, s2, y) = -J*s1*s2 + 1/2*c*y^2 - g*y*(s1 + s2)\n";

  private void pair() {
    for (String line : PAIR.split("\n")) assertEquals(Repl.Status.DONE, enter(line), err.toString());
    drain();
  }

  /** dbm3 typed one statement a line prints what compiling the whole file prints (its golden text). */
  @Test
  void statementsOneAtATimePrintTheFilesResults() throws Exception {
    List<String> golden = Files.readAllLines(Path.of("examples/dbm3.txt"), StandardCharsets.UTF_8);
    StringBuilder printed = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("examples/dbm3.energy"), StandardCharsets.UTF_8)) {
      assertEquals(Repl.Status.DONE, enter(line), err.toString());
      printed.append(drain()[0]);
    }
    // The file's text, each result's first line as Out[n] (results wrap onto further lines).
    int h0 = 0;
    while (!golden.get(h0).startsWith("H₀(")) h0++;
    String expected = "Out[1]: " + String.join("\n", golden.subList(0, h0)) + "\nOut[2]: " + String.join("\n", golden.subList(h0, golden.size())) + "\n";
    assertEquals(expected, printed.toString());
  }

  @Test
  void percentNamesTheLastResultAndPercentNTheNth() {
    pair();
    enter("Heff = marginalize H over y");
    enter("Z = partition H");
    String z = Energy.compile(PAIR + "Z = partition H\n", "<repl>").render("Z", Format.LATEX);
    String heff = Energy.compile(PAIR + "Heff = marginalize H over y\n", "<repl>").render("Heff", Format.LATEX);
    drain();
    assertEquals(Repl.Status.DONE, enter(":latex %"));
    assertEquals(z, drain()[0]);
    assertEquals(Repl.Status.DONE, enter(":lat %1"));
    assertEquals(heff, drain()[0]);
    // In a statement too: % becomes the name, and the saved text has the name.
    assertEquals(Repl.Status.DONE, enter("Z1 = partition %1"), err.toString());
    assertTrue(drain()[0].startsWith("Out[3]: Z₁ = "));
    assertTrue(repl.source().contains("Z1 = partition Heff\n"), repl.source());
    // A % in a comment is left alone.
    assertEquals(Repl.Status.DONE, enter("param q # 50% of it"));
    assertTrue(repl.source().contains("param q # 50% of it"), repl.source());
  }

  @Test
  void aReferenceToNoResultIsAnErrorThatChangesNothing() {
    assertEquals(Repl.Status.FAILED, enter(":text %"));
    assertEquals("error: no result yet: % and %n name earlier results\n", drain()[1]);
    pair();
    enter("Z = partition H");
    drain();
    String before = repl.source();
    assertEquals(Repl.Status.FAILED, enter("Z2 = partition %7"));
    assertEquals("error: no result %7 (there are 1: %1 … %1)\n", drain()[1]);
    assertEquals(before, repl.source());
  }

  /** A bad statement is reported at its line of the session, and the session goes on as before it. */
  @Test
  void errorsArePositionedAndLeaveTheSessionAsItWas() {
    pair(); // lines 1-6
    String before = repl.source();
    assertEquals(Repl.Status.FAILED, enter("Z = partition K"));
    assertEquals(
        "<repl>:7:15: error: unknown energy 'K'\n    Z = partition K\n                  ^\nhint: energies defined so far: H\n",
        drain()[1]);
    assertEquals(before, repl.source());
    assertEquals(Repl.Status.FAILED, enter("energy G(s1) = J*s1 +\n  * 2"));
    assertTrue(drain()[1].startsWith("<repl>:9:3: error: "), "the entry's second line is line 9 of the session");
    assertEquals(before, repl.source());
    assertEquals(Repl.Status.DONE, enter("Z = partition H"));
    assertTrue(drain()[0].startsWith("Out[1]: Z = "), "numbering counts results, not failed entries");
  }

  @Test
  void theParserDecidesWhenAStatementGoesOn() {
    for (String unfinished : List.of("energy H(x) =", "energy H(x) = (x", "energy H(x) = x +", "H1 = marginalize H over",
        "G = expand H in", "param", "energy H(x) = sum(i) a[i]*x[i] + # more below", "energy H(x) = β *"))
      assertTrue(repl.incomplete(unfinished), unfinished);
    for (String finished : List.of("", "energy H(x) = x)", "H1 = marginalise H over x", "energy H(x) = x^2", "spn s", ":load",
        "energy H(x) = (x\n", "energy H(x) = x +\n", "energy H(x) = (x\n  \t"))
      assertFalse(repl.incomplete(finished), finished);
  }

  @Test
  void commandsByAnyUnambiguousPrefix() {
    assertEquals("load", Repl.resolve("lo"));
    assertEquals("latex", Repl.resolve("la"));
    assertEquals("quit", Repl.resolve("q"));
    assertEquals("reload", Repl.resolve("rel"));
    assertEquals(":re is ambiguous: :reload, :reset", assertThrows(Repl.ReplError.class, () -> Repl.resolve("re")).getMessage());
    assertEquals(Repl.Status.FAILED, enter(":frobnicate"));
    assertEquals("error: unknown command :frobnicate (:help lists the commands)\n", drain()[1]);
    assertEquals(Repl.Status.QUIT, enter(":q"));
    assertEquals(Repl.Status.DONE, enter(":h"));
    assertTrue(drain()[0].contains(":save FILE"));
  }

  @Test
  void saveWritesTheSessionAndNeverOverwritesWithoutBang(@TempDir Path dir) throws Exception {
    pair();
    enter("Z = partition H");
    Path file = dir.resolve("s.energy");
    assertEquals(Repl.Status.DONE, enter(":save " + file));
    String saved = Files.readString(file);
    assertEquals(PAIR + "Z = partition H\n", saved);
    // The saved file compiles to the same result.
    assertEquals(repl.source(), saved);
    String z = Energy.compile(saved, "s.energy").render("Z", Format.TEXT);
    assertTrue(drain()[0].contains(z), z);
    enter("Heff = marginalize H over y");
    assertEquals(Repl.Status.FAILED, enter(":save " + file));
    assertEquals("error: " + file + " exists; :save! " + file + " replaces it\n", drain()[1]);
    assertEquals(saved, Files.readString(file));
    assertEquals(Repl.Status.DONE, enter(":save! " + file));
    assertTrue(Files.readString(file).endsWith("Heff = marginalize H over y\n"));
    try (var listing = Files.list(dir)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file is left");
    }
    assertEquals(Repl.Status.FAILED, enter(":save " + dir.resolve("no/such/dir.energy")));
  }

  @Test
  void loadReloadShowResetAndCheck(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m.energy"), PAIR + "Z = partition H\n");
    assertEquals(Repl.Status.DONE, enter(":load " + file), err.toString());
    assertTrue(drain()[0].startsWith("Out[1]: Z = "));
    assertEquals(Repl.Status.DONE, enter("Heff = marginalize H over y"));
    drain();
    assertEquals(Repl.Status.DONE, enter(":show Heff"));
    assertEquals("Heff: marginal, by: Heff = marginalize H over y\n", drain()[0]);
    assertEquals(Repl.Status.DONE, enter(":sh c"));
    assertEquals("c: parameter, by: param J, g, c\n", drain()[0]);
    // :check verifies the result against enumeration and quadrature.
    assertEquals(Repl.Status.DONE, enter(":check Z"));
    String check = drain()[0];
    assertTrue(check.startsWith("Out[3]: Z: verified numerically"), check);
    // The file changes: :reload reads it again and replays the session.
    Files.writeString(file, PAIR.replace("-J*s1*s2", "-2*J*s1*s2") + "Z = partition H\n");
    assertEquals(Repl.Status.DONE, enter(":reload"), err.toString());
    String reloaded = drain()[0];
    assertTrue(reloaded.startsWith("reloaded 3 entries\nOut[1]: Z = "), reloaded); // Z, Heff and the check (:check is a statement)
    String zAlone = Energy.compile(Files.readString(file), "m").render("Z", Format.TEXT);
    assertTrue(reloaded.contains(zAlone), reloaded + "\n--- expected to contain:\n" + zAlone);
    // A broken file: :reload fails and keeps the session.
    String before = repl.source();
    Files.writeString(file, "model (\n");
    assertEquals(Repl.Status.FAILED, enter(":reload"));
    assertTrue(drain()[1].startsWith(file + ":1:"));
    assertEquals(before, repl.source());
    assertEquals(Repl.Status.DONE, enter(":reset"));
    assertEquals("", repl.source());
    assertEquals(List.of(), repl.resultNames());
    assertEquals(Repl.Status.FAILED, enter(":text Z"));
    assertEquals("error: no result named 'Z'\n", drain()[1]);
    assertEquals(Repl.Status.FAILED, enter(":load " + dir.resolve("none.energy")));
    assertEquals("error: cannot read " + dir.resolve("none.energy") + ": no such file or directory\n", drain()[1]);
  }

  /**
   * :eval against an independent route: H_eff(s1, s2) = −β⁻¹ ln ∫ e^{−βH} dy by Simpson's rule,
   * at random values (seeded).
   */
  @Test
  void evalAgreesWithQuadrature() {
    pair();
    enter("Heff = marginalize H over y");
    drain();
    long seed = 20261127;
    System.out.println("evalAgreesWithQuadrature seed " + seed);
    java.util.Random random = new java.util.Random(seed);
    for (int k = 0; k < 5; k++) {
      double beta = 0.5 + 1.5 * random.nextDouble(), J = random.nextDouble() * 2 - 1, g = random.nextDouble() * 2 - 1, c = 1 + 2 * random.nextDouble();
      int s1 = random.nextBoolean() ? 1 : -1, s2 = random.nextBoolean() ? 1 : -1;
      String values = String.format(java.util.Locale.ROOT, "beta=%.6f J=%.6f g=%.6f c=%.6f s1=%d s2=%d", beta, J, g, c, s1, s2);
      assertEquals(Repl.Status.DONE, enter(":eval Heff " + values), err.toString());
      // The 'at' statement's answer: a heading, then the value to 7 significant digits.
      String answer = drain()[0].strip();
      String line = answer.substring(answer.lastIndexOf('\n') + 1).strip();
      assertTrue(answer.startsWith("Out[") && line.startsWith("H_eff = "), answer);
      double printed = Double.parseDouble(line.substring("H_eff = ".length()).replace('−', '-'));
      // the same values as printed (6 decimals) for the quadrature
      double b = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", beta)), j = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", J)),
          gg = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", g)), cc = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", c));
      int n = 40000;
      double lo = -30, h = 60.0 / n, sum = 0;
      for (int i = 0; i <= n; i++) {
        double y = lo + i * h;
        double energy = -j * s1 * s2 + 0.5 * cc * y * y - gg * y * (s1 + s2);
        double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
        sum += w * Math.exp(-b * energy);
      }
      double quadrature = -Math.log(sum * h / 3) / b;
      assertEquals(quadrature, printed, 1e-6 * (1 + Math.abs(quadrature)), values);
    }
    assertEquals(Repl.Status.FAILED, enter(":eval Heff beta=1"));
    String missing = drain()[1];
    assertTrue(missing.contains("error: missing values for"), missing);
    assertEquals(Repl.Status.FAILED, enter(":eval Nope beta=1"));
  }

  /** β typed (or completed from \beta) is the name beta, as results print it. */
  @Test
  void greekLettersAreTheirNames() {
    assertEquals(new Greek.Replacement(5, "β"), Greek.complete("temperature \\beta"));
    assertEquals(new Greek.Replacement(4, "β"), Greek.complete("\\bet"));
    assertEquals(new Greek.Replacement(4, "η"), Greek.complete("\\eta"), "an exact name wins over longer ones");
    assertEquals(null, Greek.complete("\\p"), "pi, phi, psi: JLine lists them");
    assertEquals(null, Greek.complete("beta"));
    assertEquals("temperature beta", Greek.toNames("temperature β"));
    enter("model M\nreal x\nparam c\ntemperature β\nenergy H(x) = c*x^2/2\nZ = partition H");
    String viaLetter = drain()[0];
    String viaName = Energy.compile("model M\nreal x\nparam c\ntemperature beta\nenergy H(x) = c*x^2/2\nZ = partition H\n", "m").render("Z", Format.TEXT);
    assertEquals("Out[1]: " + viaName, viaLetter);
  }

  @Test
  void completionOffersKeywordsCommandsNamesAndResults() {
    pair();
    enter("Z = partition H");
    List<String> words = Interactive.candidates(repl, "", false).stream().map(c -> c.value()).toList();
    assertTrue(words.containsAll(List.of("marginalize", "partition", "expand", "temperature", "s1", "J", "beta", "H", "Z")), words.toString());
    assertEquals(Repl.COMMANDS.size(), Interactive.candidates(repl, ":", true).size());
    assertTrue(Interactive.candidates(repl, "\\", false).stream().anyMatch(c -> c.value().equals("\\beta")));
  }

  /** Script mode: statements over several lines, output in order, status 1 after any failure. */
  @Test
  void scriptModeReadsEntriesOverLinesAndReportsFailure() throws Exception {
    String script = PAIR + "Heff = marginalize H\n  over y\nZ = partition H +\n\n:text Heff\n";
    assertEquals(1, ScriptMode.run(repl, new BufferedReader(new StringReader(script))));
    String[] printed = drain();
    String heff = Energy.compile(PAIR + "Heff = marginalize H over y\n", "p").render("Heff", Format.TEXT);
    assertTrue(printed[0].startsWith("Out[1]: " + heff), printed[0]);
    assertTrue(printed[1].startsWith("<repl>:9:17: error: "), printed[1]);
    assertEquals(0, ScriptMode.run(new Repl(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
        new BufferedReader(new StringReader(PAIR + "Z = partition H\n:quit\nthis is not read\n"))));
  }

  /**
   * Ctrl-C: the worker is stopped within a second, and the session is what it was before; the
   * next statement works. The long statement integrates six real units with a general 6×6
   * coupling matrix (a symbolic determinant: minutes).
   */
  @Test
  void interruptStopsAComputationAndKeepsTheSession() throws InterruptedException {
    pair();
    enter("Z = partition H");
    drain();
    String before = repl.source();
    int forced = Worker.forcedStops();
    Worker worker = new Worker();
    Thread canceller = new Thread(() -> {
      try {
        Thread.sleep(1500);
      } catch (InterruptedException e) {
        return;
      }
      worker.cancel();
    });
    canceller.start();
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertThrows(Worker.Cancelled.class,
          () -> worker.run(() -> repl.accept("dim n = 6\nreal u[n]\nparam A[n,n]\nenergy G(u) = 1/2*u.A.u\nZ6 = partition G")));
    });
    assertTrue((System.nanoTime() - start) / 1e9 < 5, "stopped soon after Ctrl-C");
    // Cooperative stops are the rule, but not every engine loop polls the interrupt yet (the 6×6
    // determinant did not, under load): Thread.stop is the last resort, counted here, not failed.
    System.out.println("interrupt: forced stops " + (Worker.forcedStops() - forced));
    repl.stopped();
    assertEquals(Repl.Status.DONE, new Worker().run(() -> repl.accept("Heff = marginalize H over y")), err.toString());
    String printed = drain()[0];
    assertTrue(printed.startsWith("Out[2]: H"), printed);
    assertEquals(before + "Heff = marginalize H over y\n", repl.source());
    // A stopped thread (and the finished one after it) takes a moment to end: wait, within a deadline.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("energy-repl-worker") && t.isAlive())
        && System.nanoTime() < deadline) Thread.sleep(50);
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("energy-repl-worker") && t.isAlive()),
        "the stopped worker does not run on");
  }

  /** The query statements of the language at the prompt, one at a time, each an Out[n]; :eval and :check are their aliases. */
  @Test
  void queryStatementsAtThePrompt() {
    pair();
    assertEquals(Repl.Status.DONE, enter("Heff = marginalize H over y"), err.toString());
    assertEquals(Repl.Status.DONE, enter("K = coefficient s1*s2 in Heff"), err.toString());
    assertEquals(Repl.Status.DONE, enter("G = Heff where c = 2, beta = 1"), err.toString());
    assertEquals(Repl.Status.DONE, enter("D = derivative Heff by J"), err.toString());
    assertEquals(Repl.Status.DONE, enter("Heff at beta=1 J=0.5 g=0.3 c=2 s1=1 s2=-1"), err.toString());
    assertEquals(Repl.Status.DONE, enter("check K"), err.toString());
    String[] printed = drain();
    assertEquals("", printed[1]);
    String o = printed[0];
    assertTrue(o.contains("Out[2]: K: the coefficient of s₁·s₂ in H_eff:\n  K = "), o);
    assertTrue(o.contains("Out[3]: G: H_eff where c = 2, β = 1:\n  G(s₁, s₂) = "), o);
    assertTrue(o.contains("Out[4]: D: the derivative of H_eff by J:\n  D(s₁, s₂) = −s₁·s₂\n"), o);
    String value = o.substring(o.indexOf("Out[5]: "), o.indexOf("Out[6]: "));
    // By hand: ½ ln(βc/2π) − g²/c − (J + g²/c)s₁s₂ at β = 1, c = 2, g = 0.3, J = 0.5, s₁s₂ = −1.
    double expected = 0.5 * Math.log(2 / (2 * Math.PI)) - 0.045 + 0.545;
    String number = value.substring(value.indexOf("  H_eff = ") + "  H_eff = ".length()).strip().replace('−', '-');
    assertEquals(expected, Double.parseDouble(number), 1e-6, value);
    assertTrue(o.contains("Out[6]: K: verified numerically (coefficient, 10 random samples)\n"), o);
    // :eval is the 'at' statement: the same value, as the next Out.
    assertEquals(Repl.Status.DONE, enter(":eval Heff beta=1 J=0.5 g=0.3 c=2 s1=1 s2=-1"), err.toString());
    String alias = drain()[0];
    assertEquals(value.replace("Out[5]", "Out[7]"), alias);
    assertEquals(Repl.Status.DONE, enter(":check G"), err.toString());
    assertTrue(drain()[0].startsWith("Out[8]: G: verified numerically (substitution, 10 random samples)"));
    // A bad query is an error at its position; the session stays.
    String before = repl.source();
    assertEquals(Repl.Status.FAILED, enter("M = derivative Heff by s1"));
    assertTrue(drain()[1].contains("<repl>:"), "positioned");
    assertEquals(before, repl.source());
  }

  /** A :command typed at the continuation prompt drops the unfinished statement (and says so) and runs. */
  @Test
  void commandAtTheContinuationPromptRunsAndDropsTheStatement() {
    pair();
    String before = repl.source();
    assertTrue(repl.incomplete("Z = partition ("));
    assertFalse(repl.incomplete("Z = partition (\n:show H"));
    assertEquals(Repl.Status.DONE, enter("Z = partition (\n:show H"));
    String[] printed = drain();
    assertTrue(printed[0].startsWith("H: energy, by: energy H(s1, s2, y)"), printed[0]);
    assertTrue(printed[1].contains("the unfinished statement is dropped"), printed[1]);
    assertEquals(before, repl.source());
  }

  /** Colour only when asked for (the interactive front end), never in script mode; NO_COLOR turns it off. */
  @Test
  void colourOnlyWhenAsked() {
    pair();
    enter("Z = partition H");
    enter("Z2 = partition Nope");
    String[] plain = drain();
    assertFalse(plain[0].contains("\u001b") || plain[1].contains("\u001b"), "no colour by default (script mode)");
    StringWriter o = new StringWriter(), e = new StringWriter();
    Repl coloured = new Repl(new PrintWriter(o), new PrintWriter(e));
    coloured.paint(Colours.ANSI);
    for (String line : PAIR.split("\n")) coloured.accept(line);
    coloured.accept("Z = partition H");
    coloured.accept("Z2 = partition Nope");
    assertTrue(o.toString().contains(Colours.ANSI.result("Out[1]:")), o.toString());
    assertTrue(e.toString().startsWith("\u001b[31m"), e.toString());
    assertTrue(Colours.wanted(java.util.Map.of()));
    assertFalse(Colours.wanted(java.util.Map.of("NO_COLOR", "1")));
    assertTrue(Colours.wanted(java.util.Map.of("NO_COLOR", "")));
  }
}
