package energy.algebra;

import energy.model.Query;
import energy.model.UnitKind;
import energy.result.Couplings;
import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/** The statement {@code couplings H [up to k]}: H projected onto the multilinear basis ({@link CouplingExtractor}). */
public final class CouplingsTransform {
  private CouplingsTransform() {}

  public static Couplings transform(Query.Couplings q, Derived from, SymbolTable symbols) {
    List<ISymbol> units = symbols.symbols(from.args());
    UnitKind[] kinds = Marginalizer.kinds(from.args(), units.size());
    int order = q.upTo() == null ? units.size() : q.upTo();
    return new Couplings(q, from.args(), from.energy(), CouplingExtractor.extract(from.energy(), units, kinds, order), from.from());
  }
}
