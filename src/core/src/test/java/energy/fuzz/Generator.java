package energy.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, grammar-aware generator of .energy programs. Case {@code index} of seed {@code seed}
 * is always the same text: its own {@link Random} is derived from both. Most cases are valid
 * programs from one of four families (finite models with every statement kind, RBM-like models
 * for {@code expand}, models with symbolic sizes, lattice models with RG steps and flows); the
 * rest are one of them mutated (tokens deleted, duplicated, swapped or replaced, random bytes,
 * huge numbers, deep nesting) to drive the error paths.
 */
public final class Generator {
  /** One generated program: {@code valid} when it was not mutated, {@code family} names its shape. */
  public record Case(long seed, int index, String family, boolean valid, String text) {}

  private static final String[] UNIT_NAMES = {"v", "h", "x", "y", "z", "s", "u", "w", "q"};
  private static final String[] VOCABULARY = {
    "model", "dim", "spin", "binary", "real", "param", "temperature", "energy", "marginalize", "over",
    "partition", "sum", "couplings", "cumulant", "moment", "up", "to", "expand", "in", "order",
    "substituted", "lattice", "periodic", "on", "sites", "reduced", "blocks", "of", "by", "majority",
    "rg", "decimate", "keep", "every", "scale", "flow", "kernel", "migdal-kadanoff", "(", ")", "[", "]",
    ",", "=", "+", "-", "*", "/", "^", ".", "<", ">", "|", "0", "1", "2", "0.5", "T", "I", "exp", "ln",
    "cosh", "sinh", "tanh", "sqrt", "beta", "n", "m", "E", "F", "x", "h", "v", "chain", "square",
    "triangular", "segments", "squares", "triangles"
  };

  private final long seed;

  public Generator(long seed) {
    this.seed = seed;
  }

  public Case generate(int index) {
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
    String family;
    String text;
    int f = r.nextInt(100);
    if (f < 45) {
      family = "finite";
      text = new Finite(r, index).program();
    } else if (f < 65) {
      family = "expand";
      text = expandModel(r, index);
    } else if (f < 85) {
      family = "symbolic";
      text = symbolicModel(r, index);
    } else {
      family = "lattice";
      text = latticeModel(r, index);
    }
    boolean mutate = r.nextInt(100) < 30;
    if (!mutate) return new Case(seed, index, family, true, text);
    return new Case(seed, index, family + "+mutated", false, mutate(r, text));
  }

  // ---------------------------------------------------------------- finite models

  private record Unit(String name, String kind, String dim, int size) {
    boolean discrete() {
      return !kind.equals("real");
    }

    /** A scalar reference to one component: the name, or name[k]. */
    String component(Random r) {
      return dim == null ? name : name + "[" + (1 + r.nextInt(size)) + "]";
    }
  }

  /** A model with concrete sizes: random units, an energy of random terms, every statement kind. */
  private static final class Finite {
    final Random r;
    final int index;
    final Map<String, Integer> dims = new LinkedHashMap<>();
    final List<Unit> units = new ArrayList<>();
    final Map<String, String> params = new LinkedHashMap<>();
    int paramCount;

    Finite(Random r, int index) {
      this.r = r;
      this.index = index;
    }

    String param(String shape) {
      String name = (shape.isEmpty() ? "c" : shape.contains(",") ? "W" : "a") + (++paramCount);
      params.put(name, shape);
      return name;
    }

    String program() {
      dims.put("n", 1 + r.nextInt(3));
      dims.put("m", 1 + r.nextInt(3));
      int discrete = 0, real = 0;
      int count = 1 + r.nextInt(4);
      List<String> names = new ArrayList<>(List.of(UNIT_NAMES));
      java.util.Collections.shuffle(names, r);
      for (int i = 0; i < count; i++) {
        String kind = pick(r, "spin", "spin", "binary", "real");
        String dim = r.nextInt(10) < 4 ? null : r.nextBoolean() ? "n" : "m";
        int size = dim == null ? 1 : dims.get(dim);
        if (kind.equals("real") ? real + size > 3 : discrete + size > 8) continue;
        if (kind.equals("real")) real += size;
        else discrete += size;
        units.add(new Unit(names.get(i), kind, dim, size));
      }
      if (units.isEmpty()) units.add(new Unit("s", "spin", null, 1));
      boolean temperature = r.nextBoolean();
      String energy = energy();
      String args = String.join(", ", units.stream().map(Unit::name).toList());
      List<String> statements = statements();
      StringBuilder s = new StringBuilder("model Finite" + index + "\n");
      s.append("dim n = ").append(dims.get("n")).append(", m = ").append(dims.get("m")).append('\n');
      for (Unit u : units) s.append(u.kind).append(' ').append(u.name).append(u.dim == null ? "" : "[" + u.dim + "]").append('\n');
      if (!params.isEmpty()) {
        List<String> decl = new ArrayList<>();
        params.forEach((k, v) -> decl.add(k + v));
        s.append("param ").append(String.join(", ", decl)).append('\n');
      }
      if (temperature) s.append("temperature beta\n");
      s.append("energy E(").append(args).append(") = ").append(energy).append('\n');
      for (String st : statements) s.append(st).append('\n');
      return s.toString();
    }

    String energy() {
      // A leading '+' marks a term whose sign must stay (the positive-definite self terms).
      List<String> terms = new ArrayList<>();
      for (Unit u : units) if (!u.discrete()) terms.add("+" + quadratic(u));
      int n = 1 + r.nextInt(5);
      for (int i = 0; i < n; i++) {
        String t = term();
        if (t != null) terms.add(t);
      }
      java.util.Collections.shuffle(terms, r);
      StringBuilder s = new StringBuilder();
      for (String t : terms) {
        boolean minus = !t.startsWith("+") && r.nextBoolean();
        if (t.startsWith("+")) t = t.substring(1);
        if (s.length() == 0) s.append(minus ? "-" : "");
        else s.append(minus ? " - " : " + ");
        s.append(coefficient()).append(t);
      }
      return s.toString();
    }

    String coefficient() {
      return switch (r.nextInt(8)) {
        case 0 -> "2*";
        case 1 -> "1/3*";
        case 2 -> "0.25*";
        default -> "";
      };
    }

    /** A positive-definite self term of a real unit. */
    String quadratic(Unit u) {
      if (u.dim != null)
        return switch (r.nextInt(3)) {
          case 0 -> "1/2*" + u.name + "." + u.name;
          case 1 -> "sum(i) " + u.name + "[i]^2";
          default -> "(" + u.name + "." + u.name + ")";
        };
      return switch (r.nextInt(3)) {
        case 0 -> "1/2*" + u.name + "^2";
        case 1 -> "(1 + " + param("") + "^2)/2*" + u.name + "^2";
        default -> u.name + "*" + u.name;
      };
    }

    List<Unit> discreteUnits() {
      return units.stream().filter(Unit::discrete).toList();
    }

    Unit any() {
      return units.get(r.nextInt(units.size()));
    }

    String term() {
      List<Unit> d = discreteUnits();
      switch (r.nextInt(9)) {
        case 0, 1:
          return field(any());
        case 2, 3:
          return pair(any(), any());
        case 4:
          if (d.isEmpty()) return null;
          return param("") + "*" + product(d, 2 + r.nextInt(3));
        case 5:
          if (d.isEmpty()) return null;
          return function(d);
        case 6:
          return pick(r, param(""), "3/4", "0.5", "ln(2)");
        case 7:
          if (d.isEmpty()) return null;
          return d.get(r.nextInt(d.size())).component(r) + "^" + (2 + r.nextInt(3));
        default:
          if (d.isEmpty()) return null;
          return field(d.get(r.nextInt(d.size())));
      }
    }

    String product(List<Unit> from, int k) {
      List<String> f = new ArrayList<>();
      for (int i = 0; i < k; i++) f.add(from.get(r.nextInt(from.size())).component(r));
      return String.join("*", f);
    }

    String field(Unit u) {
      if (u.dim == null) return param("") + "*" + u.name;
      String a = param("[" + u.dim + "]");
      return r.nextBoolean() ? a + "." + u.name : "sum(i) " + a + "[i]*" + u.name + "[i]";
    }

    String pair(Unit u, Unit w) {
      if (!u.discrete() && !w.discrete() && u != w) {
        // A small real–real coupling keeps the quadratic form positive definite at most draws.
        return "1/4*" + param("") + "*" + u.component(r) + "*" + w.component(r);
      }
      if (u == w && !u.discrete()) return field(u);
      if (u.dim != null && w.dim != null) {
        switch (r.nextInt(3)) {
          case 0:
            return u.name + "." + param("[" + u.dim + "," + w.dim + "]") + "." + w.name;
          case 1:
            return "sum(i,j) " + param("[" + u.dim + "," + w.dim + "]") + "[i,j]*" + u.name + "[i]*" + w.name + "[j]";
          default:
            String W = param("[" + u.dim + "," + w.dim + "]");
            int i = 1 + r.nextInt(u.size), j = 1 + r.nextInt(w.size);
            return W + "[" + i + "," + j + "]*" + u.name + "[" + i + "]*" + w.name + "[" + j + "]";
        }
      }
      if (u.dim != null) return w.name + "*" + param("[" + u.dim + "]") + "." + u.name;
      if (w.dim != null) return u.name + "*" + param("[" + w.dim + "]") + "." + w.name;
      return param("") + "*" + u.name + "*" + w.name;
    }

    String function(List<Unit> d) {
      List<String> linear = new ArrayList<>();
      int k = 1 + r.nextInt(3);
      for (int i = 0; i < k; i++) linear.add(param("") + "*" + d.get(r.nextInt(d.size())).component(r));
      String x = String.join(" + ", linear);
      return switch (r.nextInt(6)) {
        case 0 -> "ln(2*cosh(" + x + "))";
        case 1 -> "ln(1 + exp(" + x + "))";
        case 2 -> "exp(" + x + ")";
        case 3 -> "cosh(" + x + ")";
        case 4 -> "tanh(" + x + ")";
        default -> "sinh(" + x + ")";
      };
    }

    List<String> statements() {
      List<String> out = new ArrayList<>();
      List<Unit> rest = new ArrayList<>(units);
      String from = "E";
      int marginals = r.nextInt(3);
      for (int i = 1; i <= marginals && !rest.isEmpty(); i++) {
        List<Unit> over = new ArrayList<>();
        for (Unit u : rest) if (r.nextInt(3) == 0) over.add(u);
        if (over.isEmpty()) over.add(rest.get(r.nextInt(rest.size())));
        if (over.size() == rest.size() && r.nextInt(3) > 0) over.remove(0);
        if (over.isEmpty()) break;
        rest.removeAll(over);
        out.add("F" + i + " = marginalize " + from + " over " + String.join(", ", over.stream().map(Unit::name).toList()));
        from = "F" + i;
      }
      if (!from.equals("E") && rest.stream().allMatch(Unit::discrete) && r.nextInt(10) < 6) out.add(couplings(from));
      if (units.stream().allMatch(Unit::discrete) && r.nextInt(10) < 3) out.add(couplings("E"));
      if (r.nextInt(10) < 4) out.add("Z = partition " + (r.nextBoolean() ? "E" : from));
      if (r.nextInt(10) < 3) out.add("P = cumulant " + (1 + r.nextInt(5)) + " of " + any().name + " in E");
      if (r.nextInt(10) < 2) out.add(momentIdentity());
      if (r.nextInt(10) < 2) kernel(out);
      if (out.isEmpty()) out.add("Z = partition E");
      return out;
    }

    String couplings(String energy) {
      return "couplings " + energy + (r.nextBoolean() ? "" : " up to " + (1 + r.nextInt(3)));
    }

    String momentIdentity() {
      String name = r.nextBoolean() ? "K" : "M";
      String kind = name.equals("K") ? "cumulant" : "moment";
      if (r.nextBoolean()) return name + " = " + kind + " " + (1 + r.nextInt(6));
      List<String> vars = new ArrayList<>();
      int k = 1 + r.nextInt(4);
      for (int i = 0; i < k; i++) vars.add("x" + (1 + r.nextInt(4)));
      return name + " = " + kind + " " + String.join(", ", vars);
    }

    /** A normalized kernel over new scalar units (its trace is 1, so its check must pass). */
    void kernel(List<String> out) {
      String kind = r.nextBoolean() ? "spin" : "binary";
      int k = 1 + r.nextInt(3);
      List<String> visible = new ArrayList<>();
      for (int i = 1; i <= k; i++) visible.add("t" + i);
      units.add(new Unit("S", kind, null, 1));
      for (String v : visible) units.add(new Unit(v, pick(r, "spin", "binary"), null, 1));
      String lambda = param("");
      String x = lambda + "*(" + String.join(" + ", visible) + ")";
      String body =
          switch (r.nextInt(3)) {
            case 0, 1 -> kind.equals("spin") ? x + "*S - ln(2*cosh(" + x + "))" : x + "*S - ln(1 + exp(" + x + "))";
            default -> "-ln(2) + 0*" + x + "*S";
          };
      out.add("kernel T(S | " + String.join(", ", visible) + ") = " + body);
    }
  }

  // ---------------------------------------------------------------- expansions

  /** An RBM-like model whose marginal is expanded in its couplings (sometimes the DBM of eq. 13). */
  private static String expandModel(Random r, int index) {
    if (r.nextInt(6) == 0) {
      return "model Dbm" + index + "\ndim n = " + (1 + r.nextInt(2)) + ", m = " + (1 + r.nextInt(2)) + ", p = 1\n"
          + pick(r, "spin", "binary") + " x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\n"
          + (r.nextBoolean() ? "temperature beta\n" : "")
          + "energy H(x, y, z) = -a.x + 1/2*(y.y + z.z) - x.A.y - y.B.z\n"
          + "H1 = marginalize H over z\nG = expand H1 in B to order " + (1 + r.nextInt(4)) + (r.nextBoolean() ? " substituted" : "") + "\n";
    }
    int n = 1 + r.nextInt(3), m = 1 + r.nextInt(2);
    String visible = pick(r, "spin", "binary");
    String hidden = pick(r, "spin", "binary", "real");
    boolean vectorW = r.nextBoolean();
    StringBuilder s = new StringBuilder("model Rbm" + index + "\n");
    s.append("dim n = ").append(n).append(", m = ").append(m).append('\n');
    s.append(visible).append(" v[n]\n").append(hidden).append(" h[m]\n");
    s.append("param a[n], b[m], W[n,m], J\n");
    if (r.nextBoolean()) s.append("temperature beta\n");
    List<String> terms = new ArrayList<>();
    if (r.nextInt(4) > 0) terms.add("-a.v");
    if (r.nextInt(4) > 0) terms.add("-b.h");
    if (hidden.equals("real")) terms.add(pick(r, "+1/2*h.h", "+sum(j) h[j]^2"));
    if (vectorW) terms.add("-v.W.h");
    else
      for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++)
          if (r.nextInt(10) < 7) terms.add("-W[" + i + "," + j + "]*v[" + i + "]*h[" + j + "]");
    if (n >= 2 && r.nextInt(3) == 0) terms.add("-J*v[1]*v[2]");
    if (terms.isEmpty()) terms.add("-v.W.h");
    s.append("energy E(v, h) = ").append(String.join(" ", terms)).append('\n');
    s.append("F = marginalize E over h\n");
    s.append("G = expand F in W to order ").append(1 + r.nextInt(n * m > 4 ? 3 : 4)).append(r.nextInt(4) == 0 ? " substituted" : "").append('\n');
    if (r.nextInt(3) == 0 && !hidden.equals("real")) s.append("P = cumulant ").append(1 + r.nextInt(4)).append(" of h in E\n");
    if (r.nextInt(4) == 0) s.append("couplings F\n");
    return s.toString();
  }

  // ---------------------------------------------------------------- symbolic sizes

  private static String symbolicModel(Random r, int index) {
    boolean mixed = r.nextInt(5) == 0;
    StringBuilder s = new StringBuilder("model Sym" + index + "\n");
    s.append(mixed ? "dim n = " + (1 + r.nextInt(3)) + ", m, p\n" : "dim n, m, p\n");
    if (r.nextBoolean()) {
      // An RBM: visible spins or binary units, hidden units of any kind.
      String visible = pick(r, "spin", "binary");
      String hidden = pick(r, "spin", "binary", "real");
      s.append(visible).append(" v[n]\n").append(hidden).append(" h[m]\n");
      s.append("param a[n], b[m], W[n,m], c\n");
      if (r.nextBoolean()) s.append("temperature beta\n");
      List<String> terms = new ArrayList<>();
      if (r.nextInt(4) > 0) terms.add("-a.v");
      if (r.nextInt(4) > 0) terms.add("-b.h");
      if (hidden.equals("real")) terms.add(pick(r, "+1/2*h.h", "+h.h", "+1/2*h.(1 + c^2).h"));
      terms.add(pick(r, "-v.W.h", "-h.W^T.v", "-c*v.W.h"));
      s.append("energy E(v, h) = ").append(String.join(" ", terms)).append('\n');
      s.append("F = marginalize E over h\n");
      if (r.nextInt(4) == 0) s.append("Z = partition E\n");
      return s.toString();
    }
    // A DBM: x, then two real layers integrated one after the other.
    String top = pick(r, "spin", "binary", "real");
    s.append(top).append(" x[n]\nreal y[m], z[p]\nparam a[n], A[n,m], B[m,p]\n");
    if (r.nextBoolean()) s.append("temperature beta\n");
    List<String> terms = new ArrayList<>();
    terms.add("-a.x");
    if (top.equals("real")) terms.add("+1/2*x.x");
    terms.add(pick(r, "+1/2*(y.y + z.z)", "+1/2*y.y + 1/2*z.z"));
    terms.add("-x.A.y");
    terms.add(pick(r, "-y.B.z", "-z.B^T.y"));
    s.append("energy H(x, y, z) = ").append(String.join(" ", terms)).append('\n');
    s.append("H1 = marginalize H over z\n");
    if (r.nextBoolean()) s.append("H0 = marginalize H1 over y\n");
    if (r.nextInt(5) == 0) s.append("H2 = marginalize H over y, z\n");
    return s.toString();
  }

  // ---------------------------------------------------------------- lattices

  private static String latticeModel(Random r, int index) {
    String lattice = pick(r, "chain", "square", "triangular");
    boolean field = r.nextInt(3) == 0;
    StringBuilder s = new StringBuilder("model Lattice" + index + "\n");
    s.append("lattice ").append(lattice).append(r.nextInt(10) > 0 ? " periodic" : "").append('\n');
    s.append("spin s on sites\n");
    s.append(field ? "param K, h\n" : "param K\n");
    String bond = pick(r, "K*sum<i,j> s[i]*s[j]", "sum<i,j> K*s[i]*s[j]", "K*sum<i,j> s[i]*s[j]");
    s.append("reduced energy K0(s) = ").append(bond).append(field ? " + h*sum(i) s[i]" : "").append('\n');
    String blocks =
        r.nextInt(6) == 0
            ? pick(r, "triangles of 3", "segments of 3", "squares of 9", "segments of 2")
            : switch (lattice) {
              case "chain" -> "segments of 3";
              case "square" -> "squares of 9";
              default -> "triangles of 3";
            };
    boolean haveBlocks = false;
    int steps = 1 + r.nextInt(2);
    List<String> names = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= steps; i++) {
      String step;
      int kind = r.nextInt(3);
      if (kind == 0) step = "decimate K0 keep every " + (r.nextInt(4) == 0 ? 3 : 2);
      else if (kind == 1) {
        step = "cumulant K0 order " + (1 + r.nextInt(2));
        haveBlocks = true;
      } else step = "migdal-kadanoff K0 scale " + (r.nextInt(4) == 0 ? 3 : 2);
      body.append("R").append(i).append(" = rg ").append(step).append('\n');
      names.add("R" + i);
    }
    if (haveBlocks && r.nextInt(8) > 0) s.append("blocks ").append(blocks).append(" by majority\n");
    s.append(body);
    for (String name : names) if (r.nextInt(10) < 6) s.append("flow ").append(name).append('\n');
    return s.toString();
  }

  // ---------------------------------------------------------------- mutations

  /** Tokens: identifiers (with '-' in migdal-kadanoff), numbers, whitespace runs, single characters. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("migdal-kadanoff|[A-Za-z][A-Za-z0-9_]*|[0-9]+(\\.[0-9]*)?|\\.[0-9]+|\\s+|#[^\\n]*|.", java.util.regex.Pattern.DOTALL)
            .matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  static String mutate(Random r, String text) {
    int kinds = 1 + r.nextInt(3);
    for (int k = 0; k < kinds; k++) text = mutateOnce(r, text);
    return text;
  }

  private static String mutateOnce(Random r, String text) {
    List<String> t = tokens(text);
    List<Integer> solid = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) if (!t.get(i).isBlank()) solid.add(i);
    if (solid.isEmpty()) return text + " x";
    int at = solid.get(r.nextInt(solid.size()));
    switch (r.nextInt(12)) {
      case 0 -> t.remove(at);
      case 1 -> t.add(at, t.get(at));
      case 2 -> {
        int other = solid.get(r.nextInt(solid.size()));
        String a = t.get(at);
        t.set(at, t.get(other));
        t.set(other, a);
      }
      case 3 -> t.set(at, VOCABULARY[r.nextInt(VOCABULARY.length)]);
      case 4 -> t.add(at, " " + VOCABULARY[r.nextInt(VOCABULARY.length)] + " ");
      case 5 -> t.add(at, randomBytes(r));
      case 6 -> {
        List<Integer> numbers = new ArrayList<>();
        for (int i : solid) if (Character.isDigit(t.get(i).charAt(0))) numbers.add(i);
        int i = numbers.isEmpty() ? at : numbers.get(r.nextInt(numbers.size()));
        t.set(i, pick(r, "99999999999999999999999", "2147483648", "4294967297", "1000000", "0", "00", "0.0000000000000000001", "1e5", "65"));
      }
      case 7 -> {
        // Deep nesting at an expression position: after '=' of an energy, or anywhere.
        int depth = pick(r, 50, 600, 5000);
        String open = pick(r, "(", "-", "exp(", "+");
        String close = open.endsWith("(") ? ")" : "";
        t.add(at, open.repeat(depth));
        t.add(at + 2, close.repeat(depth));
      }
      case 8 -> {
        // A line deleted, duplicated or moved.
        String[] lines = text.split("\n", -1);
        List<String> l = new ArrayList<>(List.of(lines));
        int i = r.nextInt(l.size());
        switch (r.nextInt(3)) {
          case 0 -> l.remove(i);
          case 1 -> l.add(i, l.get(i));
          default -> l.add(r.nextInt(l.size()), l.remove(i));
        }
        return String.join("\n", l);
      }
      case 9 -> t.set(at, pick(r, "x^x^x^x^x^x^x^x^x^x^x^x", "2^2^2^2^2^2", "(" + "1+".repeat(300) + "1)", "sum(i) sum(j) sum(k)", "x.x.x.x", "T", "I", "1/0", "0^0", "ln(0)", "sqrt(-1)"));
      case 10 -> t.subList(at, Math.min(t.size(), at + 1 + r.nextInt(8))).clear();
      default -> {
        // Truncated file.
        return text.substring(0, r.nextInt(text.length() + 1));
      }
    }
    return String.join("", t);
  }

  private static String randomBytes(Random r) {
    StringBuilder s = new StringBuilder();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> s.append((char) r.nextInt(128));
        case 1 -> s.append((char) (0x80 + r.nextInt(0x780)));
        case 2 -> s.append(pick(r, "\u0000", "\t", "\r", "\n", "\r\n", "\uFEFF", "\u00A0", "\u2212", "β", "𝒦", "\uD800"));
        default -> s.append(pick(r, "#", "|", "<", ">", "@", "\\", "\"", "'", "{", "}", ";", "!"));
      }
    }
    return s.toString();
  }

  @SafeVarargs
  static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
