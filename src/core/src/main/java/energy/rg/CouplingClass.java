package energy.rg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A translation- and rotation-invariant family of spin products: the field (one site), the
 * pairs of one neighbour shell, the elementary triangles, the square plaquettes…. A class is
 * identified by the multiset of pairwise squared distances of its clusters (exact integers), so
 * the classes a step generates are recognized without a hand-written list; {@link #shapes} are
 * the clusters containing the origin as their first site (in (y, x) order), one per translation
 * class, so that summing the shapes over all sites counts every instance once.
 *
 * <p>Names: {@code h} (field), {@code K} (nearest pair), {@code K2}, {@code K3} (further pair
 * shells), and for k ≥ 3 sites {@code L} followed by the sorted shell numbers of the pairwise
 * distances, e.g. {@code L111} (elementary triangle) and {@code L111122} (square plaquette).
 */
public final class CouplingClass {
  private static final Map<String, ISymbol> SYMBOLS = new ConcurrentHashMap<>();

  private final Lattice.Kind kind;
  private final int[] signature; // sorted pairwise squared distances
  private final List<int[][]> shapes;
  private final String name;

  private CouplingClass(Lattice.Kind kind, int sites, int[] signature) {
    this.kind = kind;
    this.signature = signature;
    this.shapes = findShapes(kind, sites, signature);
    if (shapes.isEmpty()) throw new IllegalArgumentException("no cluster " + Arrays.toString(signature));
    this.name = nameOf(kind, sites, signature);
  }

  /** The class of the given cluster (integer coordinates of its sites). */
  public static CouplingClass of(Lattice.Kind kind, int[][] cluster) {
    return new CouplingClass(kind, cluster.length, signatureOf(kind, cluster));
  }

  public static CouplingClass field(Lattice.Kind kind) {
    return of(kind, new int[][] {{0, 0}});
  }

  /** The pairs of the {@code shell}-th neighbour shell (1 = nearest neighbours). */
  public static CouplingClass pair(Lattice.Kind kind, int shell) {
    int[] o = kind.halfOffsets(kind.shellNorms(shell).get(shell - 1)).get(0);
    return of(kind, new int[][] {{0, 0}, o});
  }

  /** Elementary triangles of the triangular lattice (3-spin couplings). */
  public static CouplingClass triangle() {
    return of(Lattice.Kind.TRIANGULAR, new int[][] {{0, 0}, {1, 0}, {0, 1}});
  }

  /** Elementary plaquettes of the square lattice (4-spin couplings). */
  public static CouplingClass plaquette() {
    return of(Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
  }

  public String name() {
    return name;
  }

  /**
   * The name a step's report prints: L for square plaquettes, L3 for triangles (not L: a step
   * may generate both), K2, K3 … for further pair shells, else {@link #name}.
   */
  public String printedName() {
    if (sites() == 4) return "L";
    if (sites() == 3) return "L3";
    return name;
  }

  /** What the class couples, in words: "four-spin plaquettes", "second-neighbour pairs". */
  public String couples() {
    if (sites() == 4) return "four-spin plaquettes";
    if (sites() == 3) return "three-spin triangles";
    if (sites() == 2 && name.startsWith("K")) {
      String shell = name.substring(1);
      return (shell.equals("2") ? "second" : shell.equals("3") ? "third" : shell + "th") + "-neighbour pairs";
    }
    return name;
  }

  public Lattice.Kind kind() {
    return kind;
  }

  public int sites() {
    return shapes.get(0).length;
  }

  /** One cluster per translation class, each starting at the origin. */
  public List<int[][]> shapes() {
    return shapes;
  }

  /** The default coupling symbol of this class (one shared instance per name). */
  public ISymbol symbol() {
    return SYMBOLS.computeIfAbsent(name, n -> new Symbol(n, Context.DUMMY));
  }

  /**
   * Every instance on the torus: for each site and shape, the sites it covers. On a small torus
   * an instance may repeat a site or another instance (the periodized infinite-lattice sum).
   */
  public List<int[]> instances(Lattice lattice) {
    if (lattice.kind() != kind) throw new IllegalArgumentException(name + " is not on " + lattice);
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s < lattice.size(); s++)
      for (int[][] shape : shapes) {
        int[] sites = new int[shape.length];
        for (int k = 0; k < shape.length; k++) sites[k] = lattice.shift(s, shape[k][0], shape[k][1]);
        out.add(sites);
      }
    return out;
  }

  /** True when the cluster with these coordinates belongs to this class. */
  public boolean contains(int[][] cluster) {
    return cluster.length == sites() && Arrays.equals(signatureOf(kind, cluster), signature);
  }

  static int[] signatureOf(Lattice.Kind kind, int[][] c) {
    int[] sig = new int[c.length * (c.length - 1) / 2];
    int n = 0;
    for (int i = 0; i < c.length; i++)
      for (int j = i + 1; j < c.length; j++)
        sig[n++] = kind.norm2(c[j][0] - c[i][0], c[j][1] - c[i][1]);
    Arrays.sort(sig);
    return sig;
  }

  // All clusters of the signature whose (y, x)-smallest site is the origin: the other sites lie
  // within the largest distance of it, so a finite search finds them all.
  private static List<int[][]> findShapes(Lattice.Kind kind, int sites, int[] signature) {
    List<int[][]> out = new ArrayList<>();
    if (sites == 1) {
      out.add(new int[][] {{0, 0}});
      return out;
    }
    int max = signature[signature.length - 1];
    int r = (int) Math.ceil(2 * Math.sqrt(max)) + 1;
    List<int[]> ball = new ArrayList<>();
    for (int y = 0; y <= (kind.dimension() == 1 ? 0 : r); y++)
      for (int x = -r; x <= r; x++)
        if ((y > 0 || x > 0) && kind.norm2(x, y) <= max) ball.add(new int[] {x, y});
    choose(kind, ball, 0, new ArrayList<>(List.of(new int[] {0, 0})), sites, signature, out);
    return out;
  }

  private static void choose(
      Lattice.Kind kind, List<int[]> ball, int from, List<int[]> chosen, int sites, int[] sig, List<int[][]> out) {
    if (chosen.size() == sites) {
      int[][] c = chosen.toArray(new int[0][]);
      if (Arrays.equals(signatureOf(kind, c), sig)) out.add(c);
      return;
    }
    for (int i = from; i < ball.size(); i++) {
      chosen.add(ball.get(i));
      choose(kind, ball, i + 1, chosen, sites, sig, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  private static String nameOf(Lattice.Kind kind, int sites, int[] sig) {
    if (sites == 1) return "h";
    List<Integer> norms = kind.shellNorms(8);
    StringBuilder shells = new StringBuilder();
    for (int n : sig) shells.append(norms.indexOf(n) + 1);
    if (sites == 2) return sig[0] == norms.get(0) ? "K" : "K" + shells;
    return "L" + shells;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CouplingClass c && c.kind == kind && Arrays.equals(c.signature, signature);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return name;
  }
}
