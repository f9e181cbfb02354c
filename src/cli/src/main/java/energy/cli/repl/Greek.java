package energy.cli.repl;

import energy.api.Input;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greek letters at the prompt: {@code \beta<TAB>} writes β, and a statement's letters are read
 * as their names (β as {@code beta}), which is how the language spells them and how results
 * print them.
 */
final class Greek {
  private Greek() {}

  /** Letter names in the order they win when two print alike (epsilon over varepsilon). */
  private static final List<String> NAMES =
      List.of(
          "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
          "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "varepsilon", "vartheta", "varpi",
          "varrho", "varsigma", "varphi", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
          "Psi", "Omega");

  /** name → letter, for the names that print as one letter. */
  static final Map<String, String> LETTERS = letters();

  private static Map<String, String> letters() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      String printed = Input.symbol(name);
      if (printed.codePointCount(0, printed.length()) == 1 && printed.charAt(0) > 127) out.put(name, printed);
    }
    return out;
  }

  /** What TAB does after a backslash: the last {@code length} characters become {@code letter}. */
  record Replacement(int length, String letter) {}

  private static final java.util.regex.Pattern BACKSLASHED = java.util.regex.Pattern.compile("\\\\([A-Za-z]+)$");

  /**
   * The letter for text ending in {@code \\name}, or in a prefix that only one name begins;
   * null when there is none or several (JLine's completion then lists them).
   */
  static Replacement complete(String before) {
    java.util.regex.Matcher m = BACKSLASHED.matcher(before);
    if (!m.find()) return null;
    String typed = m.group(1);
    String letter = LETTERS.get(typed);
    if (letter == null) {
      List<String> names = LETTERS.keySet().stream().filter(n -> n.startsWith(typed)).toList();
      if (names.size() != 1) return null;
      letter = LETTERS.get(names.get(0));
    }
    return new Replacement(typed.length() + 1, letter);
  }

  /** The text with every Greek letter replaced by its name. */
  static String toNames(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String letter = new String(Character.toChars(cp));
              String name = cp > 127 ? nameOf(letter) : null;
              out.append(name == null ? letter : name);
            });
    return out.toString();
  }

  private static String nameOf(String letter) {
    for (Map.Entry<String, String> e : LETTERS.entrySet()) if (e.getValue().equals(letter)) return e.getKey();
    return null;
  }
}
