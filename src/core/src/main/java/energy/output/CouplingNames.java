package energy.output;

import energy.Result;
import energy.algebra.CouplingExtractor;
import energy.algebra.SymbolTable;
import energy.model.Variable;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Names of couplings as a physicist writes them: E₀, hᵢ, Jᵢⱼ, Kᵢⱼₖ, Lᵢⱼₖₗ, then J⁽ⁿ⁾. Indices
 * are component numbers when all units are one vector (J₁₂), else the units' own names
 * (J_{s₁s₂}).
 */
public final class CouplingNames {
  private static final String[] LETTERS = {"E", "h", "J", "K", "L"};

  private final List<String> latexLabels = new ArrayList<>();
  private final List<String> textLabels = new ArrayList<>();
  private final boolean numeric;
  /** Between indices: none for J₁₂, a comma for J₁,₁₂, a space for J_{s₁ s₂}. */
  private final String separator;

  CouplingNames(Result r, SymbolTable symbols) {
    this(r.args(), symbols);
  }

  /** Names for couplings of the units {@code args}, whose components the coefficients index by position. */
  public CouplingNames(List<Variable> args, SymbolTable symbols) {
    List<ISymbol> units = symbols.symbols(args);
    numeric = args.size() == 1 && args.get(0).rank() == 1;
    separator = numeric ? (units.size() < 10 ? "" : ",") : " ";
    LatexPrinter latex = new LatexPrinter();
    TextPrinter text = new TextPrinter();
    for (ISymbol u : units) {
      SymbolTable.Component c = symbols.component(u);
      if (numeric) {
        latexLabels.add(String.valueOf(c.index()[0]));
        textLabels.add(subscript(String.valueOf(c.index()[0])));
      } else {
        latexLabels.add(latex.symbol(c.name()));
        textLabels.add(text.symbol(c.name()));
      }
    }
  }

  public String latex(CouplingExtractor.Coefficient c) {
    int n = c.order();
    if (n == 0) return "E_{0}";
    List<String> idx = new ArrayList<>();
    for (int u : c.units()) idx.add(latexLabels.get(u));
    String sub = String.join(separator, idx);
    return n < LETTERS.length ? LETTERS[n] + "_{" + sub + "}" : "J^{(" + n + ")}_{" + sub + "}";
  }

  public String text(CouplingExtractor.Coefficient c) {
    int n = c.order();
    if (n == 0) return "E₀";
    List<String> idx = new ArrayList<>();
    for (int u : c.units()) idx.add(textLabels.get(u));
    String sub = String.join(numeric ? separator : ",", idx);
    return (n < LETTERS.length ? LETTERS[n] : "J⁽" + n + "⁾") + (numeric ? sub : "(" + sub + ")");
  }

  /** The convention the couplings follow, e.g. H = E₀ − Σᵢ hᵢ xᵢ − Σ_{i<j} Jᵢⱼ xᵢxⱼ − …. */
  public static String conventionLatex(String energy) {
    return energy + " = E_{0} - \\sum_{i} h_{i} u_{i} - \\sum_{i<j} J_{ij} u_{i} u_{j} - \\dots";
  }

  /** The same convention in Unicode text, for an energy printed as {@code energy}. */
  public static String conventionText(String energy) {
    return energy + " = E₀ − Σ hᵢuᵢ − Σ Jᵢⱼuᵢuⱼ − Σ Kᵢⱼₖuᵢuⱼuₖ − …";
  }

  private static String subscript(String digits) {
    StringBuilder out = new StringBuilder();
    for (char ch : digits.toCharArray()) out.append((char) ('₀' + (ch - '0')));
    return out.toString();
  }
}
