package energy.output;

import energy.Compilation;
import energy.result.RgStep;
import energy.result.MatrixMarginal;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.Symja;
import energy.algebra.cumulant.MomentIdentities;
import energy.model.Query;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import energy.model.Variable;
import energy.print.LatexPrinter;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The results of compilations as one {@code align*} environment, a line per result
 * ({@code H_1(x, y) &= …}); long sums are broken over several lines; conditions follow
 * their result. {@link #standalone} wraps it in a document that pdflatex compiles as is.
 */
public final class LatexDocument {
  /**
   * Break a sum when a line would be wider than this, in characters as typeset (see {@link
   * #width}): about the text width of an A4 article at 10pt, less the left-hand side.
   */
  private static final int LINE_WIDTH = 40;

  private LatexPrinter printer = new LatexPrinter();
  private java.util.Set<IExpr> units = java.util.Set.of();
  private energy.algebra.SymbolTable symbols;

  public String body(List<Compilation> compilations) {
    StringBuilder out = new StringBuilder();
    for (Compilation c : compilations) {
      if (c.isSymbolic() && !c.results(MatrixMarginal.class).isEmpty()) {
        out.append("% ").append(c.model().name()).append(" (").append(commentText(c.model().source().path())).append(")\n");
        out.append("\\begin{align*}\n").append(String.join(" \\\\\n", new MatrixDocument().latexLines(c))).append("\n\\end{align*}\n");
        continue;
      }
      if (!c.results(RgStep.class).isEmpty()) {
        out.append("% ").append(c.model().name()).append(" (").append(commentText(c.model().source().path())).append(")\n");
        out.append(new LatticeDocument().latex(c));
      }
      if (Flat.of(c).isEmpty()) continue;
      out.append("% ").append(c.model().name()).append(" (").append(commentText(c.model().source().path())).append(")\n");
      units = java.util.Set.copyOf(Printers.units(c));
      symbols = c.symbols();
      printer = LatexPrinter.forModel(units, Printers.names(c));
      out.append("\\begin{align*}\n");
      List<String> lines = new ArrayList<>();
      String beta = c.model().temperature() == null ? null : printer.symbol(c.model().temperature().name());
      for (Flat r : Flat.of(c)) lines.addAll(result(r, beta));
      out.append(String.join(" \\\\\n", lines)).append('\n');
      out.append("\\end{align*}\n");
    }
    return out.toString();
  }

  public String standalone(List<Compilation> compilations) {
    return "\\documentclass{article}\n"
        + "\\usepackage{amsmath}\n"
        + "\\usepackage{amssymb}\n"
        + "\\allowdisplaybreaks\n"
        + "\\begin{document}\n"
        + body(compilations)
        + "\\end{document}\n";
  }

  private List<String> result(Flat r, String beta) {
    List<String> lines = new ArrayList<>();
    String name = printer.symbol(r.name());
    if (r.query() instanceof Query.MomentIdentity m) {
      lines.addAll(sum(printer.print(MomentIdentities.lhs(m)), r.terms()));
      return lines;
    }
    if (r.query() instanceof Query.PriorCumulant p) {
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < r.cumulants().size(); i++) {
        CumulantExpansion.Cumulant k = r.cumulants().get(i);
        rows.addAll(sum(printer.print(k.symbol()), Symja.terms(k.value())));
        rows.add(printer.print(Printers.cgfName(k)) + "(t) &= " + printer.print(r.terms().get(i)));
      }
      rows.set(0, "\\intertext{$" + name + "$: cumulant " + p.order() + " of $" + printer.symbol(p.unit().name()) + "$ under its prior in $"
          + printer.symbol(p.energy().text()) + "$, and its cumulant generating function:}\n" + rows.get(0));
      lines.addAll(rows);
      conditions(r, lines);
      return lines;
    }
    if (r.query() instanceof Query.Kernel k) {
      lines.addAll(sum(name + "(" + args(k.hidden()) + " \\mid " + args(k.visible()) + ")", r.terms()));
      lines.add("\\sum_{" + args(k.hidden()) + "} e^{" + name + "} &= " + printer.print(r.exact())
          + (r.exact().isOne() ? " \\quad \\text{(normalized)}" : " \\quad \\text{(not identically 1)}"));
      return lines;
    }
    if (r.isCouplings()) {
      CouplingNames names = new CouplingNames(r, symbols);
      String what = "Couplings of $" + name + "$";
      if (r.query() instanceof Query.Expand x)
        what = "Couplings of $" + name + "$, the expansion of $" + printer.symbol(x.energy().text()) + "$ to order " + x.order()
            + " in $" + String.join(", ", x.small().stream().map(v -> printer.symbol(v.name())).toList()) + "$";
      lines.add("\\intertext{" + what + ", with $" + CouplingNames.conventionLatex(name) + "$:}");
      List<String> rows = new ArrayList<>();
      for (CouplingExtractor.Coefficient c : r.couplings()) rows.addAll(sum(names.latex(c), Symja.terms(c.coupling())));
      if (rows.isEmpty()) rows.add("&\\text{all couplings vanish}");
      // \intertext is not a row of its own: the first coupling follows it directly.
      lines.set(0, lines.get(0) + "\n" + rows.get(0));
      lines.addAll(rows.subList(1, rows.size()));
      cumulants(r, lines);
      conditions(r, lines);
      return lines;
    }
    if (r.isPartition()) {
      lines.add(name + " &= " + printer.print(r.partition()));
      lines.addAll(sum((beta != null ? "-\\frac{1}{" + beta + "} \\ln " : "-\\ln ") + name, r.terms()));
    } else {
      lines.addAll(sum(r.args().isEmpty() ? name : name + "(" + args(r.args()) + ")", r.terms()));
    }
    cumulants(r, lines);
    conditions(r, lines);
    return lines;
  }

  /** The cumulants an expansion is written in, with their closed forms. */
  private void cumulants(Flat r, List<String> lines) {
    if (r.cumulants().isEmpty()) return;
    boolean substituted = r.query() instanceof Query.Expand x && x.substituted();
    String intro = substituted ? "with the cumulants of the hidden units' priors substituted:" : "where the cumulants of the hidden units' priors are";
    List<String> rows = new ArrayList<>();
    for (CumulantExpansion.Cumulant k : r.cumulants()) rows.addAll(sum(printer.print(k.symbol()), Symja.terms(k.value())));
    lines.add("\\intertext{" + intro + "}\n" + rows.get(0));
    lines.addAll(rows.subList(1, rows.size()));
  }

  private void conditions(Flat r, List<String> lines) {
    if (r.conditions().isEmpty()) return;
    List<String> conds = new ArrayList<>();
    for (Condition c : r.conditions()) conds.add(printer.print(c.relation()));
    lines.add("&\\qquad \\text{for } " + String.join(",\\ ", conds));
  }

  private String args(List<Variable> args) {
    List<String> out = new ArrayList<>();
    for (Variable v : args) out.add(printer.symbol(v.name()));
    return String.join(", ", out);
  }

  /** A printed piece of a sum, with its sign in front ("- x", "+ x"); a line may not continue after a hard break. */
  private record Segment(String text, boolean hardBreak) {}

  /**
   * {@code lhs &= t1 + t2 …}, continued on new lines {@code &\quad + …} when long. A single
   * term too wide for a line (a coupling whose numerator is a long polynomial) is written
   * {@code -\frac{1}{D} \bigl(n_1 + … \\ + … \bigr) x_1 x_2}, broken inside its sum:
   * {@code \left( \right)} cannot span lines, {@code \bigl( \bigr)} can.
   */
  private List<String> sum(String lhs, List<IExpr> terms) {
    List<Segment> segments = new ArrayList<>();
    for (IExpr t : terms) segments.addAll(segments(t));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (Segment seg : segments) {
      if (line.length() > 0 && width(line.toString()) + width(seg.text()) > LINE_WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(seg.text());
      if (seg.hardBreak()) {
        lines.add(line.toString());
        line.setLength(0);
      }
    }
    if (line.length() > 0) lines.add(line.toString());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (i == 0) out.add(lhs + " &= " + (text.startsWith("+ ") ? text.substring(2) : text.startsWith("- ") ? "-" + text.substring(2) : text));
      else out.add("&\\quad " + text);
    }
    return out;
  }

  private List<Segment> segments(IExpr term) {
    String printed = signed(printer.printSum(List.of(term)));
    if (width(printed) <= LINE_WIDTH) return List.of(new Segment(printed, false));
    // Split the longest sum among the factors across lines.
    List<IExpr> factors = new ArrayList<>();
    flatten(term, factors);
    // ln(Π aᵢ / Π bⱼ) cannot break across lines; Σ ln aᵢ − Σ ln bⱼ can.
    for (int i = 0; i < factors.size(); i++) {
      IExpr logs = logOfProductAsSum(factors.get(i));
      if (logs != null) {
        factors.set(i, logs);
        return segments(Symja.unsortedProduct(factors));
      }
    }
    IExpr longest = null, container = null;
    for (IExpr f : factors) if (f.isPlus() && (longest == null || f.argSize() > longest.argSize())) longest = f;
    // Failing that, the sum inside a logarithm (an enumerated sum over states): ln\bigl(… \\ …\bigr).
    if (longest == null)
      for (IExpr f : factors) {
        IExpr arg = f.isLog() ? f.first() : null;
        if (arg != null && arg.isAST(S.HoldForm, 2)) arg = arg.first();
        if (arg != null && arg.isPlus() && (longest == null || arg.argSize() > longest.argSize())) {
          longest = arg;
          container = f;
        }
      }
    if (longest == null) return List.of(new Segment(printed, false));
    String open = container == null ? " \\bigl(" : " \\ln\\bigl(";
    List<IExpr> coefficient = new ArrayList<>(), unitFactors = new ArrayList<>();
    for (IExpr f : factors) {
      if (f == longest || f == container) continue;
      boolean unit = units.contains(f) || (f.isPower() && units.contains(f.base()));
      (unit ? unitFactors : coefficient).add(f);
    }
    String prefix = coefficient.isEmpty() ? "+" : signed(printer.printSum(List.of(Symja.unsortedProduct(coefficient))));
    if (prefix.equals("+ 1")) prefix = "+";
    if (prefix.equals("- 1")) prefix = "-";
    String suffix = unitFactors.isEmpty() ? "" : " " + printer.print(Symja.unsortedProduct(unitFactors));
    List<Segment> out = new ArrayList<>();
    List<IExpr> inner = Symja.args(longest);
    List<IExpr> chunk = new ArrayList<>();
    int width = width(prefix);
    boolean first = true;
    for (int i = 0; i <= inner.size(); i++) {
      boolean flush = i == inner.size() || (!chunk.isEmpty() && width + width(printer.print(inner.get(i))) > LINE_WIDTH);
      if (flush) {
        String body = printer.printSum(chunk);
        if (!first) body = signed(body);
        boolean last = i == inner.size();
        String text = (first ? prefix + open + body : "\\quad " + body) + (last ? " \\bigr)" + suffix : "");
        out.add(new Segment(text, !last));
        first = false;
        chunk = new ArrayList<>();
        width = 0;
      }
      if (i < inner.size()) {
        chunk.add(inner.get(i));
        width += width(printer.print(inner.get(i)));
      }
    }
    // Nothing was broken after all: keep the \\left( \\right) form.
    return out.size() == 1 ? List.of(new Segment(printed, false)) : out;
  }

  /** ln(Π aᵢ / Π bⱼ) as the unevaluated sum Σ ln aᵢ − Σ ln bⱼ, or null if e is not such a log. */
  private static IExpr logOfProductAsSum(IExpr e) {
    if (!e.isLog() || !e.first().isTimes()) return null;
    List<IExpr> factors = new ArrayList<>(), terms = new ArrayList<>();
    flatten(e.first(), factors);
    for (IExpr f : factors) {
      if (f.isPower() && f.exponent().isMinusOne()) {
        List<IExpr> den = new ArrayList<>();
        flatten(f.base(), den);
        for (IExpr d : den) terms.add(Symja.unsortedProduct(List.of(F.CN1, F.Log(d))));
      } else terms.add(F.Log(f));
    }
    return terms.size() < 2 ? null : Symja.unsortedSum(terms);
  }

  private static void flatten(IExpr e, List<IExpr> out) {
    if (e.isTimes()) for (IExpr f : Symja.args(e)) flatten(f, out);
    else out.add(e);
  }

  /**
   * Roughly how many characters wide LaTeX typesets: markup (braces, \\left, \\right, _ and ^)
   * takes no room, a command (\\cosh, \\beta) about two characters.
   */
  static int width(String latex) {
    String s = latex.replace("\\left", "").replace("\\right", "").replace("\\bigl", "").replace("\\bigr", "");
    // A fraction is as wide as the wider of its numerator and denominator (innermost first).
    java.util.regex.Pattern frac = java.util.regex.Pattern.compile("\\\\frac\\{([^{}]*)\\}\\{([^{}]*)\\}");
    for (java.util.regex.Matcher m = frac.matcher(s); m.find(); m = frac.matcher(s)) {
      String wider = m.group(1).length() >= m.group(2).length() ? m.group(1) : m.group(2);
      s = s.substring(0, m.start()) + "{" + wider + "}" + s.substring(m.end());
    }
    s = s.replaceAll("\\\\[a-zA-Z]+", "xx").replaceAll("[{}_^ ]", "");
    return s.length();
  }

  /** A printed term with an explicit sign and a space: "- x" or "+ x". */
  private static String signed(String printed) {
    return printed.startsWith("-") ? "- " + printed.substring(1) : "+ " + printed;
  }

  /** Text for a "% …" comment line: a line break in it (a file name may have one) would end the comment. */
  static String commentText(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
