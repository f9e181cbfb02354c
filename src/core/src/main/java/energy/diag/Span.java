package energy.diag;

/** A range [start, end) of characters in a source; every model record carries one. */
public record Span(Source source, int start, int end) {
  public int line() {
    return source.line(start);
  }

  public int column() {
    return source.column(start);
  }

  public String text() {
    return source.text().substring(start, Math.min(end, source.text().length()));
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
  }

  @Override
  public String toString() {
    return source.path() + ":" + line() + ":" + column();
  }
}
