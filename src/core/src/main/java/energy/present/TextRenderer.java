package energy.present;

import energy.present.Part.Cell;
import energy.present.Part.Column;
import energy.present.Part.Equation;
import energy.present.Part.Inline;
import energy.present.Part.Prose;
import java.util.ArrayList;
import java.util.List;

/**
 * Presentations as Unicode text for a terminal: an equation a line, never broken; the body of a
 * section indented under its heading; conditions after their result; tables in aligned columns.
 */
public final class TextRenderer {
  private final MathWriter math;
  private final StringBuilder out = new StringBuilder();

  private TextRenderer(MathWriter math) {
    this.math = math;
  }

  public static String render(List<PresentedFile> files) {
    StringBuilder out = new StringBuilder();
    for (PresentedFile f : files) {
      TextRenderer r = new TextRenderer(MathWriter.text(f));
      for (Presentation p : f.results()) r.parts(p.parts(), "");
      out.append(r.out);
    }
    return out.toString();
  }

  /** One table alone, with names printed as in a file without declarations. */
  public static String tableAlone(Part.Table t) {
    TextRenderer r = new TextRenderer(MathWriter.text(new energy.print.TextPrinter()));
    r.table(t, "");
    return r.out.toString();
  }

  private void parts(List<Part> parts, String indent) {
    for (Part p : parts) part(p, indent);
  }

  private void part(Part p, String indent) {
    if (p instanceof Equation e) equation(e, indent);
    else if (p instanceof Prose prose) out.append(indent).append(inline(prose)).append('\n');
    else if (p instanceof Part.Conditions c) {
      List<String> conds = new ArrayList<>();
      for (Math m : c.relations()) conds.add(math.write(m));
      out.append("    for ").append(String.join(", ", conds)).append('\n');
    } else if (p instanceof Part.Where w) {
      part(w.intro(), indent);
      for (Equation e : w.definitions()) equation(e, indent);
    } else if (p instanceof Part.Section s) {
      s.heading().ifPresent(h -> part(h, indent));
      parts(s.body(), indent + "  ");
    } else if (p instanceof Part.Note n) out.append(indent).append(n.text()).append('\n');
    else table((Part.Table) p, indent);
  }

  private void equation(Equation e, String indent) {
    out.append(indent);
    e.label().ifPresent(l -> out.append(l).append(": "));
    out.append(math.write(e.lhs())).append(" = ").append(math.write(e.rhs()));
    e.remark().ifPresent(r -> out.append("   (").append(r).append(')'));
    out.append('\n');
  }

  private String inline(Prose p) {
    StringBuilder s = new StringBuilder();
    for (Inline i : p.pieces()) s.append(i instanceof Inline.Words w ? w.text() : math.write(((Inline.InlineMath) i).math()));
    return s.toString();
  }

  /** A column's heading, as in LaTeX: K₂*, λ, y, ν. */
  private String heading(Column c) {
    return switch (c.kind()) {
      case COORDINATE -> math.write(new Math.Name(c.coupling())) + "*";
      case EIGENVALUES -> "λ";
      case EXPONENTS -> "y";
      case NU -> "ν";
      case Y_H -> "y_H";
      case BETA_OVER_NU -> "β/ν";
      case GAMMA_OVER_NU -> "γ/ν";
      case STABILITY -> "stability";
    };
  }

  private String cell(Cell c) {
    if (c instanceof Cell.Missing) return "-";
    if (c instanceof Cell.Word w) return w.text();
    return String.join(", ", ((Cell.Values) c).values().stream().map(math::write).toList());
  }

  /**
   * The caption, the columns padded to their widest cell, then the notes. Columns of numbers
   * are right-aligned on their decimal points ({@link DecimalAlignment}), the others left-aligned.
   */
  private void table(Part.Table t, String indent) {
    part(t.caption(), indent);
    int n = t.columns().size();
    List<List<String>> rows = new ArrayList<>();
    rows.add(t.columns().stream().map(this::heading).toList());
    for (List<Cell> row : t.rows()) rows.add(new ArrayList<>(row.stream().map(this::cell).toList()));
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      right[i] = LatexRenderer.aligned(t, i);
      if (!right[i]) continue;
      List<String> column = new ArrayList<>();
      for (int r = 1; r < rows.size(); r++) column.add(rows.get(r).get(i));
      List<String> pad = DecimalAlignment.padding(column);
      for (int r = 1; r < rows.size(); r++) rows.get(r).set(i, rows.get(r).get(i) + " ".repeat(pad.get(r - 1).length()));
    }
    int[] w = new int[n];
    for (List<String> row : rows)
      for (int i = 0; i < row.size(); i++) w[i] = java.lang.Math.max(w[i], row.get(i).length());
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) line.append("  ");
        String fill = " ".repeat(w[i] - row.get(i).length());
        line.append(right[i] ? fill + row.get(i) : row.get(i) + fill);
      }
      out.append(indent).append(line.toString().stripTrailing()).append('\n');
    }
    for (Prose note : t.notes()) part(note, indent);
  }
}
