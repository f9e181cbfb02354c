package energy.print;

import energy.algebra.Symja;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.form.output.OutputFormFactory;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symja input form (Mathematica syntax) that Symja's parser reads back as the same expression.
 * User names cannot be written as they are: Symja folds the case of symbols ({@code A} and
 * {@code a} would merge), knows many names ({@code E}, {@code I}, {@code N}, {@code Pi},
 * {@code beta} reads as the {@code Beta} function), and {@code h_} or {@code A[1,2]} are
 * patterns and calls. So every symbol that is not one of Symja's own is written {@link #PREFIX}
 * followed by its name with each character outside a–z, 0–9 escaped as in {@link #ESCAPES}:
 * {@code J} → {@code u$$j}, {@code beta} → {@code u$beta}, {@code A[1,2]} → {@code u$$a$11$22$3}.
 * The result contains only a–z, 0–9 and {@code $}, which no built-in name does, in either case.
 */
public final class SymjaForm {
  /** Starts every user symbol; no Symja built-in starts with it. */
  public static final String PREFIX = "u$";

  /**
   * Escapes: {@code $} then a lower-case letter is that letter in upper case; {@code $} then a
   * digit is the character at that position here.
   */
  public static final String ESCAPES = "_[,]^()";

  /** The head of a joint moment ⟨x y⟩, which has no Symja function: not a user name, so not {@code u$…}. */
  public static final String EXPECTATION = "e$expectation";

  /** The head of a joint cumulant κ(x, y). */
  public static final String CUMULANT = "e$cumulant";

  /** The documentation of the scheme, written into the JSON output beside the forms. */
  public static final String DESCRIPTION =
      "Mathematica syntax as Symja parses it. Every user symbol is written " + PREFIX
          + " + its name, with A-Z written $a-$z and the characters " + ESCAPES
          + " written $0-$" + (ESCAPES.length() - 1) + " (J -> u$$j, beta -> u$beta, A[1,2] -> u$$a$11$22$3)."
          + " A joint moment <x y> is " + EXPECTATION + "[x*y], a joint cumulant kappa(x, y) is " + CUMULANT + "[x,y].";

  private SymjaForm() {}

  /**
   * A symbol that prints as {@code (code)} unchanged: a matrix expression inside a scalar form.
   * No user name starts with a bracket, so that marks it.
   */
  public static ISymbol verbatim(String code) {
    return new Symbol("(" + code + ")", Context.DUMMY);
  }

  public static String print(IExpr e) {
    StringBuilder out = new StringBuilder();
    OutputFormFactory form = OutputFormFactory.get(false, false);
    form.setIgnoreNewLine(true); // one line: a JSON string, not a terminal
    form.convert(out, escaped(Notation.released(e)));
    return out.toString();
  }

  /** The symbol name a user (or compiler-made) name is written as. */
  public static String encode(String name) {
    StringBuilder out = new StringBuilder(PREFIX);
    for (char c : name.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.append(c);
      else if (c >= 'A' && c <= 'Z') out.append('$').append(Character.toLowerCase(c));
      else if (ESCAPES.indexOf(c) >= 0) out.append('$').append(ESCAPES.indexOf(c));
      else throw new IllegalArgumentException("no Symja spelling for '" + c + "' in " + name);
    }
    return out.toString();
  }

  /** The name a symbol written by {@link #encode} stands for, or null if it is not one. */
  public static String decode(String symbol) {
    if (!symbol.startsWith(PREFIX)) return null;
    StringBuilder out = new StringBuilder();
    for (int i = PREFIX.length(); i < symbol.length(); i++) {
      char c = symbol.charAt(i);
      if (c != '$') {
        out.append(c);
        continue;
      }
      if (++i == symbol.length()) return null;
      char d = symbol.charAt(i);
      if (d >= 'a' && d <= 'z') out.append(Character.toUpperCase(d));
      else if (d >= '0' && d < '0' + ESCAPES.length()) out.append(ESCAPES.charAt(d - '0'));
      else return null;
    }
    return out.toString();
  }

  private static IExpr escaped(IExpr e) {
    if (e.isSymbol()) {
      ISymbol s = (ISymbol) e;
      if (s.isBuiltInSymbol() || s.getSymbolName().startsWith("(")) return s;
      if (s == Symja.EXPECTATION) return new Symbol(EXPECTATION, Context.DUMMY);
      if (s == Symja.CUMULANT) return new Symbol(CUMULANT, Context.DUMMY);
      return new Symbol(encode(s.getSymbolName()), Context.DUMMY);
    }
    if (!e.isAST()) return e;
    IExpr[] args = new IExpr[e.argSize()];
    for (int i = 1; i <= e.argSize(); i++) args[i - 1] = escaped(e.getAt(i));
    return F.ast(args, escaped(e.head()));
  }
}
