package energy.rg.flow;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of a flow with XChart: for one coupling the recursion curve K' = f(K), the diagonal, a
 * cobweb from a few starting points and the fixed points; for two couplings a phase portrait
 * (arrows K → f(K) on a grid, a few iterated trajectories, fixed points and lines of fixed points).
 * Files are written atomically (temporary file in the same directory, then a move). Rendering is
 * headless: {@code java.awt.headless} is set to true unless already set.
 */
public final class FlowPlot {
  static {
    if (System.getProperty("java.awt.headless") == null)
      System.setProperty("java.awt.headless", "true");
  }

  private static final Color CURVE = new Color(0x1f77b4);
  private static final Color DIAGONAL = Color.GRAY;
  private static final Color COBWEB = new Color(0xff7f0e);
  private static final Color FIXED = new Color(0xd62728);
  private static final Color TRAJECTORY = new Color(0x2ca02c);

  /** The two files written by {@link #write}. */
  public record Files2(Path svg, Path png) {}

  private FlowPlot() {}

  /** The chart for a result with one or two couplings. */
  public static XYChart chart(FlowResult r) {
    int n = r.recursion().dimension();
    if (n == 1) return cobweb(r);
    if (n == 2) return portrait(r);
    throw new IllegalArgumentException("flow plots need one or two couplings, got " + n);
  }

  /**
   * Writes {@code dir/base.svg} and {@code dir/base.png} (800×600).
   *
   * @throws IOException also when the JDK finds no fonts (see the package documentation)
   */
  public static Files2 write(FlowResult r, Path dir, String base) throws IOException {
    Files.createDirectories(dir);
    Path svg = dir.resolve(base + ".svg"), png = dir.resolve(base + ".png");
    try {
      XYChart c = chart(r);
      writeSvg(c, svg);
      writePng(c, png);
    } catch (InternalError | RuntimeException e) {
      if (!mentionsFontconfig(e)) throw e;
      throw new IOException(
          "no fonts for headless text rendering (the JDK says: Fontconfig head is null);"
              + " install them, e.g. apt-get install libfontconfig1 fonts-dejavu-core",
          e);
    }
    return new Files2(svg, png);
  }

  private static boolean mentionsFontconfig(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Fontconfig")) return true;
    }
    return false;
  }

  public static void writeSvg(XYChart c, Path target) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(c, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    atomicWrite(target, out.toByteArray());
  }

  public static void writePng(XYChart c, Path target) throws IOException {
    atomicWrite(target, BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
  }

  static void atomicWrite(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // Not Files.createTempFile: its 0600 mode would survive the move.
    Path tmp =
        dir.resolve(
            "."
                + target.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".tmp");
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // ---------------------------------------------------------------- one coupling

  private static XYChart cobweb(FlowResult r) {
    FlowMap map = new FlowMap(r.recursion());
    String k = r.recursion().names().get(0);
    double lo = r.options().lower().get(0), hi = r.options().upper().get(0);
    // Twice the largest fixed point shows both sides of it; without one, the whole box.
    double top = 1, bottom = 0;
    boolean nonTrivial = false;
    for (FixedPoint p : r.fixedPoints()) {
      nonTrivial |= p.coordinate(0) != 0;
      top = Math.max(top, 2 * p.coordinate(0));
      bottom = Math.min(bottom, 1.2 * p.coordinate(0));
    }
    if (!nonTrivial) top = hi;
    double x0 = Math.max(lo, bottom), x1 = Math.min(hi, top);
    XYChart c = base(k, k + "'", "recursion " + k + "' = f(" + k + "), b = " + scaleLabel(r));
    axes(c, x0, x1, x0, x1);
    int m = 400;
    double[] xs = new double[m + 1], ys = new double[m + 1];
    for (int i = 0; i <= m; i++) {
      xs[i] = x0 + (x1 - x0) * i / m;
      double y = map.apply(new double[] {xs[i]})[0];
      ys[i] = y >= x0 - (x1 - x0) && y <= x1 + (x1 - x0) ? y : Double.NaN;
    }
    line(c, k + "' = f(" + k + ")", xs, ys, CURVE, false).setLineWidth(2f);
    line(c, k + "' = " + k, new double[] {x0, x1}, new double[] {x0, x1}, DIAGONAL, false)
        .setLineStyle(SeriesLines.DASH_DASH);
    List<Double> starts = new ArrayList<>();
    for (FixedPoint p : r.fixedPoints()) {
      double s = p.coordinate(0);
      if (s != 0) {
        starts.add(s * 0.85);
        starts.add(s * 1.15);
      }
    }
    if (starts.isEmpty()) {
      starts.add(x0 + 0.5 * (x1 - x0));
      starts.add(x0 + 0.9 * (x1 - x0));
    }
    List<Double> px = new ArrayList<>(), py = new ArrayList<>();
    for (double s : starts) {
      if (!px.isEmpty()) {
        px.add(Double.NaN);
        py.add(Double.NaN);
      }
      double x = s;
      px.add(x);
      py.add(x);
      for (int step = 0; step < 12; step++) {
        double y = map.apply(new double[] {x})[0];
        if (!(y >= x0 && y <= x1)) break;
        px.add(x);
        py.add(y);
        px.add(y);
        py.add(y);
        x = y;
      }
    }
    line(c, "cobweb", unbox(px), unbox(py), COBWEB, false);
    scatterFixed(c, r, 0, true);
    return c;
  }

  // ---------------------------------------------------------------- two couplings

  private static XYChart portrait(FlowResult r) {
    FlowMap map = new FlowMap(r.recursion());
    List<String> names = r.recursion().names();
    double x0 = r.options().lower().get(0), x1 = r.options().upper().get(0);
    double y0 = r.options().lower().get(1), y1 = r.options().upper().get(1);
    XYChart c = base(names.get(0), names.get(1), "RG flow, b = " + scaleLabel(r));
    axes(c, x0, x1, y0, y1);
    int g = 15;
    double cx = (x1 - x0) / g, cy = (y1 - y0) / g;
    List<Double> ax = new ArrayList<>(), ay = new ArrayList<>();
    for (int i = 0; i < g; i++) {
      for (int j = 0; j < g; j++) {
        double x = x0 + (i + 0.5) * cx, y = y0 + (j + 0.5) * cy;
        double[] f = map.apply(new double[] {x, y});
        double dx = (f[0] - x) / cx, dy = (f[1] - y) / cy, len = Math.hypot(dx, dy);
        if (!(len > 1e-12) || !Double.isFinite(len)) continue;
        // Arrows of fixed length in cell units: the direction matters, the speed varies wildly.
        double ux = dx / len * 0.35, uy = dy / len * 0.35;
        double hx = x + ux * cx, hy = y + uy * cy, tx = x - ux * cx, ty = y - uy * cy;
        arrow(ax, ay, tx, ty, hx, hy, ux, uy, cx, cy);
      }
    }
    line(c, "flow direction", unbox(ax), unbox(ay), CURVE, false).setLineWidth(1f);
    List<Double> tx = new ArrayList<>(), ty = new ArrayList<>();
    List<double[]> starts = new ArrayList<>();
    for (FixedPoint p : r.fixedPoints()) {
      if (p.stability() != FixedPoint.Stability.UNSTABLE) continue;
      for (int s = 0; s < 8; s++) {
        double ang = 2 * Math.PI * s / 8;
        starts.add(
            new double[] {
              p.coordinate(0) + 0.08 * (x1 - x0) * Math.cos(ang),
              p.coordinate(1) + 0.08 * (y1 - y0) * Math.sin(ang)
            });
      }
    }
    for (int s = 0; s < 6; s++) {
      starts.add(new double[] {x0 + (s + 0.5) / 6 * (x1 - x0), y0 + 0.75 * (y1 - y0)});
    }
    for (double[] s : starts) {
      if (!tx.isEmpty()) {
        tx.add(Double.NaN);
        ty.add(Double.NaN);
      }
      double[] x = s;
      tx.add(x[0]);
      ty.add(x[1]);
      for (int step = 0; step < 30; step++) {
        double[] f = map.apply(x);
        if (!(f[0] >= x0 && f[0] <= x1 && f[1] >= y0 && f[1] <= y1)) break;
        tx.add(f[0]);
        ty.add(f[1]);
        x = f;
      }
    }
    XYSeries t = line(c, "trajectories", unbox(tx), unbox(ty), TRAJECTORY, true);
    t.setMarker(SeriesMarkers.CIRCLE);
    for (FixedLine l : r.lines()) {
      if (l.dimension() != 1) continue;
      double[] lx = new double[l.samples().size()], ly = new double[lx.length];
      for (int i = 0; i < lx.length; i++) {
        lx[i] = l.samples().get(i).coordinate(0);
        ly[i] = l.samples().get(i).coordinate(1);
      }
      line(c, "fixed line " + (r.lines().indexOf(l) + 1), lx, ly, FIXED, false).setLineWidth(3f);
    }
    scatterFixed(c, r, 1, false);
    return c;
  }

  /** An arrow from (tx, ty) to (hx, hy) with a two-stroke head, NaN-separated from the others. */
  private static void arrow(
      List<Double> ax,
      List<Double> ay,
      double tx,
      double ty,
      double hx,
      double hy,
      double ux,
      double uy,
      double cx,
      double cy) {
    if (!ax.isEmpty()) {
      ax.add(Double.NaN);
      ay.add(Double.NaN);
    }
    double bx = -ux * 0.6, by = -uy * 0.6;
    ax.add(tx);
    ay.add(ty);
    ax.add(hx);
    ay.add(hy);
    ax.add(Double.NaN);
    ay.add(Double.NaN);
    ax.add(hx + (bx - by * 0.5) * cx);
    ay.add(hy + (by + bx * 0.5) * cy);
    ax.add(hx);
    ay.add(hy);
    ax.add(hx + (bx + by * 0.5) * cx);
    ay.add(hy + (by - bx * 0.5) * cy);
  }

  // ---------------------------------------------------------------- shared

  private static XYChart base(String x, String y, String title) {
    XYChart c =
        new XYChartBuilder()
            .width(800)
            .height(600)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    XYStyler st = c.getStyler();
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotGridLinesVisible(true);
    st.setAntiAlias(true);
    return c;
  }

  private static void axes(XYChart c, double x0, double x1, double y0, double y1) {
    c.getStyler().setXAxisMin(x0);
    c.getStyler().setXAxisMax(x1);
    c.getStyler().setYAxisMin(y0);
    c.getStyler().setYAxisMax(y1);
  }

  private static XYSeries line(
      XYChart c, String name, double[] x, double[] y, Color color, boolean markers) {
    XYSeries s = c.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    s.setLineStyle(new BasicStroke(1.5f));
    return s;
  }

  /** Fixed points as red markers; for one coupling at (K*, K*). */
  private static void scatterFixed(XYChart c, FlowResult r, int yAxis, boolean diagonal) {
    if (r.fixedPoints().isEmpty()) return;
    double[] x = new double[r.fixedPoints().size()], y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.fixedPoints().get(i).coordinate(0);
      y[i] = diagonal ? x[i] : r.fixedPoints().get(i).coordinate(yAxis);
    }
    XYSeries s = c.addSeries("fixed points", x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.DIAMOND);
    s.setMarkerColor(FIXED);
  }

  /** b to four digits: enough to tell √3 from 2 in a title. */
  private static String scaleLabel(FlowResult r) {
    return FlowFormat.number(
        Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", r.recursion().scale())));
  }

  private static double[] unbox(List<Double> xs) {
    double[] out = new double[xs.size()];
    for (int i = 0; i < out.length; i++) out[i] = xs.get(i);
    return out;
  }
}
