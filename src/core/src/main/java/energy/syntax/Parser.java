package energy.syntax;

import energy.diag.Diagnostics;
import energy.diag.Source;
import energy.diag.Span;
import energy.model.Program;
import energy.syntax.gen.EnergyLexer;
import energy.syntax.gen.EnergyParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Text → {@link Program}: ANTLR's parse, its errors reworded, then the tree → model records. */
public final class Parser {
  private Parser() {}

  public static Program parse(Source source, Diagnostics diagnostics) {
    EnergyLexer lexer = new EnergyLexer(CharStreams.fromString(source.text(), source.path()));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    lexer.removeErrorListeners();
    tokens.fill();
    if (unbalancedBrackets(tokens.getTokens(), source, diagnostics)) return new Program(source, java.util.List.of());
    EnergyParser parser = new EnergyParser(tokens);
    SyntaxErrors listener = new SyntaxErrors(source, diagnostics);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    EnergyParser.ProgramContext tree = parser.program();
    if (diagnostics.hasErrors()) return new Program(source, java.util.List.of());
    return new AstBuilder(source).program(tree);
  }

  private static final java.util.Set<Integer> STATEMENT_STARTS =
      java.util.Set.of(
          EnergyLexer.MODEL, EnergyLexer.DIM, EnergyLexer.SPIN, EnergyLexer.BINARY, EnergyLexer.REAL, EnergyLexer.PARAM,
          EnergyLexer.TEMPERATURE, EnergyLexer.ENERGY, EnergyLexer.COUPLINGS, EnergyLexer.LATTICE, EnergyLexer.REDUCED,
          EnergyLexer.BLOCKS, EnergyLexer.FLOW, EnergyLexer.KERNEL, EnergyLexer.CHECK);

  /**
   * How deeply brackets may nest: the engine evaluates nested calls recursively (its limit is
   * {@link energy.algebra.Symja#RECURSION_LIMIT} frames, two or more per level), and past it
   * would silently return Hold(…) instead of a value.
   */
  public static final int MAX_NESTING = 1000;

  /**
   * Reports a bracket that is never closed where it opens, and a closing one without its
   * opening one where it is: ANTLR would report them later (at the next statement, which it
   * reads as part of the expression) and then cascade. '=' and statement keywords never occur
   * inside brackets, so they end the search for a closing one.
   */
  private static boolean unbalancedBrackets(java.util.List<Token> tokens, Source source, Diagnostics diagnostics) {
    java.util.ArrayDeque<Token> open = new java.util.ArrayDeque<>();
    for (Token t : tokens) {
      String text = t.getText();
      boolean ends = t.getType() == Token.EOF || "=".equals(text) || STATEMENT_STARTS.contains(t.getType());
      if (ends && !open.isEmpty()) {
        Token o = open.getLast();
        String close = o.getText().equals("(") ? ")" : "]";
        diagnostics.error(
            new Span(source, o.getStartIndex(), o.getStopIndex() + 1),
            "'" + o.getText() + "' is never closed",
            "add its '" + close + "' before the end of the expression");
        return true;
      }
      if ("(".equals(text) || "[".equals(text)) {
        open.addLast(t);
        if (open.size() > MAX_NESTING) {
          diagnostics.error(
              new Span(source, t.getStartIndex(), t.getStopIndex() + 1),
              "brackets nested more than " + MAX_NESTING + " deep",
              "name an inner part as an energy of its own, or write the expression flatter");
          return true;
        }
      } else if (")".equals(text) || "]".equals(text)) {
        String want = ")".equals(text) ? "(" : "[";
        if (open.isEmpty() || !open.getLast().getText().equals(want)) {
          diagnostics.error(
              new Span(source, t.getStartIndex(), t.getStopIndex() + 1),
              open.isEmpty() ? "'" + text + "' without its '" + want + "'" : "'" + text + "' closes '" + open.getLast().getText() + "'",
              open.isEmpty() ? "remove it, or add the '" + want + "' it closes" : "close the '" + open.getLast().getText() + "' first");
          return true;
        }
        open.removeLast();
      }
    }
    return false;
  }

  /** Rewords ANTLR's messages ("extraneous input … expecting {…}") into short ones. */
  /** What may follow 'NAME =' in a statement (grammar/Energy.g4). */
  private static final java.util.List<String> OPERATIONS =
      java.util.List.of("marginalize", "partition", "cumulant", "moment", "expand", "rg", "coefficient", "derivative");

  private static final java.util.List<String> STATEMENT_KEYWORDS =
      java.util.List.of("model", "dim", "spin", "binary", "real", "param", "temperature", "energy", "couplings", "lattice", "reduced", "blocks", "flow", "check");

  private static final class SyntaxErrors extends BaseErrorListener {
    private final Source source;
    private final Diagnostics diagnostics;
    private int lastLine = -1;

    SyntaxErrors(Source source, Diagnostics diagnostics) {
      this.source = source;
      this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offending,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      // One error a line: ANTLR's recovery often reports the same mistake several times.
      if (line == lastLine) return;
      lastLine = line;
      Token token = offending instanceof Token t ? t : null;
      int start = token != null && token.getStartIndex() >= 0 ? token.getStartIndex() : 0;
      int end = token != null && token.getStopIndex() >= start ? token.getStopIndex() + 1 : start + 1;
      String found = token == null || token.getType() == Token.EOF ? "end of file" : "'" + token.getText() + "'";
      if (token != null && token.getType() == Token.EOF) {
        start = Math.max(0, source.text().length() - 1);
        end = start + 1;
      }
      Span span = new Span(source, start, end);
      // Free-form statements: `H = -J*s*` followed by `Z = …` reads Z as the missing operand
      // and fails at '='. Point at the dangling operator instead.
      Token dangling = danglingOperator(recognizer, token);
      if (dangling != null) {
        diagnostics.error(
            new Span(source, dangling.getStartIndex(), dangling.getStopIndex() + 1),
            "expression ends with '" + dangling.getText() + "'",
            token.getType() == Token.EOF
                ? "give its right operand, or remove the operator"
                : "give its right operand, or remove the operator; a new statement starts on line " + line);
        return;
      }
      Token word = misspelledKeyword(recognizer, token);
      if (word != null) {
        String guess = closest(word.getText());
        diagnostics.error(
            new Span(source, word.getStartIndex(), word.getStopIndex() + 1),
            "unknown statement '" + word.getText() + "'",
            (guess == null ? "" : "did you mean '" + guess + "'? ")
                + "statements begin with " + String.join(", ", STATEMENT_KEYWORDS) + ", or NAME = …");
        return;
      }
      Token operation = misspelledOperation(recognizer, token);
      if (operation != null) {
        String guess = closest(operation.getText(), OPERATIONS);
        diagnostics.error(
            new Span(source, operation.getStartIndex(), operation.getStopIndex() + 1),
            "unknown operation '" + operation.getText() + "'",
            (guess == null ? "" : "did you mean '" + guess + "'? ") + "after NAME = come " + String.join(", ", OPERATIONS)
                + ", or a result's name G followed by its query: G where …, G at …");
        return;
      }
      if (token != null && token.getType() == EnergyLexer.NUMBER_NAME) {
        diagnostics.error(span, numberName(token.getText()), numberNameHint(token.getText()));
        return;
      }
      if (token != null && token.getType() == EnergyLexer.ANY) {
        diagnostics.error(span, "unexpected character " + visible(token.getText()),
            "allowed are names, numbers, + - * / ^ . ( ) [ ] , = and # comments");
        return;
      }
      String expected = expected(msg);
      String message = "unexpected " + found + (expected.isEmpty() ? "" : ", expected " + expected);
      diagnostics.error(span, message, hint(token, msg));
    }

    /**
     * The operator an expression ends with: before end of file, or before a name that starts a
     * new line and is followed by '=' (the next statement, read as the missing operand).
     */
    private static Token danglingOperator(Recognizer<?, ?> recognizer, Token token) {
      if (token == null || !(recognizer instanceof org.antlr.v4.runtime.Parser p)) return null;
      org.antlr.v4.runtime.TokenStream tokens = p.getInputStream();
      int i = token.getTokenIndex();
      Token op;
      if (token.getType() == Token.EOF && i >= 1) op = tokens.get(i - 1);
      else if ("=".equals(token.getText()) && i >= 2 && tokens.get(i - 1).getLine() > tokens.get(i - 2).getLine())
        op = tokens.get(i - 2);
      else return null;
      return op.getText().length() == 1 && "+-*/^.".contains(op.getText()) ? op : null;
    }

    /** A name starting its line, not followed by '=': a misspelled keyword such as {@code spn s}. */
    private static Token misspelledKeyword(Recognizer<?, ?> recognizer, Token token) {
      if (token == null || "=".equals(token.getText()) || !(recognizer instanceof org.antlr.v4.runtime.Parser p))
        return null;
      org.antlr.v4.runtime.TokenStream tokens = p.getInputStream();
      int i = token.getTokenIndex();
      if (i < 1) return null;
      Token word = tokens.get(i - 1);
      boolean startsLine = i < 2 || tokens.get(i - 2).getLine() < word.getLine();
      return word.getType() == EnergyLexer.ID && startsLine && word.getLine() == token.getLine() ? word : null;
    }

    /** A name right after 'NAME =' where an operation belongs: a misspelled 'marginalize'. */
    private static Token misspelledOperation(Recognizer<?, ?> recognizer, Token token) {
      if (token == null || token.getType() != EnergyLexer.ID || !(recognizer instanceof org.antlr.v4.runtime.Parser p)) return null;
      org.antlr.v4.runtime.TokenStream tokens = p.getInputStream();
      int i = token.getTokenIndex();
      // 'F = marginalise H', 'F = frobnicate H': the word after '=' reads as a query's target until
      // 'where' or 'at' is missing; two names in a row are no expression, so the word was meant as an operation.
      boolean beforeName = i >= 3 && tokens.get(i - 1).getType() == EnergyLexer.ID && "=".equals(tokens.get(i - 2).getText());
      if (beforeName) token = tokens.get(--i);
      boolean afterAssignment = i >= 2 && "=".equals(tokens.get(i - 1).getText()) && tokens.get(i - 2).getType() == EnergyLexer.ID;
      boolean startsStatement = i < 3 || tokens.get(i - 3).getLine() < tokens.get(i - 2).getLine();
      return afterAssignment && startsStatement && (beforeName || closest(token.getText(), OPERATIONS) != null) ? token : null;
    }

    private static String closest(String word) {
      return closest(word, STATEMENT_KEYWORDS);
    }

    /** The keyword within edit distance 2 of a word, or null. */
    private static String closest(String word, java.util.List<String> keywords) {
      String best = null;
      int bestDistance = 3;
      for (String k : keywords) {
        int d = distance(word, k);
        if (d < bestDistance) {
          bestDistance = d;
          best = k;
        }
      }
      return best;
    }

    private static int distance(String a, String b) {
      int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) prev[j] = j;
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++)
          cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }

    private static final java.util.regex.Pattern EXPONENT = java.util.regex.Pattern.compile("([0-9.]+)[eE]([+-]?[0-9]+)");

    private static String numberName(String text) {
      return EXPONENT.matcher(text).matches()
          ? "exponent notation '" + text + "' is not supported (numbers are exact)"
          : "a number runs into a name: '" + text + "'";
    }

    private static String numberNameHint(String text) {
      java.util.regex.Matcher m = EXPONENT.matcher(text);
      if (m.matches()) {
        String exponent = m.group(2).replace("+", "");
        String power = "10^" + (exponent.startsWith("-") ? "(" + exponent + ")" : exponent);
        return "write " + (m.group(1).equals("1") ? power : m.group(1) + "*" + power);
      }
      int split = 0;
      while (split < text.length() && (Character.isDigit(text.charAt(split)) || text.charAt(split) == '.')) split++;
      return "write " + text.substring(0, split) + "*" + text.substring(split) + " for the product";
    }

    /** A character as quoted text, or its code point when a terminal would not show it (NUL, controls, format characters). */
    private static String visible(String text) {
      int c = text.codePointAt(0);
      boolean shows = !Character.isISOControl(c) && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT && Character.isDefined(c);
      return shows ? "'" + text + "'" : String.format(java.util.Locale.ROOT, "U+%04X", c);
    }

    private static String expected(String msg) {
      int at = msg.indexOf("expecting ");
      if (at < 0) return "";
      String list = msg.substring(at + "expecting ".length()).replace("{", "").replace("}", "");
      // Items are quoted tokens or names, a quoted ',' among them.
      String[] items = java.util.regex.Pattern.compile("'[^']*'|[^,\\s]+").matcher(list).results().map(java.util.regex.MatchResult::group).toArray(String[]::new);
      if (items.length > 4) return "a statement or an expression";
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < items.length; i++) {
        if (i > 0) out.append(i == items.length - 1 ? " or " : ", ");
        out.append(describe(items[i].trim()));
      }
      return out.toString();
    }

    private static String describe(String token) {
      switch (token) {
        case "ID":
          return "a name";
        case "INT":
          return "an integer";
        case "NUMBER":
          return "a number";
        case "<EOF>":
          return "end of file";
        default:
          return token;
      }
    }

    private static String hint(Token token, String msg) {
      if (token != null && "=".equals(token.getText()))
        return "after 'NAME =' comes marginalize, partition, expand, cumulant, moment, rg, coefficient, derivative, or a name with 'where' or 'at'";
      return "see the language reference in README.md";
    }
  }
}
