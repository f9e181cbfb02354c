package energy.pipeline;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.LogCombiner;
import energy.algebra.Simplifier;
import energy.algebra.Symja;
import energy.model.Variable;
import energy.print.LatexPrinter;
import energy.result.Couplings;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Kernel;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.MomentIdentity;
import energy.result.PartitionFunction;
import energy.result.PriorCumulants;
import energy.result.Result;
import energy.result.RgStep;
import energy.rg.CouplingClass;
import energy.rg.Recursion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The simplification pass: each result's printed expressions replaced by their shortest
 * verified equal forms ({@link Simplifier}), once, where the result is made, so that every
 * format and {@code check} see the same expressions. An energy's value becomes the sum of its
 * simplified terms; the energy later statements marginalize further is the unsimplified one.
 */
final class Simplify implements Result.Visitor<Result> {
  private final IExpr beta;
  private final List<ISymbol> units;
  private final LatexPrinter printer;

  private Simplify(Workspace w) {
    beta = w.beta;
    units = new ArrayList<>();
    for (Variable v : w.model.units()) units.addAll(w.symbols.symbols(List.of(v)));
    List<String> names = new ArrayList<>();
    for (var c : w.symbols.all()) names.add(c.name());
    printer = new LatexPrinter(units, names);
  }

  /** The most couplings of one result that are simplified (see {@link #couplings}). */
  static final int MAX_SIMPLIFIED_COUPLINGS = 256;

  static Result result(Result r, Workspace w) {
    return w.options.simplify() ? r.accept(new Simplify(w)) : r;
  }

  private Simplifier simplifier(List<Condition> conditions) {
    Set<ISymbol> positive = new HashSet<>();
    if (beta.isSymbol()) positive.add((ISymbol) beta);
    for (Condition c : conditions) {
      IExpr rel = c.relation();
      if (rel.isAST(S.Greater, 3) && rel.getAt(2).isZero() && rel.getAt(1).isSymbol()) positive.add((ISymbol) rel.getAt(1));
    }
    return new Simplifier(positive, units, printer);
  }

  /**
   * Each term simplified (a sum splits into terms), then the logarithms of the terms free of
   * units combined (½β⁻¹ ln(β/2π) + ½β⁻¹ ln c); terms with units stay apart, one per unit
   * function, as an energy is read.
   */
  private List<IExpr> terms(List<IExpr> terms, Simplifier s) {
    List<IExpr> out = new ArrayList<>();
    for (IExpr t : terms) {
      IExpr x = s.simplify(t);
      out.addAll(x == t ? List.of(t) : Symja.terms(x));
    }
    List<IExpr> constants = new ArrayList<>();
    for (IExpr t : out) if (java.util.Collections.disjoint(Simplifier.symbols(t), units)) constants.add(t);
    if (constants.size() >= 2) {
      IExpr whole = Symja.unsortedSum(constants), combined = s.simplifyLogs(whole);
      if (combined != whole) {
        int at = out.indexOf(constants.get(0));
        out.removeAll(constants);
        out.addAll(at, Symja.terms(combined));
      }
    }
    return out.equals(terms) ? terms : out;
  }

  private static IExpr sum(List<IExpr> terms) {
    return Symja.unsortedSum(terms);
  }

  /**
   * Each coupling simplified; {@code byTerm}: term by term, for an expansion's couplings, which
   * are written order by order.
   */
  private List<CouplingExtractor.Coefficient> couplings(List<CouplingExtractor.Coefficient> cs, Simplifier s, boolean byTerm) {
    // Each coupling costs about a millisecond of verified rewriting: past a few hundred the pass
    // would cost more than the expansion itself (RBM (16, 8, 4): 2 517 couplings, 0.2 s → 3 s).
    // Such results are printed as computed; they are read by programs more than by eye.
    if (cs.size() > MAX_SIMPLIFIED_COUPLINGS) return cs;
    List<CouplingExtractor.Coefficient> out = new ArrayList<>();
    boolean changed = false;
    for (CouplingExtractor.Coefficient c : cs) {
      IExpr shown = c.coupling(), x = shown;
      if (!byTerm) x = s.simplify(shown);
      else {
        List<IExpr> ts = Symja.terms(shown), simplified = new ArrayList<>();
        for (IExpr t : ts) simplified.addAll(Symja.terms(s.simplify(t)));
        if (!simplified.equals(ts)) x = Symja.unsortedSum(simplified);
      }
      if (x == shown) out.add(c);
      else {
        changed = true;
        out.add(new CouplingExtractor.Coefficient(c.units(), c.order() == 0 ? x : LogCombiner.negate(x)));
      }
    }
    return changed ? out : cs;
  }

  public Result marginal(Marginal r) {
    List<IExpr> t = terms(r.terms(), simplifier(r.conditions()));
    return t == r.terms() ? r : new Marginal(r.query(), r.args(), t, sum(t), r.conditions(), r.from(), r.steps());
  }

  public Result partitionFunction(PartitionFunction r) {
    Simplifier s = simplifier(r.conditions());
    IExpr z = s.simplify(r.z());
    List<IExpr> t = terms(r.freeEnergyTerms(), s);
    if (z == r.z() && t == r.freeEnergyTerms()) return r;
    return new PartitionFunction(r.query(), z, t, t == r.freeEnergyTerms() ? r.freeEnergy() : sum(t), r.conditions(), r.from(), r.steps());
  }

  public Result couplings(Couplings r) {
    var c = couplings(r.couplings(), simplifier(List.of()), false);
    return c == r.couplings() ? r : new Couplings(r.query(), r.args(), r.energy(), c, r.from());
  }

  public Result expansion(Expansion r) {
    List<IExpr> t = terms(r.terms(), simplifier(r.conditions()));
    return t == r.terms() ? r : new Expansion(r.query(), r.args(), t, r.value(), r.cumulants(), r.exact(), r.conditions(), r.from(), r.steps());
  }

  public Result expandedCouplings(ExpandedCouplings r) {
    var c = couplings(r.couplings(), simplifier(r.conditions()), true);
    return c == r.couplings() ? r : new ExpandedCouplings(r.query(), r.args(), r.value(), c, r.cumulants(), r.exact(), r.conditions(), r.from(), r.steps());
  }

  public Result priorCumulants(PriorCumulants r) {
    return r;
  }

  public Result momentIdentity(MomentIdentity r) {
    return r;
  }

  public Result kernel(Kernel r) {
    List<IExpr> t = terms(r.terms(), simplifier(List.of()));
    return t == r.terms() ? r : new Kernel(r.query(), t, sum(t), r.trace());
  }

  public Result matrixMarginal(MatrixMarginal r) {
    return r;
  }

  // Query results keep the forms their statement asked for (a coefficient, a value, a report).
  public Result coefficient(energy.result.Coefficient r) {
    return r;
  }

  public Result substitution(energy.result.Substitution r) {
    return r;
  }

  public Result derivative(energy.result.Derivative r) {
    return r;
  }

  public Result evaluation(energy.result.Evaluation r) {
    return r;
  }

  public Result verification(energy.result.Verification r) {
    return r;
  }

  /** What is printed: the display forms when the step has them (K′ = 2Kφ²) and their definitions (φ), else the images. */
  public Result rgStep(RgStep r) {
    Recursion rec = r.recursion();
    Simplifier s = simplifier(List.of());
    Recursion.Display d = rec.display();
    List<IExpr> images = new ArrayList<>();
    for (IExpr e : d == null ? rec.images() : d.images()) images.add(s.simplify(e));
    IExpr g = s.simplify(d == null ? rec.constantPerSite() : d.constantPerSite());
    Map<CouplingClass, IExpr> generated = new LinkedHashMap<>();
    for (Map.Entry<CouplingClass, IExpr> e : (d == null ? rec.generated() : d.generated()).entrySet())
      generated.put(e.getKey(), s.simplify(e.getValue()));
    Map<ISymbol, IExpr> definitions = new LinkedHashMap<>();
    for (Map.Entry<ISymbol, IExpr> e : rec.definitions().entrySet()) definitions.put(e.getKey(), s.simplify(e.getValue()));
    Recursion out = d == null
        ? new Recursion(rec.scheme(), rec.couplings(), rec.classes(), images, g, rec.scale(), generated, definitions, null)
        : new Recursion(rec.scheme(), rec.couplings(), rec.classes(), rec.images(), rec.constantPerSite(), rec.scale(), rec.generated(),
            definitions, new Recursion.Display(images, g, generated));
    return new RgStep(r.step(), r.blocks(), out, r.flow());
  }
}
