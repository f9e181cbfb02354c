package energy.api;

import energy.Compilation;
import energy.verify.Checker;
import java.util.ArrayList;
import java.util.List;

/** One compiled {@code .energy} text: its results in statement order, in any format. */
public final class Document {
  private final Compilation compilation;

  Document(Compilation compilation) {
    this.compilation = compilation;
  }

  /** The names of the results, in the order of their statements. */
  public List<String> resultNames() {
    List<String> names = new ArrayList<>();
    compilation.results().forEach(r -> names.add(r.name()));
    return names;
  }

  /**
   * Every result in one format: for {@link Format#LATEX}, {@code align*} environments; for
   * {@link Format#WEB}, each result's block (as {@link #render(String, Format)}) separated by blank lines.
   */
  public String render(Format format) {
    return Rendering.render(List.of(compilation), format);
  }

  /**
   * One result in one format; an unknown name raises {@link IllegalArgumentException}. For
   * {@link Format#WEB} this is the math of the one result, a single line or one {@code
   * \begin{aligned}…\end{aligned}} block, without {@code $$} around it: put it in display math.
   */
  public String render(String name, Format format) {
    return Rendering.render(compilation, name, format);
  }

  /**
   * As {@link #render(Format)}, with {@code steps}: each marginal and expansion after the steps that obtained it
   * (the quadratic form's M and J, the Gaussian formula, det M, the groups of a discrete sum, the cumulant expansion).
   */
  public String render(Format format, boolean steps) {
    return Rendering.render(List.of(compilation), format, steps);
  }

  /** As {@link #render(String, Format)}, with the result's derivation steps first when {@code steps}. */
  public String render(String name, Format format, boolean steps) {
    return Rendering.render(compilation, name, format, steps);
  }

  /** Checks every result numerically by an independent route; all reports pass when it is right. */
  public List<Checker.Report> check(int samples, long seed) {
    return Checker.check(compilation, samples, seed);
  }

  /** Checks one result numerically; an unknown name raises {@link IllegalArgumentException}. */
  public List<Checker.Report> check(String name, int samples, long seed) {
    return Checker.check(Rendering.only(compilation, name), samples, seed);
  }

  /**
   * The value of a result or energy at numbers, as {@code eval --at} prints it: one line
   * {@code label = value} per quantity (Z and −β⁻¹ ln Z, each coupling, …). {@code assignments}
   * are {@code NAME=VALUE} items ({@code beta=1}, {@code A[1,2]=-0.2}); a malformed one, a
   * missing or inadmissible value raises {@link IllegalArgumentException} with the reason.
   */
  public List<String> evaluate(String name, List<String> assignments) {
    if (compilation.isSymbolic()) throw new IllegalArgumentException("sizes are symbolic: evaluate with ./energy eval FILE NAME --at n=2 …");
    List<String> lines = new ArrayList<>();
    var evaluator = new energy.verify.Evaluator(compilation);
    for (var line : evaluator.evaluate(name, energy.verify.Evaluator.parse(assignments)))
      lines.add(line.label() + " = " + energy.verify.Evaluator.format(line.value()));
    return lines;
  }

  /** The compilation underneath, for the tool's own clients (the command line). */
  public Compilation compilation() {
    return compilation;
  }
}
