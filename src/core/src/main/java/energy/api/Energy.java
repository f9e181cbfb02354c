package energy.api;

import energy.Compiler;
import energy.diag.CompileException;
import energy.diag.Source;

/**
 * The library's entry point, for programs that embed energy (the REPL and the documentation
 * builds are such clients):
 *
 * <pre>{@code
 * Document d = Energy.compile("model Ising\nspin s1, s2\nparam J\nenergy H(s1, s2) = -J*s1*s2\nZ = partition H\n", "ising.energy");
 * String tex = d.render(Format.LATEX);
 * Session s = Energy.session();
 * s.submit("model M\nreal x\nenergy H(x) = x^2/2");
 * s.submit("Z = partition H");
 * String z = s.render("Z", Format.TEXT);
 * }</pre>
 *
 * Errors in the text raise {@link CompileException}, whose {@link CompileException#render()}
 * is the positioned message ({@code name:line:col: error: …}, the line, a caret and a hint).
 */
public final class Energy {
  static {
    energy.algebra.Symja.configure(); // before anything touches the engine
  }

  private Energy() {}

  /** Compiles a whole {@code .energy} text; {@code name} is the file name used in messages. */
  public static Document compile(String text, String name) {
    return compile(text, name, 1);
  }

  /**
   * Compiles a {@code .energy} text that starts at line {@code firstLine} of a larger document
   * (a block of a Markdown file), so messages point into that document.
   */
  public static Document compile(String text, String name, int firstLine) {
    return new Document(Compiler.compile(new Source(name, text, firstLine)));
  }

  /** A new, empty session: statements one at a time, each may use what came before. */
  public static Session session() {
    return new Session();
  }

  /** This tool's version (the build's project version), as {@code --version} and the JSON {@code tool} field give it. */
  public static String version() {
    return VERSION;
  }

  private static final String VERSION = readVersion();

  private static String readVersion() {
    try (java.io.InputStream in = Energy.class.getResourceAsStream("/energy/version.properties")) {
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("energy/version.properties is missing from the build", e);
    }
  }
}
