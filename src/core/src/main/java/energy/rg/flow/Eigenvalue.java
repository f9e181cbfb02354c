package energy.rg.flow;

import java.util.List;

/**
 * One eigenvalue λ = re + i·im of the Jacobian at a fixed point, its RG exponent y = ln|λ| / ln b
 * (−∞ when λ = 0; a negative λ uses |λ|) and whether the direction is relevant (|λ| > 1), marginal
 * or irrelevant. The right eigenvector (unit length, largest component positive) is given for real
 * λ only, empty otherwise; for a degenerate λ it is the unit projection of the thermal axis onto
 * the eigenspace (any eigenspace vector if that projection vanishes).
 */
public record Eigenvalue(
    double re, double im, double exponent, Relevance relevance, List<Double> vector) {

  public enum Relevance {
    RELEVANT,
    MARGINAL,
    IRRELEVANT
  }

  public Eigenvalue {
    vector = List.copyOf(vector);
  }

  public boolean isReal() {
    return im == 0;
  }

  /** |λ|. */
  public double modulus() {
    return Math.hypot(re, im);
  }
}
