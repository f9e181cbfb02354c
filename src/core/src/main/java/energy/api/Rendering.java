package energy.api;

import energy.Compilation;
import energy.json.JsonRenderer;
import energy.output.LatexDocument;
import energy.output.TextDocument;
import java.util.List;

/** Chooses the renderer for a format. */
final class Rendering {
  private Rendering() {}

  static String render(List<Compilation> compilations, Format format) {
    return switch (format) {
      case LATEX, WEB -> new LatexDocument().body(compilations);
      case TEXT -> new TextDocument().render(compilations);
      case JSON -> new JsonRenderer().render(compilations);
    };
  }

  /** The compilation with only the named result. */
  static Compilation only(Compilation c, String name) {
    var results = c.results().stream().filter(r -> r.name().equals(name)).toList();
    var matrix = c.matrixResults().stream().filter(r -> r.name().equals(name)).toList();
    var lattice = c.latticeResults().stream().filter(r -> r.name().equals(name)).toList();
    if (results.isEmpty() && matrix.isEmpty() && lattice.isEmpty()) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), results, matrix, lattice);
  }
}
