package energy.diag;

/** One message about the user's input: where, what, and (optionally) how to fix it. */
public record Diagnostic(Span span, String message, String hint) {

  /**
   * Renders as {@code path:line:col: error: message}, the source line, a caret under the
   * span and the hint, the layout of compilers a physicist already knows (gcc, javac).
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(span).append(": error: ").append(message).append('\n');
    int line = span.line();
    String text = span.source().lineText(line);
    out.append("    ").append(text).append('\n');
    int col = span.column();
    int endOnLine = Math.min(span.end(), span.start() + Math.max(1, text.length() - col + 1));
    int width = Math.max(1, endOnLine - span.start());
    // The caret's indent copies the line's tabs, so a terminal aligns it under the same character.
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < Math.min(col - 1, text.length()); i++) indent.append(text.charAt(i) == '\t' ? '\t' : ' ');
    indent.append(" ".repeat(Math.max(0, col - 1 - text.length())));
    out.append("    ")
        .append(indent)
        .append('^')
        .append("~".repeat(width - 1))
        .append('\n');
    if (hint != null && !hint.isEmpty()) out.append("hint: ").append(hint).append('\n');
    return out.toString();
  }
}
