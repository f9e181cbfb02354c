package energy.cli;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Draws one result's web LaTeX (a line or one {@code aligned} block) with JLaTeXMath, for targets
 * that cannot run TeX (docx, Javadoc, slides). SVG goes through VectorGraphics2D with the glyphs
 * as outlines, so the file needs none of JLaTeXMath's fonts; PNG through a white BufferedImage at
 * {@link #PNG_DPI}. Lives in the command line, next to the other writers, because Java2D and the
 * two libraries are an output concern the engine (core) need not carry.
 */
final class FormulaImages {
  /** The math's text size in points: a document's body text. */
  static final float POINT_SIZE = 12f;

  /** The PNG's resolution: sharp when printed or put on a slide, a few hundred pixels per line of math. */
  static final int PNG_DPI = 200;

  private static final int MARGIN_POINTS = 4;

  private FormulaImages() {}

  /** The formula as an SVG document (UTF-8), sized in points. */
  static byte[] svg(String latex) {
    TeXIcon icon = icon(latex, POINT_SIZE);
    VectorGraphics2D g = new OutlinedText();
    icon.paintIcon(null, g, 0, 0);
    g.dispose();
    var page = new PageSize(0, 0, icon.getIconWidth(), icon.getIconHeight());
    var out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), page).writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes glyphs as filled outlines: VectorGraphics2D 0.13 writes JLaTeXMath's {@code drawChars}
   * as {@code <text>} naming its fonts (jlm_cmmi10, …), which no viewer has.
   */
  private static final class OutlinedText extends VectorGraphics2D {
    @Override
    public void drawChars(char[] data, int offset, int length, int x, int y) {
      fill(getFont().createGlyphVector(getFontRenderContext(), new String(data, offset, length)).getOutline(x, y));
    }
  }

  /** The formula as a PNG on white at {@link #PNG_DPI}. */
  static byte[] png(String latex) {
    TeXIcon icon = icon(latex, POINT_SIZE * PNG_DPI / 72f);
    var image = new BufferedImage(icon.getIconWidth(), icon.getIconHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    icon.paintIcon(null, g, 0, 0);
    g.dispose();
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** JLaTeXMath's parse errors are unchecked {@code ParseException}s; they propagate. */
  private static TeXIcon icon(String latex, float textPixels) {
    TeXIcon icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, textPixels);
    int margin = Math.round(MARGIN_POINTS * textPixels / POINT_SIZE);
    icon.setInsets(new Insets(margin, margin, margin, margin));
    icon.setForeground(Color.BLACK);
    return icon;
  }
}
