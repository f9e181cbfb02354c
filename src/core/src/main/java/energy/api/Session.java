package energy.api;

import energy.Compilation;
import energy.Compiler;
import energy.diag.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Statements given one at a time, as at a prompt or in the blocks of one document: a later
 * statement may use the units, parameters, energies and results of earlier ones. A statement
 * with an error raises {@link energy.diag.CompileException} and leaves the session as it was.
 *
 * <p>Today each submission compiles the session's whole text again (correct, not fast); the
 * result model's one pipeline will compile only the new statements.
 */
public final class Session {
  private final StringBuilder text = new StringBuilder();
  private int lines;
  private Compilation compilation;

  Session() {}

  /** Adds statements typed at a prompt; messages name the input {@code <session>}. */
  public List<String> submit(String statements) {
    return submit(statements, "<session>", lines + 1);
  }

  /**
   * Adds statements that come from line {@code firstLine} of the input {@code origin} (a
   * document's block, a prompt), so a message points there. Returns the names of the results
   * the statements produced, in order.
   */
  public List<String> submit(String statements, String origin, int firstLine) {
    String before = text.toString();
    String combined = before + statements + (statements.endsWith("\n") ? "" : "\n");
    int previousLines = before.isEmpty() ? 0 : before.split("\n", -1).length - 1;
    Compilation c = Compiler.compile(new Source(origin, combined, firstLine - previousLines));
    Set<String> old = new LinkedHashSet<>(compilation == null ? List.of() : new Document(compilation).resultNames());
    List<String> added = new ArrayList<>();
    for (String name : new Document(c).resultNames()) if (!old.contains(name)) added.add(name);
    text.setLength(0);
    text.append(combined);
    lines = combined.split("\n", -1).length - 1;
    compilation = c;
    return added;
  }

  /** The names of every result so far, in order. */
  public List<String> resultNames() {
    return compilation == null ? List.of() : new Document(compilation).resultNames();
  }

  /** A result in a format; an unknown name raises {@link IllegalArgumentException}. */
  public String render(String name, Format format) {
    if (compilation == null) throw new IllegalArgumentException("no result named '" + name + "'");
    return new Document(compilation).render(name, format);
  }

  /** Everything so far as one document. */
  public Document document() {
    if (compilation == null) throw new IllegalStateException("the session is empty");
    return new Document(compilation);
  }

  /** The session's statements as the text of a {@code .energy} file. */
  public String source() {
    return text.toString();
  }

  /** Forgets every statement. */
  public void reset() {
    text.setLength(0);
    lines = 0;
    compilation = null;
  }
}
