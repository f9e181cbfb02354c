package energy.rg.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.print.LatexPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renderings of a {@link FlowResult}: a JSON tree (keys {@code fixedPoints}, {@code coordinates},
 * {@code eigenvalues}, {@code exponents}, {@code nu}), a plain-text table and a LaTeX table.
 * Numbers carry 12 significant digits. A real eigenvalue is a JSON number, a complex one {@code
 * {"re": …, "im": …}}; the exponent of λ = 0 (−∞) and a missing ν are JSON null.
 */
public final class FlowFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowFormat() {}

  /** 12 significant digits, trailing zeros dropped; "-inf"/"inf"/"nan" spelled out. */
  public static String number(double v) {
    if (Double.isNaN(v)) return "nan";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";
    String s = String.format(Locale.ROOT, "%.12g", v);
    String mant = s, exp = "";
    int e = s.indexOf('e');
    if (e >= 0) {
      mant = s.substring(0, e);
      exp = s.substring(e);
    }
    if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
    return mant + exp;
  }

  /** The value rounded to 12 significant digits (what the renderings print). */
  static double rounded(double v) {
    return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.11e", v)) : v;
  }

  // ---------------------------------------------------------------- JSON

  public static ObjectNode json(FlowResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    List<String> names = r.recursion().names();
    ArrayNode cs = o.putArray("couplings");
    names.forEach(cs::add);
    o.put("scale", r.recursion().scale());
    ArrayNode fps = o.putArray("fixedPoints");
    for (FixedPoint p : r.fixedPoints()) fps.add(point(p, names));
    ArrayNode lines = o.putArray("fixedLines");
    for (FixedLine l : r.lines()) {
      ObjectNode lo = lines.addObject();
      lo.put("description", l.description());
      ObjectNode c = lo.putObject("constant");
      l.constant().forEach((k, v) -> c.put(k, rounded(v)));
      lo.put("exact", l.exact());
      lo.put("dimension", l.dimension());
      ArrayNode dir = lo.putArray("direction");
      for (double d : l.direction()) dir.add(rounded(d));
      ArrayNode samples = lo.putArray("samples");
      for (FixedPoint p : thin(l.samples(), 9)) samples.add(point(p, names));
    }
    ArrayNode lims = o.putArray("limits");
    for (LimitPoint l : r.limits()) {
      ObjectNode lo = lims.addObject();
      lo.put("coupling", l.coupling());
      lo.put("to", l.positive() ? "+infinity" : "-infinity");
      lo.put("attractive", l.attractive());
      lo.put("evidence", l.evidence());
    }
    Exponents x = Exponents.of(r);
    if (x != null) {
      ObjectNode eo = o.putObject("exponents");
      eo.put("yT", rounded(x.yT()));
      eo.put("yH", rounded(x.yH()));
      eo.put("nu", rounded(x.nu()));
      eo.put("alpha", rounded(x.alpha()));
      eo.put("beta", rounded(x.beta()));
      eo.put("gamma", rounded(x.gamma()));
      eo.put("delta", rounded(x.delta()));
      eo.put("eta", rounded(x.eta()));
    }
    ArrayNode notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    return o;
  }

  private static ObjectNode point(FixedPoint p, List<String> names) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode c = o.putObject("coordinates");
    for (int a = 0; a < names.size(); a++) c.put(names.get(a), rounded(p.coordinate(a)));
    ArrayNode ev = o.putArray("eigenvalues");
    ArrayNode ex = o.putArray("exponents");
    ArrayNode rel = o.putArray("relevance");
    for (Eigenvalue e : p.eigenvalues()) {
      if (e.isReal()) {
        ev.add(rounded(e.re()));
      } else {
        ObjectNode z = ev.addObject();
        z.put("re", rounded(e.re()));
        z.put("im", rounded(e.im()));
      }
      if (Double.isFinite(e.exponent())) ex.add(rounded(e.exponent()));
      else ex.addNull();
      rel.add(e.relevance().name().toLowerCase(Locale.ROOT));
    }
    if (p.nu() == null) o.putNull("nu");
    else o.put("nu", rounded(p.nu()));
    if (p.yH() != null) o.put("yH", rounded(p.yH()));
    o.put("stability", p.stability().name().toLowerCase(Locale.ROOT));
    ArrayNode j = o.putArray("jacobian");
    for (List<Double> row : p.jacobian()) {
      ArrayNode rj = j.addArray();
      for (double v : row) rj.add(rounded(v));
    }
    o.put("residual", p.residual());
    return o;
  }

  /** The JSON tree as indented text. */
  public static String jsonString(FlowResult r) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(r)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- text

  /** A plain-text fixed-point table followed by lines, limits and notes. */
  public static String text(FlowResult r) {
    List<String> names = r.recursion().names();
    List<String[]> rows = new ArrayList<>();
    List<String> head = new ArrayList<>();
    for (String n : names) head.add(n + "*");
    head.addAll(List.of("eigenvalues", "y", "nu"));
    boolean field = r.recursion().field() >= 0 && !r.fixedPoints().isEmpty(), ratios = field && r.recursion().latticeDimension() > 0;
    if (field) head.add("y_H");
    if (ratios) head.addAll(List.of("beta/nu", "gamma/nu"));
    head.add("stability");
    rows.add(head.toArray(new String[0]));
    for (FixedPoint p : r.fixedPoints()) {
      List<String> row = new ArrayList<>();
      for (double c : p.coordinates()) row.add(number(c));
      List<String> ls = new ArrayList<>(), ys = new ArrayList<>();
      for (Eigenvalue e : p.eigenvalues()) {
        ls.add(
            e.isReal()
                ? number(e.re())
                : number(e.re()) + (e.im() < 0 ? "-" : "+") + number(Math.abs(e.im())) + "i");
        ys.add(number(e.exponent()));
      }
      row.add(String.join(", ", ls));
      row.add(String.join(", ", ys));
      row.add(p.nu() == null ? "-" : number(p.nu()));
      if (field) row.add(p.yH() == null ? "-" : number(p.yH()));
      if (ratios) {
        int d = r.recursion().latticeDimension();
        row.add(p.yH() == null ? "-" : number(d - p.yH()));
        row.add(p.yH() == null ? "-" : number(2 * p.yH() - d));
      }
      row.add(p.stability().name().toLowerCase(Locale.ROOT));
      rows.add(row.toArray(new String[0]));
    }
    int[] w = new int[head.size()];
    for (String[] row : rows)
      for (int i = 0; i < row.length; i++) w[i] = Math.max(w[i], row[i].length());
    StringBuilder s = new StringBuilder();
    s.append("flow of ")
        .append(String.join(", ", names))
        .append(" (b = ")
        .append(number(r.recursion().scale()))
        .append(")\n");
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (i > 0) line.append("  ");
        line.append(row[i]).append(" ".repeat(w[i] - row[i].length()));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    if (r.fixedPoints().isEmpty()) s.append("(no isolated fixed point)\n");
    for (FixedLine l : r.lines())
      s.append("line of fixed points: ").append(l.description()).append('\n');
    for (LimitPoint l : r.limits()) {
      s.append(l.coupling())
          .append(" -> ")
          .append(l.positive() ? "+inf" : "-inf")
          .append(": ")
          .append(l.attractive() ? "attractive" : "repulsive")
          .append(" limit of the flow\n");
    }
    Exponents x = Exponents.of(r);
    if (x != null)
      s.append(
          String.format(
              "exponents at the critical point (scaling, hyperscaling with d = %d): nu = %s, alpha = %s, beta = %s, gamma = %s, delta = %s, eta = %s%n",
              x.d(), number(x.nu()), number(x.alpha()), number(x.beta()), number(x.gamma()), number(x.delta()), number(x.eta())));
    for (String n : r.notes()) s.append("note: ").append(n).append('\n');
    return s.toString();
  }

  // ---------------------------------------------------------------- LaTeX

  /** A LaTeX tabular of the isolated fixed points (needs no package beyond plain LaTeX). */
  public static String latex(FlowResult r) {
    LatexPrinter lp = new LatexPrinter();
    List<String> names = r.recursion().names();
    StringBuilder s = new StringBuilder();
    boolean field = r.recursion().field() >= 0 && !r.fixedPoints().isEmpty(), ratios = field && r.recursion().latticeDimension() > 0;
    s.append("\\begin{tabular}{").append("r".repeat(names.size())).append("lll").append(field ? "l" : "").append(ratios ? "ll" : "").append("l}\n");
    List<String> head = new ArrayList<>();
    for (String n : names) head.add("$" + lp.symbol(n) + "^*$");
    head.addAll(List.of("$\\lambda$", "$y$", "$\\nu$"));
    if (field) head.add("$y_H$");
    if (ratios) head.addAll(List.of("$\\beta/\\nu$", "$\\gamma/\\nu$"));
    head.add("stability");
    if (head.size() > 6) return latexByColumn(r, head, field, ratios);
    s.append(String.join(" & ", head)).append(" \\\\\n\\hline\n");
    for (FixedPoint p : r.fixedPoints()) {
      List<String> row = new ArrayList<>();
      for (double c : p.coordinates()) row.add("$" + latexNumber(c) + "$");
      List<String> ls = new ArrayList<>(), ys = new ArrayList<>();
      for (Eigenvalue e : p.eigenvalues()) {
        ls.add(
            e.isReal()
                ? latexNumber(e.re())
                : latexNumber(e.re())
                    + (e.im() < 0 ? " - " : " + ")
                    + latexNumber(Math.abs(e.im()))
                    + "i");
        ys.add(
            Double.isInfinite(e.exponent())
                ? (e.exponent() < 0 ? "-\\infty" : "\\infty")
                : latexNumber(e.exponent()));
      }
      row.add("$" + String.join(",\\ ", ls) + "$");
      row.add("$" + String.join(",\\ ", ys) + "$");
      row.add(p.nu() == null ? "--" : "$" + latexNumber(p.nu()) + "$");
      if (field) row.add(p.yH() == null ? "--" : "$" + latexNumber(p.yH()) + "$");
      if (ratios) {
        int d = r.recursion().latticeDimension();
        row.add(p.yH() == null ? "--" : "$" + latexNumber(d - p.yH()) + "$");
        row.add(p.yH() == null ? "--" : "$" + latexNumber(2 * p.yH() - d) + "$");
      }
      row.add(p.stability().name().toLowerCase(Locale.ROOT));
      s.append(String.join(" & ", row)).append(" \\\\\n");
    }
    s.append("\\end{tabular}\n");
    s.append(exponentsLatex(r));
    return s.toString();
  }

  /**
   * The wide table (several couplings, or the field's columns) transposed to fit a page: one
   * column per fixed point, one row per quantity, eigenvalues and exponents stacked in their cells.
   */
  private static String latexByColumn(FlowResult r, List<String> head, boolean field, boolean ratios) {
    int n = r.recursion().dimension(), d = r.recursion().latticeDimension();
    List<List<String>> rows = new ArrayList<>();
    for (String h : head) rows.add(new ArrayList<>(List.of(h)));
    for (FixedPoint p : r.fixedPoints()) {
      int row = 0;
      for (double c : p.coordinates()) rows.get(row++).add("$" + latexNumber(c) + "$");
      List<String> ls = new ArrayList<>(), ys = new ArrayList<>();
      for (Eigenvalue e : p.eigenvalues()) {
        ls.add(e.isReal() ? latexNumber(e.re()) : latexNumber(e.re()) + (e.im() < 0 ? " - " : " + ") + latexNumber(Math.abs(e.im())) + "i");
        ys.add(Double.isInfinite(e.exponent()) ? (e.exponent() < 0 ? "-\\infty" : "\\infty") : latexNumber(e.exponent()));
      }
      rows.get(row++).add(stacked(ls));
      rows.get(row++).add(stacked(ys));
      rows.get(row++).add(p.nu() == null ? "--" : "$" + latexNumber(p.nu()) + "$");
      if (field) rows.get(row++).add(p.yH() == null ? "--" : "$" + latexNumber(p.yH()) + "$");
      if (ratios) {
        rows.get(row++).add(p.yH() == null ? "--" : "$" + latexNumber(d - p.yH()) + "$");
        rows.get(row++).add(p.yH() == null ? "--" : "$" + latexNumber(2 * p.yH() - d) + "$");
      }
      rows.get(row).add(p.stability().name().toLowerCase(Locale.ROOT));
    }
    StringBuilder s = new StringBuilder();
    s.append("\\begin{tabular}{l|").append("l".repeat(r.fixedPoints().size())).append("}\n");
    for (int i = 0; i < rows.size(); i++) {
      s.append(String.join(" & ", rows.get(i))).append(" \\\\\n");
      if (i == n - 1 || i == n + 1) s.append("\\hline\n");
    }
    s.append("\\end{tabular}\n");
    return s.append(exponentsLatex(r)).toString();
  }

  /** The exponents of the critical point, as a line under the table ("" without y_H). */
  private static String exponentsLatex(FlowResult r) {
    Exponents x = Exponents.of(r);
    if (x == null) return "";
    return "\\\\[2pt]\n"
        + String.format(
            "$\\nu = %s$, $\\alpha = %s$, $\\beta = %s$, $\\gamma = %s$, $\\delta = %s$, $\\eta = %s$ (scaling, hyperscaling with $d = %d$)%n",
            latexNumber(x.nu()), latexNumber(x.alpha()), latexNumber(x.beta()), latexNumber(x.gamma()), latexNumber(x.delta()), latexNumber(x.eta()), x.d());
  }

  private static String stacked(List<String> xs) {
    return "\\begin{tabular}[t]{@{}l@{}}$" + String.join("$ \\\\ $", xs) + "$\\end{tabular}";
  }

  /** A number for math mode: 1.5e-07 → 1.5\times 10^{-7}. */
  static String latexNumber(double v) {
    String t = number(v);
    int e = t.indexOf('e');
    if (e < 0) return t;
    int exp = Integer.parseInt(t.substring(e + 1));
    return t.substring(0, e) + "\\times 10^{" + exp + "}";
  }

  private static <T> List<T> thin(List<T> xs, int max) {
    if (xs.size() <= max) return xs;
    List<T> out = new ArrayList<>();
    for (int i = 0; i < max; i++)
      out.add(xs.get((int) Math.round((double) i * (xs.size() - 1) / (max - 1))));
    return out;
  }
}
