package energy.algebra.matrix;

import energy.algebra.Symja;
import energy.algebra.matrix.MatrixExpr.Identity;
import energy.algebra.matrix.MatrixExpr.Inverse;
import energy.algebra.matrix.MatrixExpr.Named;
import energy.algebra.matrix.MatrixExpr.Product;
import energy.algebra.matrix.MatrixExpr.Scaled;
import energy.algebra.matrix.MatrixExpr.Sum;
import energy.algebra.matrix.MatrixExpr.Transpose;
import energy.algebra.matrix.MatrixExpr.Zero;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Component form of matrix expressions at given sizes, so abstract results can be checked
 * against component computations. A Named matrix A becomes the Symja matrix (list of lists) of
 * symbols {@code A[i,j]}, a vector x the column {@code {{x[1]},…,{x[n]}}} of {@code x[i]}; a
 * symmetric S uses {@code S[i,j]} with i ≤ j for both (i,j) and (j,i). Symbols are made once per
 * name (in Symja's dummy context, like {@code SymbolTable}) and cached, so the same name always
 * gives the same object. Products, sums, scalars and transposes are formed entry by entry;
 * inverses by Symja's {@code Inverse}.
 *
 * <p>An optional valuation replaces symbols (components and symbols inside scalars) before any
 * arithmetic; with numbers this evaluates numerically without forming symbolic inverses.
 */
public final class Instantiation {
  /** {@code A[1,2]}, {@code x[1]}: the spelling of the language (1-based indices). */
  public static final BiFunction<String, int[], String> BRACKETS =
      (name, index) -> {
        StringBuilder out = new StringBuilder(name).append('[');
        for (int k = 0; k < index.length; k++) out.append(k == 0 ? "" : ",").append(index[k]);
        return out.append(']').toString();
      };

  private final Map<String, Integer> sizes;
  private final BiFunction<String, int[], String> naming;
  private final Function<ISymbol, IExpr> valuation;
  private final Map<String, ISymbol> symbols = new LinkedHashMap<>();

  public Instantiation(Map<String, Integer> sizes) {
    this(sizes, BRACKETS, s -> s);
  }

  /** {@code valuation} maps a symbol to its value, or to itself to keep it symbolic. */
  public Instantiation(
      Map<String, Integer> sizes, BiFunction<String, int[], String> naming, Function<ISymbol, IExpr> valuation) {
    this.sizes = Map.copyOf(sizes);
    this.naming = naming;
    this.valuation = valuation;
  }

  /** The component symbol of this name (e.g. {@code A[1,2]}), made on first use. */
  public ISymbol symbol(String name) {
    return symbols.computeIfAbsent(name, k -> new Symbol(k, Context.DUMMY));
  }

  /** The component symbol of {@code name} at 1-based {@code index}. */
  public ISymbol component(String name, int... index) {
    return symbol(naming.apply(name, index));
  }

  /** Every component symbol made so far. */
  public Collection<ISymbol> components() {
    return Collections.unmodifiableCollection(symbols.values());
  }

  public int size(Size s) {
    return s.resolve(sizes);
  }

  /** The matrix as a Symja list of rows. */
  public IExpr matrix(MatrixExpr e) {
    return toList(entries(e));
  }

  /** The matrix as an array of evaluated entries. */
  public IExpr[][] entries(MatrixExpr e) {
    int r = size(e.rows()), c = size(e.cols());
    if (e instanceof Named n) {
      IExpr[][] out = new IExpr[r][c];
      for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++) {
          int[] index;
          if (n.vector()) index = new int[] {i + 1};
          else if (n.symmetric()) index = new int[] {Math.min(i, j) + 1, Math.max(i, j) + 1};
          else index = new int[] {i + 1, j + 1};
          out[i][j] = valuation.apply(component(n.name(), index));
        }
      return out;
    }
    if (e instanceof Identity) {
      IExpr[][] out = fill(r, c);
      for (int i = 0; i < r; i++) out[i][i] = F.C1;
      return out;
    }
    if (e instanceof Zero) return fill(r, c);
    if (e instanceof Scaled s) {
      IExpr k = scalar(s.scalar());
      IExpr[][] m = entries(s.m());
      for (IExpr[] row : m) for (int j = 0; j < c; j++) row[j] = Symja.eval(F.Times(k, row[j]));
      return m;
    }
    if (e instanceof Sum s) {
      IExpr[][] acc = fill(r, c);
      for (MatrixExpr t : s.terms()) {
        IExpr[][] m = entries(t);
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) acc[i][j] = Symja.eval(F.Plus(acc[i][j], m[i][j]));
      }
      return acc;
    }
    if (e instanceof Product p) {
      IExpr[][] acc = entries(p.factors().get(0));
      for (int k = 1; k < p.factors().size(); k++) acc = times(acc, entries(p.factors().get(k)));
      return acc;
    }
    if (e instanceof Transpose t) {
      IExpr[][] m = entries(t.m());
      IExpr[][] out = new IExpr[r][c];
      for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i][j] = m[j][i];
      return out;
    }
    Inverse inv = (Inverse) e;
    IExpr result = Symja.eval(F.Inverse(toList(entries(inv.m()))));
    if (!result.isListOfLists() || result.argSize() != r)
      throw new ArithmeticException("Symja could not invert " + MatrixPrinter.TEXT.print(inv.m()) + ": " + result);
    IExpr[][] out = new IExpr[r][c];
    for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i][j] = result.getAt(i + 1).getAt(j + 1);
    return out;
  }

  /**
   * A scalar in component form: atoms of {@link MatrixScalars} become Symja's {@code Det},
   * {@code Tr}, {@code Log(Det(…))} or the single entry of a form, size symbols their values,
   * and other symbols their valuation.
   */
  public IExpr scalar(IExpr e) {
    return Symja.eval(replace(e));
  }

  /** A scalar node in component form. */
  public IExpr scalar(ScalarNode node) {
    return Symja.eval(lower(node));
  }

  private IExpr lower(ScalarNode node) {
    if (node instanceof ScalarNode.Det d) return F.Det(matrix(d.matrix()));
    if (node instanceof ScalarNode.Trace t) return F.Tr(matrix(t.matrix()));
    if (node instanceof ScalarNode.LogDet l) return F.Log(F.Det(matrix(l.matrix())));
    if (node instanceof ScalarNode.UnitSum u) {
      IExpr[][] psi = entries(u.matrix());
      IExpr beta = scalar(u.beta());
      List<IExpr> terms = new ArrayList<>();
      for (IExpr[] row : psi) {
        IExpr t = F.Times(beta, row[0]);
        terms.add(u.spin() ? F.Log(F.Times(F.C2, F.Cosh(t))) : F.Log(F.Plus(F.C1, F.Exp(t))));
      }
      return F.Plus(terms.toArray(new IExpr[0]));
    }
    return entries(((ScalarNode.Form) node).matrix())[0][0];
  }

  private IExpr replace(IExpr e) {
    if (e instanceof ISymbol s) {
      if (s.isBuiltInSymbol()) return s; // Times, Pi, …: never a value
      Optional<ScalarNode> node = MatrixScalars.node(s);
      if (node.isPresent()) return lower(node.get());
      if (Size.isSizeSymbol(s)) return F.ZZ(Size.of(s.getSymbolName()).resolve(sizes));
      return valuation.apply(s);
    }
    if (!(e instanceof IAST ast)) return e;
    IASTAppendable out = F.ast(ast.head(), ast.argSize());
    for (int i = 1; i <= ast.argSize(); i++) out.append(replace(ast.getAt(i)));
    return out;
  }

  private static IExpr[][] times(IExpr[][] a, IExpr[][] b) {
    int r = a.length, n = b.length, c = b[0].length;
    IExpr[][] out = new IExpr[r][c];
    for (int i = 0; i < r; i++)
      for (int j = 0; j < c; j++) {
        List<IExpr> terms = new ArrayList<>();
        for (int k = 0; k < n; k++) terms.add(F.Times(a[i][k], b[k][j]));
        out[i][j] = Symja.eval(F.Plus(terms.toArray(new IExpr[0])));
      }
    return out;
  }

  private static IExpr[][] fill(int r, int c) {
    IExpr[][] out = new IExpr[r][c];
    for (IExpr[] row : out) java.util.Arrays.fill(row, F.C0);
    return out;
  }

  private static IExpr toList(IExpr[][] m) {
    IExpr[] rows = new IExpr[m.length];
    for (int i = 0; i < m.length; i++) rows[i] = F.List(m[i]);
    return F.List(rows);
  }
}
