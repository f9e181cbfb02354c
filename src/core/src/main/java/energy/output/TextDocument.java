package energy.output;

import energy.Compilation;

import energy.algebra.Condition;
import energy.algebra.CouplingExtractor;
import energy.algebra.cumulant.CumulantExpansion;
import energy.algebra.cumulant.MomentIdentities;
import energy.model.Query;
import energy.model.Variable;
import energy.print.TextPrinter;
import java.util.ArrayList;
import java.util.List;

/** The results as Unicode text for a terminal: one result a line, its conditions after it. */
public final class TextDocument {
  private TextPrinter printer = new TextPrinter();

  public String render(List<Compilation> compilations) {
    StringBuilder out = new StringBuilder();
    for (Compilation c : compilations) {
      if (c.isSymbolic()) {
        out.append(new MatrixDocument().text(c));
        continue;
      }
      printer = TextPrinter.forModel(Printers.units(c), Printers.names(c));
      out.append(new LatticeDocument().text(c));
      for (Flat r : Flat.of(c)) {
        String name = printer.symbol(r.name());
        if (r.query() instanceof Query.MomentIdentity m) {
          out.append(r.name()).append(": ").append(printer.print(MomentIdentities.lhs(m))).append(" = ")
              .append(printer.printSum(r.terms())).append('\n');
          continue;
        }
        if (r.query() instanceof Query.PriorCumulant p) {
          out.append(name).append(": cumulant ").append(p.order()).append(" of ").append(printer.symbol(p.unit().name()))
              .append(" under its prior in ").append(printer.symbol(p.energy().text())).append('\n');
          for (int i = 0; i < r.cumulants().size(); i++) {
            CumulantExpansion.Cumulant k = r.cumulants().get(i);
            out.append("  ").append(printer.print(k.symbol())).append(" = ").append(printer.print(k.value())).append('\n');
            out.append("  ").append(printer.print(Printers.cgfName(k))).append("(t) = ").append(printer.print(r.terms().get(i))).append('\n');
          }
          conditions(r, out);
          continue;
        }
        if (r.query() instanceof Query.Kernel k) {
          out.append(name).append("(").append(args(k.hidden())).append(" | ").append(args(k.visible())).append(") = ")
              .append(printer.printSum(r.terms())).append('\n');
          out.append("  Σ over ").append(args(k.hidden())).append(" of exp(").append(name).append(") = ").append(printer.print(r.exact()))
              .append(r.exact().isOne() ? "   (normalized: a conditional distribution)" : "   (not identically 1: see check)").append('\n');
          continue;
        }
        if (r.query() instanceof Query.Expand x)
          out.append(name).append(": ").append(printer.symbol(x.energy().text())).append(" to order ").append(x.order())
              .append(" in ").append(String.join(", ", x.small().stream().map(v -> printer.symbol(v.name())).toList())).append('\n');
        if (r.isCouplings()) {
          CouplingNames names = new CouplingNames(r, c.symbols());
          out.append("couplings of ").append(name).append(", with ").append(name)
              .append(" = E₀ − Σ hᵢuᵢ − Σ Jᵢⱼuᵢuⱼ − Σ Kᵢⱼₖuᵢuⱼuₖ − …:\n");
          for (CouplingExtractor.Coefficient k : r.couplings())
            out.append("  ").append(names.text(k)).append(" = ").append(printer.print(k.coupling())).append('\n');
          if (r.couplings().isEmpty()) out.append("  all couplings vanish\n");
          cumulants(r, out);
          conditions(r, out);
          continue;
        }
        if (r.isPartition()) {
          out.append(name).append(" = ").append(printer.print(r.partition())).append('\n');
          out.append(c.model().temperature() != null ? "−(1/" + printer.symbol(c.model().temperature().name()) + ") ln " : "−ln ").append(name).append(" = ").append(printer.printSum(r.terms()));
        } else {
          out.append(name).append(r.args().isEmpty() ? "" : "(" + args(r.args()) + ")").append(" = ").append(printer.printSum(r.terms()));
        }
        out.append('\n');
        cumulants(r, out);
        conditions(r, out);
      }
    }
    return out.toString();
  }

  /** The cumulants an expansion is written in, with their closed forms. */
  private void cumulants(Flat r, StringBuilder out) {
    if (r.cumulants().isEmpty()) return;
    boolean substituted = r.query() instanceof Query.Expand x && x.substituted();
    out.append(substituted ? "  with the cumulants of the hidden units' priors substituted:\n" : "  where the cumulants of the hidden units' priors are\n");
    for (CumulantExpansion.Cumulant k : r.cumulants())
      out.append("  ").append(printer.print(k.symbol())).append(" = ").append(printer.print(k.value())).append('\n');
  }

  private void conditions(Flat r, StringBuilder out) {
    if (r.conditions().isEmpty()) return;
    List<String> conds = new ArrayList<>();
    for (Condition cond : r.conditions()) conds.add(printer.print(cond.relation()));
    out.append("    for ").append(String.join(", ", conds)).append('\n');
  }

  private String args(List<Variable> args) {
    List<String> out = new ArrayList<>();
    for (Variable v : args) out.add(printer.symbol(v.name()));
    return String.join(", ", out);
  }
}
