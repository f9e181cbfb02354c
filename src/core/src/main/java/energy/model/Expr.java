package energy.model;

import energy.diag.Span;
import java.math.BigInteger;
import java.util.List;

/** An expression as written in an energy; every node knows its source span. */
public sealed interface Expr {
  Span span();

  <R> R accept(Visitor<R> v);

  interface Visitor<R> {
    R visitNumber(Num e);

    R visitName(Name e);

    R visitIndexed(Indexed e);

    R visitCall(Call e);

    R visitUnary(Unary e);

    R visitBinary(Binary e);

    R visitDot(Dot e);

    R visitSum(Sum e);

    /** Bond sums are only in reduced lattice energies, which these passes never see. */
    default R visitBondSum(BondSum e) {
      throw new IllegalStateException("a bond sum outside a lattice energy: " + e.span());
    }
  }

  /** An exact rational literal: {@code 2}, {@code 0.25} (= 1/4). */
  record Num(BigInteger numerator, BigInteger denominator, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitNumber(this);
    }
  }

  /** A scalar, vector or matrix name, or a sum index. */
  record Name(Ident name, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitName(this);
    }
  }

  /** {@code A[i, 2]}. */
  record Indexed(Ident name, List<Expr> indices, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitIndexed(this);
    }
  }

  /** {@code cosh(u)}: one of the elementary functions. */
  record Call(Ident function, List<Expr> args, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitCall(this);
    }
  }

  /** {@code -u} or {@code +u}. */
  record Unary(char op, Expr operand, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitUnary(this);
    }
  }

  /** {@code + - * / ^}. */
  record Binary(char op, Expr left, Expr right, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBinary(this);
    }
  }

  /** Contraction {@code a.x}, {@code x.A.y}: the last index of the left with the first of the right. */
  record Dot(Expr left, Expr right, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitDot(this);
    }
  }

  /** {@code sum(i, j) body}: each index runs over the size of the slots it fills. */
  record Sum(List<Ident> indices, Expr body, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitSum(this);
    }
  }

  /**
   * {@code sum<i,j> body}: over the bonds of one neighbour shell of the lattice, each once;
   * {@code shell} is the number of angle brackets (⟨ij⟩ nearest, ⟨⟨ij⟩⟩ next-nearest, ⟨⟨⟨ij⟩⟩⟩ third).
   */
  record BondSum(Ident i, Ident j, int shell, Expr body, Span span) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.visitBondSum(this);
    }
  }
}
