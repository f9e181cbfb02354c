package energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import energy.algebra.Condition;
import energy.algebra.Symja;
import energy.diag.Source;
import energy.json.JsonRenderer;
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
 * <p>Every symja string of the JSON document is compared with the value it stands for (the
 * test fails on one it did not compare); results in matrix notation at random sizes and values
 * ({@link MatrixValues}), their LaTeX and text not read back. A name's symja string must be one
 * symbol that prints as the name. Flow data are numbers printed by FlowFormat, not expressions.
 */
class PrintedFormsRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The keys whose values are names (objects with text and LaTeX), not expressions. */
  private static final Set<String> NAME_KEYS =
      Set.of("name", "unit", "units", "coupling", "temperature", "variables", "couplings", "arguments", "integrated", "from", "smallIn", "summed", "given", "of", "by");
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
    private int symjaStrings, names;

    Comparison(Compilation c, long seed, List<String> failures) {
      this.c = c;
      this.seed = seed;
      this.failures = failures;
    }

    void run() throws Exception {
      for (var comp : c.symbols().all()) symbols.put(comp.name(), comp.symbol());
      JsonNode document = JSON.readTree(new JsonRenderer().render(List.of(c)));
      JsonNode results = document.get("files").get(0).get("results");
      List<energy.result.Result> all = c.results();
      if (results.size() != all.size()) failures.add("the JSON has " + results.size() + " results, the compilation " + all.size());
      for (int i = 0; i < Math.min(all.size(), results.size()); i++) all.get(i).accept(new Values(all.get(i).name(), results.get(i)));
      walk("", "", document);
      paperRows(results);
      System.out.println(symjaStrings + " symja strings, " + compared.size() + " compared with their values, " + names + " names read back");
    }

    /** Every expression of one result against the value it prints. */
    private final class Values implements energy.result.Result.Visitor<Void> {
      private final String n;
      private final JsonNode o;

      Values(String n, JsonNode o) {
        this.n = n;
        this.o = o;
      }

      @Override
      public Void marginal(energy.result.Marginal r) {
        compare(n + " energy", r.value(), o.get("energy"));
        return conditions(r.conditions());
      }

      @Override
      public Void partitionFunction(energy.result.PartitionFunction r) {
        compare(n + " Z", r.z(), o.get("partitionFunction"));
        compare(n + " free energy", r.freeEnergy(), o.get("freeEnergy"));
        return conditions(r.conditions());
      }

      @Override
      public Void couplings(energy.result.Couplings r) {
        return couplings(r.couplings());
      }

      @Override
      public Void expansion(energy.result.Expansion r) {
        cumulants(r.cumulants());
        compare(n + " energy", r.value(), o.get("energy"));
        return conditions(r.conditions());
      }

      @Override
      public Void expandedCouplings(energy.result.ExpandedCouplings r) {
        cumulants(r.cumulants());
        couplings(r.couplings());
        return conditions(r.conditions());
      }

      @Override
      public Void priorCumulants(energy.result.PriorCumulants r) {
        for (int k = 0; k < r.cumulants().size(); k++) {
          compare(n + " cumulant " + k, r.cumulants().get(k).value(), o.get("components").get(k).get("cumulant").get("value"));
          compare(n + " cgf " + k, r.cgfs().get(k), o.get("components").get(k).get("cgf").get("value"));
        }
        return conditions(r.conditions());
      }

      @Override
      public Void momentIdentity(energy.result.MomentIdentity r) {
        compare(n + " lhs", r.lhs(), o.get("lhs"));
        compare(n + " rhs", r.value(), o.get("rhs"));
        return null;
      }

      @Override
      public Void kernel(energy.result.Kernel r) {
        compare(n + " kernel", r.value(), o.get("kernel"));
        compare(n + " trace", r.trace(), o.get("trace"));
        return null;
      }

      @Override
      public Void matrixMarginal(energy.result.MatrixMarginal r) {
        new MatrixValues(c, seed, failures).compare(n + " energy", r.value(), o.get("energy"));
        compared.add(o.get("energy"));
        for (int k = 0; k < r.positiveDefinite().size(); k++) {
          JsonNode relation = o.get("conditions").get(k).get("relation");
          new MatrixValues(c, seed, failures).comparePositiveDefinite(n + " condition " + k, r.positiveDefinite().get(k), relation);
          compared.add(relation);
        }
        return null;
      }

      @Override
      public Void rgStep(energy.result.RgStep r) {
        energy.rg.Recursion rec = r.recursion();
        for (int k = 0; k < rec.images().size(); k++) compare(n + " " + rec.couplings().get(k) + "'", rec.images().get(k), o.get("recursion").get(k).get("image"));
        compare(n + " g", rec.constantPerSite(), o.get("constantPerSite"));
        int k = 0;
        for (IExpr g : rec.generated().values()) compare(n + " generated " + k, g, o.get("generated").get(k++).get("value"));
        k = 0;
        for (IExpr d : rec.definitions().values()) compare(n + " definition " + k, d, o.get("definitions").get(k++).get("value"));
        return null;
      }

      @Override
      public Void coefficient(energy.result.Coefficient r) {
        compare(n + " value", r.value(), o.get("value"));
        return conditions(r.conditions());
      }

      @Override
      public Void substitution(energy.result.Substitution r) {
        compare(n + " energy", r.value(), o.get("energy"));
        int k = 0;
        for (IExpr v : r.rules().values()) compare(n + " value " + k, v, o.get("values").get(k++).get("value"));
        return conditions(r.conditions());
      }

      @Override
      public Void derivative(energy.result.Derivative r) {
        compare(n + " energy", r.value(), o.get("energy"));
        return conditions(r.conditions());
      }

      @Override
      public Void evaluation(energy.result.Evaluation r) {
        for (int k = 0; k < r.lines().size(); k++)
          if (o.get("lines").get(k).get("value").asDouble() != r.lines().get(k).value()) failures.add(n + " line " + k + " differs in the JSON");
        return null;
      }

      @Override
      public Void verification(energy.result.Verification r) {
        if (o.get("reports").size() != r.reports().size()) failures.add(n + ": the JSON has " + o.get("reports").size() + " reports");
        return null;
      }

      private Void couplings(List<energy.algebra.CouplingExtractor.Coefficient> couplings) {
        for (int k = 0; k < couplings.size(); k++)
          compare(n + " coupling " + o.get("couplings").get(k).get("name").get("text").asText(), couplings.get(k).coupling(), o.get("couplings").get(k).get("value"));
        return null;
      }

      private void cumulants(List<energy.algebra.cumulant.CumulantExpansion.Cumulant> cumulants) {
        for (int k = 0; k < cumulants.size(); k++) compare(n + " cumulant " + k, cumulants.get(k).value(), o.get("cumulants").get(k).get("value"));
      }

      private Void conditions(List<Condition> conditions) {
        for (int k = 0; k < conditions.size(); k++) compare(n + " condition " + k, conditions.get(k).relation(), o.get("conditions").get(k).get("relation"));
        return null;
      }
    }

    /**
     * Every symja string of the document: a name's must be one symbol that prints as the name's
     * text and LaTeX; any other must have been compared with its value above.
     */
    private void walk(String where, String key, JsonNode node) {
      if (node.isObject()) {
        if (node.has("symja")) {
          symjaStrings++;
          if (NAME_KEYS.contains(key)) name(where, node);
          else if (!compared.contains(node)) failures.add(where + ": a symja string not compared with a value: " + node.get("symja").asText());
        }
        node.fields().forEachRemaining(f -> walk(where + "." + f.getKey(), f.getKey(), f.getValue()));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) walk(where + "[" + i + "]", key, node.get(i));
      }
    }

    private void name(String where, JsonNode node) {
      String symja = node.get("symja").asText();
      IExpr parsed = PARSER.parse(symja);
      String decoded = parsed.isSymbol() ? SymjaForm.decode(((ISymbol) parsed).getSymbolName()) : null;
      if (decoded == null) {
        failures.add(where + ": the name's symja " + symja + " is not a user symbol");
        return;
      }
      names++;
      if (!textPrinter().symbol(decoded).equals(node.get("text").asText()) || !latexPrinter().symbol(decoded).equals(node.get("latex").asText()))
        failures.add(where + ": " + symja + " names " + decoded + ", printed " + textPrinter().symbol(decoded) + ", but the JSON says " + node.get("text").asText());
      if (node.has("id") && !node.get("id").asText().equals(decoded)) failures.add(where + ": " + symja + " is not the symbol " + node.get("id").asText());
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
      if (latex.contains("\\langle") || latex.contains("\\kappa\\left(") || latex.contains("\\kappa(")) {
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

    /**
     * Each coupling the paper LaTeX breaks into rows, the rows joined without their layout
     * (phantoms, quads, fixed-size brackets) and read back as the coupling's value.
     */
    private void paperRows(JsonNode results) throws Exception {
      String paper = energy.present.LatexRenderer.paper(List.of(energy.present.Presenter.present(c)));
      if (!paper.contains("\\begin{align*}")) return;
      Map<String, List<String>> equations = LogOfProductBreakTest.equations(paper);
      List<energy.result.Result> all = c.results();
      for (int i = 0; i < all.size(); i++) {
        if (!(all.get(i) instanceof energy.result.Couplings r)) continue;
        for (int k = 0; k < r.couplings().size(); k++) {
          String name = results.get(i).get("couplings").get(k).get("name").get("latex").asText();
          List<String> rows = equations.get(name);
          if (rows == null || rows.size() < 2) continue;
          String joined = unbroken(String.join(" ", rows));
          String where = all.get(i).name() + " coupling " + name + " [paper rows]";
          try {
            IExpr parsed = readLatex(joined);
            check(where, joined + "  read as  " + parsed, r.couplings().get(k).coupling(), false, parsed, false);
          } catch (RuntimeException e) {
            failures.add(where + ": cannot read back " + joined + ": " + e);
          }
        }
      }
    }

    /** Broken rows' right-hand sides as one: phantoms, quads and the relation dropped, \\bigl( as (. */
    static String unbroken(String rows) {
      String s = rows.replaceFirst("^= ", "").replace("\\quad ", "").replaceAll("\\\\[bB]igg?[lr]", "");
      for (int at; (at = s.indexOf("\\hphantom{")) >= 0; ) {
        int end = matching(s, at + "\\hphantom{".length(), "{", "}");
        s = s.substring(0, at) + s.substring(end).replaceFirst("^\\{\\} ?", "");
      }
      return s;
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
      return new TextPrinter(List.of(), names());
    }

    private LatexPrinter latexPrinter() {
      return new LatexPrinter(List.of(), names());
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
     * The LaTeX read by TeXParser after the rewrites it needs: plain brackets become {@code
     * \left( \right)} (TeXParser reads {@code \beta (x)} as a call of β), the logistic function
     * {@code \sigma^{k}(X)} becomes {@code \left(\frac{1}{1 + e^{-\left(X\right)}}\right)^{k}},
     * each user name (longest first, not inside a longer word) becomes a placeholder atom
     * {@code \Upsilon_{k}} (TeXParser reads {@code \mathrm{eff}} as e·f·f), and a function's
     * bare argument ({@code \cosh 4 K}, {@code \ln\cosh 2 K}) is bracketed ({@link #bareArguments}).
     */
    private IExpr readLatex(String latex) {
      LatexPrinter lp = latexPrinter();
      List<String> names = new ArrayList<>(symbols.keySet());
      names.sort(java.util.Comparator.comparingInt((String n) -> -lp.symbol(n).length()));
      Map<Integer, IExpr> placeholders = new HashMap<>();
      IExpr upsilon = new TeXParser().parse("\\Upsilon");
      String rewritten = sigmoids(stretched(latex));
      for (int k = 0; k < names.size(); k++) {
        String printed = lp.symbol(names.get(k));
        String placeholder = "{\\Upsilon_{" + (k + 1) + "}}";
        String pattern = "(?<![A-Za-z\\\\])" + java.util.regex.Pattern.quote(printed) + "(?![A-Za-z_])";
        rewritten = rewritten.replaceAll(pattern, java.util.regex.Matcher.quoteReplacement(placeholder));
        placeholders.put(k + 1, F.symbol(SymjaForm.encode(names.get(k))));
      }
      IExpr parsed = new TeXParser().parse(bareArguments(rewritten));
      return parsed.replaceAll(x -> x.isAST(S.Subscript, 3) && x.first().equals(upsilon) && x.second().isInteger()
          ? placeholders.getOrDefault(x.second().toIntDefault(), F.NIL) : F.NIL).orElse(parsed);
    }

    /** Plain brackets as {@code \left( \right)}, except in a name's superscript ({@code \kappa_{2}^{(1)}}). */
    static String stretched(String latex) {
      String s = latex.replaceAll("\\^\\{\\(([^()]*)\\)\\}", "^{\u0001$1\u0002}");
      s = s.replaceAll("(?<!\\\\left)\\(", "\\\\left(").replaceAll("(?<!\\\\right)\\)", "\\\\right)");
      return s.replace('\u0001', '(').replace('\u0002', ')');
    }

    /** The functions the printer writes with a bare argument. */
    private static final java.util.regex.Pattern FUNCTION = java.util.regex.Pattern.compile(
        "\\\\(?:ln|sinh|cosh|tanh|coth|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|det|operatorname\\{(?:sech|csch|artanh|arsinh|erf)\\})(?![A-Za-z])(?:\\^\\{\\d+\\})?");

    /**
     * Each bare function argument in brackets, innermost (rightmost) call first, by the
     * printer's rule (energy.print.Notation#isSimpleArgument): the argument is one call, or a
     * run of numbers, letters, commands (β) and braced groups up to a sign, a bracket, a comma,
     * a relation or the next call. Brackets, {@code \frac} and matrices after the name are
     * left alone.
     */
    static String bareArguments(String latex) {
      List<Integer> starts = new ArrayList<>(), ends = new ArrayList<>();
      for (java.util.regex.Matcher m = FUNCTION.matcher(latex); m.find(); ) {
        starts.add(m.start());
        ends.add(m.end());
      }
      String s = latex;
      for (int k = starts.size() - 1; k >= 0; k--) {
        int i = ends.get(k);
        while (i < s.length() && s.charAt(i) == ' ') i++;
        if (s.startsWith("\\left", i) || s.startsWith("\\frac", i) || s.startsWith("\\begin", i)) continue;
        int end = bareEnd(s, i);
        s = s.substring(0, ends.get(k)) + "\\left(" + s.substring(i, end).trim() + "\\right)" + s.substring(end);
      }
      return s;
    }

    private static int bareEnd(String s, int i) {
      java.util.regex.Matcher call = FUNCTION.matcher(s);
      if (call.region(i, s.length()).lookingAt()) {
        int j = call.end();
        while (j < s.length() && s.charAt(j) == ' ') j++;
        if (s.startsWith("\\left(", j)) return matching(s, j + "\\left(".length(), "\\left(", "\\right)");
        if (s.startsWith("\\frac{", j)) return matching(s, matching(s, j + "\\frac{".length(), "{", "}") + 1, "{", "}");
        return bareEnd(s, j);
      }
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '{') {
          i = matching(s, i + 1, "{", "}");
        } else if (c == '_') {
          i++;
        } else if (c == '\\') {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\[A-Za-z]+").matcher(s);
          if (!m.find(i) || m.start() != i) return i;
          String command = m.group();
          if (FUNCTION.matcher(s).region(i, s.length()).lookingAt()) return i;
          if (List.of("\\left", "\\right", "\\frac", "\\cdot", "\\times", "\\sqrt", "\\sum", "\\quad", "\\qquad").contains(command)) return i;
          i = m.end();
        } else if (Character.isLetterOrDigit(c) || c == '.' || c == ' ') {
          i++;
        } else {
          return i;
        }
      }
      return i;
    }

    /** The index after the close that matches an open already passed ({@code from} is just inside it). */
    private static int matching(String s, int from, String open, String close) {
      int depth = 1, i = from;
      while (i < s.length()) {
        if (s.startsWith(open, i)) {
          depth++;
          i += open.length();
        } else if (s.startsWith(close, i)) {
          if (--depth == 0) return i + close.length();
          i += close.length();
        } else i++;
      }
      return i;
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
        String name = escaped ? ((ISymbol) head).getSymbolName() : head == Symja.EXPECTATION ? SymjaForm.EXPECTATION : head == Symja.CUMULANT ? SymjaForm.CUMULANT : null;
        if (SymjaForm.EXPECTATION.equals(name) || SymjaForm.CUMULANT.equals(name)) head = OPAQUE; // a number per argument list
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

  /**
   * Results in matrix notation, at random sizes (1…3) and random values: the symja string, with
   * each vector and matrix symbol replaced by the list of its components' values, against the
   * result instantiated in components ({@link energy.verify.MatrixChecker#evaluate}); a
   * positive-definiteness condition against a Cholesky factorization of the instantiated matrix.
   */
  static final class MatrixValues {
    private final Compilation c;
    private final List<String> failures;
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Map<String, Double> values;

    MatrixValues(Compilation c, long seed, List<String> failures) {
      this.c = c;
      this.failures = failures;
      Random random = new Random(seed);
      for (String size : energy.verify.MatrixChecker.symbolicSizes(c)) sizes.put(size, 1 + random.nextInt(3));
      String temperature = c.model().temperature() == null ? null : c.model().temperature().name();
      values = new HashMap<>() {
        @Override
        public Double get(Object key) {
          return computeIfAbsent((String) key, k -> {
            double u = new Random(seed * 31 + k.hashCode()).nextDouble();
            return k.equals(temperature) ? 0.5 + 1.5 * u : 0.4 * u - 0.2; // small: 1 − BBᵀ stays positive definite
          });
        }
      };
    }

    void compare(String where, IExpr value, JsonNode forms) {
      String symja = forms.get("symja").asText();
      double expected = energy.verify.MatrixChecker.evaluate(value, sizes, values);
      IExpr read = Symja.eval(F.N(substitute(PARSER.parse(symja))));
      if (!read.isReal() || Math.abs(read.evalf() - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
        failures.add(where + " [symja, sizes " + sizes + "]: " + symja + "\n    value " + expected + " vs read back " + read);
    }

    void comparePositiveDefinite(String where, energy.algebra.matrix.MatrixExpr m, JsonNode forms) {
      String symja = forms.get("symja").asText();
      energy.algebra.matrix.Instantiation inst =
          new energy.algebra.matrix.Instantiation(sizes, energy.algebra.matrix.Instantiation.BRACKETS, s -> F.num(values.get(s.getSymbolName())));
      boolean expected = cholesky(inst.entries(m));
      IExpr read = Symja.eval(substitute(PARSER.parse(symja)));
      if (!(expected ? read.isTrue() : read.isFalse()))
        failures.add(where + " [symja, sizes " + sizes + "]: " + symja + " reads back as " + read + ", Cholesky says " + expected);
    }

    private static boolean cholesky(IExpr[][] entries) {
      int n = entries.length;
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++) {
          double sum = Symja.eval(F.N(entries[i][j])).evalf();
          for (int k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
          if (i == j) {
            if (sum <= 0) return false;
            l[i][i] = Math.sqrt(sum);
          } else {
            l[i][j] = sum / l[j][j];
          }
        }
      return true;
    }

    /** Sizes as integers, scalars as values, vectors and matrices as lists of their components' values. */
    private IExpr substitute(IExpr e) {
      if (e.isSymbol() && !e.isBuiltInSymbol()) {
        String name = SymjaForm.decode(((ISymbol) e).getSymbolName());
        if (name == null) return e;
        if (sizes.containsKey(name)) return F.ZZ(sizes.get(name));
        energy.model.Variable v = c.model().variables().get(name);
        if (v == null || v.rank() == 0) return F.num(values.get(name));
        int rows = size(v.shape().get(0));
        if (v.rank() == 1) {
          IExpr[] vector = new IExpr[rows];
          for (int i = 0; i < rows; i++) vector[i] = F.num(values.get(name + "[" + (i + 1) + "]"));
          return F.List(vector);
        }
        int cols = size(v.shape().get(1));
        IExpr[] matrix = new IExpr[rows];
        for (int i = 0; i < rows; i++) {
          IExpr[] row = new IExpr[cols];
          for (int j = 0; j < cols; j++) row[j] = F.num(values.get(name + "[" + (i + 1) + "," + (j + 1) + "]"));
          matrix[i] = F.List(row);
        }
        return F.List(matrix);
      }
      if (!e.isAST()) return e;
      IExpr[] args = new IExpr[e.argSize()];
      for (int i = 1; i <= e.argSize(); i++) args[i - 1] = substitute(e.getAt(i));
      return F.ast(args, substitute(e.head()));
    }

    private int size(energy.model.Dim d) {
      return d.isSymbolic() ? sizes.get(d.name()) : d.size();
    }
  }
}
