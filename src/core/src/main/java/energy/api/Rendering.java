package energy.api;

import energy.Compilation;
import energy.json.JsonRenderer;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;
import java.util.List;

/** Chooses the renderer for a format. */
final class Rendering {
  private Rendering() {}

  static String render(List<Compilation> compilations, Format format) {
    return render(compilations, format, false);
  }

  /** @param steps each marginal and expansion after the steps that obtained it */
  static String render(List<Compilation> compilations, Format format, boolean steps) {
    return switch (format) {
      case LATEX -> LatexRenderer.paper(Presenter.present(compilations, steps));
      case WEB -> LatexRenderer.web(Presenter.present(compilations, steps));
      case TEXT -> TextRenderer.render(Presenter.present(compilations, steps));
      case JSON -> new JsonRenderer(steps).render(compilations);
    };
  }

  /** One result: for {@link Format#WEB} its block alone, without a line break after it. */
  static String render(Compilation c, String name, Format format) {
    return render(c, name, format, false);
  }

  static String render(Compilation c, String name, Format format, boolean steps) {
    if (format == Format.JSON) return new JsonRenderer(steps).render(List.of(only(c, name)));
    var file = Presenter.present(c, steps).only(name);
    return switch (format) {
      case LATEX -> LatexRenderer.paper(List.of(file));
      case WEB -> LatexRenderer.web(file, file.results().get(0));
      default -> TextRenderer.render(List.of(file));
    };
  }

  /** The compilation with only the named result. */
  static Compilation only(Compilation c, String name) {
    var results = c.results().stream().filter(r -> r.name().equals(name)).toList();
    if (results.isEmpty()) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Compilation(c.model(), c.symbols(), c.beta(), c.energies(), results);
  }
}
