package energy.api;

import energy.diag.CompileException;
import energy.diag.Diagnostic;
import energy.diag.Diagnostics;
import energy.diag.Source;
import energy.model.Stmt;
import energy.syntax.Parser;
import energy.syntax.gen.EnergyLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a front end (the REPL) needs to know about a piece of text before it is submitted: whether
 * the real parser would only ask for more of it, the language's keywords, and what it declares.
 * These parse and never compile, so they are cheap at every key press.
 */
public final class Input {
  private Input() {}

  /**
   * A name a text declares or computes — a size, unit, parameter, temperature, energy, kernel or
   * result — with its kind and the statement that introduced it.
   */
  public record Declaration(String name, String kind, String statement) {}

  /**
   * Whether {@code text} is the beginning of a statement that more text could complete: the
   * parser's first error is that the text ended (an unexpected end of file, an operator with no
   * right operand, a bracket never closed). A text without errors, or with an error anywhere
   * else, is not incomplete; blank text is not either.
   */
  public static boolean incomplete(String text) {
    if (text.isBlank()) return false;
    Optional<Diagnostic> first = syntaxError(text);
    if (first.isEmpty()) return false;
    Diagnostic d = first.get();
    int end = codeEnd(text);
    return d.span().start() >= end
        || d.message().startsWith("expression ends with") && d.span().end() == end
        || d.message().endsWith("is never closed");
  }

  /** Where the code of {@code text} ends: after its last character that is neither blank nor in a comment. */
  private static int codeEnd(String text) {
    int end = 0;
    boolean comment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') comment = false;
      else if (c == '#') comment = true;
      else if (!comment && !Character.isWhitespace(c)) end = i + 1;
    }
    return end;
  }

  /**
   * The parser's first error in {@code text}, if any (names are not resolved). The text is read
   * as a line, ending in a line break, so that an error at its end lies after its last character.
   */
  public static Optional<Diagnostic> syntaxError(String text) {
    Diagnostics diagnostics = new Diagnostics();
    try {
      Parser.parse(new Source("<input>", text.endsWith("\n") ? text : text + "\n"), diagnostics);
    } catch (CompileException e) {
      return e.diagnostics().stream().findFirst();
    }
    return diagnostics.all().stream().findFirst();
  }

  /** The language's keywords, from the grammar's own vocabulary. */
  public static List<String> keywords() {
    List<String> words = new ArrayList<>();
    for (int t = 1; t <= EnergyLexer.VOCABULARY.getMaxTokenType(); t++) {
      String literal = EnergyLexer.VOCABULARY.getLiteralName(t);
      if (literal != null && literal.matches("'[A-Za-z][A-Za-z-]*'")) words.add(literal.substring(1, literal.length() - 1));
    }
    return words;
  }

  /** What {@code text} declares and computes, in statement order; a text with a syntax error, nothing. */
  public static List<Declaration> declarations(String text) {
    Diagnostics diagnostics = new Diagnostics();
    List<Stmt> statements;
    try {
      statements = Parser.parse(new Source("<input>", text), diagnostics).statements();
    } catch (CompileException e) {
      return List.of();
    }
    if (diagnostics.hasErrors()) return List.of();
    List<Declaration> out = new ArrayList<>();
    for (Stmt s : statements) {
      String st = s.span().text().strip();
      if (s instanceof Stmt.DimDecl d) d.dims().forEach(i -> out.add(new Declaration(i.name().text(), "size", st)));
      else if (s instanceof Stmt.UnitDecl u) u.units().forEach(i -> out.add(new Declaration(i.name().text(), u.kind().keyword() + " unit", st)));
      else if (s instanceof Stmt.ParamDecl p) p.params().forEach(i -> out.add(new Declaration(i.name().text(), "parameter", st)));
      else if (s instanceof Stmt.TemperatureDecl t) out.add(new Declaration(t.name().text(), "temperature", st));
      else if (s instanceof Stmt.EnergyDecl e) out.add(new Declaration(e.name().text(), "energy", st));
      else if (s instanceof Stmt.ReducedEnergyDecl e) out.add(new Declaration(e.name().text(), "reduced energy", st));
      else if (s instanceof Stmt.SiteSpinDecl e) out.add(new Declaration(e.name().text(), "spin on sites", st));
      else if (s instanceof Stmt.KernelDecl k) out.add(new Declaration(k.name().text(), "kernel", st));
      else if (s instanceof Stmt.MarginalizeStmt r) out.add(new Declaration(r.result().text(), "marginal", st));
      else if (s instanceof Stmt.PartitionStmt r) out.add(new Declaration(r.result().text(), "partition function", st));
      else if (s instanceof Stmt.MomentStmt r) out.add(new Declaration(r.result().text(), "moment-cumulant identity", st));
      else if (s instanceof Stmt.CouplingsStmt r) out.add(new Declaration(r.energy().text(), "couplings", st));
      else if (s instanceof Stmt.ExpandStmt r) out.add(new Declaration(r.result().text(), "expansion", st));
      else if (s instanceof Stmt.PriorCumulantStmt r) out.add(new Declaration(r.result().text(), "prior cumulants", st));
      else if (s instanceof Stmt.RgStmt r) out.add(new Declaration(r.result().text(), "RG step", st));
      else if (s instanceof Stmt.FlowStmt r) out.add(new Declaration(r.step().text(), "flow", st));
    }
    return out;
  }

  /** How a name prints as text: {@code beta} → β, {@code J12} → J₁₂. */
  public static String symbol(String name) {
    return new energy.print.TextPrinter().symbol(name);
  }
}
