package energy.output;

import energy.model.Variable;
import java.util.List;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.present.MathWriter;
import energy.print.TextPrinter;

/** The text names of couplings for the JSON document (see {@link energy.present.CouplingNames}). */
final class CouplingNames {
  private final energy.present.CouplingNames names;
  private final MathWriter text = MathWriter.text(new TextPrinter());

  CouplingNames(List<Variable> args, SymbolTable symbols) {
    names = new energy.present.CouplingNames(args, symbols);
  }

  String text(CouplingExtractor.Coefficient c) {
    return text.write(names.name(c));
  }
}
