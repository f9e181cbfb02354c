package energy.cli.repl;

import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * How the REPL marks what it prints: nothing (script mode, a pipe, NO_COLOR), or ANSI colours on
 * an interactive terminal — the prompt bold, {@code Out[n]:} green, errors red — written by JLine.
 */
final class Colours {
  static final Colours NONE = new Colours(false);
  static final Colours ANSI = new Colours(true);

  private final boolean on;

  private Colours(boolean on) {
    this.on = on;
  }

  /** Colour unless NO_COLOR is set to something (https://no-color.org). */
  static boolean wanted(Map<String, String> environment) {
    String v = environment.get("NO_COLOR");
    return v == null || v.isEmpty();
  }

  String prompt(String text) {
    return paint(text, AttributedStyle.BOLD.foreground(AttributedStyle.BLUE));
  }

  String result(String label) {
    return paint(label, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
  }

  String error(String text) {
    return paint(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
  }

  private String paint(String text, AttributedStyle style) {
    return on ? new AttributedString(text, style).toAnsi() : text;
  }
}
