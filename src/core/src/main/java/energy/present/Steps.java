package energy.present;

import energy.Compilation;
import energy.algebra.GaussianIntegrator;
import energy.algebra.SymbolTable;
import energy.algebra.Symja;
import energy.algebra.matrix.MatrixScalars;
import energy.algebra.matrix.MatrixTerms;
import energy.algebra.matrix.Size;
import energy.model.EnergyDef;
import energy.model.UnitKind;
import energy.model.Variable;
import energy.present.Math.Expr;
import energy.present.Math.Formula;
import energy.present.Math.Name;
import energy.present.Part.Equation;
import energy.result.Derivation;
import energy.result.ExpandedCouplings;
import energy.result.Expansion;
import energy.result.Marginal;
import energy.result.MatrixMarginal;
import energy.result.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A result's {@link Derivation} as parts, written out as a physicist would: the quadratic form's M
 * and J, the Gaussian formula, det M, M⁻¹ and JᵀM⁻¹J, the convergence conditions; the groups of
 * coupled discrete units and each group's sum; the cumulant expansion's formula, fields and terms.
 * In matrix notation (symbolic sizes) the same, one unit vector at a time, with M, J and M⁻¹ as
 * matrix expressions and a vector of discrete units' sum factorized over its components. Letters
 * for M, J and the field ψ are chosen not to clash with the model's names.
 */
public final class Steps {
  /** Largest matrix whose inverse is shown entry by entry (adj M / det M); larger ones show JᵀM⁻¹J only. */
  private static final int SHOWN_INVERSE = 3;

  private final Compilation c;
  private final boolean beta;
  private final IExpr betaSymbol;
  private final String m, j;
  /** The field on a summed-out vector of units in matrix notation (ψ). */
  private final String psi;
  /** The presenter's order of a sum's terms, so that a step prints a sum as the result does. */
  private final energy.print.TermOrder order;

  Steps(Compilation c, energy.print.TermOrder order) {
    this.c = c;
    this.order = order;
    this.beta = c.model().temperature() != null;
    this.betaSymbol = c.beta();
    Set<String> taken = new HashSet<>(c.model().energies().keySet());
    for (SymbolTable.Component comp : c.symbols().all()) taken.add(comp.name());
    for (Result r : c.results()) taken.add(r.name());
    taken.addAll(c.model().variables().keySet());
    this.m = free(taken, "M", "Q", "G", "S");
    this.j = free(taken, "J", "b", "k", "w");
    this.psi = free(taken, "psi", "phi", "chi");
  }

  private static String free(Set<String> taken, String... candidates) {
    for (String s : candidates) if (!taken.contains(s)) return s;
    return candidates[0] + "_{0}";
  }

  /** The steps of a result, with a heading; empty when it records none. */
  List<Part> of(Result r) {
    Derivation d = derivation(r);
    if (d.isEmpty()) return List.of();
    List<Part> body = new ArrayList<>();
    Math source = source(r);
    for (int i = 0; i < d.steps().size(); i++) {
      Derivation.Step s = d.steps().get(i);
      boolean last = i == d.steps().size() - 1;
      Math before = i == 0 ? source : new Math.Prime(new Name(sourceName(r)));
      Math after = last ? after(r) : new Math.Prime(new Name(sourceName(r)));
      if (s instanceof Derivation.Gaussian g) gaussian(g, before, after, body);
      else if (s instanceof Derivation.DiscreteSum ds) discrete(ds, before, after, body);
      else if (s instanceof Derivation.MatrixGaussian g) matrixGaussian(g, before, after, body);
      else if (s instanceof Derivation.MatrixSum ms) matrixSum(ms, before, after, body);
      else series((Derivation.CumulantSeries) s, r, body);
      if (!last) body.add(new Equation(new Math.Prime(new Name(sourceName(r))), canonical(s.result())));
    }
    if (!(d.steps().get(d.steps().size() - 1) instanceof Derivation.CumulantSeries)) body.add(Presenter.prose("so that:"));
    body = merged(body);
    List<Part.Inline> heading = new ArrayList<>(Presenter.prose("How ", new Name(r.name()), " is obtained. ").pieces());
    heading.addAll(((Part.Prose) body.get(0)).pieces());
    return List.of(new Part.Section(Optional.of(new Part.Prose(heading)), body.subList(1, body.size())));
  }

  /** Consecutive prose as one paragraph (a paper sets each as a row of its own, which would leave empty rows). */
  private static List<Part> merged(List<Part> parts) {
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Part.Prose next && !out.isEmpty() && out.get(out.size() - 1) instanceof Part.Prose before) {
        List<Part.Inline> pieces = new ArrayList<>(before.pieces());
        pieces.add(new Part.Inline.Words(" "));
        pieces.addAll(next.pieces());
        out.set(out.size() - 1, new Part.Prose(pieces));
      } else out.add(p);
    }
    return out;
  }

  static Derivation derivation(Result r) {
    if (r instanceof Marginal x) return x.steps();
    if (r instanceof energy.result.PartitionFunction x) return x.steps();
    if (r instanceof Expansion x) return x.steps();
    if (r instanceof ExpandedCouplings x) return x.steps();
    if (r instanceof MatrixMarginal x) return x.steps();
    return Derivation.NONE;
  }

  // ---------------------------------------------------------------- Gaussian

  private void gaussian(Derivation.Gaussian g, Math before, Math after, List<Part> body) {
    int k = g.units().size();
    body.add(Presenter.prose("Integrate out ", exprs(g.units()), (k == 1 ? " (a real unit)" : " (real units)") + ": the energy is a quadratic form in "
        + (k == 1 ? "it" : "them") + ",", ""));
    Math u = k == 1 ? new Expr(g.units().get(0)) : new Name("u");
    Math mm = new Name(m), jj = new Name(j);
    if (k == 1)
      body.add(new Equation(before, new Formula("\\frac{1}{2} %s %s^{2} - %s %s + \\tilde{H}", "½ %s %s² − %s %s + H̃", List.of(mm, u, jj, u))));
    else
      body.add(new Equation(before, new Formula("\\frac{1}{2} \\mathbf{u}^{\\mathsf{T}} %s \\mathbf{u} - %s^{\\mathsf{T}} \\mathbf{u} + \\tilde{H}",
          "½ uᵀ%s u − %sᵀu + H̃", List.of(mm, jj))));
    if (k > 1) body.add(new Equation(new Formula("\\mathbf{u}", "u", List.of()), column(g.units())));
    body.add(new Equation(mm, k == 1 ? new Expr(g.m().get(0).get(0)) : matrix(g.m())));
    body.add(new Equation(jj, k == 1 ? Presenter.sum(order, g.j().get(0)) : column(g.j())));
    body.add(new Equation(new Formula("\\tilde{H}", "H̃", List.of()), canonical(g.rest())));
    body.add(Presenter.prose("For positive definite ", mm, ", the Gaussian integral is ", gaussianIntegral(k, u)));
    body.add(new Equation(new Formula("", "", List.of()), gaussianValue(k)));
    if (k > 1) {
      body.add(new Equation(new Formula("\\det %s", "det %s", List.of(mm)), Presenter.sum(order, g.det())));
      if (k <= SHOWN_INVERSE) body.add(new Equation(new Formula("%s^{-1}", "%s⁻¹", List.of(mm)), inverse(g)));
      body.add(new Equation(new Formula("%s^{\\mathsf{T}} %s^{-1} %s", "%sᵀ%s⁻¹%s", List.of(jj, mm, jj)), canonical(F.Divide(g.form(), g.det()))));
    } else {
      body.add(new Equation(new Formula("\\frac{%s^{2}}{%s}", "%s²/%s", List.of(jj, mm)), canonical(F.Divide(g.form(), g.det()))));
    }
    List<Math> minors = new ArrayList<>();
    for (IExpr minor : g.minors()) if (!minor.isNumber()) minors.add(new Expr(F.Greater(minor, F.C0)));
    if (minors.isEmpty()) body.add(Presenter.prose(mm, " is positive definite (its leading principal minors are positive numbers)."));
    else {
      body.add(Presenter.prose(k == 1 ? "It converges when " : "It converges when its leading principal minors are positive (Sylvester's criterion):",
          k == 1 ? new Formula("%s > 0", "%s > 0", List.of(mm)) : "", k == 1 ? ":" : ""));
      body.add(new Part.Conditions(minors));
    }
    body.add(Presenter.prose("Taking ", beta ? new Formula("-\\frac{1}{\\beta} \\ln", "−(1/β) ln", List.of()) : new Formula("-\\ln", "−ln", List.of()),
        " of the integral:"));
    body.add(new Equation(after, marginalFormula(k, u)));
  }

  private Math gaussianIntegral(int k, Math u) {
    String b = beta ? "\\beta" : "", bt = beta ? "β" : "";
    if (k == 1)
      return new Formula("\\int d%s \\, e^{-" + b + "(\\frac{1}{2} %s %s^{2} - %s %s)}", "∫d%s exp(−" + bt + "(½ %s %s² − %s %s))",
          List.of(u, new Name(m), u, new Name(j), u));
    return new Formula("\\int d^{" + k + "}u \\, e^{-" + b + "(\\frac{1}{2} \\mathbf{u}^{\\mathsf{T}} %s \\mathbf{u} - %s^{\\mathsf{T}} \\mathbf{u})}",
        "∫d" + superscript(k) + "u exp(−" + bt + "(½ uᵀ%s u − %sᵀu))", List.of(new Name(m), new Name(j)));
  }

  private Math gaussianValue(int k) {
    String half = k % 2 == 0 ? String.valueOf(k / 2) : "\\frac{" + k + "}{2}", halfText = k % 2 == 0 ? String.valueOf(k / 2) : k + "/2";
    String base = beta ? "\\left(\\frac{2\\pi}{\\beta}\\right)" : "(2\\pi)", baseText = beta ? "(2π/β)" : "(2π)";
    String power = k == 1 ? "^{1/2}" : k == 2 ? "" : "^{" + half + "}", powerText = k == 1 ? "^(1/2)" : k == 2 ? "" : "^(" + halfText + ")";
    String b = beta ? "\\beta " : "", bt = beta ? "β" : "";
    if (k == 1)
      return new Formula(base + power + " %s^{-1/2} \\, e^{" + b + "%s^{2}/2%s}", baseText + powerText + " %s^(−1/2) exp(" + bt + "%s²/(2%s))",
          List.of(new Name(m), new Name(j), new Name(m)));
    return new Formula(base + power + " (\\det %s)^{-1/2} \\, e^{" + b + "%s^{\\mathsf{T}} %s^{-1} %s/2}",
        baseText + powerText + " (det %s)^(−1/2) exp(" + bt + "%sᵀ%s⁻¹%s/2)", List.of(new Name(m), new Name(j), new Name(m), new Name(j)));
  }

  /** H′ = H̃ − ½ JᵀM⁻¹J + (k/2β) ln(β/2π) + (1/2β) ln det M. */
  private Math marginalFormula(int k, Math u) {
    Math mm = new Name(m), jj = new Name(j);
    String form = k == 1 ? "\\frac{%s^{2}}{2 %s}" : "\\frac{1}{2} %s^{\\mathsf{T}} %s^{-1} %s";
    String formText = k == 1 ? "%s²/(2%s)" : "½ %sᵀ%s⁻¹%s";
    List<Math> args = k == 1 ? List.of(jj, mm, mm) : List.of(jj, mm, jj, mm);
    String det = k == 1 ? "%s" : "\\det %s", detText = k == 1 ? "%s" : "det %s";
    String coef = k % 2 == 1 ? "\\frac{" + k + "}{2\\beta}" : "\\frac{" + (k / 2) + "}{\\beta}";
    String coefText = k % 2 == 1 ? "(" + k + "/2β)" : "(" + (k / 2) + "/β)";
    if (beta)
      return new Formula("\\tilde{H} - " + form + " + " + coef + " \\ln \\frac{\\beta}{2\\pi} + \\frac{1}{2\\beta} \\ln " + det,
          "H̃ − " + formText + " + " + coefText + " ln(β/2π) + (1/2β) ln " + detText, args);
    String c0 = k == 1 ? "\\frac{1}{2}" : k % 2 == 0 ? (k == 2 ? "" : String.valueOf(k / 2)) : "\\frac{" + k + "}{2}";
    String c0Text = k == 1 ? "½" : k % 2 == 0 ? (k == 2 ? "" : String.valueOf(k / 2)) : "(" + k + "/2)";
    return new Formula("\\tilde{H} - " + form + " - " + c0 + " \\ln 2\\pi + \\frac{1}{2} \\ln " + det,
        "H̃ − " + formText + " − " + c0Text + " ln 2π + ½ ln " + detText, args);
  }

  /** M⁻¹ = (1/det M) adj M. */
  private Math inverse(Derivation.Gaussian g) {
    List<List<IExpr>> adj = GaussianIntegrator.adjugate(g.m());
    return new Formula("\\frac{1}{\\det %s} %s", "(1/det %s) %s", List.of(new Name(m), matrix(adj)));
  }

  // ---------------------------------------------------------------- discrete sums

  private void discrete(Derivation.DiscreteSum s, Math before, Math after, List<Part> body) {
    List<ISymbol> all = new ArrayList<>();
    for (Derivation.Group gr : s.groups()) all.addAll(gr.units());
    int n = s.groups().size();
    List<Object> words = new ArrayList<>(List.of("Sum out ", exprs(all), ": "));
    if (n == 1 && all.size() == 1) words.add("one unit,");
    else if (n == 1) words.add("they are all coupled to each other (one group, summed state by state),");
    else {
      words.add(n == all.size() ? "no two share a term, so the sum factorizes into " + n + " independent sums," : "they form " + n + " groups that share no term,");
      if (n < all.size())
        for (int i = 0; i < n; i++) {
          words.add(i == 0 ? " {" : ", {");
          words.add(exprs(s.groups().get(i).units()));
          words.add("}");
        }
    }
    body.add(Presenter.prose(words.toArray()));
    String bl = beta ? "\\beta " : "", bt = beta ? "β" : "";
    body.add(new Equation(new Formula("\\sum e^{-" + bl + "%s}", "Σ exp(−" + bt + "%s)", List.of(before)),
        new Formula("e^{-" + bl + "\\tilde{H}} \\prod_{g} \\sum_{g} e^{-" + bl + "E_{g}}", "exp(−" + bt + "H̃) Π_g Σ_g exp(−" + bt + "E_g)", List.of())));
    body.add(new Equation(new Formula("\\tilde{H}", "H̃", List.of()), canonical(s.rest())));
    body.add(Presenter.prose("where ", new Formula("E_{g}", "E_g", List.of()), " holds the terms with the units of group ", new Formula("g", "g", List.of()),
        "; group by group:"));
    for (int i = 0; i < s.groups().size(); i++) {
      Derivation.Group gr = s.groups().get(i);
      Math label = new Formula("E_{" + (i + 1) + "}", "E_" + (i + 1), List.of());
      List<Math> over = new ArrayList<>();
      for (int u = 0; u < gr.units().size(); u++)
        over.add(new Formula(gr.kinds().get(u) == UnitKind.SPIN ? "%s = \\pm 1" : "%s \\in \\{0, 1\\}", gr.kinds().get(u) == UnitKind.SPIN ? "%s = ±1" : "%s ∈ {0, 1}",
            List.of(new Expr(gr.units().get(u)))));
      body.add(new Equation(label, canonical(gr.energy())));
      IExpr sum = gr.sum().isAST(org.matheclipse.core.expression.S.HoldForm) ? gr.sum().first() : Symja.eval(gr.sum());
      List<Math> terms = (sum.isPlus() ? Symja.args(sum) : List.of(sum)).stream().<Math>map(Expr::new).toList();
      body.add(new Equation(new Math.Trace(over, new Formula("-" + bl + "E_{" + (i + 1) + "}", "−" + bt + "E_" + (i + 1), List.of())), new Math.Sum(terms, Optional.empty())));
    }
    body.add(Presenter.prose("Taking ", beta ? new Formula("-\\frac{1}{\\beta} \\ln", "−(1/β) ln", List.of()) : new Formula("-\\ln", "−ln", List.of()),
        " of the product:"));
    body.add(new Equation(after, new Formula("\\tilde{H} - " + (beta ? "\\frac{1}{\\beta} " : "") + "\\sum_{g} \\ln \\sum_{g} e^{-" + bl + "E_{g}}",
        "H̃ − " + (beta ? "(1/β) " : "") + "Σ_g ln Σ_g exp(−" + bt + "E_g)", List.of())));
  }

  // ---------------------------------------------------------------- matrix notation (symbolic sizes)

  /** As {@link #gaussian}, for a whole vector u of k units: M, J, H̃, det M, M⁻¹ and JᵀM⁻¹J as matrix expressions. */
  private void matrixGaussian(Derivation.MatrixGaussian g, Math before, Math after, List<Part> body) {
    Math u = new Math.VectorName(g.unit().name()), mm = new Name(m), jj = new Name(j);
    Expr k = new Expr(g.unit().rows().toSymja());
    body.add(Presenter.prose("Integrate out ", u, " (a vector of ", k, " real units): the energy is a quadratic form in it,"));
    body.add(new Equation(before, new Formula("\\frac{1}{2} %s^{\\mathsf{T}} %s %s - %s^{\\mathsf{T}} %s + \\tilde{H}", "½ %sᵀ%s %s − %sᵀ%s + H̃",
        List.of(u, mm, u, jj, u))));
    body.add(new Equation(mm, new Math.MatrixValue(g.m())));
    body.add(new Equation(jj, new Math.MatrixValue(g.j())));
    body.add(new Equation(new Formula("\\tilde{H}", "H̃", List.of()), matrixTerms(g.rest())));
    String b = beta ? "\\beta" : "", bt = beta ? "β" : "";
    Math dk = new Formula("d^{%s}", "d" + superscript(g.unit().rows()), List.of(k));
    body.add(Presenter.prose("For positive definite ", mm, ", the Gaussian integral is ",
        new Formula("\\int %s%s \\, e^{-" + b + "(\\frac{1}{2} %s^{\\mathsf{T}} %s %s - %s^{\\mathsf{T}} %s)}", "∫%s%s exp(−" + bt + "(½ %sᵀ%s %s − %sᵀ%s))",
            List.of(dk, u, u, mm, u, jj, u))));
    String base = beta ? "\\left(\\frac{2\\pi}{\\beta}\\right)" : "(2\\pi)", baseText = beta ? "(2π/β)" : "(2π)";
    String bl = beta ? "\\beta " : "";
    // (2π/β)^{k/2}: no exponent for k = 2, p/2 for a symbolic size.
    IExpr half = Symja.eval(F.Times(F.C1D2, g.unit().rows().toSymja()));
    Math power = half.isInteger() ? new Expr(half) : new Formula("%s/2", "%s/2", List.of(k));
    boolean bare = half.isOne();
    body.add(new Equation(new Formula("", "", List.of()),
        new Formula(base + (bare ? "" : "^{%s}") + " (\\det %s)^{-1/2} \\, e^{" + bl + "%s^{\\mathsf{T}} %s^{-1} %s/2}",
            baseText + (bare ? "" : "^(%s)") + " (det %s)^(−1/2) exp(" + bt + "%sᵀ%s⁻¹%s/2)", bare ? List.of(mm, jj, mm, jj) : List.of(power, mm, jj, mm, jj))));
    body.add(new Equation(new Formula("\\det %s", "det %s", List.of(mm)), new Math.MatrixTerm(g.det())));
    body.add(new Equation(new Formula("%s^{-1}", "%s⁻¹", List.of(mm)), new Math.MatrixValue(g.inverse())));
    body.add(new Equation(new Formula("%s^{\\mathsf{T}} %s^{-1} %s", "%sᵀ%s⁻¹%s", List.of(jj, mm, jj)), matrixTerms(g.form())));
    if (g.condition()) {
      body.add(Presenter.prose("It converges when ", mm, " is positive definite:"));
      body.add(new Part.Conditions(List.of(new Math.PositiveDefinite(g.m()))));
    } else body.add(Presenter.prose(new Math.Equals(mm, new Math.MatrixValue(g.m())), " is positive definite."));
    body.add(Presenter.prose("Taking ", beta ? new Formula("-\\frac{1}{\\beta} \\ln", "−(1/β) ln", List.of()) : new Formula("-\\ln", "−ln", List.of()),
        " of the integral:"));
    String form = "\\frac{1}{2} %s^{\\mathsf{T}} %s^{-1} %s", formText = "½ %sᵀ%s⁻¹%s";
    List<Math> args = List.of(jj, mm, jj, k, mm);
    if (beta)
      body.add(new Equation(after, new Formula("\\tilde{H} - " + form + " + \\frac{%s}{2\\beta} \\ln \\frac{\\beta}{2\\pi} + \\frac{1}{2\\beta} \\ln\\det %s",
          "H̃ − " + formText + " + (%s/2β) ln(β/2π) + (1/2β) ln det %s", args)));
    else
      body.add(new Equation(after, new Formula("\\tilde{H} - " + form + " - \\frac{%s}{2} \\ln 2\\pi + \\frac{1}{2} \\ln\\det %s",
          "H̃ − " + formText + " − (%s/2) ln 2π + ½ ln det %s", args)));
  }

  /**
   * As {@link #discrete}, for a whole vector u of k independent spins or binary units: the field ψ on it, the
   * product over components of each component's sum, and the sum of their logarithms.
   */
  private void matrixSum(Derivation.MatrixSum s, Math before, Math after, List<Part> body) {
    Math u = new Math.VectorName(s.unit().name()), field = new Name(psi), mm = new Name(m);
    Expr k = new Expr(s.unit().rows().toSymja());
    String kind = s.spin() ? "spins" : "binary units";
    if (s.m() == null) body.add(Presenter.prose("Sum out ", u, " (a vector of ", k, " " + kind + "): the energy is linear in it,"));
    else
      body.add(Presenter.prose("Sum out ", u, " (a vector of ", k, " " + kind + "): the energy is linear in it but for a multiple of ",
          new Formula("%s^{\\mathsf{T}} %s", "%sᵀ%s", List.of(u, u)), ","));
    if (s.m() == null)
      body.add(new Equation(before, new Formula("-%s^{\\mathsf{T}} %s + \\tilde{H}", "−%sᵀ%s + H̃", List.of(field, u))));
    else {
      body.add(new Equation(before, new Formula("\\frac{1}{2} %s^{\\mathsf{T}} %s %s - %s^{\\mathsf{T}} %s + \\tilde{H}", "½ %sᵀ%s %s − %sᵀ%s + H̃",
          List.of(u, mm, u, field, u))));
      body.add(new Equation(mm, new Math.MatrixValue(s.m())));
    }
    body.add(new Equation(field, new Math.MatrixValue(s.field())));
    body.add(new Equation(new Formula("\\tilde{H}", "H̃", List.of()), matrixTerms(s.rest())));
    Math uj = new Formula("%s_{j}", "%s_j", List.of(new Name(s.unit().name()))), fj = new Formula("%s_{j}", "%s_j", List.of(field));
    if (s.m() != null) {
      body.add(Presenter.prose("For spins ", new Formula("%s^{2} = 1", "%s² = 1", List.of(uj)), ", so that the quadratic term is the constant"));
      body.add(new Equation(new Formula("\\frac{1}{2} %s^{\\mathsf{T}} %s %s", "½ %sᵀ%s %s", List.of(u, mm, u)),
          new Math.Equals(new Formula("\\frac{1}{2} \\operatorname{tr} %s", "½ tr %s", List.of(mm)), new Math.MatrixTerm(Symja.eval(F.Times(F.C1D2, MatrixScalars.trace(s.m())))))));
    }
    body.add(Presenter.prose("No two components share a term, so the sum factorizes over them:"));
    String bl = beta ? "\\beta " : "", bt = beta ? "β" : "";
    String over = s.spin() ? "%s = \\pm 1" : "%s \\in \\{0, 1\\}", overText = s.spin() ? "%s = ±1" : "%s ∈ {0, 1}";
    String each = s.spin() ? "2 \\cosh(" + bl + "%s)" : "\\bigl(1 + e^{" + bl + "%s}\\bigr)", eachText = s.spin() ? "2cosh(" + bt + "%s)" : "(1 + exp(" + bt + "%s))";
    body.add(new Equation(new Formula("\\sum_{%s} e^{" + bl + "%s^{\\mathsf{T}} %s}", "Σ_%s exp(" + bt + "%sᵀ%s)", List.of(u, field, u)),
        new Formula("\\prod_{j=1}^{%s} \\sum_{" + over + "} e^{" + bl + "%s %s} = \\prod_{j=1}^{%s} " + each,
            "Π_{j=1}^{%s} Σ_{" + overText + "} exp(" + bt + "%s %s) = Π_{j=1}^{%s} " + eachText, List.of(k, uj, fj, uj, k, fj))));
    body.add(Presenter.prose("Taking ", beta ? new Formula("-\\frac{1}{\\beta} \\ln", "−(1/β) ln", List.of()) : new Formula("-\\ln", "−ln", List.of()),
        " of the product:"));
    String log = s.spin() ? "\\ln\\bigl(2 \\cosh(" + bl + "%s)\\bigr)" : "\\ln\\bigl(1 + e^{" + bl + "%s}\\bigr)";
    String logText = s.spin() ? "ln(2cosh(" + bt + "%s))" : "ln(1 + exp(" + bt + "%s))";
    String quadratic = s.m() == null ? "" : " + \\frac{1}{2} \\operatorname{tr} %s", quadraticText = s.m() == null ? "" : " + ½ tr %s";
    List<Math> args = s.m() == null ? List.of(k, fj) : List.of(mm, k, fj);
    body.add(new Equation(after, new Formula("\\tilde{H}" + quadratic + " - " + (beta ? "\\frac{1}{\\beta} " : "") + "\\sum_{j=1}^{%s} " + log,
        "H̃" + quadraticText + " − " + (beta ? "(1/β) " : "") + "Σ_{j=1}^{%s} " + logText, args)));
  }

  /** An energy in matrix notation in the results' order of terms (constants, forms by degree, sums over units). */
  private Math matrixTerms(IExpr e) {
    Set<String> units = new LinkedHashSet<>();
    for (Variable v : c.model().units()) units.add(v.name());
    List<IExpr> terms = MatrixTerms.order(e, units);
    return new Math.Sum(terms.stream().<Math>map(Math.MatrixTerm::new).toList(), Optional.empty());
  }

  /** dᵖ, d³: the size as a superscript where Unicode has the glyphs, else d^(n+1). */
  private static String superscript(Size k) {
    String digits = "0123456789", letters = "abcdefghijklmnoprstuvwxyz";
    String supDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹", supLetters = "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ";
    StringBuilder out = new StringBuilder();
    for (char ch : k.toString().toCharArray()) {
      int d = digits.indexOf(ch), l = letters.indexOf(ch);
      if (d >= 0) out.append(supDigits.charAt(d));
      else if (l >= 0) out.append(supLetters.charAt(l));
      else return "^(" + k + ") ";
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- cumulant expansion

  private void series(Derivation.CumulantSeries s, Result r, List<Part> body) {
    String bt = beta ? "β" : "";
    String inv = beta ? "\\frac{1}{\\beta} " : "", invText = beta ? "(1/β) " : "";
    body.add(Presenter.prose("The hidden units are independent given the visible ones: ",
        new Formula("E = E_{v} - \\sum_{j} s_{j} h_{j} + \\sum_{j} E_{j}(h_{j})", "E = E_v − Σⱼ sⱼhⱼ + Σⱼ Eⱼ(hⱼ)", List.of()),
        " with the priors' self-energies ", new Formula("E_{j}", "Eⱼ", List.of()), ". With ",
        new Formula("t_{j} = " + (beta ? "\\beta " : "") + "s_{j}", "tⱼ = " + bt + "sⱼ", List.of()),
        " and the cumulant generating function ", new Formula("K_{j}(t) = \\ln \\langle e^{t h_{j}} \\rangle", "Kⱼ(t) = ln⟨exp(t hⱼ)⟩", List.of()),
        " of each prior,"));
    body.add(new Equation(function(sourceName(r)), new Formula("E_{v} - " + inv + "\\sum_{j} \\bigl[\\ln Z_{j} + K_{j}(t_{j})\\bigr], \\quad K_{j}(t) = \\sum_{n \\ge 1} \\kappa_{n}^{(j)} \\frac{t^{n}}{n!}",
        "E_v − " + invText + "Σⱼ [ln Zⱼ + Kⱼ(tⱼ)],   Kⱼ(t) = Σₙ κₙ⁽ʲ⁾ tⁿ/n!", List.of())));
    body.add(Presenter.prose("cut at order " + s.order() + " (", new Formula("t_{j}", "tⱼ", List.of()), " is of first order in the small couplings), with"));
    body.add(new Equation(new Formula("E_{v}", "E_v", List.of()), canonical(s.visible())));
    for (Derivation.Hidden h : s.hidden()) {
      Expr unit = new Expr(h.unit());
      body.add(new Equation(new Formula("\\ln Z_{%s}", "ln Z_%s", List.of(unit)), new Expr(Symja.eval(h.logZ()))));
      if (h.orders().isEmpty()) continue;
      IExpr field = Symja.eval(h.field());
      body.add(new Equation(new Formula("t_{%s}", "t_%s", List.of(unit)), new Expr(F.Times(betaSymbol, field))));
      List<Math> terms = new ArrayList<>();
      for (int i = 0; i < h.orders().size(); i++) {
        int n = h.orders().get(i);
        // −β⁻¹ κₙ tⁿ/n! = −βⁿ⁻¹ κₙ sⁿ/n!, the power kept unexpanded.
        IExpr coefficient = Symja.eval(F.Times(F.CN1, F.Power(betaSymbol, F.ZZ(n - 1)), F.QQ(1, factorial(n)), h.kappas().get(i)));
        terms.add(new Expr(n == 1 ? F.Times(coefficient, field) : F.Times(coefficient, F.Power(field, F.ZZ(n)))));
      }
      body.add(new Equation(new Formula("-" + inv + "K_{%s}(t_{%s})", "−" + invText + "K_%s(t_%s)", List.of(unit, unit)), new Math.Sum(terms, Optional.empty())));
    }
    List<energy.algebra.cumulant.CumulantExpansion.Cumulant> cumulants = r instanceof Expansion x ? x.cumulants() : ((ExpandedCouplings) r).cumulants();
    // One paragraph before the result: a paper sets consecutive prose as rows with nothing between them.
    body.add(Presenter.prose("Multiplied out and collected by monomial of the visible units, this is the result below"
        + (cumulants.isEmpty() ? "." : ", with the cumulants of the priors in closed form:")));
    for (var k : cumulants) body.add(new Equation(new Expr(k.symbol()), Presenter.sum(order, k.value())));
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) f *= i;
    return f;
  }

  // ---------------------------------------------------------------- the same parts for formats that list them (JSON)

  /** A step's part as {@code {kind, text, latex}} pieces: prose as a line, an equation as its two sides, conditions as relations. */
  public record Written(String kind, List<String> text, List<String> latex) {}

  /** The steps' parts flattened (a section's heading, then its body), each written in both notations. */
  public static List<Written> written(List<Part> parts, MathWriter text, MathWriter latex) {
    List<Written> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Part.Section s) {
        s.heading().ifPresent(h -> out.add(prose(h, text, latex)));
        out.addAll(written(s.body(), text, latex));
      } else if (p instanceof Part.Prose prose) out.add(prose(prose, text, latex));
      else if (p instanceof Equation e)
        out.add(new Written("equation", List.of(text.write(e.lhs()), text.write(e.rhs())), List.of(latex.write(e.lhs()), latex.write(e.rhs()))));
      else if (p instanceof Part.Conditions c)
        out.add(new Written("conditions", c.relations().stream().map(text::write).toList(), c.relations().stream().map(latex::write).toList()));
    }
    return out;
  }

  private static Written prose(Part.Prose p, MathWriter text, MathWriter latex) {
    StringBuilder t = new StringBuilder(), l = new StringBuilder();
    for (Part.Inline i : p.pieces()) {
      if (i instanceof Part.Inline.Words w) {
        t.append(w.text());
        l.append(LatexRenderer.words(w.text()));
      } else {
        Math m = ((Part.Inline.InlineMath) i).math();
        t.append(text.write(m));
        l.append('$').append(latex.write(m)).append('$');
      }
    }
    return new Written("prose", List.of(t.toString()), List.of(l.toString()));
  }

  // ---------------------------------------------------------------- shared

  private String sourceName(Result r) {
    if (r instanceof Marginal x) return x.query().energy().text();
    if (r instanceof energy.result.PartitionFunction x) return x.query().energy().text();
    if (r instanceof Expansion x) return x.query().energy().text();
    if (r instanceof MatrixMarginal x) return x.query().energy().text();
    return ((ExpandedCouplings) r).query().energy().text();
  }

  /** What the last step gives: the marginal H₁(x, y), or the free energy −β⁻¹ ln Z. */
  private Math after(Result r) {
    if (r instanceof energy.result.PartitionFunction) return Presenter.freeEnergy(c, r.name());
    if (r instanceof MatrixMarginal x && x.query() instanceof energy.model.Query.Partition) return Presenter.freeEnergy(c, r.name());
    return function(r.name());
  }

  /** The energy a derivation starts from, with its arguments: H(x, y, z); for an expansion, the energy before the marginal. */
  private Math source(Result r) {
    String name = sourceName(r);
    return function(name);
  }

  private Math function(String name) {
    List<Variable> args = argsOf(name);
    if (args == null || args.isEmpty()) return new Name(name);
    List<Math> names = new ArrayList<>();
    for (Variable v : args) names.add(c.isSymbolic() && v.rank() == 1 ? new Math.VectorName(v.name()) : new Name(v.name()));
    return new Math.Applied(new Name(name), names);
  }

  private List<Variable> argsOf(String name) {
    EnergyDef def = c.model().energies().get(name);
    if (def != null) return def.args();
    Result r = c.result(name);
    if (r instanceof Marginal x) return x.args();
    if (r instanceof Expansion x) return x.args();
    if (r instanceof ExpandedCouplings x) return x.args();
    if (r instanceof MatrixMarginal x) return x.args();
    return null;
  }

  /** An energy in the canonical order of the results (constants, then by degree in the units), its terms the places to break. */
  private Math canonical(IExpr e) {
    if (c.isSymbolic()) return matrixTerms(e);
    List<Variable> units = c.model().units();
    List<ISymbol> symbols = c.symbols().symbols(units);
    List<IExpr> terms = new energy.algebra.Canonicalizer(symbols, energy.algebra.Marginalizer.kinds(units, symbols.size())).terms(e);
    return new Math.Sum(terms.stream().<Math>map(Expr::new).toList(), Optional.empty());
  }

  private static List<Expr> exprs(List<ISymbol> symbols) {
    return symbols.stream().map(Expr::new).toList();
  }

  private static Math.Matrix matrix(List<List<IExpr>> rows) {
    List<List<Math>> out = new ArrayList<>();
    for (List<IExpr> row : rows) out.add(row.stream().<Math>map(Expr::new).toList());
    return new Math.Matrix(out);
  }

  private static Math.Matrix column(List<? extends IExpr> entries) {
    List<List<Math>> out = new ArrayList<>();
    for (IExpr e : entries) out.add(List.of(new Expr(e)));
    return new Math.Matrix(out);
  }

  private static String superscript(int k) {
    StringBuilder out = new StringBuilder();
    for (char ch : String.valueOf(k).toCharArray()) out.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
    return out.toString();
  }
}
