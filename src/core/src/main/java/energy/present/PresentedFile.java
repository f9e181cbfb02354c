package energy.present;

import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The presentations of one compiled file, with what its renderers need to print its math: the
 * unit symbols (written after the couplings in products) and the spelling of every user name.
 */
public record PresentedFile(String model, String path, List<ISymbol> units, List<String> names, List<Presentation> results) {
  public PresentedFile {
    units = List.copyOf(units);
    names = List.copyOf(names);
    results = List.copyOf(results);
  }

  /** The same file with only the named result; an unknown name raises {@link IllegalArgumentException}. */
  public PresentedFile only(String name) {
    List<Presentation> one = results.stream().filter(p -> p.name().equals(name)).toList();
    if (one.isEmpty()) throw new IllegalArgumentException("no result named '" + name + "'");
    return new PresentedFile(model, path, units, names, one);
  }
}
