package energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.algebra.Condition;
import energy.algebra.Symja;
import energy.diag.Source;
import energy.output.JsonDocument;
import energy.print.LatexPrinter;
import energy.print.SymjaForm;
import energy.print.TextPrinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Every printed form of every result is read back and compared with the result's value: the
 * JSON {@code symja} string by Symja's parser, the text form by {@link TextNotationReader}, the
 * LaTeX by Symja's {@link TeXParser} with the model's printed names mapped back. Values are
 * compared at random values of all symbols (relative 1e-10; 1e-4 where the print rounds
 * decimals to six digits), or symbolically where a value is not a number (⟨xy⟩, κ(x, y)).
 *
 * <p>Conscious exclusions, not read back: results in matrix notation (symbolic sizes have no
 * value to compare with; their scalar forms are tested in MatrixMarginalizerTest), the left
 * side of a moment identity (a name, not a value), and flow data (numbers printed by
 * FlowFormat, not expressions).
 */
class PrintedFormsRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExprEvaluator PARSER = new ExprEvaluator(false, (short) 0);
  /** Stands for ⟨…⟩ and κ(…): a fixed, unremarkable number for each argument list. */
  private static final IExpr OPAQUE = PARSER.parse("Sin[1 + Total[MapIndexed[#1*(1+First[#2])&, {##}]]]&");

  static Stream<Arguments> sources() {
    List<Arguments> out = new ArrayList<>();
    for (Path p : Examples.good()) out.add(Arguments.of(p.toString(), Examples.read(p)));
    RandomModelsTest.seeds().forEach(seed -> out.add(Arguments.of("<random " + seed + ">", RandomModelsTest.randomModel(new Random(seed)))));
    out.add(Arguments.of("<partition>", "spin s1, s2\nparam J, c\nenergy H(s1, s2) = -J*s1*s2 - s1 + c\nZ = partition H\n"));
    for (long seed : new long[] {1, 3}) out.add(Arguments.of("<awkward names " + seed + ">", awkwardNames(new Random(seed))));
    return out.stream();
  }

  /**
   * Names the grammar allows ({@code [a-zA-Z][a-zA-Z0-9_]*}) that print alike, print as
   * constants, or are Symja's own names, shuffled into fields, couplings and constants.
   */
  static String awkwardNames(Random random) {
    List<String> names = new ArrayList<>(List.of(
        "h_", "h", "a__b", "pi", "Pi", "E", "e", "I", "i", "N", "D", "C", "beta", "Beta", "sigma", "Heff", "H_eff",
        "J12", "J_12", "J1_2", "a_b_c", "varepsilon", "epsilon", "varphi", "phi", "Alpha", "A", "x1", "x_1", "Sin", "Log",
        "infty", "omicron", "o", "kappa", "K", "Z1", "u", "Cumulant", "Expectation"));
    java.util.Collections.shuffle(names, random);
    StringBuilder s = new StringBuilder("model Awkward\ndim k = 2\nspin s1, s2\nparam A2[k,k], A2_12, A212, ");
    String temperature = random.nextBoolean() ? names.remove(names.size() - 1) : null;
    s.append(String.join(", ", names)).append('\n');
    if (temperature != null) s.append("temperature ").append(temperature).append('\n');
    List<String> field = new ArrayList<>(), coupling = new ArrayList<>(List.of("A2[1,2]", "A2_12", "A212")), constant = new ArrayList<>();
    for (String n : names) (random.nextInt(3) == 0 ? field : random.nextBoolean() ? coupling : constant).add((1 + random.nextInt(3)) + "*" + n);
    s.append("energy H(s1, s2) = -(").append(String.join(" + ", field)).append(" + A2[1,1])*s1 - (")
        .append(String.join(" + ", coupling)).append(")*s1*s2 + ").append(String.join(" + ", constant)).append('\n');
    s.append("F = marginalize H over s2\nZ = partition H\n");
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void everyPrintedFormReadsBackAsTheValue(String name, String text) throws Exception {
    long seed = name.hashCode();
    System.out.println("round trip " + name + " seed " + seed);
    Compilation c = energy.Compiler.compile(new Source(name, text));
    List<String> failures = new ArrayList<>();
    new Comparison(c, seed, failures).run();
    assertTrue(failures.isEmpty(), name + ": " + failures.size() + " printed forms do not read back:\n" + String.join("\n", failures));
  }

  /** One compilation's printed forms against its values. */
  static final class Comparison {
    private final Compilation c;
    private final long seed;
    private final List<String> failures;
    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, ISymbol> symbols = new HashMap<>();
    private final Set<JsonNode> compared = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Comparison(Compilation c, long seed, List<String> failures) {
      this.c = c;
      this.seed = seed;
      this.failures = failures;
    }

    void run() throws Exception {
      for (var comp : c.symbols().all()) symbols.put(comp.name(), comp.symbol());
      JsonNode file = JSON.readTree(new JsonDocument().render(List.of(c)));
      JsonNode results = file.get("results");
      // The JSON lists the component-form results first, in statement order.
      int i = 0;
      for (energy.result.Result r : c.results())
        if (!(r instanceof energy.result.MatrixMarginal || r instanceof energy.result.RgStep)) r.accept(new ValuesOf(results.get(i++)));
      for (JsonNode r : results) if (!"matrix".equals(r.path("notation").asText())) walk(r.get("name").asText(), r);
    }

    /** The printed forms that stand for one of the result's values. */
    private final class ValuesOf implements energy.result.Result.Visitor<Void> {
      private final JsonNode o;

      ValuesOf(JsonNode o) {
        this.o = o;
      }

      public Void marginal(energy.result.Marginal r) {
        energy(r.name(), r.value(), "energy");
        conditions(r.name(), r.conditions());
        return null;
      }

      public Void partitionFunction(energy.result.PartitionFunction r) {
        compare(r.name() + " Z", r.z(), o.get("partitionFunction"));
        energy(r.name(), r.freeEnergy(), "freeEnergy");
        conditions(r.name(), r.conditions());
        return null;
      }

      public Void couplings(energy.result.Couplings r) {
        couplings(r.name(), r.couplings());
        return null;
      }

      public Void expansion(energy.result.Expansion r) {
        cumulants(r.name(), r.cumulants());
        energy(r.name(), r.value(), "energy");
        conditions(r.name(), r.conditions());
        return null;
      }

      public Void expandedCouplings(energy.result.ExpandedCouplings r) {
        couplings(r.name(), r.couplings());
        conditions(r.name(), r.conditions());
        return null;
      }

      public Void priorCumulants(energy.result.PriorCumulants r) {
        String n = r.name();
        for (int k = 0; k < r.cumulants().size(); k++) {
          compare(n + " cumulant " + k, r.cumulants().get(k).value(), o.get("components").get(k).get("cumulant"));
          compare(n + " cgf " + k, r.cgfs().get(k), o.get("components").get(k).get("cgf"));
        }
        conditions(n, r.conditions());
        return null;
      }

      public Void momentIdentity(energy.result.MomentIdentity r) {
        compare(r.name() + " rhs", r.value(), o.get("rhs"));
        return null;
      }

      public Void kernel(energy.result.Kernel r) {
        compare(r.name() + " kernel", r.value(), o.get("kernel"));
        compare(r.name() + " trace", r.trace(), o.get("trace"));
        return null;
      }

      public Void matrixMarginal(energy.result.MatrixMarginal r) {
        return null; // matrix notation has no Symja form to read back
      }

      public Void rgStep(energy.result.RgStep r) {
        return null; // walked below
      }

      private void energy(String n, IExpr value, String field) {
        compare(n + " energy", value, o.get(field));
      }

      private void cumulants(String n, List<energy.algebra.cumulant.CumulantExpansion.Cumulant> cumulants) {
        for (int k = 0; k < cumulants.size(); k++) compare(n + " cumulant " + k, cumulants.get(k).value(), o.get("cumulants").get(k));
      }

      private void couplings(String n, List<energy.algebra.CouplingExtractor.Coefficient> couplings) {
        for (int k = 0; k < couplings.size(); k++)
          compare(n + " coupling " + o.get("couplings").get(k).get("name").asText(), couplings.get(k).coupling(), o.get("couplings").get(k));
      }

      private void conditions(String n, List<Condition> conditions) {
        for (int k = 0; k < conditions.size(); k++) compare(n + " condition " + k, conditions.get(k).relation(), o.get("conditions").get(k));
      }
    }

    /** Every other printed triple: its three forms must agree with each other. */
    private void walk(String where, JsonNode node) {
      if (node.isObject()) {
        if (node.has("symja") && node.has("text") && !compared.contains(node)) compare(where, null, node);
        node.fields().forEachRemaining(f -> {
          if (!f.getKey().equals("flow")) walk(where + "." + f.getKey(), f.getValue());
        });
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) walk(where + "[" + i + "]", node.get(i));
      }
    }

    private void compare(String where, IExpr value, JsonNode forms) {
      if (forms == null) {
        failures.add(where + ": no printed form in the JSON");
        return;
      }
      String symja = forms.get("symja").asText(), text = forms.get("text").asText(), latex = forms.get("latex").asText();
      IExpr fromSymja;
      try {
        fromSymja = PARSER.parse(symja);
      } catch (RuntimeException e) {
        failures.add(where + ": symja form does not parse: " + symja + " (" + e.getMessage() + ")");
        return;
      }
      collectNames(fromSymja);
      compared.add(forms);
      boolean escaped = value == null;
      IExpr reference = escaped ? fromSymja : value;
      if (value != null) check(where + " [symja]", symja, value, false, fromSymja, false);
      Map<String, String> textNames = printedNames(true, where);
      try {
        String input = new TextNotationReader(textNames).toSymja(text);
        check(where + " [text]", text + "  read as  " + input, reference, escaped, PARSER.parse(input), text.contains("."));
      } catch (RuntimeException e) {
        failures.add(where + " [text]: cannot read back " + text + ": " + e.getMessage());
      }
      if (latex.contains("\\langle") || latex.contains("\\kappa\\left(")) {
        System.out.println("excluded (TeXParser has no ⟨…⟩ or κ(…)): " + where + " [latex] " + latex);
        return;
      }
      try {
        IExpr parsed = readLatex(latex);
        check(where + " [latex]", latex + "  read as  " + parsed, reference, escaped, parsed, latex.contains("."));
      } catch (RuntimeException e) {
        failures.add(where + " [latex]: cannot read back " + latex + ": " + e);
      }
    }

    private void collectNames(IExpr e) {
      if (e.isSymbol()) {
        String name = SymjaForm.decode(((ISymbol) e).getSymbolName());
        if (name != null) symbols.computeIfAbsent(name, n -> new org.matheclipse.core.expression.Symbol(n, org.matheclipse.core.expression.Context.DUMMY));
        return;
      }
      if (!e.isAST()) return;
      collectNames(e.head());
      for (IExpr a : Symja.args(e)) collectNames(a);
    }

    /** The printers the documents use for this model. */
    private TextPrinter textPrinter() {
      return TextPrinter.forModel(List.of(), names());
    }

    private LatexPrinter latexPrinter() {
      return LatexPrinter.forModel(List.of(), names());
    }

    private List<String> names() {
      List<String> out = new ArrayList<>();
      for (var comp : c.symbols().all()) out.add(comp.name());
      return out;
    }

    /** Printed name → user name, with every collision (two names, one print) a failure. */
    private Map<String, String> printedNames(boolean text, String where) {
      Map<String, String> out = new LinkedHashMap<>();
      TextPrinter tp = textPrinter();
      LatexPrinter lp = latexPrinter();
      Set<String> constants = text ? Set.of("π", "∞") : Set.of("\\pi", "\\infty");
      for (String name : symbols.keySet()) {
        String printed = text ? tp.symbol(name) : lp.symbol(name);
        String other = out.put(printed, name);
        if (other != null && !other.equals(name)) failures.add(where + ": names " + other + " and " + name + " both print as " + printed);
        if (constants.contains(printed)) failures.add(where + ": name " + name + " prints as the constant " + printed);
      }
      return out;
    }

    /**
     * The LaTeX read by TeXParser after two rewrites it needs: each user name (longest first,
     * not inside a longer word) becomes a placeholder atom {@code \Upsilon_{k}} (TeXParser reads
     * {@code \mathrm{eff}} as e·f·f), and the logistic function {@code \sigma^{k}\left(X\right)}
     * becomes {@code \left(\frac{1}{1 + e^{-\left(X\right)}}\right)^{k}}.
     */
    private IExpr readLatex(String latex) {
      LatexPrinter lp = latexPrinter();
      List<String> names = new ArrayList<>(symbols.keySet());
      names.sort(java.util.Comparator.comparingInt((String n) -> -lp.symbol(n).length()));
      Map<Integer, IExpr> placeholders = new HashMap<>();
      IExpr upsilon = new TeXParser().parse("\\Upsilon");
      String rewritten = sigmoids(latex);
      for (int k = 0; k < names.size(); k++) {
        String printed = lp.symbol(names.get(k));
        String placeholder = "{\\Upsilon_{" + (k + 1) + "}}";
        String pattern = "(?<![A-Za-z\\\\])" + java.util.regex.Pattern.quote(printed) + "(?![A-Za-z_])";
        rewritten = rewritten.replaceAll(pattern, java.util.regex.Matcher.quoteReplacement(placeholder));
        placeholders.put(k + 1, F.symbol(SymjaForm.encode(names.get(k))));
      }
      IExpr parsed = new TeXParser().parse(rewritten);
      return parsed.replaceAll(x -> x.isAST(S.Subscript, 3) && x.first().equals(upsilon) && x.second().isInteger()
          ? placeholders.getOrDefault(x.second().toIntDefault(), F.NIL) : F.NIL).orElse(parsed);
    }

    private static String sigmoids(String latex) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\sigma(\\^\\{\\d+\\})?\\\\left\\(").matcher(latex);
      if (!m.find()) return latex;
      int depth = 1, i = m.end();
      while (depth > 0) {
        if (latex.startsWith("\\left", i)) depth++;
        else if (latex.startsWith("\\right", i)) depth--;
        if (depth > 0) i++;
      }
      String argument = latex.substring(m.end(), i);
      String power = m.group(1) == null ? "" : m.group(1);
      String replaced = "\\left(\\frac{1}{1 + e^{-\\left(" + argument + "\\right)}}\\right)" + power;
      return sigmoids(latex.substring(0, m.start()) + replaced + latex.substring(i + "\\right)".length()));
    }

    private void check(String where, String printed, IExpr expected, boolean expectedEscaped, IExpr readBack, boolean rounded) {
      IExpr a = numeric(expected, expectedEscaped), b = numeric(readBack, true);
      double tolerance = rounded ? 1e-4 : 1e-10;
      if (!close(a, b, tolerance))
        failures.add(where + ": " + printed + "\n    value " + a + " vs read back " + b);
    }

    /** Evaluated at the random values; ⟨…⟩ and κ(…) stay symbolic. */
    private IExpr numeric(IExpr e, boolean escaped) {
      IExpr substituted = substitute(e, escaped);
      return Symja.eval(F.N(substituted));
    }

    private IExpr substitute(IExpr e, boolean escaped) {
      if (e.isAST(S.HoldForm, 2)) return substitute(e.getAt(1), escaped);
      if (e.isSymbol() && !e.isBuiltInSymbol()) {
        String name = name((ISymbol) e, escaped);
        if (name == null) return e;
        return F.num(values.computeIfAbsent(name, n -> 0.2 + 0.7 * new Random(seed * 31 + n.hashCode()).nextDouble()));
      }
      if (!e.isAST()) return e;
      IExpr[] args = new IExpr[e.argSize()];
      for (int i = 1; i <= e.argSize(); i++) args[i - 1] = substitute(e.getAt(i), escaped);
      IExpr head = e.head();
      if (head.isSymbol() && !head.isBuiltInSymbol()) {
        String name = name((ISymbol) head, escaped);
        if ("Expectation".equals(name) || "Cumulant".equals(name)) head = OPAQUE; // a number per argument list
      }
      return F.ast(args, head);
    }

    private static String name(ISymbol s, boolean escaped) {
      return escaped ? SymjaForm.decode(s.getSymbolName()) : s.getSymbolName();
    }

    private static boolean close(IExpr a, IExpr b, double tolerance) {
      if (a.isNumber() && b.isNumber()) {
        double d = Symja.eval(F.Abs(F.Subtract(a, b))).evalf();
        double scale = Math.max(1, Math.max(Symja.eval(F.Abs(a)).evalf(), Symja.eval(F.Abs(b)).evalf()));
        return d <= tolerance * scale;
      }
      if (a.isList() && b.isList() && a.argSize() == b.argSize()) {
        for (int i = 1; i <= a.argSize(); i++) if (!close(a.getAt(i), b.getAt(i), tolerance)) return false;
        return true;
      }
      if (a.isTrue() || a.isFalse()) return a.equals(b);
      IExpr difference = Symja.eval(F.Expand(F.Subtract(a, b)));
      return difference.isZero() || (difference.isNumber() && Math.abs(difference.evalf()) <= tolerance);
    }
  }
}
