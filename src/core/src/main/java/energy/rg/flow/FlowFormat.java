package energy.rg.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link FlowResult} as a JSON tree (keys {@code fixedPoints}, {@code coordinates},
 * {@code eigenvalues}, {@code exponents}, {@code nu}), and its numbers as every rendering prints
 * them (the tables are presented by {@code energy.present.Presenter}).
 * Numbers carry 12 significant digits. A real eigenvalue is a JSON number, a complex one {@code
 * {"re": …, "im": …}}; the exponent of λ = 0 (−∞) and a missing ν are JSON null.
 */
public final class FlowFormat {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowFormat() {}

  /** 12 significant digits, trailing zeros dropped; "-inf"/"inf"/"nan" spelled out. */
  public static String number(double v) {
    if (Double.isNaN(v)) return "nan";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";
    String s = String.format(Locale.ROOT, "%.12g", v);
    String mant = s, exp = "";
    int e = s.indexOf('e');
    if (e >= 0) {
      mant = s.substring(0, e);
      exp = s.substring(e);
    }
    if (mant.contains(".")) mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
    return mant + exp;
  }

  /** The value rounded to 12 significant digits (what the renderings print). */
  static double rounded(double v) {
    return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.11e", v)) : v;
  }

  // ---------------------------------------------------------------- JSON

  public static ObjectNode json(FlowResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    List<String> names = r.recursion().names();
    ArrayNode cs = o.putArray("couplings");
    names.forEach(cs::add);
    o.put("scale", r.recursion().scale());
    ArrayNode fps = o.putArray("fixedPoints");
    for (FixedPoint p : r.fixedPoints()) fps.add(point(p, names));
    ArrayNode lines = o.putArray("fixedLines");
    for (FixedLine l : r.lines()) {
      ObjectNode lo = lines.addObject();
      lo.put("description", l.description());
      ObjectNode c = lo.putObject("constant");
      l.constant().forEach((k, v) -> c.put(k, rounded(v)));
      lo.put("exact", l.exact());
      lo.put("dimension", l.dimension());
      ArrayNode dir = lo.putArray("direction");
      for (double d : l.direction()) dir.add(rounded(d));
      ArrayNode samples = lo.putArray("samples");
      for (FixedPoint p : thin(l.samples(), 9)) samples.add(point(p, names));
    }
    ArrayNode lims = o.putArray("limits");
    for (LimitPoint l : r.limits()) {
      ObjectNode lo = lims.addObject();
      lo.put("coupling", l.coupling());
      lo.put("to", l.positive() ? "+infinity" : "-infinity");
      lo.put("attractive", l.attractive());
      lo.put("evidence", l.evidence());
    }
    Exponents x = Exponents.of(r);
    if (x != null) {
      ObjectNode eo = o.putObject("exponents");
      eo.put("yT", rounded(x.yT()));
      eo.put("yH", rounded(x.yH()));
      eo.put("nu", rounded(x.nu()));
      eo.put("alpha", rounded(x.alpha()));
      eo.put("beta", rounded(x.beta()));
      eo.put("gamma", rounded(x.gamma()));
      eo.put("delta", rounded(x.delta()));
      eo.put("eta", rounded(x.eta()));
    }
    ArrayNode notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    return o;
  }

  private static ObjectNode point(FixedPoint p, List<String> names) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode c = o.putObject("coordinates");
    for (int a = 0; a < names.size(); a++) c.put(names.get(a), rounded(p.coordinate(a)));
    ArrayNode ev = o.putArray("eigenvalues");
    ArrayNode ex = o.putArray("exponents");
    ArrayNode rel = o.putArray("relevance");
    for (Eigenvalue e : p.eigenvalues()) {
      if (e.isReal()) {
        ev.add(rounded(e.re()));
      } else {
        ObjectNode z = ev.addObject();
        z.put("re", rounded(e.re()));
        z.put("im", rounded(e.im()));
      }
      if (Double.isFinite(e.exponent())) ex.add(rounded(e.exponent()));
      else ex.addNull();
      rel.add(e.relevance().name().toLowerCase(Locale.ROOT));
    }
    if (p.nu() == null) o.putNull("nu");
    else o.put("nu", rounded(p.nu()));
    if (p.yH() != null) o.put("yH", rounded(p.yH()));
    o.put("stability", p.stability().name().toLowerCase(Locale.ROOT));
    ArrayNode j = o.putArray("jacobian");
    for (List<Double> row : p.jacobian()) {
      ArrayNode rj = j.addArray();
      for (double v : row) rj.add(rounded(v));
    }
    o.put("residual", p.residual());
    return o;
  }

  /** The JSON tree as indented text. */
  public static String jsonString(FlowResult r) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(r)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static <T> List<T> thin(List<T> xs, int max) {
    if (xs.size() <= max) return xs;
    List<T> out = new ArrayList<>();
    for (int i = 0; i < max; i++)
      out.add(xs.get((int) Math.round((double) i * (xs.size() - 1) / (max - 1))));
    return out;
  }
}
