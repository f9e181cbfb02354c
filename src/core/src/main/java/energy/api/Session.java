package energy.api;

import energy.Compilation;
import energy.Compiler;
import energy.diag.Source;
import energy.pipeline.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statements given one at a time, as at a prompt or in the blocks of one document: a later
 * statement may use the units, parameters, energies and results of earlier ones. Each submission
 * is parsed, checked, lowered and transformed once, against what came before; earlier results
 * are not computed again. A submission with an error raises {@link energy.diag.CompileException}
 * and leaves the session exactly as it was.
 */
public final class Session {
  private Workspace state = empty();
  private final StringBuilder text = new StringBuilder();
  private int lines;

  Session() {}

  private static Workspace empty() {
    return Workspace.empty(Map.of(), Compiler.Options.DEFAULT);
  }

  /** Adds statements typed at a prompt; messages name the input {@code <session>}. */
  public List<String> submit(String statements) {
    return submit(statements, "<session>", lines + 1);
  }

  /**
   * Adds statements that come from line {@code firstLine} of the input {@code origin} (a
   * document's block, a prompt), so a message points there. Returns the names of the results
   * the statements produced (a {@code flow} completes its step's result, whose name it returns), in order.
   */
  public List<String> submit(String statements, String origin, int firstLine) {
    state = state.add(new Source(origin, statements, firstLine));
    String piece = statements.endsWith("\n") ? statements : statements + "\n";
    text.append(piece);
    lines += piece.split("\n", -1).length - 1;
    return state.touched();
  }

  /** The names of every result so far, in order. */
  public List<String> resultNames() {
    Compilation c = state.compilation();
    List<String> names = new ArrayList<>();
    if (c != null) c.results().forEach(r -> names.add(r.name()));
    return names;
  }

  /** A result in a format; an unknown name raises {@link IllegalArgumentException}. */
  public String render(String name, Format format) {
    if (state.compilation() == null) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Document(state.compilation()).render(name, format);
  }

  /** A result after the steps that obtained it (a marginal's Gaussian or discrete sums, an expansion's terms). */
  public String render(String name, Format format, boolean steps) {
    if (state.compilation() == null) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Document(state.compilation()).render(name, format, steps);
  }

  /** Everything so far as one document. */
  public Document document() {
    if (state.compilation() == null) throw new IllegalStateException("the session is empty");
    return new Document(state.compilation());
  }

  /** The session's statements as the text of a {@code .energy} file. */
  public String source() {
    return text.toString();
  }

  /**
   * How many statements the session has transformed (marginalized, expanded, stepped, …): each
   * once, however many submissions follow it. For tests and for measuring a session's work.
   */
  public int transforms() {
    return state.transformed();
  }

  /** Forgets every statement. */
  public void reset() {
    state = empty();
    text.setLength(0);
    lines = 0;
  }
}
