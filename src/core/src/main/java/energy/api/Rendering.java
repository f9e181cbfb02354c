package energy.api;

import energy.Compilation;
import energy.output.JsonDocument;
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
      case JSON -> new JsonDocument().render(compilations);
    };
  }

  /** The compilation with only the named result. */
  static Compilation only(Compilation c, String name) {
    var results = c.results().stream().filter(r -> r.name().equals(name)).toList();
    if (results.isEmpty()) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), results);
  }
}
