package energy.rg.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The plots are real pictures: PNG decodes, SVG parses as XML, no temporary files stay behind. */
class FlowPlotTest {
  @TempDir Path dir;

  @Test
  void cobwebAndPortraitAreWrittenAsSvgAndPng() throws Exception {
    for (var e :
        List.of(
            new Object[] {"migdal-kadanoff", Recursions.migdalKadanoff()},
            new Object[] {"nvl", Recursions.nvl()},
            new Object[] {"chain", Recursions.chain()},
            new Object[] {"chain-field", Recursions.chainInField()},
            new Object[] {"squares", Recursions.squares()})) {
      String name = (String) e[0];
      FlowResult r = FlowAnalysis.analyze((Recursion) e[1]);
      FlowPlot.Files2 f = FlowPlot.write(r, dir, name);
      assertTrue(Files.size(f.svg()) > 1000, name + " svg size " + Files.size(f.svg()));
      assertTrue(Files.size(f.png()) > 1000, name + " png size " + Files.size(f.png()));
      BufferedImage img = ImageIO.read(f.png().toFile());
      assertNotNull(img, name + ": PNG does not decode");
      assertEquals(800, img.getWidth());
      assertEquals(600, img.getHeight());
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      Document doc = dbf.newDocumentBuilder().parse(f.svg().toFile());
      assertEquals(
          "svg",
          doc.getDocumentElement().getLocalName() == null
              ? doc.getDocumentElement().getTagName()
              : doc.getDocumentElement().getLocalName());
      // Rewriting replaces the file in place.
      FlowPlot.write(r, dir, name);
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(10, names.size(), "only the .svg and .png files, no temporaries: " + names);
    }
    String keep = System.getProperty("flow.plots");
    if (keep != null) {
      Path out = Path.of(keep);
      Files.createDirectories(out);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : files.toList())
          Files.copy(
              p, out.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  void renderingIsHeadless() {
    FlowPlot.chart(FlowAnalysis.analyze(Recursions.chain()));
    assertTrue(java.awt.GraphicsEnvironment.isHeadless());
  }

  @Test
  void threeCouplingsAreRefused() {
    var k = Recursions.K;
    var h = Recursions.H;
    var l =
        new org.matheclipse.core.expression.Symbol(
            "L", org.matheclipse.core.expression.Context.DUMMY);
    Recursion r = new Recursion(List.of(k, h, l), List.of(k, h, l), 2);
    FlowResult res =
        FlowAnalysis.analyze(
            r,
            FlowAnalysis.Options.defaults(3)
                .withBox(List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0)));
    assertThrows(IllegalArgumentException.class, () -> FlowPlot.chart(res));
  }
}
