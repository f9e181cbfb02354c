package energy.rg.flow;

import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.present.TextRenderer;

/** A flow's table as the text and paper renderers print it, for tests of the flow analysis. */
final class FlowTables {
  private FlowTables() {}

  static String text(FlowResult r) {
    return TextRenderer.tableAlone(Presenter.flow("K1", r));
  }

  static String latex(FlowResult r) {
    return LatexRenderer.tableAlone(Presenter.flow("K1", r));
  }
}
