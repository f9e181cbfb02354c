package energy.present;

import energy.present.Part.Cell;
import energy.present.Part.Column;
import energy.present.Part.Equation;
import energy.present.Part.Inline;
import energy.present.Part.Prose;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Presentations as Unicode text for a terminal: an equation wrapped at 100 columns between the
 * terms of its sum, continued under its right-hand side; the body of a section indented under its
 * heading; conditions after their result; tables in aligned columns. (The JSON's text fields are
 * written by {@link MathWriter} and stay one line.)
 */
public final class TextRenderer {
  /** Lines of an equation are wrapped at this many columns (a wide terminal, a text file read in an editor). */
  static final int WIDTH = 100;

  /** Written text is handed to the sink in pieces of about this many characters. */
  static final int CHUNK = 1 << 16;

  private final MathWriter math;
  private final StringBuilder out = new StringBuilder();
  private final Appendable sink;

  private TextRenderer(MathWriter math, Appendable sink) {
    this.math = math;
    this.sink = sink;
  }

  public static String render(List<PresentedFile> files) {
    StringBuilder out = new StringBuilder();
    try {
      render(files, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /**
   * As {@link #render(List)}, written to {@code sink} an equation at a time: a result of many
   * couplings is never held as one string.
   */
  public static void render(List<PresentedFile> files, Appendable sink) throws IOException {
    try {
      for (PresentedFile f : files) {
        TextRenderer r = new TextRenderer(MathWriter.text(f), sink);
        for (Presentation p : f.results()) r.parts(p.parts(), "");
        r.drain(0);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One table alone, with names printed as in a file without declarations. */
  public static String tableAlone(Part.Table t) {
    StringBuilder out = new StringBuilder();
    TextRenderer r = new TextRenderer(MathWriter.text(new energy.print.TextPrinter()), out);
    r.table(t, "");
    r.drain(0);
    return out.toString();
  }

  /** Hands the written text to the sink once it holds more than {@code atLeast} characters. */
  private void drain(int atLeast) {
    if (out.length() <= atLeast) return;
    try {
      sink.append(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.setLength(0);
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
    StringBuilder head = new StringBuilder(indent);
    head.append(math.write(e.lhs())).append(" = ");
    List<String> lines = wrap(head.toString(), math.write(e.rhs()));
    if (e.remark().isPresent()) {
      String remark = "(" + e.remark().get() + ")", last = lines.get(lines.size() - 1);
      if (columns(last) + 3 + columns(remark) <= WIDTH) lines.set(lines.size() - 1, last + "   " + remark);
      else lines.add(" ".repeat(continuation(head.toString(), indent)) + remark);
    }
    lines.forEach(l -> out.append(l).append('\n'));
    drain(CHUNK);
  }

  /**
   * {@code head + rhs} in lines of at most {@link #WIDTH} columns, broken only before a + or − of
   * the outermost sum; continuation lines start under the right-hand side (or, after a long left
   * side, four columns in). A term longer than a line stays whole.
   */
  static List<String> wrap(String head, String rhs) {
    List<String> terms = new ArrayList<>();
    int depth = 0, start = 0;
    for (int i = 0; i < rhs.length(); i++) {
      char c = rhs.charAt(i);
      if ("([{⟨".indexOf(c) >= 0) depth++;
      else if (")]}⟩".indexOf(c) >= 0) depth--;
      else if (depth == 0 && i > 0 && c == ' ' && i + 2 < rhs.length() && "+−-".indexOf(rhs.charAt(i + 1)) >= 0 && rhs.charAt(i + 2) == ' ') {
        terms.add(rhs.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(rhs.substring(start));
    String pad = " ".repeat(continuation(head, head.substring(0, head.length() - head.stripLeading().length())));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(head).append(terms.get(0));
    for (String t : terms.subList(1, terms.size())) {
      if (columns(line.toString()) + 1 + columns(t) > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(pad).append(t);
      } else line.append(' ').append(t);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The column continuation lines start at: under the right-hand side, or four in when the left side is long. */
  private static int continuation(String head, String indent) {
    return head.length() <= WIDTH * 2 / 5 ? columns(head) : columns(indent) + 4;
  }

  /** Columns on a terminal: one per code point (subscripts, Greek and operators are single characters). */
  private static int columns(String s) {
    return s.codePointCount(0, s.length());
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
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) line.append("  ");
        String fill = " ".repeat(w[i] - row.get(i).length());
        // Headings start where their column's numbers start (right-aligned, they drifted past them).
        line.append(right[i] && r > 0 ? fill + row.get(i) : row.get(i) + fill);
      }
      out.append(indent).append(line.toString().stripTrailing()).append('\n');
    }
    for (Prose note : t.notes()) part(note, indent);
  }
}
