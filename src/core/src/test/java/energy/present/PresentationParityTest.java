package energy.present;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compiler;
import energy.diag.Source;
import energy.present.Part.Inline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format shows the same content: each example's every equation (its left side), prose
 * word, remark, note and table caption of the presentation appears in the text, the paper LaTeX
 * and the web LaTeX (before, the LaTeX dropped the constant per site's note, the flow's lines of
 * fixed points, limits and notes).
 */
class PresentationParityTest {
  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(p -> p.toString().endsWith(".energy")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyFormatShowsTheSameContent(Path file) throws IOException {
    PresentedFile f = Presenter.present(Compiler.compile(new Source(file.toString(), Files.readString(file))));
    String text = TextRenderer.render(List.of(f)), paper = LatexRenderer.paper(List.of(f)), web = LatexRenderer.web(List.of(f));
    MathWriter textMath = MathWriter.text(f), latexMath = MathWriter.latex(f);
    List<String> words = new ArrayList<>();
    List<Math> lefts = new ArrayList<>();
    for (Presentation p : f.results()) collect(p.parts(), words, lefts);
    assertTrue(!lefts.isEmpty(), file + " presents no equation");
    for (String w : words) {
      assertTrue(text.contains(w), file + ": text lacks \"" + w + "\"\n" + text);
      assertTrue(paper.contains(LatexRenderer.words(w)), file + ": paper LaTeX lacks \"" + w + "\"\n" + paper);
      String webWords = LatexRenderer.webText(w);
      webWords = webWords.startsWith("\\text{") ? webWords.substring("\\text{".length()) : webWords;
      webWords = webWords.endsWith("}") ? webWords.substring(0, webWords.length() - 1) : webWords;
      assertTrue(web.contains(webWords), file + ": web LaTeX lacks \"" + w + "\"\n" + web);
    }
    for (Math m : lefts) {
      assertTrue(text.contains(textMath.write(m) + " = "), file + ": text lacks " + textMath.write(m));
      assertTrue(paper.contains(latexMath.write(m) + " &= "), file + ": paper lacks " + latexMath.write(m));
      assertTrue(web.contains(latexMath.write(m) + " &= ") || web.contains(latexMath.write(m) + " = "), file + ": web lacks " + latexMath.write(m));
    }
  }

  private static void collect(List<Part> parts, List<String> words, List<Math> lefts) {
    for (Part p : parts) {
      if (p instanceof Part.Equation e) {
        lefts.add(e.lhs());
        e.remark().ifPresent(words::add);
      } else if (p instanceof Part.Prose prose) prose(prose, words);
      else if (p instanceof Part.Note n) words.add(n.text());
      else if (p instanceof Part.Where w) {
        prose(w.intro(), words);
        collect(new ArrayList<>(w.definitions()), words, lefts);
      } else if (p instanceof Part.Section s) {
        s.heading().ifPresent(h -> prose(h, words));
        collect(s.body(), words, lefts);
      } else if (p instanceof Part.Table t) {
        prose(t.caption(), words);
        t.notes().forEach(n -> prose(n, words));
      }
    }
  }

  private static void prose(Part.Prose p, List<String> words) {
    for (Inline i : p.pieces()) if (i instanceof Inline.Words w && !w.text().isBlank()) words.add(w.text().trim());
  }
}
