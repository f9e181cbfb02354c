package energy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Widths of pieces of display math as pdflatex sets them: each piece in a box
 * ({@code \sbox} of {@code $\displaystyle …$}), its width written to the log with {@code
 * \typeout} and read back, in points. The document's preamble is the standalone document's, so
 * {@code \textwidth} is the one the paper output is set in. pdflatex is required under CI (CI set);
 * elsewhere a test using this is skipped when it is missing.
 */
final class TexMeasure {
  private TexMeasure() {}

  /** Skips the calling test when pdflatex is missing, or fails under CI. */
  static void requirePdflatex() {
    boolean have = PdflatexTest.havePdflatex();
    if (!have && System.getenv("CI") != null) throw new AssertionError("pdflatex is not installed (CI must install it)");
    Assumptions.assumeTrue(have, "pdflatex not installed: apt-get install texlive-latex-base");
  }

  /** The measured widths of {@code pieces} (display math, in order), and \textwidth as the last element. */
  static List<Double> widths(List<String> pieces, Path dir) throws IOException, InterruptedException {
    StringBuilder doc = new StringBuilder("\\documentclass{article}\n\\usepackage{amsmath}\n\\usepackage{amssymb}\n\\newsavebox\\measured\n\\begin{document}\n");
    for (int i = 0; i < pieces.size(); i++)
      doc.append("\\sbox\\measured{$\\displaystyle ").append(pieces.get(i)).append("$}\\typeout{MEASURED ").append(i).append(" \\the\\wd\\measured}\n");
    doc.append("\\typeout{MEASURED ").append(pieces.size()).append(" \\the\\textwidth}\n\\end{document}\n");
    Files.writeString(dir.resolve("measure.tex"), doc, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "measure.tex")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) throw new AssertionError("pdflatex timed out");
    String log = Files.readString(dir.resolve("measure.log"), StandardCharsets.ISO_8859_1);
    if (p.exitValue() != 0) throw new AssertionError("pdflatex failed on the measuring document:\n" + out);
    Double[] widths = new Double[pieces.size() + 1];
    Matcher m = Pattern.compile("MEASURED (\\d+) (-?[\\d.]+)pt").matcher(log);
    while (m.find()) widths[Integer.parseInt(m.group(1))] = Double.parseDouble(m.group(2));
    List<Double> result = new ArrayList<>();
    for (int i = 0; i < widths.length; i++)
      result.add(Optional.ofNullable(widths[i]).orElseThrow(() -> new AssertionError("no width in the log for a piece:\n" + log)));
    return result;
  }
}
