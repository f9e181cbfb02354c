package energy.algebra.matrix;

import static energy.algebra.matrix.MatrixExpr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.algebra.Symja;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

class MatrixScalarsTest {
  static final Size N = Size.of("n"), M = Size.of("m"), P = Size.of("p");
  static final IExpr BETA = RandomMatrices.BETA;
  static final Named A = matrix("A", N, N), C = matrix("C", N, N), B = matrix("B", M, P);

  static IExpr atom(ScalarNode n) {
    return MatrixScalars.atom(n);
  }

  @Test
  void determinantRules() {
    assertEquals(F.C1, MatrixScalars.det(identity(N)));
    assertEquals(F.C0, MatrixScalars.det(zero(N, N)));
    assertEquals(Symja.eval(F.Power(BETA, N.toSymja())), MatrixScalars.det(scale(BETA, identity(N))));
    assertEquals(F.ZZ(8), MatrixScalars.det(scale(2, identity(Size.of(3)))));
    IExpr detA = atom(new ScalarNode.Det(A));
    assertEquals(detA, MatrixScalars.det(A));
    assertEquals(detA, MatrixScalars.det(transpose(A)));
    assertEquals(Symja.eval(F.Power(detA, F.CN1)), MatrixScalars.det(inverse(A)));
    assertEquals(Symja.eval(F.Times(F.Power(BETA, N.toSymja()), detA)), MatrixScalars.det(scale(BETA, A)));
    IExpr detC = atom(new ScalarNode.Det(C));
    assertEquals(Symja.eval(F.Times(detA, detC)), MatrixScalars.det(multiply(A, C)));
    // Non-square factors: det(XY) with X n×m stays whole.
    MatrixExpr xy = multiply(matrix("X", N, M), matrix("Y", M, N));
    assertEquals(atom(new ScalarNode.Det(xy)), MatrixScalars.det(xy));
    assertSame(MatrixScalars.det(xy), MatrixScalars.det(xy), "one atom per node");
    assertThrows(IllegalArgumentException.class, () -> MatrixScalars.det(matrix("X", N, M)));
  }

  @Test
  void logDetAndTraceRules() {
    IExpr ldA = atom(new ScalarNode.LogDet(A));
    assertEquals(Symja.eval(F.Plus(F.Times(N.toSymja(), F.Log(BETA)), ldA)), MatrixScalars.logDet(scale(BETA, A)));
    assertEquals(Symja.eval(F.Negate(ldA)), MatrixScalars.logDet(inverse(transpose(A))));
    assertEquals(F.C0, MatrixScalars.logDet(identity(N)));
    IExpr trA = atom(new ScalarNode.Trace(A));
    assertEquals(N.toSymja(), MatrixScalars.trace(identity(N)));
    assertEquals(Symja.eval(F.Plus(F.Times(F.C2, trA), N.toSymja())),
        MatrixScalars.trace(add(scale(2, transpose(A)), identity(N))));
    // tr(x yᵀ) = yᵀx, the same atom as x·y (orientation canonical).
    Named x = vector("x", N), y = vector("y", N);
    assertEquals(MatrixScalars.bilinear(x, identity(N), y), MatrixScalars.trace(multiply(y, transpose(x))));
    assertEquals(MatrixScalars.bilinear(x, A, y), MatrixScalars.bilinear(y, transpose(A), x));
  }

  @Test
  void formsAreLinear() {
    Named x = vector("x", N);
    MatrixExpr xax = multiply(transpose(x), A, x), xcx = multiply(transpose(x), C, x);
    IExpr q = MatrixScalars.form(add(scale(BETA, xax), multiply(scale(-3, transpose(x)), C, x), scale(4, xcx)));
    IExpr expected = F.Plus(F.Times(BETA, atom(new ScalarNode.Form(multiply(transpose(x), A, x)))),
        atom(new ScalarNode.Form(multiply(transpose(x), C, x))));
    assertEquals(Symja.eval(expected), q);
    // Products are not distributed: xᵀ(βA + C)x is one atom.
    MatrixExpr whole = multiply(transpose(x), add(scale(BETA, A), C), x);
    assertEquals(atom(new ScalarNode.Form(whole)), MatrixScalars.quadratic(x, add(scale(BETA, A), C)));
  }

  /** det(𝟙_m − BBᵀ) = det(𝟙_p − BᵀB): structurally, and applied on its own where p is smaller. */
  @Test
  void determinantLemma() {
    MatrixExpr big = subtract(identity(M), multiply(B, transpose(B)));
    Optional<MatrixExpr> small = MatrixScalars.determinantLemma(big);
    assertEquals(Optional.of(subtract(identity(P), multiply(transpose(B), B))), small);
    assertEquals(atom(new ScalarNode.Det(big)), MatrixScalars.det(big), "symbolic sizes: not applied by itself");

    Named b5 = matrix("B", Size.of(5), Size.of(2));
    MatrixExpr five = subtract(identity(Size.of(5)), multiply(b5, transpose(b5)));
    assertEquals(atom(new ScalarNode.Det(subtract(identity(Size.of(2)), multiply(transpose(b5), b5)))),
        MatrixScalars.det(five));

    Named v = vector("v", N);
    IExpr rankOne = MatrixScalars.det(add(identity(N), scale(BETA, multiply(v, transpose(v)))));
    assertEquals(Symja.eval(F.Plus(F.C1, F.Times(BETA, MatrixScalars.bilinear(v, identity(N), v)))), rankOne);
  }

  /** det, ln det, tr and forms against Symja's Det, Log, Tr on the instantiated matrices. */
  @Test
  void scalarFunctionsMatchComponents() {
    long seed = RandomMatrices.seed("scalarFunctionsMatchComponents");
    RandomMatrices g = new RandomMatrices(new Random(seed));
    for (int t = 0; t < 150; t++) {
      g.reset();
      g.positive = false;
      Size n = g.dim();
      MatrixExpr e = t % 3 == 0 ? g.safe(n, 3) : g.gen(n, n, 3);
      Instantiation inst = g.numeric();
      String what = "tree " + t + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(e);
      IExpr matrix = inst.matrix(e);
      RandomMatrices.assertClose(F.Det(matrix), inst.scalar(MatrixScalars.det(e)), "det " + what);
      RandomMatrices.assertClose(F.Tr(matrix), inst.scalar(MatrixScalars.trace(e)), "tr " + what);
      Named x = vector("x_" + n, n), y = vector("y_" + n, n);
      IExpr form = inst.scalar(MatrixScalars.bilinear(x, e, y));
      RandomMatrices.assertClose(inst.entries(multiply(transpose(x), e, y))[0][0], form, "form " + what);

      g.positive = true;
      MatrixExpr pd = g.safe(n, 3);
      String pw = "tree " + t + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(pd);
      RandomMatrices.assertClose(F.Log(F.Det(inst.matrix(pd))), inst.scalar(MatrixScalars.logDet(pd)), "ln det " + pw);
    }
  }

  @Test
  void determinantLemmaMatchesComponents() {
    long seed = RandomMatrices.seed("determinantLemmaMatchesComponents");
    RandomMatrices g = new RandomMatrices(new Random(seed));
    for (int t = 0; t < 60; t++) {
      g.reset();
      IExpr c = g.coefficient();
      MatrixExpr u = g.gen(M, P, 1), w = g.gen(P, M, 1);
      MatrixExpr big = add(identity(M), scale(c, multiply(u, w)));
      Instantiation inst = g.numeric();
      String what = "case " + t + " (seed " + seed + "): " + MatrixPrinter.TEXT.print(big);
      Optional<MatrixExpr> small = MatrixScalars.determinantLemma(big);
      IExpr direct = F.Det(inst.matrix(big));
      if (small.isPresent()) {
        assertEquals(MatrixSimplifier.simplify(big).rows(), M, what);
        RandomMatrices.assertClose(direct, F.Det(inst.matrix(small.get())), "lemma " + what);
      }
      RandomMatrices.assertClose(direct, inst.scalar(MatrixScalars.det(big)), "det " + what);
    }
    Named b = matrix("B", M, P);
    MatrixExpr big = subtract(identity(M), multiply(b, transpose(b)));
    g.sizes.putAll(Map.of("m", 3, "p", 2));
    Instantiation inst = g.numeric();
    RandomMatrices.assertClose(F.Det(inst.matrix(big)),
        F.Det(inst.matrix(MatrixScalars.determinantLemma(big).orElseThrow())), "𝟙 − BBᵀ");
  }

  @Test
  void sizesInstantiate() {
    Instantiation inst = new Instantiation(Map.of("n", 3));
    assertEquals(Symja.eval(F.Power(BETA, F.C3)), inst.scalar(MatrixScalars.det(scale(BETA, identity(N)))));
    assertSame(inst.component("A", 1, 2), inst.symbol("A[1,2]"));
    IExpr s = inst.matrix(symmetric("S", N));
    assertSame(s.getAt(1).getAt(2), s.getAt(2).getAt(1));
    assertEquals("{{x[1]},{x[2]},{x[3]}}", inst.matrix(vector("x", N)).toString());
    assertTrue(inst.components().size() >= 7);
  }
}
