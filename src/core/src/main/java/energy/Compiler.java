package energy;

import energy.diag.Source;
import energy.pipeline.Workspace;
import java.util.Map;

/**
 * Compiles a .energy text: its statements added to an empty {@link Workspace}, whose pass list is
 * parse → check → lower → transform each statement.
 */
public final class Compiler {
  private Compiler() {}

  /**
   * @param substitute write every expansion's cumulants in closed form, as if each said 'substituted'
   * @param simplify rewrite results into their shortest verified forms (off only to compare with them)
   */
  public record Options(boolean substitute, boolean simplify) {
    public static final Options DEFAULT = new Options(false);

    public Options(boolean substitute) {
      this(substitute, true);
    }

    /** The same options with results left as the transforms made them. */
    public Options unsimplified() {
      return new Options(substitute, false);
    }
  }

  public static Compilation compile(Source source) {
    return compile(source, Map.of(), Options.DEFAULT);
  }

  public static Compilation compile(Source source, Options options) {
    return compile(source, Map.of(), options);
  }

  /** Compiles with values for symbolic sizes ({@code dim n}), e.g. to instantiate a symbolic model. */
  public static Compilation compile(Source source, Map<String, Integer> sizes) {
    return compile(source, sizes, Options.DEFAULT);
  }

  public static Compilation compile(Source source, Map<String, Integer> sizes, Options options) {
    return Workspace.empty(sizes, options).add(source).compilation();
  }
}
