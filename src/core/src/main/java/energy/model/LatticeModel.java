package energy.model;

import energy.diag.Span;
import java.util.List;
import java.util.Map;

/**
 * The lattice part of a checked file: a lattice of spins s on its sites, reduced energies 𝒦(s)
 * (weight e^{𝒦}, so 𝒦 = −βH), an optional block rule, RG steps and flows.
 *
 * @param spin the name of the site spin ({@code spin s on sites})
 * @param blocks the block rule of {@code rg cumulant}, or null
 * @param energies reduced energies by name, in declaration order
 */
public record LatticeModel(
    Kind kind, boolean periodic, Ident spin, Blocks blocks, Map<String, Energy> energies, List<Step> steps, List<Flow> flows) {

  public enum Kind {
    CHAIN("chain", 1),
    SQUARE("square", 2),
    TRIANGULAR("triangular", 2);

    public final String word;
    public final int dimension;

    Kind(String word, int dimension) {
      this.word = word;
      this.dimension = dimension;
    }
  }

  /** {@code blocks triangles of 3 by majority}: block spins by majority rule. */
  public record Blocks(String shape, int size, Span span) {}

  /** {@code reduced energy K0(s) = …}. */
  public record Energy(Ident name, Expr body, Span span) {}

  public enum Scheme {
    DECIMATE("decimate"),
    CUMULANT("cumulant"),
    MIGDAL_KADANOFF("migdal-kadanoff");

    public final String word;

    Scheme(String word) {
      this.word = word;
    }
  }

  /**
   * {@code R = rg decimate K0 keep every 2}, {@code rg cumulant K0 order 2}, {@code rg
   * migdal-kadanoff K0 scale 2}: {@code parameter} is the kept fraction, the order or the scale.
   */
  public record Step(Ident result, Ident energy, Scheme scheme, int parameter, Span span) {}

  /** {@code flow R}: fixed points and exponents of the recursion of step R. */
  public record Flow(Ident step, Span span) {}
}
