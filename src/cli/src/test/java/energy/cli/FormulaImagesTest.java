package energy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.Compilation;
import energy.present.LatexRenderer;
import energy.present.PresentedFile;
import energy.present.Presenter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile --format svg|png: every example's every result draws with JLaTeXMath. */
class FormulaImagesTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void everyResultOfEveryExampleDrawsAsSvgAndPng() throws Exception {
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      examples = s.filter(p -> p.toString().endsWith(".energy")).sorted().toList();
    }
    int drawn = 0;
    var xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (Compilation c : Inputs.compileAll(examples)) {
      PresentedFile f = Presenter.present(c);
      for (var p : f.results()) {
        String latex = LatexRenderer.web(f, p);
        String where = f.path() + " " + p.name();
        var svg = xml.newDocumentBuilder().parse(new ByteArrayInputStream(FormulaImages.svg(latex)));
        assertEquals("svg", svg.getDocumentElement().getTagName(), where);
        assertTrue(svg.getElementsByTagName("path").getLength() > 0, where + ": no glyph outlines");
        assertEquals(0, svg.getElementsByTagName("text").getLength(), where + ": text needs JLaTeXMath's fonts");
        var png = ImageIO.read(new ByteArrayInputStream(FormulaImages.png(latex)));
        // a line of 12 pt math at 200 dpi is ~40 px high; one name with '=' is ~100 px wide
        assertTrue(png.getHeight() >= 40 && png.getWidth() >= 80, where + ": " + png.getWidth() + "x" + png.getHeight());
        assertTrue(png.getHeight() < 20000 && png.getWidth() < 20000, where);
        assertTrue(hasInk(png), where + ": blank image");
        drawn++;
      }
    }
    System.out.println("drew " + drawn + " results of " + examples.size() + " examples");
    assertTrue(drawn >= examples.size(), "drew " + drawn);
  }

  /** What makes the test above meaningful: JLaTeXMath refuses a command it does not know rather than dropping it. */
  @Test
  void anUnknownCommandIsAnError() {
    assertThrows(org.scilab.forge.jlatexmath.ParseException.class, () -> FormulaImages.png("\\notacommand x"));
    assertTrue(FormulaImages.png("\\operatorname{sgn} x = 1").length > 100);
    // the printer's \operatorname (sech alone; no example prints one since sech went below the bar)
    String sech = new energy.print.LatexPrinter().print(org.matheclipse.core.expression.F.Sech(org.matheclipse.core.expression.F.Dummy("x")));
    assertTrue(sech.contains("\\operatorname{sech}"), sech);
    assertTrue(FormulaImages.png(sech).length > 100);
  }

  private static boolean hasInk(java.awt.image.BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++)
      for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xffffff) < 0x404040) return true;
    return false;
  }

  @Test
  void writesOneFileNamedAfterEachResult(@TempDir Path dir) throws Exception {
    CliTest.Run r = CliTest.run("compile", "--format", "png", "-o", dir.resolve("img").toString(), "examples/dbm3.energy");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    try (Stream<Path> s = Files.list(dir.resolve("img"))) {
      assertEquals(List.of("H0.png", "H1.png"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(ImageIO.read(dir.resolve("img/H0.png").toFile()).getWidth() > 100);
  }

  @Test
  void imagesNeedADirectory(@TempDir Path dir) throws Exception {
    CliTest.Run r = CliTest.run("compile", "--format", "svg", "examples/pair.energy");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("give the directory with -o DIR") && r.err().contains("Usage"), r.err());
    Path file = Files.writeString(dir.resolve("f"), "x");
    r = CliTest.run("compile", "--format", "svg", "-o", file.toString(), "examples/pair.energy");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.err().contains("it is a file"), r.err());
    assertEquals("x", Files.readString(file));
    r = CliTest.run("compile", "--format", "png", "--math", "web", "-o", dir.toString(), "examples/pair.energy");
    assertEquals(2, r.status(), r.err());
  }
}
