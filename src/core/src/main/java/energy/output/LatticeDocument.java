package energy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.LatticeResult;
import energy.algebra.Symja;
import energy.model.LatticeModel;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import energy.rg.flow.FlowFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * RG steps of a lattice energy: the recursion relations K' = f(K, …), the constant per site,
 * the couplings the step generates (reported, not kept), and the flow's fixed points.
 */
final class LatticeDocument {
  private final LatexPrinter latex = new LatexPrinter();
  private final TextPrinter text = new TextPrinter();

  /** What the step does, with the energy's name as {@code energy} prints it. */
  static String describe(LatticeModel.Step s, String energy) {
    return switch (s.scheme()) {
      case DECIMATE -> "decimation of " + energy + ", keeping every " + ordinal(s.parameter()) + " spin";
      case CUMULANT -> "block spins of " + energy + " by majority, cumulant expansion to order " + s.parameter();
      case MIGDAL_KADANOFF -> "Migdal–Kadanoff bond moving on " + energy + ", scale " + s.parameter();
    };
  }

  private static String ordinal(int n) {
    return n + (n % 10 == 2 && n % 100 != 12 ? "nd" : n % 10 == 3 && n % 100 != 13 ? "rd" : n % 10 == 1 && n % 100 != 11 ? "st" : "th");
  }

  // Printed with the step's named sub-expressions (φ, ψ) when it has them; JSON's Symja form
  // is always the substituted one, in the couplings only.
  private static List<IExpr> images(Recursion r) {
    return r.display() == null ? r.images() : r.display().images();
  }

  private static IExpr constant(Recursion r) {
    return r.display() == null ? r.constantPerSite() : r.display().constantPerSite();
  }

  private static Map<CouplingClass, IExpr> generated(Recursion r) {
    return r.display() == null ? r.generated() : r.display().generated();
  }

  /** b as 2 or √3 when it is an integer or the root of one, else as a decimal. */
  static String scale(double b, boolean latex) {
    long n = Math.round(b), m = Math.round(b * b);
    if (Math.abs(b - n) < 1e-12) return String.valueOf(n);
    if (Math.abs(b * b - m) < 1e-9) return latex ? "\\sqrt{" + m + "}" : "√" + m;
    return FlowFormat.number(b);
  }

  /** The printed name of a generated coupling and what it couples. */
  static String[] generatedName(CouplingClass c) {
    return new String[] {c.printedName(), c.couples()};
  }

  String text(Compilation c) {
    StringBuilder out = new StringBuilder();
    for (LatticeResult r : c.latticeResults()) {
      Recursion rec = r.recursion();
      out.append(r.name()).append(": ").append(describe(r.step(), text.symbol(r.step().energy().text()))).append(" (b = ").append(scale(rec.scale(), false)).append(")\n");
      for (Map.Entry<ISymbol, IExpr> d : rec.definitions().entrySet())
        out.append("  ").append(text.print(d.getKey())).append(" = ").append(text.print(d.getValue())).append('\n');
      for (int i = 0; i < rec.couplings().size(); i++)
        out.append("  ").append(text.print(rec.couplings().get(i))).append("′ = ").append(text.print(images(rec).get(i))).append('\n');
      out.append("  g = ").append(text.print(constant(rec))).append("   (per site of the coarse lattice)\n");
      for (Map.Entry<CouplingClass, IExpr> g : generated(rec).entrySet())
        out.append("  generated, not kept: ").append(text.symbol(generatedName(g.getKey())[0])).append("′ = ").append(text.print(g.getValue()))
            .append("   (").append(generatedName(g.getKey())[1]).append(")\n");
      if (r.flow() != null)
        for (String line : FlowFormat.text(r.flow()).split("\n")) out.append("  ").append(line).append('\n');
    }
    return out.toString();
  }

  /** An {@code align*} of the recursions, then a table of fixed points per flow. */
  String latex(Compilation c) {
    if (c.latticeResults().isEmpty()) return "";
    StringBuilder out = new StringBuilder("\\begin{align*}\n");
    List<String> lines = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (LatticeResult r : c.latticeResults()) {
      Recursion rec = r.recursion();
      List<String> rows = new ArrayList<>();
      for (Map.Entry<ISymbol, IExpr> d : rec.definitions().entrySet())
        rows.add(latex.print(d.getKey()) + " &= " + latex.print(d.getValue()));
      for (int i = 0; i < rec.couplings().size(); i++)
        rows.add(latex.print(rec.couplings().get(i)) + "' &= " + latex.print(images(rec).get(i)));
      rows.add("g &= " + latex.print(constant(rec)));
      List<String> generated = new ArrayList<>();
      for (Map.Entry<CouplingClass, IExpr> g : generated(rec).entrySet())
        generated.add(latex.symbol(generatedName(g.getKey())[0]) + "' &= " + latex.print(g.getValue()) + " \\quad \\text{(" + generatedName(g.getKey())[1] + ")}");
      if (!generated.isEmpty()) {
        generated.set(0, "\\intertext{generated by the step, not kept in the recursion:}\n" + generated.get(0));
        rows.addAll(generated);
      }
      String intro = "\\intertext{$" + latex.symbol(r.name()) + "$: " + describe(r.step(), "$" + latex.symbol(r.step().energy().text()) + "$").replace("–", "--") + " ($b = " + scale(rec.scale(), true) + "$):}";
      rows.set(0, intro + "\n" + rows.get(0));
      lines.addAll(rows);
      if (r.flow() != null)
        tables.add("\\begin{center}\\small\nFlow of $" + latex.symbol(r.name()) + "$\\\\[2pt]\n" + FlowFormat.latex(r.flow()) + "\\end{center}\n");
    }
    out.append(String.join(" \\\\\n", lines)).append("\n\\end{align*}\n");
    for (String t : tables) out.append(t);
    return out.toString();
  }

  void json(Compilation c, ArrayNode results) {
    for (LatticeResult r : c.latticeResults()) {
      Recursion rec = r.recursion();
      ObjectNode o = results.addObject();
      o.put("name", r.name());
      o.put("kind", "rg");
      o.put("scheme", r.step().scheme().word);
      o.put("from", r.step().energy().text());
      o.put("scale", rec.scale());
      ArrayNode recursion = o.putArray("recursion");
      for (int i = 0; i < rec.couplings().size(); i++) {
        ObjectNode k = recursion.addObject();
        k.put("coupling", rec.couplings().get(i).getSymbolName());
        expression(k, rec.images().get(i));
      }
      expression(o.putObject("constantPerSite"), rec.constantPerSite());
      ArrayNode generated = o.putArray("generated");
      for (Map.Entry<CouplingClass, IExpr> g : rec.generated().entrySet()) {
        ObjectNode k = generated.addObject();
        k.put("coupling", g.getKey().name());
        expression(k, g.getValue());
      }
      ArrayNode definitions = o.putArray("definitions");
      for (Map.Entry<ISymbol, IExpr> d : rec.definitions().entrySet()) {
        ObjectNode k = definitions.addObject();
        k.put("name", d.getKey().getSymbolName());
        expression(k, d.getValue());
      }
      if (r.flow() != null) o.set("flow", FlowFormat.json(r.flow()));
    }
  }

  private void expression(ObjectNode o, IExpr e) {
    o.put("latex", latex.print(e));
    o.put("text", text.print(e));
    o.put("symja", energy.print.SymjaForm.print(Symja.eval(e)));
  }
}
