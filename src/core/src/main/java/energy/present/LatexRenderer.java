package energy.present;

import energy.algebra.LogCombiner;
import energy.algebra.Symja;
import energy.present.Part.Cell;
import energy.present.Part.Column;
import energy.present.Part.Equation;
import energy.present.Part.Inline;
import energy.present.Part.Prose;
import energy.print.TexWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * LaTeX of presentations, for a paper or for the web. A paper gets one {@code align*} per file,
 * prose as {@code \intertext}, tables in a {@code center} after it; the web gets per result one
 * {@code aligned} block (or a single line) that KaTeX and MathJax accept in display math, prose as
 * {@code \text} rows, tables as {@code array}. Long sums are broken into rows the same way in both.
 */
public final class LatexRenderer {
  /**
   * The line rows are broken for, in points: the text width of the standalone document (the
   * {@code article} class at 10pt, one column: 345pt, on letter and A4 paper alike), the one a
   * paper fragment is usually pasted into. Widths are estimated by {@link TexWidth}.
   */
  public static final double TEXT_WIDTH = 345;

  private final boolean web;
  private final MathWriter math;
  private final Set<IExpr> units;
  /** The room for a row right of the relation's column: the line less the widest left-hand side of the file. */
  private final double room;
  private final List<String> rows = new ArrayList<>();
  /** Paper: an {@code \intertext} waiting for the row it precedes (it is not a row of its own). */
  private String intertext;
  /** Paper: tables, set after the {@code align*}. */
  private final List<String> tables = new ArrayList<>();

  private LatexRenderer(boolean web, PresentedFile file) {
    this(web, MathWriter.latex(file), Set.copyOf(file.units()), file.results());
  }

  /**
   * The paper sets all of a file's results in one {@code align*}, so its rows share the column of
   * the widest left-hand side; the web's blocks are broken the same way, so both show the same rows.
   */
  private LatexRenderer(boolean web, MathWriter math, Set<IExpr> units, List<Presentation> results) {
    this.web = web;
    this.math = math;
    this.units = units;
    double left = 0;
    for (Presentation p : results) left = java.lang.Math.max(left, widestLeft(p.parts()));
    this.room = TEXT_WIDTH - left;
  }

  private double widestLeft(List<Part> parts) {
    double w = 0;
    for (Part p : parts) {
      if (p instanceof Equation e) w = java.lang.Math.max(w, TexWidth.width(math.write(e.lhs())));
      else if (p instanceof Part.Where where) w = java.lang.Math.max(w, widestLeft(new ArrayList<>(where.definitions())));
      else if (p instanceof Part.Section section) w = java.lang.Math.max(w, widestLeft(section.body()));
    }
    return w;
  }

  /** One table alone as a paper's {@code center} block, with names printed as in a file without declarations. */
  public static String tableAlone(Part.Table t) {
    LatexRenderer r = new LatexRenderer(false, MathWriter.latex(new energy.print.LatexPrinter()), Set.of(), List.of());
    r.table(t);
    return r.tables.get(0);
  }

  // ---------------------------------------------------------------- entry points

  /** Every file's results as an {@code align*} environment, preceded by a comment naming the file. */
  public static String paper(List<PresentedFile> files) {
    StringBuilder out = new StringBuilder();
    for (PresentedFile f : files) {
      if (f.results().isEmpty()) continue;
      LatexRenderer r = new LatexRenderer(false, f);
      for (Presentation p : f.results()) r.parts(p.parts());
      r.flushIntertext();
      out.append("% ").append(f.model()).append(" (").append(commentText(f.path())).append(")\n");
      out.append("\\begin{align*}\n").append(String.join(" \\\\\n", r.rows)).append("\n\\end{align*}\n");
      r.tables.forEach(out::append);
    }
    return out.toString();
  }

  /** {@link #paper} in a document that pdflatex compiles as is. */
  public static String standalone(List<PresentedFile> files) {
    return "\\documentclass{article}\n"
        + "\\usepackage{amsmath}\n"
        + "\\usepackage{amssymb}\n"
        + "\\allowdisplaybreaks\n"
        + "\\begin{document}\n"
        + paper(files)
        + "\\end{document}\n";
  }

  /** Every result's web block, without {@code $$} around it, separated by blank lines. */
  public static String web(List<PresentedFile> files) {
    List<String> blocks = new ArrayList<>();
    for (PresentedFile f : files) for (Presentation p : f.results()) blocks.add(web(f, p));
    return blocks.isEmpty() ? "" : String.join("\n\n", blocks) + "\n";
  }

  /** One result as web math: a single line, or one {@code aligned} block. */
  public static String web(PresentedFile f, Presentation p) {
    LatexRenderer r = new LatexRenderer(true, f);
    r.parts(p.parts());
    if (r.rows.size() == 1 && !r.rows.get(0).startsWith("&")) return r.rows.get(0).replaceFirst(" &= ", " = ");
    return "\\begin{aligned}\n" + String.join(" \\\\\n", r.rows) + "\n\\end{aligned}";
  }

  // ---------------------------------------------------------------- parts

  private void parts(List<Part> parts) {
    for (Part p : parts) part(p);
  }

  private void part(Part p) {
    if (p instanceof Equation e) equation(e);
    else if (p instanceof Prose prose) prose(prose);
    else if (p instanceof Part.Conditions c) {
      List<String> conds = new ArrayList<>();
      for (Math m : c.relations()) conds.add(math.write(m));
      row("&\\qquad \\text{for } " + String.join(",\\ ", conds));
    } else if (p instanceof Part.Where w) {
      prose(w.intro());
      w.definitions().forEach(this::equation);
    } else if (p instanceof Part.Section s) {
      s.heading().ifPresent(this::prose);
      parts(s.body());
    } else if (p instanceof Part.Note n) row("&" + (web ? webText(n.text()) : "\\text{" + words(n.text()) + "}"));
    else table((Part.Table) p);
  }

  private void row(String row) {
    if (intertext != null) {
      row = intertext + "\n" + row;
      intertext = null;
    }
    rows.add(row);
  }

  private void flushIntertext() {
    if (intertext == null) return;
    rows.add(intertext);
    intertext = null;
  }

  private void prose(Prose p) {
    if (web) {
      row("&" + inline(p));
      return;
    }
    flushIntertext();
    intertext = "\\intertext{" + inline(p) + "}";
  }

  /**
   * Prose: on paper text with math between {@code $}; on the web math with words in {@code
   * \text} (MathJax does not read {@code $} inside {@code \text}).
   */
  private String inline(Prose p) {
    StringBuilder out = new StringBuilder();
    for (Inline i : p.pieces()) {
      if (i instanceof Inline.Words w) out.append(web ? webText(w.text()) : words(w.text()));
      else out.append(web ? "" : "$").append(math.write(((Inline.InlineMath) i).math())).append(web ? "" : "$");
    }
    return out.toString();
  }

  /** Unicode math in words, as LaTeX math. */
  private static final Map<Character, String> MATH_SYMBOLS = Map.ofEntries(
      Map.entry('−', "-"), Map.entry('×', "\\times"), Map.entry('∈', "\\in"), Map.entry('→', "\\to"), Map.entry('∞', "\\infty"),
      Map.entry('±', "\\pm"), Map.entry('²', "^{2}"), Map.entry('·', "\\cdot"), Map.entry('λ', "\\lambda"), Map.entry('ν', "\\nu"),
      Map.entry('‖', "\\|"), Map.entry('∂', "\\partial"), Map.entry('≤', "\\leq"), Map.entry('≥', "\\geq"));

  /** LaTeX's special characters in text mode. */
  private static final Map<Character, String> TEXT_ESCAPES =
      Map.of('_', "\\_", '%', "\\%", '&', "\\&", '#', "\\#", '$', "\\$", '{', "\\{", '}', "\\}");

  /** Words for a paper's text mode: special characters escaped, Unicode math set as {@code $…$}. */
  static String words(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (MATH_SYMBOLS.containsKey(c)) out.append('$').append(MATH_SYMBOLS.get(c)).append('$');
      else if (c == '–') out.append("--");
      else out.append(TEXT_ESCAPES.getOrDefault(c, String.valueOf(c)));
    }
    // Adjacent symbols are one formula: $-\infty$, not $-$$\infty$.
    return out.toString().replace("$$", "");
  }

  /** Words for web math: {@code \text{…}} runs, Unicode math between them as math. */
  static String webText(String text) {
    StringBuilder out = new StringBuilder("\\text{");
    for (char c : text.toCharArray()) {
      if (MATH_SYMBOLS.containsKey(c)) out.append("}").append(MATH_SYMBOLS.get(c)).append("\\text{");
      else out.append(TEXT_ESCAPES.getOrDefault(c, String.valueOf(c)));
    }
    return out.append("}").toString().replace("\\text{}", "");
  }

  // ---------------------------------------------------------------- equations

  private void equation(Equation e) {
    String lhs = math.write(e.lhs());
    List<String> lines = e.rhs() instanceof Math.Sum s ? sum(lhs, s.terms()) : new ArrayList<>(List.of(lhs + " &= " + math.write(e.rhs())));
    if (e.remark().isPresent()) {
      // After the equation on its row, or on a row of its own when the two would overflow.
      int last = lines.size() - 1;
      String remark = web ? webText("(" + e.remark().get() + ")") : "\\text{(" + words(e.remark().get()) + ")}";
      String row = lines.get(last), right = row.substring(row.indexOf('&') + 1);
      if (TexWidth.width("{}" + right + " \\quad " + remark) > room) lines.add("&\\qquad " + remark);
      else lines.set(last, row + " \\quad " + remark);
    }
    lines.forEach(this::row);
  }

  /**
   * A piece of a broken sum: its text after the previous piece on a row ({@code + x}, {@code -
   * x}), and the text that opens a row with it ({@code = x}, {@code \quad - x}, or a phantom of
   * the bracket it continues followed by {@code + x}).
   */
  private record Piece(String text, String rowStart) {}

  /**
   * A term broken inside its sum or product: {@code - c \bigl(}, the first term or factor as
   * printed, then each as it follows another ({@code + x}, or {@code x} in a product), {@code
   * \bigr) u}.
   */
  private record Broken(String opening, List<String> inner, String close) {}

  /**
   * {@code lhs &= t1 + t2 …}, continued on rows {@code &\quad + …}: rows break only where the
   * next term would overflow the line, and the terms are spread so that the last row is not a
   * short orphan (the fewest rows, then the most even). A single term too wide for a row (a
   * coupling whose numerator is a long polynomial) is written {@code -\frac{1}{D} \bigl(n_1 + …
   * \\ + … \bigr) x_1 x_2}, broken inside its sum with the continuation rows under the opening
   * bracket: {@code \left( \right)} cannot span rows, {@code \bigl( \bigr)} can. A logarithm of a
   * long product is broken inside the product, rows of factors: {@code \ln\bigl(\cosh(…) \cosh(…)
   * \\ \cosh(…) \bigr)}, as it reads and fewer rows than one {@code \ln} per factor. It continues the
   * row before it when its bracket then stands in the left half of the line, else opens a row.
   */
  private List<String> sum(String lhs, List<Math> terms) {
    widths.clear();
    printedTerms.clear();
    List<String> rows = new ArrayList<>();
    List<Piece> run = new ArrayList<>();
    for (Math t : logsApart(terms)) {
      String signed = signed(t instanceof Math.Expr e ? printTerm(e.value()) : math.write(t));
      boolean first = rows.isEmpty() && run.isEmpty();
      String start = first ? "= " + unsigned(signed) : "\\quad " + signed;
      Broken broken = t instanceof Math.Expr e && width("{}" + start) > room ? broken(e.value()) : null;
      if (broken == null) {
        run.add(new Piece(signed, start));
        continue;
      }
      rows.addAll(fill(run, false));
      run.clear();
      String head;
      String before = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      String joined = before + " " + broken.opening();
      if (before != null && width("{}" + joined) <= room / 2 && width("{}" + joined + broken.inner().get(0)) <= room) {
        rows.remove(rows.size() - 1);
        head = joined;
      } else head = rows.isEmpty() ? "= " + unsigned(broken.opening()) : "\\quad " + broken.opening();
      String under = "\\hphantom{{}" + head + "}{}";
      for (int i = 0; i < broken.inner().size(); i++) {
        String printed = broken.inner().get(i), close = i == broken.inner().size() - 1 ? broken.close() : "";
        run.add(i == 0 ? new Piece(head + printed + close, head + printed + close) : new Piece(printed + close, under + " " + printed + close));
      }
    }
    rows.addAll(fill(run, true));
    if (rows.isEmpty()) rows.add("= 0");
    List<String> out = new ArrayList<>();
    for (String row : rows) out.add((out.isEmpty() ? lhs + " &" : "&") + row);
    return out;
  }

  /**
   * Breaks a run of pieces into rows (the text after the {@code &}): the fewest that fit (a piece
   * wider than the line alone on its row), and among those the least ragged — the sum of squared
   * shortfalls of the rows before the last, plus the last row's shortfall from half the line — by
   * dynamic programming over the break points. A run that does not end the equation (a broken
   * term's rows, with more terms after them) has no last row: its rows are balanced.
   */
  private List<String> fill(List<Piece> pieces, boolean endsEquation) {
    int n = pieces.size();
    double[] alone = new double[n], after = new double[n];
    for (int i = 0; i < n; i++) {
      alone[i] = width("{}" + pieces.get(i).rowStart());
      after[i] = width("{} " + pieces.get(i).text());
    }
    int[] rows = new int[n + 1], from = new int[n + 1];
    double[] cost = new double[n + 1];
    java.util.Arrays.fill(rows, Integer.MAX_VALUE);
    rows[0] = 0;
    for (int j = 1; j <= n; j++) {
      double width = 0;
      for (int i = j - 1; i >= 0; i--) {
        width = i == j - 1 ? alone[i] : width - alone[i + 1] + after[i + 1] + alone[i];
        if (width > room && i < j - 1) break;
        double shortfall = j == n && endsEquation ? java.lang.Math.max(0, room / 2 - width) : room - width;
        double c = cost[i] + shortfall * shortfall;
        if (rows[i] + 1 < rows[j] || (rows[i] + 1 == rows[j] && c < cost[j])) {
          rows[j] = rows[i] + 1;
          cost[j] = c;
          from[j] = i;
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int j = n; j > 0; j = from[j]) {
      StringBuilder row = new StringBuilder(pieces.get(from[j]).rowStart());
      for (Piece p : pieces.subList(from[j] + 1, j)) row.append(' ').append(p.text());
      out.add(0, row.toString());
    }
    return out;
  }

  private String print(IExpr e) {
    return math.write(new Math.Expr(e));
  }

  private String printTerm(IExpr term) {
    return printedTerms.computeIfAbsent(term, t -> math.write(new Math.Sum(List.of(new Math.Expr(t)), Optional.empty())));
  }

  /**
   * One equation's terms are printed and measured more than once (taken apart or not, broken or
   * not, then rows filled): each printed form and width is kept for the equation being written.
   */
  private final Map<IExpr, String> printedTerms = new java.util.IdentityHashMap<>();

  private final Map<String, Double> widths = new java.util.HashMap<>();

  private double width(String latex) {
    return widths.computeIfAbsent(latex, TexWidth::width);
  }

  /**
   * The terms with each c·ln(Π aᵢ / Π bⱼ) too wide for a row taken apart into c·ln Π aᵢ − c·ln Π bⱼ:
   * a fraction cannot break across rows, each product can ({@link #broken}).
   */
  private List<Math> logsApart(List<Math> terms) {
    List<Math> out = new ArrayList<>();
    for (Math t : terms) {
      if (!(t instanceof Math.Expr e) || width("{}\\quad " + signed(printTerm(e.value()))) <= room) {
        out.add(t);
        continue;
      }
      List<IExpr> factors = new ArrayList<>();
      flatten(e.value(), factors);
      int log = -1;
      for (int i = 0; i < factors.size() && log < 0; i++) if (isLogOfRatio(factors.get(i))) log = i;
      if (log < 0) {
        out.add(t);
        continue;
      }
      List<IExpr> numerator = new ArrayList<>(), denominator = new ArrayList<>();
      for (IExpr f : Symja.args(factors.get(log).first())) {
        if (f.isPower() && f.exponent().isMinusOne()) flatten(f.base(), denominator);
        else numerator.add(f);
      }
      for (List<IExpr> part : List.of(numerator, denominator)) {
        if (part.isEmpty()) continue;
        List<IExpr> term = new ArrayList<>(factors);
        term.set(log, F.Log(Symja.unsortedProduct(part)));
        IExpr product = Symja.unsortedProduct(term);
        out.add(new Math.Expr(part == denominator ? LogCombiner.negate(product) : product));
      }
    }
    return out;
  }

  /** ln of a product with a factor in its denominator. */
  private static boolean isLogOfRatio(IExpr e) {
    if (!e.isLog() || !e.first().isTimes()) return false;
    for (IExpr f : Symja.args(e.first())) if (f.isPower() && f.exponent().isMinusOne()) return true;
    return false;
  }

  /**
   * A term too wide for a row, to be broken inside the product in its logarithm (rows of
   * factors) or else inside its longest sum: the coefficient and an opening {@code \bigl(}, the
   * factors or terms, {@code \bigr)} and the units after it. Null when the term has neither.
   */
  private Broken broken(IExpr term) {
    List<IExpr> factors = new ArrayList<>();
    flatten(term, factors);
    IExpr longest = null, container = null;
    for (IExpr f : factors)
      if (f.isLog() && f.first().isTimes()) {
        longest = f.first();
        container = f;
        break;
      }
    if (longest == null)
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
    if (longest == null) return null;

    List<IExpr> coefficient = new ArrayList<>(), unitFactors = new ArrayList<>();
    for (IExpr f : factors) {
      if (f == longest || f == container) continue;
      boolean unit = units.contains(f) || (f.isPower() && units.contains(f.base()));
      (unit ? unitFactors : coefficient).add(f);
    }
    String prefix = coefficient.isEmpty() ? "+" : signed(printTerm(Symja.unsortedProduct(coefficient)));
    if (prefix.equals("+ 1")) prefix = "+";
    if (prefix.equals("- 1")) prefix = "-";
    String suffix = unitFactors.isEmpty() ? "" : " " + print(Symja.unsortedProduct(unitFactors));
    List<String> inner = new ArrayList<>();
    boolean product = longest.isTimes();
    for (IExpr x : Symja.args(longest)) {
      String printed = product ? factor(x) : printTerm(x);
      inner.add(inner.isEmpty() || product ? printed : signed(printed));
    }
    // As tall as \left( would be around the whole sum (stacked fractions need more than \big).
    String size = List.of("big", "Big", "bigg", "Bigg").get(TexWidth.delimiterSize(String.join(" + ", inner)) - 1);
    String open = (container == null ? " \\" : " \\ln\\") + size + "l(";
    return new Broken(prefix + open, inner, " \\" + size + "r)" + suffix);
  }

  /** A factor of a product as printed in it: a sum in brackets, stretched around tall content. */
  private String factor(IExpr f) {
    String printed = print(f);
    if (!(f.isAST(S.HoldForm, 2) ? f.first() : f).isPlus()) return printed;
    return energy.print.LatexPrinter.isTall(printed) ? "\\left(" + printed + "\\right)" : "(" + printed + ")";
  }

  private static void flatten(IExpr e, List<IExpr> out) {
    if (e.isTimes()) for (IExpr f : Symja.args(e)) flatten(f, out);
    else out.add(e);
  }

  /** A printed term with an explicit sign and a space: "- x" or "+ x". */
  private static String signed(String printed) {
    return printed.startsWith("-") ? "- " + printed.substring(1) : "+ " + printed;
  }

  /** A signed term as it opens a sum: "x" for "+ x", "-x" for "- x". */
  private static String unsigned(String signed) {
    return signed.startsWith("+ ") ? signed.substring(2) : signed.startsWith("- ") ? "-" + signed.substring(2) : signed;
  }

  /** Text for a "% …" comment line: a line break in it (a file name may have one) would end the comment. */
  static String commentText(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }

  // ---------------------------------------------------------------- tables

  private void table(Part.Table t) {
    if (web) {
      prose(t.caption());
      row("&" + array(t));
      t.notes().forEach(this::prose);
      return;
    }
    StringBuilder s = new StringBuilder("\\begin{center}\n").append(inline(t.caption())).append("\\\\[2pt]\n");
    s.append(t.columns().size() > 6 ? byColumn(t) : tabular(t));
    for (Prose n : t.notes()) s.append("\\\\[2pt]\n").append(inline(n)).append('\n');
    tables.add(s.append("\\end{center}\n").toString());
  }

  /** A column's heading as math. */
  private String heading(Column c) {
    return switch (c.kind()) {
      case COORDINATE -> math.write(new Math.Name(c.coupling())) + "^*";
      case EIGENVALUES -> "\\lambda";
      case EXPONENTS -> "y";
      case NU -> "\\nu";
      case Y_H -> "y_H";
      case BETA_OVER_NU -> "\\beta/\\nu";
      case GAMMA_OVER_NU -> "\\gamma/\\nu";
      case STABILITY -> "\\text{stability}";
    };
  }

  /** Right-aligned and padded on the decimal point ({@link DecimalAlignment}), or left-aligned. */
  private static String alignment(Part.Table t, int column) {
    return aligned(t, column) ? "r" : "l";
  }

  /** A column of single numbers (and dashes): aligned on the decimal point. */
  static boolean aligned(Part.Table t, int column) {
    if (t.columns().get(column).kind() == Column.Kind.STABILITY) return false;
    for (List<Cell> row : t.rows())
      if (row.get(column) instanceof Cell.Values v && (v.values().size() != 1 || !(v.values().get(0) instanceof Math.Number))) return false;
    return true;
  }

  /** Each cell's padding after it, by column ({@link DecimalAlignment}); empty for columns not aligned. */
  private List<List<String>> paddings(Part.Table t) {
    List<List<String>> byColumn = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      List<String> printed = new ArrayList<>();
      for (List<Cell> row : t.rows()) printed.add(row.get(i) instanceof Cell.Values v ? math.write(v.values().get(0)) : "");
      byColumn.add(aligned(t, i) ? DecimalAlignment.padding(printed) : java.util.Collections.nCopies(t.rows().size(), ""));
    }
    return byColumn;
  }

  private static String phantom(String padding) {
    return padding.isEmpty() ? "" : "\\phantom{" + padding + "}";
  }

  /** A cell in a tabular (text mode); several values of one cell stacked when {@code stack}. */
  private String cell(Cell c, boolean stack) {
    return cell(c, stack, "");
  }

  private String cell(Cell c, boolean stack, String padding) {
    if (c instanceof Cell.Missing) return "--" + (padding.isEmpty() ? "" : "$" + phantom(padding) + "$");
    if (c instanceof Cell.Word w) return words(w.text());
    List<String> xs = ((Cell.Values) c).values().stream().map(math::write).toList();
    if (stack) return "\\begin{tabular}[t]{@{}l@{}}$" + String.join("$ \\\\ $", xs) + "$\\end{tabular}";
    return "$" + String.join(",\\ ", xs) + phantom(padding) + "$";
  }

  private String tabular(Part.Table t) {
    StringBuilder s = new StringBuilder("\\begin{tabular}{");
    for (int i = 0; i < t.columns().size(); i++) s.append(alignment(t, i));
    s.append("}\n");
    List<String> head = new ArrayList<>();
    for (int i = 0; i < t.columns().size(); i++) {
      Column c = t.columns().get(i);
      String h = c.kind() == Column.Kind.STABILITY ? "stability" : "$" + heading(c) + "$";
      // Over a column aligned on its points the heading is centred, not pushed to the right edge.
      head.add(aligned(t, i) ? "\\multicolumn{1}{c}{" + h + "}" : h);
    }
    s.append(String.join(" & ", head)).append(" \\\\\n\\hline\n");
    List<List<String>> pad = paddings(t);
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) cells.add(cell(t.rows().get(r).get(i), false, pad.get(i).get(r)));
      s.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    return s.append("\\end{tabular}\n").toString();
  }

  /**
   * The wide table (several couplings, or the field's columns) transposed to fit a page: one
   * column per fixed point, one row per quantity, eigenvalues and exponents stacked in their cells.
   */
  private String byColumn(Part.Table t) {
    int couplings = (int) t.columns().stream().filter(c -> c.kind() == Column.Kind.COORDINATE).count();
    StringBuilder s = new StringBuilder("\\begin{tabular}{l|").append("l".repeat(t.rows().size())).append("}\n");
    for (int i = 0; i < t.columns().size(); i++) {
      Column c = t.columns().get(i);
      List<String> line = new ArrayList<>(List.of(c.kind() == Column.Kind.STABILITY ? "stability" : "$" + heading(c) + "$"));
      boolean stack = c.kind() == Column.Kind.EIGENVALUES || c.kind() == Column.Kind.EXPONENTS;
      for (List<Cell> row : t.rows()) line.add(cell(row.get(i), stack));
      s.append(String.join(" & ", line)).append(" \\\\\n");
      if (i == couplings - 1 || i == couplings + 1) s.append("\\hline\n");
    }
    return s.append("\\end{tabular}\n").toString();
  }

  /** The table as a math {@code array}, for the web. */
  private String array(Part.Table t) {
    StringBuilder s = new StringBuilder("\\begin{array}{");
    for (int i = 0; i < t.columns().size(); i++) s.append(alignment(t, i));
    s.append("}\n").append(String.join(" & ", t.columns().stream().map(this::heading).toList())).append(" \\\\\n\\hline\n");
    List<List<String>> pad = paddings(t);
    for (int r = 0; r < t.rows().size(); r++) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        Cell c = t.rows().get(r).get(i);
        cells.add((c instanceof Cell.Missing ? "\\text{–}" : c instanceof Cell.Word w ? webText(w.text())
            : String.join(",\\ ", ((Cell.Values) c).values().stream().map(math::write).toList())) + phantom(pad.get(i).get(r)));
      }
      s.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    return s.append("\\end{array}").toString();
  }
}
