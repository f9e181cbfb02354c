package energy.present;

import java.util.List;
import java.util.Optional;

/** One element of a presentation: equations, prose, conditions, definitions, tables. */
public sealed interface Part {
  /** {@code lhs = rhs}, with a parenthetical remark after it. */
  record Equation(Math lhs, Math rhs, Optional<String> remark) implements Part {
    public Equation(Math lhs, Math rhs) {
      this(lhs, rhs, Optional.empty());
    }
  }

  /** A row of words with inline math. */
  record Prose(List<Inline> pieces) implements Part {
    public Prose {
      pieces = List.copyOf(pieces);
    }
  }

  /** What must hold for the result (a Gaussian's curvature positive, a matrix positive definite). */
  record Conditions(List<Math> relations) implements Part {}

  /** Definitions of symbols the result is written in (κₙ⁽ʲ⁾, generated couplings), with a sentence before them. */
  record Where(Prose intro, List<Equation> definitions) implements Part {}

  /** A result's body under its heading: the equations that belong to it. */
  record Section(Optional<Prose> heading, List<Part> body) implements Part {}

  /** A short statement in words standing on its own row ("all couplings vanish"). */
  record Note(String text) implements Part {}

  /** A table (fixed points of a flow), with a caption and sentences after it. */
  record Table(Prose caption, List<Column> columns, List<List<Cell>> rows, List<Prose> notes) implements Part {}

  /** A piece of prose: words, or math set inline. */
  sealed interface Inline {
    record Words(String text) implements Inline {}

    record InlineMath(Math math) implements Inline {}
  }

  /** What a column of a fixed-point table holds; {@code coupling} names the coupling of a coordinate column. */
  record Column(Kind kind, String coupling) {
    public enum Kind {
      COORDINATE,
      EIGENVALUES,
      EXPONENTS,
      NU,
      Y_H,
      BETA_OVER_NU,
      GAMMA_OVER_NU,
      STABILITY
    }
  }

  /** A table cell: numbers (several eigenvalues in one cell), a word, or nothing. */
  sealed interface Cell {
    record Values(List<Math> values) implements Cell {}

    record Word(String text) implements Cell {}

    record Missing() implements Cell {}
  }
}
