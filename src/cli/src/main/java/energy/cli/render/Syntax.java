package energy.cli.render;

import energy.api.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three document languages and how each marks an energy block and writes math: where a
 * block opens and closes, and what replaces it.
 */
public enum Syntax {
  /** ```` ```energy OPTIONS ```` … ```` ``` ```` → {@code $$\begin{aligned}…\end{aligned}$$} per result. */
  MARKDOWN(Format.WEB, Pattern.compile("^( {0,3})(`{3,}|~{3,})[ \\t]*(?:energy(?=$|[\\s,])(.*)|\\{\\s*\\.energy(?=[\\s}])([^}]*)\\}\\s*)$")) {
    /** The info string's words, or Pandoc's attributes ({@code {.energy .check show="H0"}}). */
    @Override
    String options(Matcher m) {
      return m.group(3) != null ? m.group(3) : m.group(4);
    }

    @Override
    int optionsStart(Matcher m) {
      return m.group(3) != null ? m.start(3) : m.start(4);
    }

    @Override
    boolean closes(Matcher open, String line) {
      String fence = open.group(2);
      String t = line.stripLeading();
      if (line.length() - t.length() > 3 || !t.startsWith(fence)) return false;
      int n = 0;
      while (n < t.length() && t.charAt(n) == fence.charAt(0)) n++;
      return t.substring(n).isBlank();
    }

    @Override
    String closing(Matcher open) {
      return open.group(2);
    }

    @Override
    String codeLine(Matcher open, String line) {
      int indent = open.group(1).length(), strip = 0;
      while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') strip++;
      return line.substring(strip);
    }

    @Override
    void source(StringBuilder out, String code) {
      out.append("```text\n").append(code).append("```\n\n");
    }

    @Override
    void math(StringBuilder out, String rendered) {
      out.append("$$").append(rendered.strip()).append("$$\n\n");
    }
  },
  /** {@code \begin{energy}[OPTIONS]} … {@code \end{energy}} → {@code align*} (the paper renderer). */
  LATEX(Format.LATEX, Pattern.compile("^\\s*\\\\begin\\{energy\\}(?:\\[(.*)\\])?\\s*$")) {
    private final Pattern end = Pattern.compile("^\\s*\\\\end\\{energy\\}\\s*$");

    @Override
    boolean closes(Matcher open, String line) {
      return end.matcher(line).matches();
    }

    @Override
    String closing(Matcher open) {
      return "\\end{energy}";
    }

    @Override
    void source(StringBuilder out, String code) {
      out.append("\\begin{verbatim}\n").append(code).append("\\end{verbatim}\n");
    }

    @Override
    void math(StringBuilder out, String rendered) {
      out.append(rendered.endsWith("\n") ? rendered : rendered + "\n");
    }
  },
  /** {@code [source,energy,OPTIONS]} and a {@code ----} block → {@code [latexmath]} passthrough blocks. */
  ASCIIDOC(Format.WEB, Pattern.compile("^\\[source,\\s*energy\\s*(?:,(.*))?\\]\\s*$")) {
    @Override
    int bodyStart(List<String> lines, int open) {
      return open + 1 < lines.size() && lines.get(open + 1).matches("-{4,}\\s*") ? open + 2 : -1;
    }

    @Override
    boolean closes(Matcher open, String line) {
      return line.matches("-{4,}\\s*");
    }

    @Override
    String closing(Matcher open) {
      return "----";
    }

    @Override
    void source(StringBuilder out, String code) {
      out.append("[source,text]\n----\n").append(code).append("----\n\n");
    }

    @Override
    void math(StringBuilder out, String rendered) {
      out.append("[latexmath]\n++++\n").append(rendered.strip()).append("\n++++\n\n");
    }
  };

  /** The form its math is written in: web-safe for Markdown and AsciiDoc, the paper's for LaTeX. */
  public final Format format;
  final Pattern open;

  Syntax(Format format, Pattern open) {
    this.format = format;
    this.open = open;
  }

  /** The language of a file by its extension; null when the extension says nothing. */
  public static Syntax of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.matches(".*\\.(md|markdown|qmd|rmd)")) return MARKDOWN;
    if (name.matches(".*\\.(tex|latex|ltx)")) return LATEX;
    if (name.matches(".*\\.(adoc|asciidoc|asc)")) return ASCIIDOC;
    return null;
  }

  /** The options text of an opening line matched by {@link #open} (the last group; may be null). */
  String options(Matcher m) {
    return m.group(m.groupCount());
  }

  /** Where the options text starts on the opening line. */
  int optionsStart(Matcher m) {
    return m.start(m.groupCount());
  }

  /** The index of the block's first code line, or -1 when the opening is incomplete. */
  int bodyStart(List<String> lines, int open) {
    return open + 1;
  }

  abstract boolean closes(Matcher open, String line);

  /** What closes the block opened by {@code open}, for the message about a missing one. */
  abstract String closing(Matcher open);

  String codeLine(Matcher open, String line) {
    return line;
  }

  /** Writes the block's source, kept for the reader (option {@code source}), as plain code. */
  abstract void source(StringBuilder out, String code);

  /** Writes one result, rendered in {@link #format}. */
  abstract void math(StringBuilder out, String rendered);
}
