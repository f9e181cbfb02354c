package energy.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of a stage, so that one run reports them all. */
public final class Diagnostics {
  private final List<Diagnostic> list = new ArrayList<>();

  public void error(Span span, String message, String hint) {
    list.add(new Diagnostic(span, message, hint));
  }

  public void error(Span span, String message) {
    error(span, message, null);
  }

  public boolean hasErrors() {
    return !list.isEmpty();
  }

  public List<Diagnostic> all() {
    return List.copyOf(list);
  }

  /** Ends a stage: throws if it reported anything (jlox stops after a stage with errors). */
  public void throwIfAny() {
    if (!list.isEmpty()) throw new CompileException(list);
  }
}
