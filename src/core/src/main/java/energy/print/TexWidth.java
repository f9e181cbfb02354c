package energy.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How wide TeX sets a piece of LaTeX math in display style at 10pt with Computer Modern, in
 * points: a small model of TeX's math typesetting (The TeXbook, appendix G) over the glyph
 * metrics of {@link CmMetrics}. It reads any LaTeX the printers produce, token by token: italic
 * letters and upright digits and operators, inter-atom spacing by atom class (thin/medium/thick,
 * none in scripts where TeX drops it), sub- and superscripts at 7pt and 5pt, {@code \frac} as the
 * wider of numerator and denominator, {@code \left…\right} sized to the height of their content,
 * {@code \bigl} and friends at their fixed sizes, {@code \text} in roman. Unknown commands count
 * as one letter. It is the one width model of the printed LaTeX: the renderer breaks rows by it,
 * the printer chooses {@code e^{…}} or {@code \exp(…)} by it; {@code LineFillTest} compares it with TeX.
 */
public final class TexWidth {
  private enum Type { ORD, OP, BIN, REL, OPEN, CLOSE, PUNCT, INNER }

  /** A box: width, height above the baseline, depth below it (points). */
  private record Box(double w, double h, double d) {
    static final Box EMPTY = new Box(0, 0, 0);
  }

  /** One atom of a math list; a {@code kern} (explicit space) has no type. */
  private static final class Atom {
    Type type;
    Box nucleus;
    /** The italic correction of a single italic glyph; 0 for anything else. */
    double italic;
    boolean limits;
    Box sup, sub;
    double kern;

    Atom(Type type, Box nucleus) {
      this.type = type;
      this.nucleus = nucleus;
    }
  }

  // Font rows of CmMetrics by size index (0: 10pt, 1: 7pt, 2: 5pt).
  private static final int CMR = 0, CMMI = 3, CMSY = 6, CMBX = 9;
  private static final double[] POINTS = {10, 7, 5};
  /** cmsy10 parameters (em): superscript and subscript shifts, fraction shifts, axis. */
  private static final double SUP1 = 0.412892, SUP2 = 0.362892, SUB1 = 0.15, SUB2 = 0.247217, SUPDROP = 0.386108, SUBDROP = 0.05;
  private static final double NUM1 = 0.676508, NUM2 = 0.393732, DENOM1 = 0.685951, DENOM2 = 0.344841, AXIS = 0.25, XHEIGHT = 0.430555;
  private static final double RULE = 0.4, NULL_DELIMITER = 1.2, SCRIPT_SPACE = 0.5, DELIMITER_SHORTFALL = 5, DELIMITER_FACTOR = 0.901;
  /** cmex10 sizes of ( [ { | after the text size: total height and width in em (\big, \Big, \bigg, \Bigg, then extensible). */
  private static final double[] BIG_HEIGHT = {1.2, 1.8, 2.4, 3.0};
  private static final Map<Character, double[]> BIG_WIDTH = Map.of(
      '(', new double[] {0.458, 0.597, 0.736, 0.875}, '[', new double[] {0.417, 0.472, 0.528, 0.583},
      '{', new double[] {0.583, 0.667, 0.750, 0.806}, '|', new double[] {0.333, 0.333, 0.333, 0.333}, '<', new double[] {0.472, 0.528, 0.611, 0.694});

  /** Inter-atom spacing, TeX's math_spacing: 0 none, 1 thin unless in a script, 2 thin, 3 medium unless script, 4 thick unless script. */
  private static final String[] SPACING = {"02340001", "22*40001", "33**3**3", "44*04004", "00*00000", "02340001", "11*11111", "12341011"};

  private static final Map<String, Integer> GREEK = Map.ofEntries(
      Map.entry("alpha", 0x0B), Map.entry("beta", 0x0C), Map.entry("gamma", 0x0D), Map.entry("delta", 0x0E), Map.entry("epsilon", 0x0F),
      Map.entry("zeta", 0x10), Map.entry("eta", 0x11), Map.entry("theta", 0x12), Map.entry("iota", 0x13), Map.entry("kappa", 0x14),
      Map.entry("lambda", 0x15), Map.entry("mu", 0x16), Map.entry("nu", 0x17), Map.entry("xi", 0x18), Map.entry("pi", 0x19),
      Map.entry("rho", 0x1A), Map.entry("sigma", 0x1B), Map.entry("tau", 0x1C), Map.entry("upsilon", 0x1D), Map.entry("phi", 0x1E),
      Map.entry("chi", 0x1F), Map.entry("psi", 0x20), Map.entry("omega", 0x21), Map.entry("varepsilon", 0x22), Map.entry("vartheta", 0x23),
      Map.entry("varpi", 0x24), Map.entry("varrho", 0x25), Map.entry("varsigma", 0x26), Map.entry("varphi", 0x27), Map.entry("partial", 0x40),
      Map.entry("ell", 0x60), Map.entry("imath", 0x7B), Map.entry("hbar", 0x7E));
  private static final Map<String, Integer> UPPER_GREEK = Map.ofEntries(
      Map.entry("Gamma", 0), Map.entry("Delta", 1), Map.entry("Theta", 2), Map.entry("Lambda", 3), Map.entry("Xi", 4), Map.entry("Pi", 5),
      Map.entry("Sigma", 6), Map.entry("Upsilon", 7), Map.entry("Phi", 8), Map.entry("Psi", 9), Map.entry("Omega", 10));
  /** cmsy glyphs: code and atom class. */
  private static final Map<String, Object[]> SYMBOLS = Map.ofEntries(
      Map.entry("cdot", new Object[] {0x01, Type.BIN}), Map.entry("times", new Object[] {0x02, Type.BIN}), Map.entry("ast", new Object[] {0x03, Type.BIN}),
      Map.entry("pm", new Object[] {0x06, Type.BIN}), Map.entry("mp", new Object[] {0x07, Type.BIN}), Map.entry("oplus", new Object[] {0x08, Type.BIN}),
      Map.entry("otimes", new Object[] {0x0A, Type.BIN}), Map.entry("circ", new Object[] {0x0E, Type.BIN}), Map.entry("bullet", new Object[] {0x0F, Type.BIN}),
      Map.entry("setminus", new Object[] {0x6E, Type.BIN}), Map.entry("cup", new Object[] {0x5B, Type.BIN}), Map.entry("cap", new Object[] {0x5C, Type.BIN}),
      Map.entry("wedge", new Object[] {0x5E, Type.BIN}), Map.entry("vee", new Object[] {0x5F, Type.BIN}),
      Map.entry("leq", new Object[] {0x14, Type.REL}), Map.entry("le", new Object[] {0x14, Type.REL}), Map.entry("geq", new Object[] {0x15, Type.REL}),
      Map.entry("ge", new Object[] {0x15, Type.REL}), Map.entry("succ", new Object[] {0x1F, Type.REL}), Map.entry("prec", new Object[] {0x1E, Type.REL}),
      Map.entry("succeq", new Object[] {0x17, Type.REL}), Map.entry("preceq", new Object[] {0x16, Type.REL}), Map.entry("to", new Object[] {0x21, Type.REL}),
      Map.entry("rightarrow", new Object[] {0x21, Type.REL}), Map.entry("leftarrow", new Object[] {0x20, Type.REL}), Map.entry("mapsto", new Object[] {0x21, Type.REL}),
      Map.entry("mid", new Object[] {0x6A, Type.REL}), Map.entry("in", new Object[] {0x32, Type.REL}), Map.entry("ni", new Object[] {0x33, Type.REL}),
      Map.entry("subset", new Object[] {0x1A, Type.REL}), Map.entry("supset", new Object[] {0x1B, Type.REL}), Map.entry("sim", new Object[] {0x18, Type.REL}),
      Map.entry("simeq", new Object[] {0x27, Type.REL}), Map.entry("approx", new Object[] {0x19, Type.REL}), Map.entry("equiv", new Object[] {0x11, Type.REL}),
      Map.entry("propto", new Object[] {0x2F, Type.REL}), Map.entry("ll", new Object[] {0x1C, Type.REL}), Map.entry("gg", new Object[] {0x1D, Type.REL}),
      Map.entry("Rightarrow", new Object[] {0x29, Type.REL}), Map.entry("Leftrightarrow", new Object[] {0x2C, Type.REL}),
      Map.entry("infty", new Object[] {0x31, Type.ORD}), Map.entry("prime", new Object[] {0x30, Type.ORD}), Map.entry("forall", new Object[] {0x38, Type.ORD}),
      Map.entry("exists", new Object[] {0x39, Type.ORD}), Map.entry("neg", new Object[] {0x3A, Type.ORD}), Map.entry("emptyset", new Object[] {0x3B, Type.ORD}),
      Map.entry("nabla", new Object[] {0x72, Type.ORD}), Map.entry("top", new Object[] {0x3E, Type.ORD}), Map.entry("bot", new Object[] {0x3F, Type.ORD}),
      Map.entry("dagger", new Object[] {0x79, Type.BIN}), Map.entry("vert", new Object[] {0x6A, Type.ORD}), Map.entry("|", new Object[] {0x6B, Type.ORD}),
      Map.entry("Vert", new Object[] {0x6B, Type.ORD}), Map.entry("{", new Object[] {0x66, Type.OPEN}), Map.entry("}", new Object[] {0x67, Type.CLOSE}),
      Map.entry("lbrace", new Object[] {0x66, Type.OPEN}), Map.entry("rbrace", new Object[] {0x67, Type.CLOSE}), Map.entry("langle", new Object[] {0x68, Type.OPEN}),
      Map.entry("rangle", new Object[] {0x69, Type.CLOSE}), Map.entry("lvert", new Object[] {0x6A, Type.OPEN}), Map.entry("rvert", new Object[] {0x6A, Type.CLOSE}),
      Map.entry("lVert", new Object[] {0x6B, Type.OPEN}), Map.entry("rVert", new Object[] {0x6B, Type.CLOSE}), Map.entry("lfloor", new Object[] {0x62, Type.OPEN}),
      Map.entry("rfloor", new Object[] {0x63, Type.CLOSE}), Map.entry("lceil", new Object[] {0x64, Type.OPEN}), Map.entry("rceil", new Object[] {0x65, Type.CLOSE}));
  /** Operator names set upright, as {@code \mathop} (amsmath's {@code \ln}, {@code \cosh}, …). */
  private static final Set<String> OPERATORS = Set.of(
      "ln", "log", "lg", "exp", "cosh", "sinh", "tanh", "coth", "cos", "sin", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan",
      "det", "max", "min", "lim", "sup", "inf", "arg", "dim", "ker", "deg", "gcd", "Pr", "hom");
  /** Explicit spaces in mu (18 mu = 1 em); \quad and \qquad are in em of the text font. */
  private static final Map<String, Double> MU_SPACES = Map.of(",", 3.0, ":", 4.0, ">", 4.0, ";", 5.0, "!", -3.0, "thinspace", 3.0, "medspace", 4.0,
      "thickspace", 5.0, "negthinspace", -3.0);
  private static final Map<String, Double> EM_SPACES = Map.of("quad", 1.0, "qquad", 2.0, " ", 0.333, "enspace", 0.5, "space", 0.333);
  private static final Map<String, Integer> BIG = Map.ofEntries(
      Map.entry("big", 1), Map.entry("bigl", 1), Map.entry("bigr", 1), Map.entry("bigm", 1), Map.entry("Big", 2), Map.entry("Bigl", 2),
      Map.entry("Bigr", 2), Map.entry("Bigm", 2), Map.entry("bigg", 3), Map.entry("biggl", 3), Map.entry("biggr", 3), Map.entry("biggm", 3),
      Map.entry("Bigg", 4), Map.entry("Biggl", 4), Map.entry("Biggr", 4), Map.entry("Biggm", 4));
  /** Commands that take no room here (their arguments, if any, are skipped by the caller's rules). */
  private static final Set<String> IGNORED = Set.of("limits", "nolimits", "nonumber", "notag", "displaystyle", "textstyle", "scriptstyle",
      "scriptscriptstyle", "allowbreak", "nobreak", "relax", "not");

  private final List<String> tokens;
  private int pos;

  private TexWidth(String latex) {
    tokens = tokenize(latex);
  }

  /** The width of math as set in display style, points. */
  public static double width(String latex) {
    TexWidth t = new TexWidth(latex);
    return t.layout(t.list(0), 0).w;
  }

  /** The width of math set as a first-level superscript (script style, 7pt), points. */
  public static double superscriptWidth(String latex) {
    TexWidth t = new TexWidth(latex);
    return t.layout(t.list(2), 2).w;
  }

  /**
   * The size of a manual delimiter that covers this math in display style as {@code \left}
   * would: 1 for {@code \big}, 2 {@code \Big}, 3 {@code \bigg}, 4 {@code \Bigg} (never smaller
   * than {@code \big}, the size that may span rows).
   */
  public static int delimiterSize(String latex) {
    TexWidth t = new TexWidth(latex);
    Box content = t.layout(t.list(0), 0);
    double a = AXIS * 10, half = java.lang.Math.max(content.h - a, content.d + a);
    double need = java.lang.Math.max(half * 2 * DELIMITER_FACTOR, 2 * half - DELIMITER_SHORTFALL);
    for (int s = 1; s < 4; s++) if (need <= BIG_HEIGHT[s - 1] * 10) return s;
    return 4;
  }

  /** The width of text-mode words in cmr10 ({@code $…$} inside set as math in text style), points. */
  public static double textWidth(String text) {
    return text(text, 0);
  }

  // ---------------------------------------------------------------- tokens

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        int j = i + 1;
        if (Character.isLetter(s.charAt(j))) while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
        else j++;
        out.add(s.substring(i, j));
        i = j;
      } else if (c == '%') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else {
        if (!Character.isWhitespace(c)) out.add(String.valueOf(c));
        else if (out.isEmpty() || !out.get(out.size() - 1).equals(" ")) out.add(" ");
        i++;
      }
    }
    return out;
  }

  /** The next token that is not a space (spaces count only in text). */
  private String peek() {
    while (pos < tokens.size() && tokens.get(pos).equals(" ")) pos++;
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    String t = peek();
    if (t != null) pos++;
    return t;
  }

  /** The raw text of a braced argument (or of one token), braces dropped. */
  private String rawArgument() {
    String t = next();
    if (!"{".equals(t)) return t == null ? "" : t;
    StringBuilder s = new StringBuilder();
    for (int depth = 1; pos < tokens.size(); ) {
      String u = tokens.get(pos++);
      if (u.equals("{")) depth++;
      if (u.equals("}") && --depth == 0) break;
      s.append(u.startsWith("\\") && u.length() > 2 && pos < tokens.size() && Character.isLetter(tokens.get(pos).charAt(0)) ? u + " " : u);
    }
    return s.toString();
  }

  // ---------------------------------------------------------------- lists

  private static int size(int style) {
    return style <= 1 ? 0 : style - 1;
  }

  private static double pt(int style) {
    return POINTS[size(style)];
  }

  private static int script(int style) {
    return style <= 1 ? 2 : 3;
  }

  private static int fraction(int style) {
    return style == 0 ? 1 : style == 1 ? 2 : 3;
  }

  /** A math list up to a closing brace, {@code \right}, {@code \middle} or the end. */
  private List<Atom> list(int style) {
    List<Atom> atoms = new ArrayList<>();
    while (true) {
      String t = peek();
      if (t == null || t.equals("}") || t.equals("\\right") || t.equals("\\middle")) return atoms;
      if (t.equals("^") || t.equals("_")) {
        next();
        Atom last = atoms.isEmpty() || atoms.get(atoms.size() - 1).type == null ? null : atoms.get(atoms.size() - 1);
        if (last == null) atoms.add(last = new Atom(Type.ORD, Box.EMPTY));
        Box b = argument(script(style));
        if (t.equals("^")) last.sup = b;
        else last.sub = b;
        continue;
      }
      if (t.equals("'")) {
        next();
        Atom last = atoms.isEmpty() ? null : atoms.get(atoms.size() - 1);
        if (last == null) atoms.add(last = new Atom(Type.ORD, Box.EMPTY));
        last.sup = glyph(CMSY, 0x30, script(style));
        continue;
      }
      Atom a = atom(style);
      if (a != null) atoms.add(a);
      if (a != null && a.type == null && a.nucleus == null) {
        // A style switch: the rest of the list in the new style.
        atoms.remove(atoms.size() - 1);
        int switched = (int) a.kern;
        atoms.add(group(layout(list(switched), switched)));
        return atoms;
      }
    }
  }

  private static Atom group(Box b) {
    return new Atom(Type.ORD, b);
  }

  /** A braced group or a single atom, laid out in {@code style}. */
  private Box argument(int style) {
    if ("{".equals(peek())) {
      next();
      Box b = layout(list(style), style);
      if ("}".equals(peek())) next();
      return b;
    }
    Atom a = atom(style);
    return a == null ? Box.EMPTY : layout(List.of(a), style);
  }

  private static Box glyph(int font, int code, int style) {
    int row = font == CMBX ? CMBX : font + size(style);
    double scale = font == CMBX ? pt(style) : pt(style);
    int c = code & 0x7F;
    return new Box(CmMetrics.WIDTH[row][c] * scale / 1000, CmMetrics.HEIGHT[row][c] * scale / 1000, CmMetrics.DEPTH[row][c] * scale / 1000);
  }

  private static Atom charAtom(Type type, int font, int code, int style) {
    Atom a = new Atom(type, glyph(font, code, style));
    if (font == CMMI) a.italic = CmMetrics.ITALIC[CMMI + size(style)][code & 0x7F] * pt(style) / 1000;
    return a;
  }

  /** One atom, or a kern; null for a token that sets nothing. */
  private Atom atom(int style) {
    String t = next();
    if (t == null) return null;
    if (t.equals("{")) {
      Box b = layout(list(style), style);
      if ("}".equals(peek())) next();
      return group(b);
    }
    if (t.equals("&") || t.equals("~")) return t.equals("~") ? kern(0.333 * pt(style)) : null;
    if (!t.startsWith("\\")) return character(t.charAt(0), style);
    String name = t.substring(1);
    if (GREEK.containsKey(name)) return charAtom(Type.ORD, CMMI, GREEK.get(name), style);
    if (UPPER_GREEK.containsKey(name)) return charAtom(Type.ORD, CMR, UPPER_GREEK.get(name), style);
    if (SYMBOLS.containsKey(name)) return charAtom((Type) SYMBOLS.get(name)[1], CMSY, (Integer) SYMBOLS.get(name)[0], style);
    if (OPERATORS.contains(name)) return new Atom(Type.OP, roman(name, style, false));
    if (MU_SPACES.containsKey(name)) return kern(MU_SPACES.get(name) * pt(style) / 18);
    if (EM_SPACES.containsKey(name)) return kern(EM_SPACES.get(name) * pt(style));
    if (BIG.containsKey(name)) {
      Type type = name.endsWith("l") ? Type.OPEN : name.endsWith("r") ? Type.CLOSE : name.endsWith("m") ? Type.REL : Type.ORD;
      return new Atom(type, bigDelimiter(delimiter(), BIG.get(name)));
    }
    switch (name) {
      case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle" -> {
        Atom a = new Atom(null, null);
        a.kern = switch (name) { case "displaystyle" -> 0; case "textstyle" -> 1; case "scriptstyle" -> 2; default -> 3; };
        return a;
      }
      case "frac", "dfrac", "tfrac", "cfrac", "binom" -> {
        int inner = name.equals("dfrac") ? 1 : name.equals("tfrac") ? fraction(1) : fraction(style);
        Box num = argument(inner), den = argument(inner);
        // amsmath wraps \frac in braces: an ordinary atom, not TeX's inner fraction.
        return new Atom(Type.ORD, fractionBox(num, den, name.equals("dfrac") ? 0 : name.equals("tfrac") ? 1 : style));
      }
      case "sqrt" -> {
        if ("[".equals(peek())) while (pos < tokens.size() && !"]".equals(next())) {}
        Box c = argument(style == 0 ? 1 : style);
        double need = c.h + c.d + RULE + RULE + (style == 0 ? XHEIGHT * pt(style) / 4 : RULE / 2);
        double w = need <= pt(style) ? 0.833 * pt(style) : 10.0;
        return new Atom(Type.ORD, new Box(w + c.w, c.h + RULE * 2, c.d));
      }
      case "left" -> {
        char open = delimiter();
        Box content = layout(list(style), style);
        Atom inner = new Atom(Type.INNER, null);
        double w = 0;
        while ("\\middle".equals(peek())) {
          next();
          char mid = delimiter();
          Box more = layout(list(style), style);
          w += delimiterFor(mid, content, style).w + more.w;
          content = new Box(content.w, java.lang.Math.max(content.h, more.h), java.lang.Math.max(content.d, more.d));
        }
        if ("\\right".equals(peek())) next();
        char close = delimiter();
        Box l = delimiterFor(open, content, style), r = delimiterFor(close, content, style);
        inner.nucleus = new Box(l.w + content.w + w + r.w, java.lang.Math.max(content.h, l.h), java.lang.Math.max(content.d, l.d));
        return inner;
      }
      case "text", "textrm", "mbox", "textnormal", "textit", "textup", "mathrm", "mathit", "operatorname", "mathsf", "mathbb", "mathbf",
          "boldsymbol", "mathcal", "mathnormal" -> {
        return styled(name, style);
      }
      case "mathord", "mathop", "mathbin", "mathrel", "mathopen", "mathclose", "mathpunct", "mathinner" -> {
        Type type = Type.valueOf(name.substring(4).toUpperCase(java.util.Locale.ROOT));
        return new Atom(type, argument(style));
      }
      case "hphantom", "phantom" -> {
        Box b = argument(style);
        return group(name.equals("phantom") ? b : new Box(b.w, 0, 0));
      }
      case "vphantom" -> {
        Box b = argument(style);
        return group(new Box(0, b.h, b.d));
      }
      case "hat", "bar", "tilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave", "widehat", "widetilde", "overline", "underline" -> {
        return group(argument(style));
      }
      case "sum", "prod", "coprod", "int", "oint", "bigcup", "bigcap", "bigoplus", "bigotimes" -> {
        boolean display = style == 0;
        double w = switch (name) { case "sum" -> display ? 1.444 : 1.056; case "prod", "coprod" -> display ? 1.278 : 0.944;
          case "int", "oint" -> display ? 0.556 : 0.417; default -> display ? 1.111 : 0.833; };
        Atom a = new Atom(Type.OP, new Box(w * 10, (display ? 1.6 : 1.0) * 5, (display ? 1.6 : 1.0) * 5));
        a.limits = display && !name.endsWith("int");
        return a;
      }
      case "ldots", "dots", "cdots", "dotsb", "dotsc", "dotsm", "dotsi", "vdots" -> {
        // \mathinner{\ldotp\ldotp\ldotp}: three dots with thin spaces between (none in scripts).
        double dot = 0.278 * pt(style), thin = style >= 2 ? 0 : 3 * pt(style) / 18;
        return new Atom(Type.INNER, new Box(3 * dot + 2 * thin, 0.1 * pt(style), 0));
      }
      case "label", "tag", "intertext", "hspace", "vspace" -> {
        String arg = rawArgument();
        if (name.equals("hspace")) return kern(dimension(arg, style));
        return null;
      }
      case "\\" -> {
        return null;
      }
      default -> {
        if (IGNORED.contains(name)) return null;
        if (name.length() == 1 && "{}_&%$#".contains(name)) return name.equals("{") || name.equals("}")
            ? charAtom(name.equals("{") ? Type.OPEN : Type.CLOSE, CMSY, name.equals("{") ? 0x66 : 0x67, style)
            : new Atom(Type.ORD, glyph(CMR, name.charAt(0), style));
        return charAtom(Type.ORD, CMMI, 'x', style);
      }
    }
  }

  private static Atom kern(double w) {
    Atom a = new Atom(null, Box.EMPTY);
    a.kern = w;
    return a;
  }

  private static double dimension(String s, int style) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?[\\d.]+)\\s*(pt|em|mu|ex)").matcher(s);
    if (!m.find()) return 0;
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) { case "em" -> v * pt(style); case "mu" -> v * pt(style) / 18; case "ex" -> v * XHEIGHT * pt(style); default -> v; };
  }

  private Atom character(char c, int style) {
    if (Character.isLetter(c) && c < 128) return charAtom(Type.ORD, CMMI, c, style);
    if (Character.isDigit(c)) return charAtom(Type.ORD, CMR, c, style);
    return switch (c) {
      case '+' -> charAtom(Type.BIN, CMR, '+', style);
      case '-' -> charAtom(Type.BIN, CMSY, 0x00, style);
      case '*' -> charAtom(Type.BIN, CMSY, 0x03, style);
      case '=' -> charAtom(Type.REL, CMR, '=', style);
      case '<', '>' -> charAtom(Type.REL, CMMI, c, style);
      case ':' -> charAtom(Type.REL, CMR, ':', style);
      case '(', '[' -> charAtom(Type.OPEN, CMR, c, style);
      case ')', ']', '!', '?' -> charAtom(Type.CLOSE, CMR, c, style);
      case ',' -> charAtom(Type.PUNCT, CMMI, 0x3B, style);
      case ';' -> charAtom(Type.PUNCT, CMR, ';', style);
      case '.' -> charAtom(Type.ORD, CMMI, 0x3A, style);
      case '/' -> charAtom(Type.ORD, CMMI, 0x3D, style);
      case '|' -> charAtom(Type.ORD, CMSY, 0x6A, style);
      default -> c < 128 ? charAtom(Type.ORD, CMR, c, style) : charAtom(Type.ORD, CMMI, 'x', style);
    };
  }

  /** Letters in a named alphabet; {@code \text} and friends as text, the rest as upright or styled letters. */
  private Atom styled(String name, int style) {
    switch (name) {
      case "text", "textrm", "mbox", "textnormal", "textit", "textup" -> {
        return new Atom(Type.ORD, new Box(text(rawArgument(), style), 0.7 * pt(style), 0.2 * pt(style)));
      }
      case "operatorname" -> {
        return new Atom(Type.OP, roman(rawArgument(), style, false));
      }
      case "mathbf", "boldsymbol" -> {
        return new Atom(Type.ORD, roman(rawArgument(), style, true));
      }
      case "mathcal" -> {
        double w = 0;
        for (char c : rawArgument().toCharArray()) w += glyph(CMSY, Character.toUpperCase(c), style).w;
        return new Atom(Type.ORD, new Box(w, 0.7 * pt(style), 0));
      }
      case "mathit", "mathnormal" -> {
        return group(layout(new TexWidth(rawArgument()).list(style), style));
      }
      default -> {
        return new Atom(Type.ORD, roman(rawArgument(), style, false));
      }
    }
  }

  /** Upright letters (cmr, or cmbx for bold), commands inside set as math. */
  private Box roman(String s, int style, boolean bold) {
    double w = 0, h = 0, d = 0;
    List<String> ts = tokenize(s);
    for (String t : ts) {
      if (t.startsWith("\\") || t.length() != 1 || t.charAt(0) >= 128) {
        w += width(t) * pt(style) / 10;
        continue;
      }
      Box g = glyph(bold ? CMBX : CMR, t.charAt(0), style);
      w += g.w;
      h = java.lang.Math.max(h, g.h);
      d = java.lang.Math.max(d, g.d);
    }
    return new Box(w, h, d);
  }

  /** Text mode in cmr at the style's size; {@code $…$} inside as math. */
  private static double text(String s, int style) {
    double w = 0;
    String[] parts = s.split("\\$", -1);
    for (int k = 0; k < parts.length; k++) {
      if (k % 2 == 1) {
        TexWidth t = new TexWidth(parts[k]);
        w += t.layout(t.list(style == 0 ? 1 : style), style == 0 ? 1 : style).w;
        continue;
      }
      String p = parts[k].replace("--", "–").replace("\\_", "_").replace("\\%", "%").replace("\\&", "&").replace("\\#", "#");
      for (char c : p.toCharArray()) {
        if (c == ' ') w += 0.333 * pt(style);
        else if (c == '\\' || c == '{' || c == '}') continue;
        else if (c == '–') w += 0.5 * pt(style);
        else if (c < 128) w += CmMetrics.WIDTH[CMR + size(style)][c] * pt(style) / 1000;
        else w += 0.5 * pt(style);
      }
    }
    return w;
  }

  // ---------------------------------------------------------------- delimiters and fractions

  /** The next token as a delimiter character: ( ) [ ] { } | < > or '.' (none). */
  private char delimiter() {
    String t = next();
    if (t == null) return '.';
    return switch (t) {
      case "(", ")" -> '(';
      case "[", "]", "\\lbrack", "\\rbrack", "\\lfloor", "\\rfloor", "\\lceil", "\\rceil" -> '[';
      case "\\{", "\\}", "\\lbrace", "\\rbrace" -> '{';
      case "|", "\\|", "\\vert", "\\Vert", "\\lvert", "\\rvert", "\\lVert", "\\rVert", "\\mid" -> '|';
      case "\\langle", "\\rangle", "<", ">" -> '<';
      default -> '.';
    };
  }

  private static double smallWidth(char delim) {
    return switch (delim) { case '(' -> 0.389; case '[' -> 0.278; case '{' -> 0.5; case '|' -> 0.278; case '<' -> 0.389; default -> 0; };
  }

  private static Box bigDelimiter(char delim, int size) {
    if (delim == '.') return new Box(NULL_DELIMITER, 0, 0);
    double total = BIG_HEIGHT[size - 1] * 10, a = AXIS * 10;
    return new Box(BIG_WIDTH.get(delim)[size - 1] * 10, total / 2 + a, total / 2 - a);
  }

  /** The delimiter TeX picks for \left/\right around content: the smallest that covers it (\delimiterfactor 901, \delimitershortfall 5pt). */
  private static Box delimiterFor(char delim, Box content, int style) {
    if (delim == '.') return new Box(NULL_DELIMITER, 0, 0);
    double a = AXIS * pt(style);
    double half = java.lang.Math.max(content.h - a, content.d + a);
    double need = java.lang.Math.max(half * 2 * DELIMITER_FACTOR, 2 * half - DELIMITER_SHORTFALL);
    if (need <= pt(style)) return new Box(smallWidth(delim) * pt(style), 0.75 * pt(style), 0.25 * pt(style));
    for (int s = 1; s <= 4; s++) if (need <= BIG_HEIGHT[s - 1] * 10 || s == 4) {
      Box b = bigDelimiter(delim, s);
      double extra = java.lang.Math.max(0, need - BIG_HEIGHT[s - 1] * 10) / 2;
      return new Box(b.w, b.h + extra, b.d + extra);
    }
    throw new AssertionError();
  }

  private static Box fractionBox(Box num, Box den, int style) {
    double p = pt(style), a = AXIS * p;
    boolean display = style == 0;
    double up = (display ? NUM1 : NUM2) * p, down = (display ? DENOM1 : DENOM2) * p, clear = display ? 3 * RULE : RULE;
    up += java.lang.Math.max(0, clear - ((up - num.d) - (a + RULE / 2)));
    down += java.lang.Math.max(0, clear - ((a - RULE / 2) - (den.h - down)));
    return new Box(java.lang.Math.max(num.w, den.w) + 2 * NULL_DELIMITER, up + num.h, down + den.d);
  }

  // ---------------------------------------------------------------- layout

  /** A list as one box: scripts attached, binary signs that follow no operand made ordinary, spaces between atom classes. */
  private Box layout(List<Atom> atoms, int style) {
    Type previous = null;
    Atom previousAtom = null;
    double w = 0, h = 0, d = 0;
    List<Atom> real = atoms.stream().filter(a -> a.type != null).toList();
    for (int k = 0; k < real.size(); k++) {
      Atom a = real.get(k);
      if (a.type == Type.BIN && (previous == null || previous == Type.BIN || previous == Type.OP || previous == Type.REL
          || previous == Type.OPEN || previous == Type.PUNCT)) a.type = Type.ORD;
      if ((a.type == Type.REL || a.type == Type.CLOSE || a.type == Type.PUNCT) && previous == Type.BIN) previousAtom.type = Type.ORD;
      previous = a.type;
      previousAtom = a;
    }
    if (previousAtom != null && previousAtom.type == Type.BIN) previousAtom.type = Type.ORD;
    previous = null;
    for (Atom a : atoms) {
      if (a.type == null) {
        w += a.kern;
        continue;
      }
      if (previous != null) w += space(previous, a.type, style);
      Box b = scripts(a, style);
      w += b.w;
      h = java.lang.Math.max(h, b.h);
      d = java.lang.Math.max(d, b.d);
      previous = a.type;
    }
    return new Box(w, h, d);
  }

  private static double space(Type left, Type right, int style) {
    char c = SPACING[left.ordinal()].charAt(right.ordinal());
    double mu = pt(style) / 18;
    boolean script = style >= 2;
    return switch (c) {
      case '1' -> script ? 0 : 3 * mu;
      case '2' -> 3 * mu;
      case '3' -> script ? 0 : 4 * mu;
      case '4' -> script ? 0 : 5 * mu;
      default -> 0;
    };
  }

  /** The atom with its scripts (TeXbook appendix G, rules 13 and 17–18, simplified). */
  private static Box scripts(Atom a, int style) {
    Box n = a.nucleus;
    if (a.sup == null && a.sub == null) return new Box(n.w + a.italic, n.h, n.d);
    double p = pt(style), sp = pt(script(style));
    if (a.limits) {
      double w = java.lang.Math.max(n.w, java.lang.Math.max(a.sup == null ? 0 : a.sup.w, a.sub == null ? 0 : a.sub.w));
      return new Box(w, n.h + (a.sup == null ? 0 : a.sup.h + a.sup.d + 3), n.d + (a.sub == null ? 0 : a.sub.h + a.sub.d + 3));
    }
    boolean glyph = a.italic != 0 || (a.nucleus.h < p && a.type == Type.ORD);
    double up = glyph ? 0 : n.h - SUPDROP * sp, down = glyph ? 0 : n.d + SUBDROP * sp;
    double h = n.h, d = n.d, w;
    if (a.sup != null) {
      up = java.lang.Math.max(up, java.lang.Math.max((style == 0 ? SUP1 : SUP2) * p, a.sup.d + XHEIGHT * p / 4));
      h = java.lang.Math.max(h, up + a.sup.h);
    }
    if (a.sub == null) {
      w = n.w + a.italic + a.sup.w + SCRIPT_SPACE;
    } else {
      down = java.lang.Math.max(down, a.sup == null ? java.lang.Math.max(SUB1 * p, a.sub.h - 4 * XHEIGHT * p / 5) : SUB2 * p);
      d = java.lang.Math.max(d, down + a.sub.d);
      w = n.w + java.lang.Math.max(a.sub.w, a.sup == null ? 0 : a.italic + a.sup.w) + SCRIPT_SPACE;
    }
    return new Box(w, h, d);
  }
}
