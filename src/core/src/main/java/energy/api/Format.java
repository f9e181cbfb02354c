package energy.api;

/** The forms a result can be written in. */
public enum Format {
  /** LaTeX for a paper: {@code align*} rows, to paste into a document that loads amsmath and amssymb. */
  LATEX,
  /**
   * LaTeX for the web: one {@code aligned} block (or a single line) per result, which KaTeX and
   * MathJax accept in display math.
   */
  WEB,
  /** Unicode text, as on a terminal. */
  TEXT,
  /** The versioned JSON document (see the schema in the repository). */
  JSON
}
