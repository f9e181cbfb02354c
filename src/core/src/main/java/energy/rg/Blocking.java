package energy.rg;

import java.util.Arrays;

/**
 * A partition of a lattice into congruent blocks whose anchors form a superlattice spanned by
 * A₁, A₂ (integer coordinates of the original lattice), with a majority rule per block. The block
 * spins live on a lattice of kind {@link #blockKind} with e₁, e₂ ↦ A₁, A₂; b = |A₁| is the scale.
 *
 * <p>Niemeijer–van Leeuwen: up-triangles {(0,0),(1,0),(0,1)} of the triangular lattice anchored
 * on A₁ = (1,1), A₂ = (2,−1): these vectors are √3 long at 60°, so the block lattice is again
 * triangular, rotated by 30°, b = √3. Square n×n blocks (n odd, so the majority is never tied):
 * A₁ = (n,0), A₂ = (0,n), b = n.
 */
public record Blocking(
    Lattice.Kind kind, int[][] shape, int[] a1, int[] a2, Lattice.Kind blockKind, double scale) {

  /**
   * Checkerboard pairs of the square lattice: site (0,0) of each pair is kept (the sublattice
   * x + y even, a square lattice rotated by 45° with spacing √2), site (1,0) is decimated.
   */
  public static Blocking checkerboard() {
    return new Blocking(
        Lattice.Kind.SQUARE, new int[][] {{0, 0}, {1, 0}}, new int[] {1, 1}, new int[] {1, -1}, Lattice.Kind.SQUARE, Math.sqrt(2));
  }

  /** Blocks of b consecutive sites of the chain (for decimation and chain kernels). */
  public static Blocking chain(int b) {
    int[][] shape = new int[b][];
    for (int k = 0; k < b; k++) shape[k] = new int[] {k, 0};
    return new Blocking(Lattice.Kind.CHAIN, shape, new int[] {b, 0}, new int[] {0, 1}, Lattice.Kind.CHAIN, b);
  }

  public static Blocking triangles() {
    return new Blocking(
        Lattice.Kind.TRIANGULAR,
        new int[][] {{0, 0}, {1, 0}, {0, 1}},
        new int[] {1, 1},
        new int[] {2, -1},
        Lattice.Kind.TRIANGULAR,
        Math.sqrt(3));
  }

  public static Blocking squares(int n) {
    if (n % 2 == 0 || n < 1) throw new IllegalArgumentException("square blocks need odd size");
    int[][] shape = new int[n * n][];
    for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) shape[x + n * y] = new int[] {x, y};
    return new Blocking(Lattice.Kind.SQUARE, shape, new int[] {n, 0}, new int[] {0, n}, Lattice.Kind.SQUARE, n);
  }

  public int blockSize() {
    return shape.length;
  }

  /** The blocking of the torus with m × m blocks (periods m A₁, m A₂). */
  public Instance on(int m) {
    Lattice fine = Lattice.torus(kind, new int[] {m * a1[0], m * a1[1]}, new int[] {m * a2[0], m * a2[1]});
    Lattice coarse = Lattice.torus(blockKind, new int[] {m, 0}, new int[] {0, m});
    int[] blockOf = new int[fine.size()];
    int[] local = new int[fine.size()];
    int[][] sites = new int[coarse.size()][shape.length];
    Arrays.fill(blockOf, -1);
    for (int bl = 0; bl < coarse.size(); bl++) {
      int u = coarse.x(bl), v = coarse.y(bl);
      int ax = u * a1[0] + v * a2[0], ay = u * a1[1] + v * a2[1];
      for (int k = 0; k < shape.length; k++) {
        int s = fine.site(ax + shape[k][0], ay + shape[k][1]);
        if (blockOf[s] >= 0) throw new IllegalStateException("blocks overlap");
        blockOf[s] = bl;
        local[s] = k;
        sites[bl][k] = s;
      }
    }
    return new Instance(this, fine, coarse, blockOf, local, sites);
  }

  /** A blocked torus: which block (site of {@code coarse}) and which block position each site has. */
  public record Instance(
      Blocking blocking, Lattice fine, Lattice coarse, int[] blockOf, int[] local, int[][] sites) {}
}
