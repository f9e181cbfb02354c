package energy.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.result.MatrixMarginal;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.cumulant.MomentIdentities;
import energy.model.Query;
import org.matheclipse.core.interfaces.ISymbol;
import energy.model.Variable;
import energy.print.LatexPrinter;
import energy.print.TextPrinter;
import java.io.UncheckedIOException;
import java.util.List;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The results as JSON: per result its name, arguments, LaTeX, text, Symja input form
 * (Mathematica syntax; components spelled {@code A[1,2]} as in the language) and side
 * conditions.
 */
public final class JsonDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private LatexPrinter latex = new LatexPrinter();
  private TextPrinter text = new TextPrinter();

  public String render(List<Compilation> compilations) {
    ArrayNode files = MAPPER.createArrayNode();
    for (Compilation c : compilations) {
      ObjectNode file = files.addObject();
      file.put("file", c.model().source().path());
      file.put("model", c.model().name());
      file.put("symjaForm", energy.print.SymjaForm.DESCRIPTION);
      file.put("temperature", c.model().temperature() == null ? null : c.model().temperature().name());
      latex = LatexPrinter.forModel(Printers.units(c), Printers.names(c));
      text = TextPrinter.forModel(Printers.units(c), Printers.names(c));
      ArrayNode results = file.putArray("results");
      for (Flat r : Flat.of(c)) results.add(result(r, c));
      MatrixDocument matrix = new MatrixDocument();
      for (MatrixMarginal r : c.results(MatrixMarginal.class)) results.add(matrix.json(r, MAPPER.createObjectNode()));
      new LatticeDocument().json(c, results);
    }
    try {
      return MAPPER.writeValueAsString(compilations.size() == 1 ? files.get(0) : files) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode result(Flat r, Compilation c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", r.name());
    if (r.query() instanceof Query.MomentIdentity m) {
      o.put("kind", m.cumulant() ? "cumulant" : "moment");
      IExpr lhs = MomentIdentities.lhs(m);
      ObjectNode left = o.putObject("lhs");
      left.put("latex", latex.print(lhs));
      left.put("text", text.print(lhs));
      ObjectNode right = o.putObject("rhs");
      right.put("latex", latex.printSum(r.terms()));
      right.put("text", text.printSum(r.terms()));
      right.put("symja", symja(r.value()));
      return o;
    }
    if (r.query() instanceof Query.PriorCumulant p) {
      o.put("kind", "priorCumulant");
      o.put("order", p.order());
      o.put("unit", p.unit().name());
      o.put("in", p.energy().text());
      ArrayNode list = o.putArray("components");
      for (int i = 0; i < r.cumulants().size(); i++) {
        CumulantExpansion.Cumulant k = r.cumulants().get(i);
        ObjectNode co = list.addObject();
        co.put("unit", k.unit().getSymbolName());
        co.put("name", k.symbol().getSymbolName());
        ObjectNode kappa = co.putObject("cumulant");
        kappa.put("latex", latex.print(k.value()));
        kappa.put("text", text.print(k.value()));
        kappa.put("symja", symja(k.value()));
        ObjectNode cgf = co.putObject("cgf");
        cgf.put("latex", latex.print(r.terms().get(i)));
        cgf.put("text", text.print(r.terms().get(i)));
        cgf.put("symja", symja(r.terms().get(i)));
      }
      conditions(o, r);
      return o;
    }
    if (r.query() instanceof Query.Kernel k) {
      o.put("kind", "kernel");
      ArrayNode hidden = o.putArray("summed");
      for (Variable v : k.hidden()) hidden.add(v.name());
      ArrayNode given = o.putArray("given");
      for (Variable v : k.visible()) given.add(v.name());
      ObjectNode t = o.putObject("kernel");
      t.put("latex", latex.printSum(r.terms()));
      t.put("text", text.printSum(r.terms()));
      t.put("symja", symja(r.value()));
      ObjectNode trace = o.putObject("trace");
      trace.put("latex", latex.print(r.exact()));
      trace.put("text", text.print(r.exact()));
      trace.put("symja", symja(r.exact()));
      trace.put("identicallyOne", r.exact().isOne());
      return o;
    }
    o.put("kind", r.isExpansion() ? "expansion" : r.isCouplings() ? "couplings" : r.isPartition() ? "partition" : "marginal");
    if (r.query() instanceof Query.Expand x) {
      o.put("order", x.order());
      ArrayNode small = o.putArray("in");
      for (Variable v : x.small()) small.add(v.name());
      ArrayNode ks = o.putArray("cumulants");
      for (CumulantExpansion.Cumulant k : r.cumulants()) {
        ObjectNode co = ks.addObject();
        co.put("name", k.symbol().getSymbolName());
        co.put("order", k.order());
        co.put("unit", k.unit().getSymbolName());
        co.put("latex", latex.print(k.value()));
        co.put("text", text.print(k.value()));
        co.put("symja", symja(k.value()));
      }
    }
    ArrayNode args = o.putArray("arguments");
    for (Variable v : r.args()) args.add(v.name());
    ArrayNode over = o.putArray("integrated");
    for (Variable v : r.integrated()) over.add(v.name());
    o.put("from", r.source());
    if (r.isPartition()) {
      ObjectNode z = o.putObject("partitionFunction");
      z.put("latex", latex.print(r.partition()));
      z.put("text", text.print(r.partition()));
      z.put("symja", symja(r.partition()));
    }
    if (r.isCouplings()) {
      o.put("convention", "H = E0 - sum_i h_i u_i - sum_{i<j} J_ij u_i u_j - ...");
      CouplingNames names = new CouplingNames(r.args(), c.symbols());
      java.util.List<ISymbol> units = c.symbols().symbols(r.args());
      ArrayNode list = o.putArray("couplings");
      for (CouplingExtractor.Coefficient k : r.couplings()) {
        ObjectNode co = list.addObject();
        co.put("name", names.text(k));
        co.put("order", k.order());
        ArrayNode us = co.putArray("units");
        for (int u : k.units()) us.add(units.get(u).getSymbolName());
        co.put("latex", latex.print(k.coupling()));
        co.put("text", text.print(k.coupling()));
        co.put("symja", symja(k.coupling()));
      }
      conditions(o, r);
      return o;
    }
    ObjectNode energy = o.putObject(r.isPartition() ? "freeEnergy" : "energy");
    energy.put("latex", latex.printSum(r.terms()));
    energy.put("text", text.printSum(r.terms()));
    energy.put("symja", symja(r.value()));
    conditions(o, r);
    return o;
  }

  private void conditions(ObjectNode o, Flat r) {
    ArrayNode conditions = o.putArray("conditions");
    for (Condition cond : r.conditions()) {
      ObjectNode co = conditions.addObject();
      co.put("latex", latex.print(cond.relation()));
      co.put("text", text.print(cond.relation()));
      co.put("symja", symja(cond.relation()));
      co.put("reason", cond.reason());
    }
  }

  /** Mathematica input syntax with escaped user names, which Symja's parser reads back. */
  static String symja(IExpr e) {
    return energy.print.SymjaForm.print(e);
  }
}
