package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The printed derivation steps ({@code compile --steps}) of a real (dbm3), a discrete (rbm), a
 * mixed marginal and an expansion, and of marginals in matrix notation (dbm3-symbolic,
 * rbm-symbolic, spins-symbolic): their goldens {@code examples/steps/NAME.txt} and {@code .tex}
 * (regenerate with -Denergy.regenerate=true, then read them), the fixed lines each kind of step
 * must show, and the LaTeX through pdflatex. The numbers behind every line are checked in
 * {@code present.StepsTest} and {@code present.MatrixStepsTest}.
 */
class StepsPrintedTest {
  static Path file(String name) {
    Path p = Path.of("examples", name + ".energy");
    return Files.exists(p) ? p : Path.of("examples", "steps", name + ".energy");
  }

  static Compilation compile(String name) {
    Path p = file(name);
    return Compiler.compile(new Source(p.toString().replace('\\', '/'), Examples.read(p)));
  }

  static String text(String name) {
    return TextRenderer.render(List.of(Presenter.present(compile(name), true)));
  }

  static String latex(String name) {
    return LatexRenderer.paper(List.of(Presenter.present(compile(name), true)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dbm3", "rbm", "mixed", "rbm-gaussian-expansion", "dbm3-symbolic", "rbm-symbolic", "spins-symbolic"})
  void goldens(String name) {
    Examples.assertMatches(Path.of("examples", "steps", name + ".txt"), text(name));
    Examples.assertMatches(Path.of("examples", "steps", name + ".tex"), latex(name));
  }

  @Test
  void realMarginalShowsTheQuadraticFormTheFormulaDeterminantInverseAndConditions() {
    String t = text("dbm3");
    for (String line : List.of(
        "How H₁ is obtained. Integrate out z₁ (a real unit): the energy is a quadratic form in it,",
        "  H(x, y, z) = ½ M z₁² − J z₁ + H̃",
        "  M = 1",
        "   = (2π/β)^(1/2) M^(−1/2) exp(βJ²/(2M))",
        "  H₁(x, y) = H̃ − J²/(2M) + (1/2β) ln(β/2π) + (1/2β) ln M",
        "How H₀ is obtained. Integrate out y₁, y₂ (real units): the energy is a quadratic form in them,",
        "  H₁(x, y) = ½ uᵀM u − Jᵀu + H̃",
        "  u = [y₁; y₂]",
        "   = (2π/β) (det M)^(−1/2) exp(βJᵀM⁻¹J/2)",
        "  H₀(x) = H̃ − ½ JᵀM⁻¹J + (1/β) ln(β/2π) + (1/2β) ln det M"))
      assertTrue(t.contains(line + "\n"), "missing line «" + line + "» in\n" + t);
    for (String start : List.of("  M = [", "  J = [", "  det M = ", "  M⁻¹ = (1/det M) [", "  JᵀM⁻¹J = ", "    for "))
      assertTrue(t.contains("\n" + start), "no line starting «" + start + "» in\n" + t);
    assertTrue(t.contains("It converges when its leading principal minors are positive (Sylvester's criterion):"), t);
    // The steps come before the result they explain, which is printed as without --steps.
    String plain = TextRenderer.render(List.of(Presenter.present(compile("dbm3"))));
    for (String line : plain.split("\n")) assertTrue(t.contains(line + "\n"), "the result line «" + line + "» is missing with --steps");
    assertTrue(t.indexOf("How H₀") < t.indexOf("H₀(x) = (3/"), t);
  }

  @Test
  void discreteMarginalShowsTheIndependentGroupsAndEachSum() {
    String t = text("rbm");
    assertTrue(t.contains("Sum out h₁, h₂: no two share a term, so the sum factorizes into 2 independent sums,"), t);
    assertTrue(t.contains("Σ exp(−E(v, h)) = exp(−H̃) Π_g Σ_g exp(−E_g)"), t);
    assertTrue(t.contains("  Σ over h₁ ∈ {0, 1} of exp(−E_1) = 1 + "), t);
    assertTrue(t.contains("  Σ over h₂ ∈ {0, 1} of exp(−E_2) = 1 + "), t);
    assertTrue(t.contains("  F(v) = H̃ − Σ_g ln Σ_g exp(−E_g)\n"), t);
  }

  @Test
  void mixedMarginalIntegratesTheRealUnitThenSumsTheCoupledSpins() {
    String t = text("mixed");
    int real = t.indexOf("Integrate out y (a real unit)"), sum = t.indexOf("Sum out s₁, s₂: they are all coupled to each other");
    assertTrue(real >= 0 && sum > real, t);
    // J is a parameter of the model: the Gaussian's vector takes another letter.
    assertTrue(t.contains("  H(v, s, y) = ½ M y² − b y + H̃\n"), t);
    assertTrue(t.contains("  Σ over s₁ = ±1, s₂ = ±1 of exp(−βE_1) = "), t);
    assertTrue(t.contains("  H′ = "), "the energy between the two steps: " + t);
  }

  @Test
  void expansionShowsTheCumulantFormulaTheFieldsTheTermsAndTheCumulants() {
    String t = text("rbm-gaussian-expansion");
    assertTrue(t.contains("F(v) = E_v − (1/β) Σⱼ [ln Zⱼ + Kⱼ(tⱼ)],   Kⱼ(t) = Σₙ κₙ⁽ʲ⁾ tⁿ/n!"), t);
    assertTrue(t.contains("cut at order 4"), t);
    assertTrue(t.contains("  t_h₁ = "), t);
    assertTrue(t.contains("  −(1/β) K_h₁(t_h₁) = −κ₁⁽¹⁾"), t);
    assertTrue(t.contains("Multiplied out and collected by monomial of the visible units, this is the result below, with the cumulants of the priors in closed form:"), t);
    assertTrue(t.indexOf("  κ₂⁽²⁾ = 1/β\nCouplings of G") > 0, "the cumulants, then the collected result: " + t);
  }

  /**
   * The Gaussian constant in one form in steps and results alike: ln(β/2π) with its sign in
   * front (the result's −(1/β)·½·2 ln(2π/β) is (1/β) ln(β/2π)), never ln(2π/β).
   */
  @ParameterizedTest
  @ValueSource(strings = {"dbm3", "mixed", "rbm-gaussian-expansion"})
  void theGaussianConstantHasOneForm(String name) {
    String t = text(name), l = latex(name);
    assertTrue(t.contains("ln(β/2π)") || t.contains("ln(β/(2π))"), t);
    assertFalse(t.contains("ln(2π/β)") || t.contains("ln(2π/(β"), "the other form in the text steps: " + t);
    assertFalse(l.contains("\\ln\\frac{2 \\pi}") || l.contains("\\ln \\frac{2\\pi}"), "the other form in the LaTeX steps: " + l);
  }

  @Test
  void matrixNotationShowsTheQuadraticFormDeterminantInverseAndConditionAsMatrices() {
    String t = text("dbm3-symbolic");
    for (String line : List.of(
        "How H₁ is obtained. Integrate out z (a vector of p real units): the energy is a quadratic form in it,",
        "  H(x, y, z) = ½ zᵀM z − Jᵀz + H̃",
        "  M = I",
        "  J = Bᵀy",
        "  H̃ = −a·x + ½ y·y − xᵀAy",
        "   = (2π/β)^(p/2) (det M)^(−1/2) exp(βJᵀM⁻¹J/2)",
        "  det M = 1",
        "  M⁻¹ = I",
        "  JᵀM⁻¹J = yᵀBBᵀy",
        "  H₁(x, y) = H̃ − ½ JᵀM⁻¹J + (p/2β) ln(β/2π) + (1/2β) ln det M",
        "How H₀ is obtained. Integrate out y (a vector of m real units): the energy is a quadratic form in it,",
        "  M = I − BBᵀ",
        "  J = Aᵀx",
        "  det M = det(I − BBᵀ)",
        "  M⁻¹ = (I − BBᵀ)⁻¹",
        "  JᵀM⁻¹J = xᵀA(I − BBᵀ)⁻¹Aᵀx",
        "  It converges when M is positive definite:",
        "    for I − BBᵀ ≻ 0"))
      assertTrue(t.contains(line + "\n"), "missing line «" + line + "» in\n" + t);
    assertTrue(t.contains("M = I is positive definite."), t);
    String plain = TextRenderer.render(List.of(Presenter.present(compile("dbm3-symbolic"))));
    for (String line : plain.split("\n")) assertTrue(t.contains(line + "\n"), "the result line «" + line + "» is missing with --steps");
    assertTrue(t.indexOf("How H₀") < t.indexOf("H₀(x) = ((m + p)"), t);
  }

  @Test
  void matrixNotationSumFactorizesOverComponents() {
    String t = text("rbm-symbolic");
    for (String line : List.of(
        "How F is obtained. Sum out h (a vector of m binary units): the energy is linear in it,",
        "  E(v, h) = −ψᵀh + H̃",
        "  ψ = b + Wᵀv",
        "  H̃ = −a·v",
        "  Σ_h exp(βψᵀh) = Π_{j=1}^{m} Σ_{h_j ∈ {0, 1}} exp(βψ_j h_j) = Π_{j=1}^{m} (1 + exp(βψ_j))",
        "  F(v) = H̃ − (1/β) Σ_{j=1}^{m} ln(1 + exp(βψ_j))"))
      assertTrue(t.contains(line + "\n"), "missing line «" + line + "» in\n" + t);
    String spins = text("spins-symbolic");
    for (String line : List.of(
        "  H′ = ½ sᵀM s − ψᵀs + H̃",
        "  M = (2c)I",
        "  ½ sᵀM s = ½ tr M = c·m",
        "  Σ_s exp(βψᵀs) = Π_{j=1}^{m} Σ_{s_j = ±1} exp(βψ_j s_j) = Π_{j=1}^{m} 2cosh(βψ_j)",
        "  F(x) = H̃ + ½ tr M − (1/β) Σ_{j=1}^{m} ln(2cosh(βψ_j))"))
      assertTrue(spins.contains(line + "\n"), "missing line «" + line + "» in\n" + spins);
    assertTrue(spins.indexOf("Integrate out y") < spins.indexOf("Sum out s"), "the real layer first, as the statement lists it: " + spins);
  }

  /** The steps' LaTeX compiles in pdflatex without errors or overfull lines. */
  @ParameterizedTest
  @ValueSource(strings = {"dbm3", "rbm", "mixed", "rbm-gaussian-expansion", "dbm3-symbolic", "rbm-symbolic", "spins-symbolic"})
  void latexCompiles(String name, @TempDir Path dir) throws Exception {
    boolean have = PdflatexTest.havePdflatex();
    if (!have && System.getenv("CI") != null) throw new AssertionError("pdflatex is not installed (CI must install it)");
    Assumptions.assumeTrue(have, "pdflatex not installed");
    Files.writeString(dir.resolve("doc.tex"), LatexRenderer.standalone(List.of(Presenter.present(compile(name), true))), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex").directory(dir.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
    assertEquals(0, p.exitValue(), "pdflatex failed on the steps of " + name + ":\n" + log);
    assertFalse(log.contains("! "), log);
    assertFalse(log.contains("Overfull \\hbox"), "a line is too wide in the steps of " + name + ":\n" + log);
  }
}
