package energy.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.present.Part.Cell;
import energy.present.Part.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flow tables as a paper prints them: seven significant digits, columns aligned on the decimal
 * point in LaTeX (paper and web) and in text, a caption in the text's size, and the notes'
 * couplings and ranges set as math.
 */
class FlowTableTest {
  private static Cell n(double v) {
    return new Cell.Values(List.of(new Math.Number(v)));
  }

  private static Part.Table table() {
    List<Column> columns = List.of(new Column(Column.Kind.COORDINATE, "K"), new Column(Column.Kind.EIGENVALUES, null),
        new Column(Column.Kind.NU, null), new Column(Column.Kind.STABILITY, null));
    List<List<Cell>> rows = List.of(
        List.of(n(0), n(0), new Cell.Missing(), new Cell.Word("stable")),
        List.of(n(0.304688931718), n(1.67857351043), n(1.33826579039), new Cell.Word("unstable")),
        List.of(n(-12.5), n(1e-9), n(2), new Cell.Word("unstable")));
    List<Part.Prose> notes = List.of(Presenter.note("searched K ∈ [-3, 3]; fixed points outside the box are not reported"),
        Presenter.note("K → −∞ is not a limit point: the step does not map the tail to itself"),
        Presenter.note("K = 0 with h ∈ [-3, 3] × K2 ∈ [-0.5, 1.25]"));
    return new Part.Table(Presenter.prose("Flow of ", new Math.Name("K1")), columns, rows, notes);
  }

  @Test
  void paperTableHasSevenDigitsAlignedPointsAndMathNotes() {
    String tex = LatexRenderer.tableAlone(table());
    System.out.println(tex);
    assertFalse(tex.contains("\\small"), "the caption is in the text's size");
    assertTrue(tex.contains("\\begin{tabular}{rrrl}"), tex);
    assertTrue(tex.contains("\\multicolumn{1}{c}{$K^*$} & \\multicolumn{1}{c}{$\\lambda$} & \\multicolumn{1}{c}{$\\nu$} & stability \\\\"), tex);
    assertTrue(tex.contains("$0.3046889$ & $1.678574$ & $1.338266$ & unstable"), tex);
    // Padded after the last digit to the column's longest fraction: 0.3046889 has 8 characters from its point.
    assertTrue(tex.contains("$0\\phantom{.0000000}$ & $0\\phantom{.000000}$ & --$\\phantom{.000000}$ & stable"), tex);
    // Scientific notation is padded as an integer: its mantissa's point is not the column's.
    assertTrue(tex.contains("$-12.5\\phantom{000000}$ & $1 \\times 10^{-9}\\phantom{.000000}$ & $2\\phantom{.000000}$"), tex);
    assertTrue(tex.contains("note: searched $K \\in [-3, 3]$; fixed points"), tex);
    assertTrue(tex.contains("note: $K \\to -\\infty$ is not a limit point"), tex);
    assertTrue(tex.contains("note: $K = 0$ with $h \\in [-3, 3]$ $\\times$ $K_{2} \\in [-0.5, 1.25]$"), tex);
  }

  @Test
  void textTableAlignsThePoints() {
    String text = TextRenderer.tableAlone(table());
    System.out.println(text);
    List<String> lines = text.lines().toList();
    assertEquals("Flow of K₁", lines.get(0));
    assertTrue(lines.get(1).strip().startsWith("K*"), lines.get(1));
    assertTrue(lines.get(1).contains("λ"), "the header says λ, as the LaTeX: " + lines.get(1));
    // The decimal points of the first column in one place.
    int point = lines.get(3).indexOf('.');
    assertEquals(point, lines.get(4).indexOf('.'), text);
    assertEquals(point - 1, lines.get(2).indexOf('0'), text);
    assertTrue(lines.get(3).contains("0.3046889"), text);
    assertTrue(text.contains("note: searched K ∈ [−3, 3]; fixed points"), text);
    assertTrue(text.contains("note: K → −∞ is not a limit point"), text);
    assertTrue(text.contains("note: K = 0 with h ∈ [−3, 3] × K₂ ∈ [−0.5, 1.25]"), text);
  }
}
