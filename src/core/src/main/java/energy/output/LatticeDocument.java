package energy.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.result.RgStep;
import energy.algebra.Symja;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** The JSON of RG steps: recursion relations, the constant per site, generated couplings, the flow. */
final class LatticeDocument {
  private final LatexPrinter latex = new LatexPrinter();
  private final TextPrinter text = new TextPrinter();

  void json(Compilation c, ArrayNode results) {
    for (RgStep r : c.results(RgStep.class)) {
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
      r.flow().ifPresent(f -> o.set("flow", energy.rg.flow.FlowFormat.json(f)));
    }
  }

  private void expression(ObjectNode o, IExpr e) {
    o.put("latex", latex.print(e));
    o.put("text", text.print(e));
    o.put("symja", JsonDocument.symja(Symja.eval(e)));
  }
}
