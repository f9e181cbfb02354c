package energy.rg;

import energy.algebra.Symja;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * What one RG step returns: the couplings it renormalizes, their images K' = f(K, …) as Symja
 * expressions of the old couplings, the constant per site of the new lattice (the g or ln Z₀
 * part, which flows into the free energy), the scale factor b (lengths shrink by b) and the
 * couplings the step generates outside the original classes, each with its expression: they
 * are reported, and the caller decides to keep (re-run with them in 𝒦) or truncate.
 *
 * <p>{@code definitions} name sub-expressions (φ(K) of the block averages) for printing; the
 * images and generated values are given with them substituted, so they contain only the
 * couplings. {@code display} holds the same results written with the defined symbols (K' =
 * 2Kφ²), or is null when the images are already compact.
 */
public record Recursion(
    String scheme,
    List<ISymbol> couplings,
    List<CouplingClass> classes,
    List<IExpr> images,
    IExpr constantPerSite,
    double scale,
    Map<CouplingClass, IExpr> generated,
    Map<ISymbol, IExpr> definitions,
    Display display) {

  /** The results in terms of the {@link #definitions} symbols, for printing. */
  public record Display(List<IExpr> images, IExpr constantPerSite, Map<CouplingClass, IExpr> generated) {}

  /** A recursion without auxiliary definitions. */
  public Recursion(
      String scheme,
      List<ISymbol> couplings,
      List<CouplingClass> classes,
      List<IExpr> images,
      IExpr constantPerSite,
      double scale,
      Map<CouplingClass, IExpr> generated,
      Map<ISymbol, IExpr> definitions) {
    this(scheme, couplings, classes, images, constantPerSite, scale, generated, definitions, null);
  }

  public Recursion {
    if (couplings.size() != images.size() || couplings.size() != classes.size())
      throw new IllegalArgumentException("couplings, classes and images differ in length");
    couplings = List.copyOf(couplings);
    classes = List.copyOf(classes);
    images = List.copyOf(images);
    generated = new LinkedHashMap<>(generated);
    definitions = new LinkedHashMap<>(definitions);
  }

  /** The flow helper's input: couplings, their images (in those couplings only) and b. */
  public record FlowView(List<ISymbol> couplings, List<IExpr> images, double scale) {}

  /** The truncated recursion (generated couplings dropped) as the flow helper takes it. */
  public FlowView flowView() {
    return new FlowView(couplings, images, scale);
  }

  /** The image of one coupling. */
  public IExpr image(ISymbol coupling) {
    int i = couplings.indexOf(coupling);
    if (i < 0) throw new IllegalArgumentException("not a coupling of this step: " + coupling);
    return images.get(i);
  }

  /** The images evaluated numerically at the given coupling values (in {@link #couplings} order). */
  public double[] apply(double... values) {
    double[] out = new double[images.size()];
    for (int i = 0; i < out.length; i++) out[i] = numeric(images.get(i), values);
    return out;
  }

  /** The constant per site evaluated numerically. */
  public double constantPerSite(double... values) {
    return numeric(constantPerSite, values);
  }

  /** A generated coupling evaluated numerically. */
  public double generated(CouplingClass c, double... values) {
    return numeric(generated.get(c), values);
  }

  double numeric(IExpr e, double[] values) {
    return energy.numeric.NumericFunction.compile(e, couplings).apply(values);
  }

  /** Human-readable lines "K' = …" (text form; the printers of the project do LaTeX). */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<ISymbol, IExpr> d : definitions.entrySet()) out.add(d.getKey() + " = " + d.getValue());
    List<IExpr> im = display == null ? images : display.images();
    for (int i = 0; i < couplings.size(); i++) out.add(couplings.get(i) + "' = " + im.get(i));
    out.add("g (per new site) = " + (display == null ? constantPerSite : display.constantPerSite()));
    Map<CouplingClass, IExpr> gen = display == null ? generated : display.generated();
    for (Map.Entry<CouplingClass, IExpr> g : gen.entrySet())
      out.add("generated " + g.getKey().name() + "' = " + g.getValue());
    out.add("b = " + scale);
    return out;
  }

  static IExpr simplified(IExpr e) {
    return Symja.eval(F.Simplify(e));
  }
}
