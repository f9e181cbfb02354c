package energy.diag;

import java.util.List;

/** Raised when a stage has reported errors; the CLI prints them and exits with status 1. */
public final class CompileException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public CompileException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "compilation failed" : diagnostics.get(0).message());
    this.diagnostics = List.copyOf(diagnostics);
  }

  public CompileException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) out.append(d.render());
    return out.toString();
  }
}
