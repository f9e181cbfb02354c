package energy.rg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatticeTest {
  /** Shell norms from the integer quadratic form agree with Euclidean distances of the positions. */
  @Test
  void shellNormsAreEuclideanDistances() {
    for (Lattice.Kind kind : Lattice.Kind.values()) {
      for (int x = -3; x <= 3; x++)
        for (int y = -3; y <= 3; y++) {
          double[] p = kind.position(x, kind == Lattice.Kind.CHAIN ? 0 : y);
          double d2 = p[0] * p[0] + p[1] * p[1];
          assertEquals(d2, kind.norm2(x, kind == Lattice.Kind.CHAIN ? 0 : y), 1e-12);
        }
    }
    assertEquals(List.of(1, 4, 9), Lattice.Kind.CHAIN.shellNorms(3));
    assertEquals(List.of(1, 2, 4), Lattice.Kind.SQUARE.shellNorms(3));
    assertEquals(List.of(1, 3, 4), Lattice.Kind.TRIANGULAR.shellNorms(3));
  }

  /** Each site has z nearest neighbours: z/2 bonds per site, all distinct on a large torus. */
  @Test
  void coordinationNumbers() {
    check(Lattice.chain(10), 1, 2);
    check(Lattice.square(5, 6), 1, 4);
    check(Lattice.square(5, 6), 2, 4);
    check(Lattice.triangular(6, 5), 1, 6);
    check(Lattice.triangular(6, 6), 2, 6);
    check(Lattice.torus(Lattice.Kind.TRIANGULAR, new int[] {5, 5}, new int[] {10, -5}), 1, 6);
  }

  private static void check(Lattice l, int shell, int z) {
    List<int[]> bonds = l.bonds(shell);
    assertEquals(l.size() * z / 2, bonds.size(), l + " shell " + shell);
    Set<Long> distinct = new HashSet<>();
    for (int[] b : bonds) distinct.add((long) Math.min(b[0], b[1]) * 100000 + Math.max(b[0], b[1]));
    assertEquals(bonds.size(), distinct.size(), "aliased bonds on " + l);
  }

  /** A skew torus: 27 sites, every site reduced into range, periods map to the same site. */
  @Test
  void skewTorusWrapsConsistently() {
    Lattice l = Lattice.torus(Lattice.Kind.TRIANGULAR, new int[] {3, 3}, new int[] {6, -3});
    assertEquals(27, l.size());
    for (int s = 0; s < l.size(); s++) {
      assertEquals(s, l.site(l.x(s), l.y(s)));
      assertEquals(s, l.shift(s, 3, 3));
      assertEquals(s, l.shift(s, 6, -3));
      assertEquals(s, l.shift(s, 9, 0));
    }
  }

  /** Translation classes of the coupling classes (counted by hand from the lattice pictures). */
  @Test
  void couplingClassShapes() {
    assertEquals(3, CouplingClass.pair(Lattice.Kind.TRIANGULAR, 1).shapes().size());
    assertEquals(3, CouplingClass.pair(Lattice.Kind.TRIANGULAR, 2).shapes().size());
    assertEquals(3, CouplingClass.pair(Lattice.Kind.TRIANGULAR, 3).shapes().size());
    assertEquals(2, CouplingClass.triangle().shapes().size()); // up and down triangles
    assertEquals(1, CouplingClass.plaquette().shapes().size());
    assertEquals(2, CouplingClass.pair(Lattice.Kind.SQUARE, 2).shapes().size());
    assertEquals(1, CouplingClass.pair(Lattice.Kind.CHAIN, 3).shapes().size());
    assertEquals("K", CouplingClass.pair(Lattice.Kind.SQUARE, 1).name());
    assertEquals("K2", CouplingClass.pair(Lattice.Kind.SQUARE, 2).name());
    assertEquals("L111", CouplingClass.triangle().name());
    assertEquals("L111122", CouplingClass.plaquette().name());
    assertTrue(CouplingClass.pair(Lattice.Kind.SQUARE, 1).contains(new int[][] {{3, 4}, {3, 5}}));
    assertEquals(2 * 36, CouplingClass.triangle().instances(Lattice.triangular(6, 6)).size());
  }

  /** Blocks tile the torus: NvL triangles on the skew torus, 3×3 squares. */
  @Test
  void blockingsTile() {
    Blocking.Instance t = Blocking.triangles().on(3);
    assertEquals(27, t.fine().size());
    assertEquals(9, t.coarse().size());
    Blocking.Instance s = Blocking.squares(3).on(2);
    assertEquals(36, s.fine().size());
    assertEquals(4, s.coarse().size());
    // The block lattice of NvL is triangular with spacing √3: anchors of neighbouring blocks.
    int[] a1 = Blocking.triangles().a1(), a2 = Blocking.triangles().a2();
    assertEquals(3, Lattice.Kind.TRIANGULAR.norm2(a1[0], a1[1]));
    assertEquals(3, Lattice.Kind.TRIANGULAR.norm2(a2[0], a2[1]));
    assertEquals(3, Lattice.Kind.TRIANGULAR.norm2(a1[0] - a2[0], a1[1] - a2[1]));
  }
}
