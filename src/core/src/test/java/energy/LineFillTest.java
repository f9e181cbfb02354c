package energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.diag.Source;
import energy.present.LatexRenderer;
import energy.present.Presenter;
import energy.print.TexWidth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example's paper LaTeX, row by row, measured by TeX itself (see {@link TexMeasure}): no
 * row overflows the standalone document's text width, and no row of a broken equation other than
 * its last fills less than half of it. A row's extent is where it ends: the widest left-hand
 * side of its {@code align*} (the relation's column) plus its right-hand side. The rows also test
 * {@link TexWidth}, the model the renderer breaks by: its width of every piece is compared with
 * TeX's, and the error over all pieces is printed.
 */
class LineFillTest {
  /** Forms the printers may write but the examples do not (yet), for the model's error. */
  private static final List<String> OTHER_FORMS = List.of(
      "{}= 2 \\ln 2 + \\ln\\cosh 4K - \\frac{1}{2\\beta} \\ln\\frac{\\beta c}{2\\pi}",
      "{}\\quad - \\frac{1}{\\beta} \\ln\\Bigl(1 + \\exp\\Bigl(\\beta\\Bigl(b_1 + \\frac{W_{11}}{2}\\Bigr)\\Bigr)\\Bigr) + e^{\\beta g^{2}/c}",
      "\\sigma(\\beta b_{1}) - 7\\sigma^{2}(\\beta b_{1}) + \\tanh^{4} 2K \\cdot \\sqrt{\\frac{2\\pi}{\\beta c}}",
      "-\\mathbf{x}^{\\mathsf{T}} A \\mathbf{y} + \\frac{1}{2} \\ln\\det\\bigl(\\mathbb{I} - B B^{\\mathsf{T}}\\bigr) \\quad \\text{(per site of the lattice)}",
      "{}= \\langle x_{1} x_{2} \\rangle - \\langle x_{1} \\rangle \\langle x_{2} \\rangle + \\sum_{i<j} J_{ij} s_{i} s_{j} + \\kappa_{4}^{(2)} W_{12}^{4}",
      "K' = \\frac{1}{4} \\ln\\frac{\\cosh(2K + h) \\cosh(2K - h)}{\\cosh^{2} h}, \\ h' = h + \\frac{1}{2} \\ln\\frac{\\cosh(2K + h)}{\\cosh(2K - h)}",
      "\\phi_{1} = \\frac{e^{3K} + e^{-K}}{e^{3K} + 3 e^{-K}} \\qquad \\text{for } 1 - B_{11}^{2} > 0,\\ c \\to +\\infty");

  /** A row: its example, its left and right side, whether it continues the equation of the row before. */
  private record Row(String example, String left, String right, boolean continuation, int align) {}

  /**
   * The first term of a row's right-hand side with its sign ({@code - x}), after the row's
   * indentation: up to the next + or − outside braces and \\left…\\right.
   */
  static String firstTerm(String right) {
    String s = right.replaceFirst("^\\\\quad ", "");
    if (s.startsWith("\\hphantom")) {
      int depth = 0, i = "\\hphantom".length();
      do {
        if (s.charAt(i) == '{') depth++;
        if (s.charAt(i) == '}') depth--;
        i++;
      } while (depth > 0);
      s = s.substring(i).replaceFirst("^\\{\\} ?", "");
    }
    int depth = 0;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      // Plain brackets count too: the printers use \left…\right only around tall content.
      if (c == '{' || c == '(' || s.startsWith("\\left", i)) depth++;
      if (c == '}' || c == ')' || s.startsWith("\\right", i)) depth--;
      if (depth == 0 && (s.startsWith(" + ", i) || s.startsWith(" - ", i))) return s.substring(0, i);
    }
    return s;
  }

  @Test
  void rowsFillTheLineAndNeverOverflow(@TempDir Path dir) throws Exception {
    TexMeasure.requirePdflatex();
    List<Row> rows = new ArrayList<>();
    int aligns = 0;
    for (Path file : Examples.good()) {
      String paper = LatexRenderer.paper(List.of(Presenter.present(Compiler.compile(new Source(file.toString(), Examples.read(file))))));
      for (String env : paper.split("\\\\begin\\{align\\*\\}\n")) {
        int end = env.indexOf("\n\\end{align*}");
        if (end < 0) continue;
        for (String raw : env.substring(0, end).split(" \\\\\\\\\n")) {
          // An \intertext line belongs to the row after it; it is text, not a row of math.
          String row = raw.startsWith("\\intertext{") && raw.contains("\n") ? raw.substring(raw.indexOf('\n') + 1) : raw;
          if (row.startsWith("\\intertext{")) continue;
          int amp = row.indexOf('&');
          String left = row.substring(0, amp), right = row.substring(amp + 1);
          boolean continuation = left.isEmpty() && (right.startsWith("\\quad ") || right.startsWith("\\hphantom"));
          rows.add(new Row(file.getFileName().toString(), left, right, continuation, aligns));
        }
        aligns++;
      }
    }
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      pieces.add(rows.get(i).left());
      pieces.add("{}" + rows.get(i).right());
      pieces.add(i + 1 < rows.size() ? "{}" + firstTerm(rows.get(i + 1).right()) : "");
    }
    int fromExamples = pieces.size();
    pieces.addAll(OTHER_FORMS);
    List<Double> measured = TexMeasure.widths(pieces, dir);
    double textWidth = measured.get(measured.size() - 1);
    assertEquals(textWidth, LatexRenderer.TEXT_WIDTH, 0.01, "the renderer breaks for a text width other than the standalone document's");
    // The model against TeX.
    double worst = 0, sumSq = 0;
    String worstPiece = "";
    int n = 0;
    for (int i = 0; i < pieces.size(); i++) {
      double tex = measured.get(i);
      if (i < fromExamples && i % 3 == 2) continue;
      if (tex < 20) continue;
      double ratio = TexWidth.width(pieces.get(i)) / tex;
      sumSq += (ratio - 1) * (ratio - 1);
      n++;
      if (Math.abs(ratio - 1) > Math.abs(worst)) {
        worst = ratio - 1;
        worstPiece = pieces.get(i) + " (model " + TexWidth.width(pieces.get(i)) + "pt, TeX " + tex + "pt)";
      }
    }
    System.out.printf("TexWidth over %d pieces: rms error %.2f%%, worst %+.2f%%: %s%n", n, 100 * Math.sqrt(sumSq / n), 100 * worst, worstPiece);
    assertTrue(Math.sqrt(sumSq / n) < 0.02 && Math.abs(worst) < 0.08, "the width model is off: worst " + worstPiece);
    // Rows against the line.
    List<String> failures = new ArrayList<>();
    int under = 0, broken = 0, forcedShort = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double maxLeft = 0;
      for (int j = 0; j < rows.size(); j++) if (rows.get(j).align() == r.align()) maxLeft = Math.max(maxLeft, measured.get(3 * j));
      double extent = maxLeft + measured.get(3 * i + 1);
      boolean last = i + 1 == rows.size() || !rows.get(i + 1).continuation();
      boolean partOfBreak = r.continuation() || !last;
      if (partOfBreak) broken++;
      if (extent > textWidth + 0.1) failures.add(String.format("%s: a row overflows (%.1fpt > %.1fpt): %s&%s", r.example(), extent, textWidth, r.left(), r.right()));
      // Short but forced: the next row's first term would not have fit after it.
      boolean forced = extent + measured.get(3 * i + 2) > textWidth;
      if (!last && extent < textWidth / 2 && forced) forcedShort++;
      if (!last && extent < textWidth / 2 && !forced) {
        under++;
        failures.add(String.format("%s: a row fills less than half the line (%.1fpt of %.1fpt): %s&%s", r.example(), extent, textWidth, r.left(), r.right()));
      }
    }
    System.out.printf("%d rows, %d in broken equations, %d not last and under half the line (%d of them forced)%n", rows.size(), broken, under + forcedShort, forcedShort);
    assertTrue(failures.isEmpty(), failures.size() + " rows:\n" + String.join("\n", failures));
  }
}
