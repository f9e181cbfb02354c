package energy.api;

import energy.Compilation;
import energy.output.JsonDocument;
import energy.output.LatexDocument;
import energy.output.TextDocument;
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
    compilation.matrixResults().forEach(r -> names.add(r.name()));
    compilation.latticeResults().forEach(r -> names.add(r.name()));
    return names;
  }

  /** Every result in one format: for {@link Format#LATEX}, {@code align*} environments. */
  public String render(Format format) {
    return Rendering.render(List.of(compilation), format);
  }

  /** One result in one format; an unknown name raises {@link IllegalArgumentException}. */
  public String render(String name, Format format) {
    return Rendering.render(List.of(Rendering.only(compilation, name)), format);
  }

  /** Checks every result numerically by an independent route; all reports pass when it is right. */
  public List<Checker.Report> check(int samples, long seed) {
    return Checker.check(compilation, samples, seed);
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
