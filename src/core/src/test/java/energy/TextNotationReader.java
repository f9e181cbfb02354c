package energy;

import energy.print.SymjaForm;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads our Unicode text notation back as Symja input, independently of the printer: − is
 * minus, · and juxtaposition multiply, superscript digits are powers, √ a square root, ½ a
 * rational, {@code ln( cosh( σ(} known functions, ⟨…⟩ an expectation, κ(…) a joint cumulant,
 * |…| an absolute value. User names are recognized by the longest match against the printed
 * names of the model's symbols ({@code names}: printed text → name), and written in
 * {@link SymjaForm}'s escaped spelling so one decoder serves both forms.
 */
final class TextNotationReader {
  private static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

  static {
    String[][] table = {
      {"ln", "Log"}, {"exp", "Exp"}, {"sin", "Sin"}, {"cos", "Cos"}, {"tan", "Tan"}, {"cot", "Cot"},
      {"sec", "Sec"}, {"csc", "Csc"}, {"sinh", "Sinh"}, {"cosh", "Cosh"}, {"tanh", "Tanh"},
      {"coth", "Coth"}, {"sech", "Sech"}, {"csch", "Csch"}, {"arcsin", "ArcSin"},
      {"arccos", "ArcCos"}, {"arctan", "ArcTan"}, {"artanh", "ArcTanh"}, {"erf", "Erf"},
      {"σ", "LogisticSigmoid"}, {"det", "Det"}, {"κ", SymjaForm.CUMULANT},
    };
    for (String[] row : table) FUNCTIONS.put(row[0] + "(", row[1]);
  }

  private static final Map<String, String> CONSTANTS =
      Map.of("π", "Pi", "e", "E", "i", "I", "∞", "Infinity");

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("−", "-"), Map.entry("+", "+"), Map.entry("·", "*"), Map.entry("×", "*"),
          Map.entry("/", "/"), Map.entry("^", "^"), Map.entry("=", "=="), Map.entry("≠", "!="),
          Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry(">", ">"), Map.entry("<", "<"),
          Map.entry("∧", "&&"), Map.entry("∨", "||"), Map.entry(",", ","));

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private static final Map<Character, String> VULGAR =
      Map.ofEntries(
          Map.entry('½', "1/2"), Map.entry('⅓', "1/3"), Map.entry('⅔', "2/3"), Map.entry('¼', "1/4"),
          Map.entry('¾', "3/4"), Map.entry('⅕', "1/5"), Map.entry('⅖', "2/5"), Map.entry('⅗', "3/5"),
          Map.entry('⅘', "4/5"), Map.entry('⅙', "1/6"), Map.entry('⅚', "5/6"), Map.entry('⅐', "1/7"),
          Map.entry('⅛', "1/8"), Map.entry('⅜', "3/8"), Map.entry('⅝', "5/8"), Map.entry('⅞', "7/8"),
          Map.entry('⅑', "1/9"), Map.entry('⅒', "1/10"));

  private final Map<String, String> names;

  /** @param names printed text of each user name → the name */
  TextNotationReader(Map<String, String> names) {
    this.names = names;
  }

  /** Symja input for {@code text}; throws IllegalArgumentException where it cannot read on. */
  String toSymja(String text) {
    StringBuilder out = new StringBuilder();
    Deque<String> closers = new ArrayDeque<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      String name = longest(text, i, names.keySet());
      String function = longest(text, i, FUNCTIONS.keySet());
      if (function != null && (name == null || function.length() > name.length())) {
        out.append(' ').append(FUNCTIONS.get(function)).append('[');
        closers.push("]");
        i += function.length();
        continue;
      }
      if (name != null) {
        out.append(' ').append(SymjaForm.encode(names.get(name)));
        i = powers(text, i + name.length(), out);
        continue;
      }
      String constant = longest(text, i, CONSTANTS.keySet());
      if (constant != null) {
        out.append(' ').append(CONSTANTS.get(constant));
        i = powers(text, i + constant.length(), out);
        continue;
      }
      if (Character.isDigit(c) || c == '.') {
        int j = i;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) j++;
        out.append(' ').append(text, i, j);
        i = powers(text, j, out);
        continue;
      }
      if (VULGAR.containsKey(c)) {
        out.append(" (").append(VULGAR.get(c)).append(')');
        i++;
        continue;
      }
      if (c == '√') {
        out.append(" Sqrt[");
        i++;
        if (i < text.length() && text.charAt(i) == '(') {
          closers.push("]");
          i++;
          continue;
        }
        int before = out.length();
        i = atom(text, i, out);
        if (out.length() == before) throw new IllegalArgumentException("√ without an argument at " + i + " in " + text);
        out.append(']');
        continue;
      }
      if (c == '(' || c == '[' || c == '⟨') {
        out.append(c == '(' ? " (" : c == '[' ? " {" : " " + SymjaForm.EXPECTATION + "[");
        closers.push(c == '(' ? ")" : c == '[' ? "}" : "]");
        i++;
        continue;
      }
      if (c == ')' || c == ']' || c == '⟩') {
        if (closers.isEmpty()) throw new IllegalArgumentException("unbalanced " + c + " in " + text);
        out.append(closers.pop());
        i = powers(text, i + 1, out);
        continue;
      }
      if (c == '|') {
        if (!closers.isEmpty() && closers.peek().equals("|")) {
          closers.pop();
          out.append(']');
          i = powers(text, i + 1, out);
        } else {
          closers.push("|");
          out.append(" Abs[");
          i++;
        }
        continue;
      }
      String op = OPERATORS.get(String.valueOf(c));
      if (op != null) {
        out.append(' ').append(op).append(' ');
        i = c == '×' ? i + 1 : i + 1;
        continue;
      }
      if (SUPERSCRIPTS.indexOf(c) >= 0 || c == '⁻') {
        i = powers(text, i, out);
        continue;
      }
      throw new IllegalArgumentException("cannot read '" + c + "' at " + i + " in " + text);
    }
    if (!closers.isEmpty()) throw new IllegalArgumentException("unclosed bracket in " + text);
    return out.toString();
  }

  /** One name, constant or number (the argument of a bare √). */
  private int atom(String text, int i, StringBuilder out) {
    String name = longest(text, i, names.keySet());
    if (name != null) {
      out.append(SymjaForm.encode(names.get(name)));
      return i + name.length();
    }
    String constant = longest(text, i, CONSTANTS.keySet());
    if (constant != null) {
      out.append(CONSTANTS.get(constant));
      return i + constant.length();
    }
    int j = i;
    while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) j++;
    out.append(text, i, j);
    return j;
  }

  /** Superscript digits (with ⁻) after an operand: a power. */
  private static int powers(String text, int i, StringBuilder out) {
    int j = i;
    StringBuilder exponent = new StringBuilder();
    while (j < text.length()) {
      char c = text.charAt(j);
      int d = SUPERSCRIPTS.indexOf(c);
      if (d >= 0) exponent.append(d);
      else if (c == '⁻') exponent.append('-');
      else break;
      j++;
    }
    if (exponent.length() > 0) out.append("^(").append(exponent).append(')');
    return j;
  }

  private static String longest(String text, int i, Iterable<String> candidates) {
    String best = null;
    for (String s : candidates)
      if (text.startsWith(s, i) && (best == null || s.length() > best.length())) best = s;
    return best;
  }
}
