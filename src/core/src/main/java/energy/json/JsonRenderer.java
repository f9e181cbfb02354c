package energy.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import energy.Compilation;
import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.Symja;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.matrix.MatrixExpr;
import energy.algebra.matrix.MatrixSymja;
import energy.api.Energy;
import energy.model.Query;
import energy.model.Variable;
import energy.present.CouplingNames;
import energy.present.Math;
import energy.present.MathWriter;
import energy.output.Printers;
import energy.print.LatexPrinter;
import energy.print.SymjaForm;
import energy.print.TextPrinter;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Provenance;
import energy.result.Result;
import energy.result.RgStep;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import energy.rg.flow.FlowFormat;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The results as one versioned JSON document, {@code {"format": "energy", "version": 1, "tool":
 * …, "symjaForm": …, "files": [ … ]}}, described by the schema {@code energy/energy.schema.json}
 * (a resource of this module). Every name is an object with its {@code text} and {@code latex}
 * forms; every expression one with {@code latex}, {@code text} and {@code symja} (one line of
 * Symja input, user names spelled as {@link SymjaForm} says). Each result has a {@code kind},
 * one per record of {@link Result}.
 */
public final class JsonRenderer {
  /** The document format's version: raised when a field changes meaning or disappears. */
  public static final int VERSION = 1;

  /** Where the schema is, on the class path. */
  public static final String SCHEMA = "/energy/energy.schema.json";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Whether each result carries its derivation ({@code steps}, optional in the schema). */
  private final boolean steps;

  public JsonRenderer() {
    this(false);
  }

  /** @param steps add each result's derivation steps, where it records them ({@code --steps}) */
  public JsonRenderer(boolean steps) {
    this.steps = steps;
  }

  public String render(List<Compilation> compilations) {
    try {
      return MAPPER.writeValueAsString(document(compilations)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #render(List)}, streamed to {@code out} (left open) rather than built as one string. */
  public void render(List<Compilation> compilations, java.io.Writer out) throws java.io.IOException {
    MAPPER.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, document(compilations));
    out.write("\n");
  }

  /** The document as a tree. */
  public ObjectNode document(List<Compilation> compilations) {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("format", "energy");
    doc.put("version", VERSION);
    doc.put("tool", Energy.version());
    doc.put("symjaForm", SymjaForm.DESCRIPTION);
    ArrayNode files = doc.putArray("files");
    for (Compilation c : compilations) files.add(new FileWriter(c, steps).file());
    return doc;
  }

  /** One compiled file, with the printers of its model. */
  private static final class FileWriter implements Result.Visitor<ObjectNode> {
    private final Compilation c;
    private final LatexPrinter latex;
    private final TextPrinter text;
    private final boolean steps;

    FileWriter(Compilation c, boolean steps) {
      this.c = c;
      this.steps = steps;
      latex = new LatexPrinter(Printers.units(c), Printers.names(c));
      text = new TextPrinter(Printers.units(c), Printers.names(c));
    }

    ObjectNode file() {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("file", c.model().source().path());
      o.put("model", c.model().name());
      if (c.model().temperature() == null) o.putNull("temperature");
      else o.set("temperature", name(c.model().temperature().name(), true));
      ArrayNode results = o.putArray("results");
      for (Result r : c.results()) {
        ObjectNode result = r.accept(this);
        if (steps) steps(result, r);
        results.add(result);
      }
      return o;
    }

    /** The derivation, when the result records one: parts with their text and LaTeX. */
    private void steps(ObjectNode o, Result r) {
      List<energy.present.Part> parts = energy.present.Presenter.steps(c, r);
      if (parts.isEmpty()) return;
      ArrayNode out = o.putArray("steps");
      for (energy.present.Steps.Written w : energy.present.Steps.written(parts, MathWriter.text(text), MathWriter.latex(latex))) {
        ObjectNode step = out.addObject();
        step.put("kind", w.kind());
        ArrayNode t = step.putArray("text"), l = step.putArray("latex");
        w.text().forEach(t::add);
        w.latex().forEach(l::add);
      }
    }

    // ------------------------------------------------------------ kinds

    @Override
    public ObjectNode marginal(Marginal r) {
      ObjectNode o = head(r, "marginal");
      arguments(o, r.args());
      provenance(o, r.from());
      o.set("energy", expression(r.terms(), r.value()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode partitionFunction(PartitionFunction r) {
      ObjectNode o = head(r, "partitionFunction");
      provenance(o, r.from());
      o.set("partitionFunction", expression(r.z()));
      o.set("freeEnergy", expression(r.freeEnergyTerms(), r.freeEnergy()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode couplings(Couplings r) {
      ObjectNode o = head(r, "couplings");
      arguments(o, r.args());
      provenance(o, r.from());
      couplings(o, r.name(), r.args(), r.couplings());
      return o;
    }

    @Override
    public ObjectNode expansion(Expansion r) {
      ObjectNode o = head(r, "expansion");
      expansion(o, r.query(), r.args(), r.from(), r.cumulants());
      o.set("energy", expression(r.terms(), r.value()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode expandedCouplings(ExpandedCouplings r) {
      ObjectNode o = head(r, "expandedCouplings");
      expansion(o, r.query(), r.args(), r.from(), r.cumulants());
      couplings(o, r.name(), r.args(), r.couplings());
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode priorCumulants(PriorCumulants r) {
      ObjectNode o = head(r, "priorCumulants");
      o.put("order", r.query().order());
      o.set("unit", name(r.query().unit().name(), false));
      o.set("from", name(r.source(), false));
      ArrayNode components = o.putArray("components");
      for (int i = 0; i < r.cumulants().size(); i++) {
        CumulantExpansion.Cumulant k = r.cumulants().get(i);
        ObjectNode co = components.addObject();
        co.set("unit", name(k.unit()));
        ObjectNode kappa = co.putObject("cumulant");
        kappa.set("name", name(k.symbol()));
        kappa.set("value", expression(k.value()));
        ObjectNode cgf = co.putObject("cgf");
        cgf.set("name", name(Printers.cgfName(k)));
        cgf.set("value", expression(r.cgfs().get(i)));
      }
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode momentIdentity(MomentIdentity r) {
      ObjectNode o = head(r, "momentIdentity");
      o.put("identity", r.query().cumulant() ? "cumulant" : "moment");
      o.put("order", r.query().order());
      ArrayNode variables = o.putArray("variables");
      for (String v : r.query().variables()) variables.add(name(v, true));
      o.set("lhs", expression(r.lhs()));
      o.set("rhs", expression(r.terms(), r.value()));
      return o;
    }

    @Override
    public ObjectNode kernel(Kernel r) {
      ObjectNode o = head(r, "kernel");
      ArrayNode summed = o.putArray("summed");
      for (Variable v : r.query().hidden()) summed.add(name(v.name(), false));
      ArrayNode given = o.putArray("given");
      for (Variable v : r.query().visible()) given.add(name(v.name(), false));
      o.set("kernel", expression(r.terms(), r.value()));
      o.set("trace", expression(r.trace()));
      o.put("normalized", r.normalized());
      return o;
    }

    @Override
    public ObjectNode matrixMarginal(MatrixMarginal r) {
      ObjectNode o = head(r, "matrixMarginal");
      o.put("statement", r.query() instanceof Query.Partition ? "partition" : "marginalize");
      arguments(o, r.args());
      provenance(o, r.from());
      // The same notation as the paper and text renderers: one writer of matrix terms.
      MathWriter latexWriter = MathWriter.latex(latex), textWriter = MathWriter.text(text);
      Math.Sum sum = new Math.Sum(r.terms().stream().<Math>map(Math.MatrixTerm::new).toList(), java.util.Optional.empty());
      ObjectNode energy = o.putObject("energy");
      energy.put("latex", latexWriter.write(sum));
      energy.put("text", textWriter.write(sum));
      energy.put("symja", MatrixSymja.print(r.value()));
      ArrayNode conditions = o.putArray("conditions");
      for (MatrixExpr m : r.positiveDefinite()) {
        ObjectNode co = conditions.addObject();
        ObjectNode relation = co.putObject("relation");
        relation.put("latex", latexWriter.write(new Math.PositiveDefinite(m)));
        relation.put("text", textWriter.write(new Math.PositiveDefinite(m)));
        relation.put("symja", MatrixSymja.positiveDefinite(m));
        co.put("reason", "the Gaussian integral converges");
      }
      return o;
    }

    @Override
    public ObjectNode rgStep(RgStep r) {
      ObjectNode o = head(r, "rgStep");
      o.put("scheme", r.step().scheme().word);
      o.put("parameter", r.step().parameter());
      r.blocks().ifPresent(b -> {
        ObjectNode blocks = o.putObject("blocks");
        blocks.put("shape", b.shape());
        blocks.put("size", b.size());
      });
      o.set("from", name(r.step().energy().text(), false));
      Recursion rec = r.recursion();
      o.put("scale", rec.scale());
      ArrayNode recursion = o.putArray("recursion");
      for (int i = 0; i < rec.couplings().size(); i++) {
        ObjectNode k = recursion.addObject();
        k.set("coupling", name(rec.couplings().get(i)));
        k.set("image", evaluated(rec.images().get(i)));
      }
      o.set("constantPerSite", evaluated(rec.constantPerSite()));
      ArrayNode generated = o.putArray("generated");
      for (Map.Entry<CouplingClass, IExpr> g : rec.generated().entrySet()) {
        ObjectNode k = generated.addObject();
        ObjectNode n = k.putObject("coupling");
        n.put("id", g.getKey().name());
        n.put("text", text.symbol(g.getKey().printedName()));
        n.put("latex", latex.symbol(g.getKey().printedName()));
        k.put("couples", g.getKey().couples());
        k.set("value", evaluated(g.getValue()));
      }
      ArrayNode definitions = o.putArray("definitions");
      for (Map.Entry<ISymbol, IExpr> d : rec.definitions().entrySet()) {
        ObjectNode k = definitions.addObject();
        k.set("name", name(d.getKey()));
        k.set("value", evaluated(d.getValue()));
      }
      r.flow().ifPresent(f -> {
        ObjectNode flow = FlowFormat.json(f);
        ArrayNode names = MAPPER.createArrayNode();
        for (String n : f.recursion().names()) names.add(name(n, true));
        flow.set("couplings", names);
        o.set("flow", flow);
      });
      return o;
    }

    // ------------------------------------------------------------ queries

    @Override
    public ObjectNode coefficient(energy.result.Coefficient r) {
      ObjectNode o = head(r, "coefficient");
      o.set("of", name(r.query().target().text(), false));
      ArrayNode monomial = o.putArray("monomial");
      for (Map.Entry<String, Integer> p : r.query().powers().entrySet()) {
        ObjectNode f = monomial.addObject();
        f.set("unit", name(c.symbols().component(p.getKey()).symbol()));
        f.put("power", p.getValue());
      }
      provenance(o, r.from());
      o.set("value", expression(r.value()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode substitution(energy.result.Substitution r) {
      ObjectNode o = head(r, "substitution");
      o.set("of", name(r.query().target().text(), false));
      ArrayNode values = o.putArray("values");
      for (Map.Entry<ISymbol, IExpr> e : r.rules().entrySet()) {
        ObjectNode v = values.addObject();
        v.set("name", name(e.getKey()));
        v.set("value", expression(e.getValue()));
      }
      arguments(o, r.args());
      provenance(o, r.from());
      o.set("energy", expression(r.terms(), r.value()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode derivative(energy.result.Derivative r) {
      ObjectNode o = head(r, "derivative");
      o.set("of", name(r.query().target().text(), false));
      ArrayNode by = o.putArray("by");
      for (ISymbol s : r.by()) by.add(name(s));
      arguments(o, r.args());
      provenance(o, r.from());
      o.set("energy", expression(r.terms(), r.value()));
      conditions(o, r.conditions());
      return o;
    }

    @Override
    public ObjectNode evaluation(energy.result.Evaluation r) {
      ObjectNode o = head(r, "evaluation");
      o.set("of", name(r.query().target().text(), false));
      ArrayNode at = o.putArray("at");
      for (Map.Entry<ISymbol, Double> e : r.values().entrySet()) {
        ObjectNode v = at.addObject();
        v.set("name", name(e.getKey()));
        v.put("value", e.getValue());
      }
      ArrayNode lines = o.putArray("lines");
      for (energy.result.Evaluation.Line l : r.lines()) {
        ObjectNode v = lines.addObject();
        v.put("label", l.label());
        v.put("value", l.value());
      }
      return o;
    }

    @Override
    public ObjectNode verification(energy.result.Verification r) {
      ObjectNode o = head(r, "check");
      o.set("of", name(r.query().target().text(), false));
      ArrayNode reports = o.putArray("reports");
      for (energy.result.Verification.Line l : r.reports()) {
        ObjectNode v = reports.addObject();
        v.put("name", l.name());
        v.put("measure", l.measure());
        if (l.skipped() != null) v.put("skipped", l.skipped());
        else {
          v.put("largestError", l.error());
          v.put("samples", l.samples());
        }
      }
      return o;
    }

    // ------------------------------------------------------------ parts

    private ObjectNode head(Result r, String kind) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("kind", kind);
      o.set("name", name(r.name(), false));
      return o;
    }

    private void arguments(ObjectNode o, List<Variable> args) {
      ArrayNode a = o.putArray("arguments");
      for (Variable v : args) a.add(name(v.name(), false));
    }

    private void provenance(ObjectNode o, Provenance from) {
      o.set("from", name(from.source(), false));
      ArrayNode over = o.putArray("integrated");
      for (Variable v : from.integrated()) over.add(name(v.name(), false));
    }

    private void expansion(ObjectNode o, Query.Expand q, List<Variable> args, Provenance from, List<CumulantExpansion.Cumulant> cumulants) {
      o.put("order", q.order());
      ArrayNode small = o.putArray("smallIn");
      for (Variable v : q.small()) small.add(name(v.name(), false));
      o.put("substituted", q.substituted());
      arguments(o, args);
      provenance(o, from);
      ArrayNode ks = o.putArray("cumulants");
      for (CumulantExpansion.Cumulant k : cumulants) {
        ObjectNode co = ks.addObject();
        co.set("name", name(k.symbol()));
        co.put("order", k.order());
        co.set("unit", name(k.unit()));
        co.set("value", expression(k.value()));
      }
    }

    private void couplings(ObjectNode o, String energy, List<Variable> args, List<CouplingExtractor.Coefficient> couplings) {
      ObjectNode convention = o.putObject("convention");
      MathWriter latexWriter = MathWriter.latex(latex), textWriter = MathWriter.text(text);
      CouplingNames names = new CouplingNames(args, c.symbols(), c.model());
      Math.Convention written = names.convention(new Math.Name(energy));
      convention.put("text", textWriter.write(written));
      convention.put("latex", latexWriter.write(written));
      List<ISymbol> units = c.symbols().symbols(args);
      ArrayNode list = o.putArray("couplings");
      for (CouplingExtractor.Coefficient k : couplings) {
        ObjectNode co = list.addObject();
        ObjectNode n = co.putObject("name");
        n.put("text", textWriter.write(names.name(k)));
        n.put("latex", latexWriter.write(names.name(k)));
        co.put("order", k.order());
        ArrayNode us = co.putArray("units");
        for (int u : k.units()) us.add(name(units.get(u)));
        co.set("value", expression(k.coupling()));
      }
    }

    private void conditions(ObjectNode o, List<Condition> conditions) {
      ArrayNode list = o.putArray("conditions");
      for (Condition cond : conditions) {
        ObjectNode co = list.addObject();
        co.set("relation", expression(cond.relation()));
        co.put("reason", cond.reason());
      }
    }

    /**
     * A name the file wrote ({@code Heff}, {@code beta}): its identifier, text and LaTeX, and
     * with {@code symbol} its spelling in the {@code symja} strings.
     */
    private ObjectNode name(String id, boolean symbol) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("id", id);
      o.put("text", text.symbol(id));
      o.put("latex", latex.symbol(id));
      if (symbol) o.put("symja", SymjaForm.encode(id));
      return o;
    }

    /**
     * A symbol of the results: a unit's component ({@code x[1]}, whose identifier the file
     * wrote), a cumulant κ₄⁽¹⁾ or a coupling K.
     */
    private ObjectNode name(ISymbol s) {
      ObjectNode o = MAPPER.createObjectNode();
      if (c.symbols().component(s) != null || c.model().variables().containsKey(s.getSymbolName())) o.put("id", s.getSymbolName());
      o.put("text", text.print(s));
      o.put("latex", latex.print(s));
      o.put("symja", SymjaForm.print(s));
      return o;
    }

    private ObjectNode expression(IExpr e) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("latex", latex.print(e));
      o.put("text", text.print(e));
      o.put("symja", SymjaForm.print(e));
      return o;
    }

    /** An RG step's expression, whose Symja form is evaluated (its printed form is kept as the step wrote it). */
    private ObjectNode evaluated(IExpr e) {
      ObjectNode o = expression(e);
      o.put("symja", SymjaForm.print(Symja.eval(e)));
      return o;
    }

    /** A sum printed in the order of its terms, read back as its value. */
    private ObjectNode expression(List<IExpr> terms, IExpr value) {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("latex", latex.printSum(terms));
      o.put("text", text.printSum(terms));
      o.put("symja", SymjaForm.print(value));
      return o;
    }
  }
}
