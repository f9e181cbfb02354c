package energy.check;

import energy.diag.Diagnostics;
import energy.diag.Span;
import energy.model.Dim;
import energy.model.EnergyDef;
import energy.model.Ident;
import energy.model.Model;
import energy.model.Program;
import energy.model.Query;
import energy.model.Stmt;
import energy.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every declaration and statement of a program into a {@link Model}, reporting
 * duplicates, unknown names, bad shapes and misuse of units. Expressions are checked by
 * {@link ShapeChecker}; units integrated by Gaussian integration by {@link DegreeChecker}.
 */
public final class Resolver {
  /** Largest concrete size; component-form results grow like its square. */
  static final int MAX_DIM = 64;

  Diagnostics diagnostics;
  final Map<String, Dim> dims = new LinkedHashMap<>();
  final Map<String, Variable> variables = new LinkedHashMap<>();
  final Map<String, EnergyDef> energies = new LinkedHashMap<>();
  /** Energies known so far, source and derived, with their argument units. */
  final Map<String, List<Variable>> energyArgs = new LinkedHashMap<>();
  final Map<String, Span> defined = new LinkedHashMap<>();
  final List<Query> queries = new ArrayList<>();
  /** Energies made by 'marginalize', which 'expand' can write through cumulants. */
  private final Set<String> marginals = new java.util.HashSet<>();
  /** Names whose declaration failed: later uses are not reported again (no cascades). */
  final Set<String> poisoned = new java.util.HashSet<>();
  private Variable temperature;
  private String modelName = "Model";

  private LatticeChecker lattice;
  /** Results and energies the query statements may name (coefficient, where, derivative), with their units. */
  final Map<String, List<Variable>> quantities = new LinkedHashMap<>();
  private final QueryChecker queryChecker = new QueryChecker();
  /** Values for symbolic sizes (to instantiate a symbolic model); empty: keep them symbolic. */
  private final Map<String, Integer> sizes;

  private Resolver(Diagnostics diagnostics, Map<String, Integer> sizes) {
    this.diagnostics = diagnostics;
    this.sizes = sizes;
    this.lattice = new LatticeChecker(diagnostics, this::define);
  }

  public static Model resolve(Program program, Diagnostics diagnostics) {
    return resolve(program, diagnostics, Map.of());
  }

  /** As {@link #resolve(Program, Diagnostics)}, with {@code sizes} given to the symbolic sizes it names. */
  public static Model resolve(Program program, Diagnostics diagnostics, Map<String, Integer> sizes) {
    return start(sizes).then(program, diagnostics).model(program.source());
  }

  /** The checker before any statement; {@code sizes} are given to the symbolic sizes they name. */
  public static Resolver start(Map<String, Integer> sizes) {
    return new Resolver(new Diagnostics(), sizes);
  }

  /**
   * The checker after this one's statements and then the program's, which may use every name
   * declared before; errors go to {@code diagnostics}. This one is left as it is, so a program
   * with errors can be dropped (a session's statement) without undoing anything.
   */
  public Resolver then(Program program, Diagnostics diagnostics) {
    Resolver r = new Resolver(diagnostics, sizes);
    r.dims.putAll(dims);
    r.variables.putAll(variables);
    r.energies.putAll(energies);
    r.energyArgs.putAll(energyArgs);
    r.defined.putAll(defined);
    r.queries.addAll(queries);
    r.marginals.addAll(marginals);
    r.poisoned.addAll(poisoned);
    r.quantities.putAll(quantities);
    r.temperature = temperature;
    r.modelName = modelName;
    r.lattice = lattice.copy(diagnostics, r::define);
    for (Stmt s : program.statements()) r.statement(s);
    return r;
  }

  /** The checked model of every statement so far; {@code source} is the text it is read from. */
  public Model model(energy.diag.Source source) {
    return new Model(modelName, source, new LinkedHashMap<>(variables),
        temperature, new LinkedHashMap<>(energies), List.copyOf(queries), lattice.model());
  }

  boolean define(Ident name) {
    Span previous = defined.get(name.text());
    if (previous != null) {
      diagnostics.error(
          name.span(),
          "'" + name.text() + "' is already defined",
          "first defined at line " + previous.line() + "; choose another name");
      return false;
    }
    defined.put(name.text(), name.span());
    return true;
  }

  private void statement(Stmt s) {
    if (lattice.statement(s)) return;
    if (s instanceof Stmt.ModelDecl m) {
      modelName = m.name().text();
    } else if (s instanceof Stmt.DimDecl d) {
      for (Stmt.DimItem item : d.dims()) dim(item);
    } else if (s instanceof Stmt.UnitDecl u) {
      for (Stmt.VarItem item : u.units()) variable(item, u.kind(), false);
    } else if (s instanceof Stmt.ParamDecl p) {
      for (Stmt.VarItem item : p.params()) variable(item, null, false);
    } else if (s instanceof Stmt.TemperatureDecl t) {
      if (temperature != null) {
        diagnostics.error(
            t.name().span(),
            "the temperature is already declared as '" + temperature.name() + "'",
            "a model has one inverse temperature");
        return;
      }
      Variable v = variable(new Stmt.VarItem(t.name(), List.of()), null, true);
      if (v != null) temperature = v;
    } else if (s instanceof Stmt.EnergyDecl e) {
      energy(e);
    } else if (s instanceof Stmt.MarginalizeStmt m) {
      marginalize(m);
    } else if (s instanceof Stmt.PartitionStmt p) {
      partition(p);
    } else if (s instanceof Stmt.CouplingsStmt c) {
      couplings(c);
    } else if (s instanceof Stmt.MomentStmt m) {
      moment(m);
    } else if (s instanceof Stmt.ExpandStmt x) {
      expand(x);
    } else if (s instanceof Stmt.KernelDecl k) {
      kernel(k);
    } else if (s instanceof Stmt.PriorCumulantStmt p) {
      priorCumulant(p);
    } else {
      queryChecker.statement(this, s);
    }
  }

  private void dim(Stmt.DimItem item) {
    if (!define(item.name())) return;
    Integer value = item.size() != null ? item.size() : sizes.get(item.name().text());
    if (value == null) {
      dims.put(item.name().text(), new Dim(item.name().text(), Dim.SYMBOLIC, item.name().span()));
      return;
    }
    item = new Stmt.DimItem(item.name(), value);
    if (item.size() < 1 || item.size() > MAX_DIM) {
      poisoned.add(item.name().text()); // its uses are not reported again
      diagnostics.error(
          item.name().span(),
          "size '" + item.name().text() + "' must be between 1 and " + MAX_DIM,
          "give a whole number from 1 to " + MAX_DIM + ", or no value ('dim " + item.name().text() + "') for a symbolic size");
      return;
    }
    dims.put(item.name().text(), new Dim(item.name().text(), item.size(), item.name().span()));
  }

  private Variable variable(Stmt.VarItem item, energy.model.UnitKind kind, boolean isTemperature) {
    if (!define(item.name())) return null;
    List<Dim> shape = new ArrayList<>();
    for (Ident d : item.shape()) {
      Dim dim = dims.get(d.text());
      if (dim == null && poisoned.contains(d.text())) {
        poisoned.add(item.name().text());
        return null;
      }
      if (dim == null) {
        poisoned.add(item.name().text());
        diagnostics.error(
            d.span(), "unknown size '" + d.text() + "'", "declare it first: 'dim " + d.text() + " = 3'");
        return null;
      }
      shape.add(dim);
    }
    if (shape.size() > 2) {
      diagnostics.error(item.name().span(), "'" + item.name().text() + "' has more than 2 indices", "scalars, vectors and matrices are supported");
      return null;
    }
    if (kind != null && shape.size() > 1) {
      diagnostics.error(item.name().span(), "unit '" + item.name().text() + "' must be a scalar or a vector", "declare a layer of units as a vector, e.g. 'spin x[n]'");
      return null;
    }
    Variable v = new Variable(item.name().text(), kind, List.copyOf(shape), isTemperature, item.name().span());
    variables.put(v.name(), v);
    return v;
  }

  private void energy(Stmt.EnergyDecl e) {
    if (!define(e.name())) return;
    List<Variable> args = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Ident a : e.args()) {
      Variable v = variables.get(a.text());
      if (v == null && poisoned.contains(a.text())) continue;
      if (v == null || !v.isUnit()) {
        diagnostics.error(
            a.span(),
            v == null ? "unknown unit '" + a.text() + "'" : "'" + a.text() + "' is not a unit",
            "the arguments of an energy are its units; declared units are " + unitNames());
        continue;
      }
      if (!seen.add(a.text())) {
        diagnostics.error(a.span(), "unit '" + a.text() + "' is listed twice", "list each unit once");
        continue;
      }
      args.add(v);
    }
    ShapeChecker.checkEnergy(e.body(), variables, poisoned, args, diagnostics);
    EnergyDef def = new EnergyDef(e.name(), List.copyOf(args), e.body(), e.span());
    energies.put(e.name().text(), def);
    energyArgs.put(e.name().text(), def.args());
  }

  private String unitNames() {
    List<String> names = new ArrayList<>();
    for (Variable v : variables.values()) if (v.isUnit()) names.add(v.name());
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  private List<Variable> energyOf(Ident energy) {
    List<Variable> args = energyArgs.get(energy.text());
    if (args == null) {
      diagnostics.error(
          energy.span(),
          "unknown energy '" + energy.text() + "'",
          energyArgs.isEmpty()
              ? "declare one first: 'energy H(x) = ...'"
              : "energies defined so far: " + String.join(", ", energyArgs.keySet()));
    }
    return args;
  }

  private void marginalize(Stmt.MarginalizeStmt m) {
    List<Variable> args = energyOf(m.energy());
    boolean ok = define(m.result()) && args != null;
    if (args == null) return;
    List<Variable> over = new ArrayList<>();
    for (Ident u : m.over()) {
      Variable v = null;
      for (Variable a : args) if (a.name().equals(u.text())) v = a;
      if (v == null) {
        Variable declared = variables.get(u.text());
        String what =
            declared != null && declared.isUnit()
                ? "energy '" + m.energy().text() + "' does not depend on unit '" + u.text() + "'"
                : "unknown unit '" + u.text() + "'";
        diagnostics.error(
            u.span(), what, "units of " + m.energy().text() + ": " + names(args));
        ok = false;
        continue;
      }
      if (over.contains(v)) {
        diagnostics.error(u.span(), "unit '" + u.text() + "' is listed twice", "list each unit once");
        ok = false;
        continue;
      }
      over.add(v);
    }
    if (!ok) return;
    EnergyDef source = energies.get(m.energy().text());
    if (source != null) {
      List<Variable> reals = over.stream().filter(v -> !v.kind().isDiscrete()).toList();
      if (!reals.isEmpty()) DegreeChecker.check(source.body(), reals, diagnostics);
    }
    List<Variable> rest = new ArrayList<>(args);
    rest.removeAll(over);
    energyArgs.put(m.result().text(), List.copyOf(rest));
    queries.add(new Query.Marginalize(m.result(), m.energy(), List.copyOf(over), m.over(), m.span()));
    marginals.add(m.result().text());
  }

  private void priorCumulant(Stmt.PriorCumulantStmt p) {
    List<Variable> args = energyOf(p.energy());
    if (!define(p.result()) || args == null) return;
    Variable unit = null;
    for (Variable a : args) if (a.name().equals(p.unit().text())) unit = a;
    if (unit == null) {
      diagnostics.error(p.unit().span(), "energy '" + p.energy().text() + "' does not depend on unit '" + p.unit().text() + "'", "units of " + p.energy().text() + ": " + names(args));
      return;
    }
    if (p.order() < 1 || p.order() > MAX_MOMENT_ORDER) {
      diagnostics.error(p.span(), "the order of a cumulant must be between 1 and " + MAX_MOMENT_ORDER, "e.g. 'K4 = cumulant 4 of h in E'");
      return;
    }
    queries.add(new Query.PriorCumulant(p.result(), p.energy(), unit, p.order(), p.span()));
  }

  private void kernel(Stmt.KernelDecl k) {
    if (!define(k.name())) return;
    List<Variable> hidden = new ArrayList<>(), visible = new ArrayList<>();
    boolean ok = true;
    for (List<Ident> list : List.of(k.hidden(), k.visible()))
      for (Ident u : list) {
        Variable v = variables.get(u.text());
        if (v == null && poisoned.contains(u.text())) {
          ok = false;
          continue;
        }
        if (v == null || !v.isUnit() || !v.kind().isDiscrete()) {
          diagnostics.error(
              u.span(),
              v == null ? "unknown unit '" + u.text() + "'" : "'" + u.text() + "' is not a spin or binary unit",
              "a kernel p(S|v) relates discrete units: 'kernel T(S | v1, v2) = …'");
          ok = false;
          continue;
        }
        if (hidden.contains(v) || visible.contains(v)) {
          diagnostics.error(u.span(), "unit '" + u.text() + "' is listed twice", "list each unit once");
          ok = false;
          continue;
        }
        (list == k.hidden() ? hidden : visible).add(v);
      }
    List<Variable> args = new ArrayList<>(hidden);
    args.addAll(visible);
    ShapeChecker.checkEnergy(k.body(), variables, poisoned, args, diagnostics);
    if (ok) queries.add(new Query.Kernel(k.name(), List.copyOf(hidden), List.copyOf(visible), k.body(), k.span()));
  }

  /** The largest order of 'expand … to order k'; t⁸ of 16 units is already ~10⁵ monomials. */
  static final int MAX_EXPANSION_ORDER = 12;

  private void expand(Stmt.ExpandStmt x) {
    List<Variable> args = energyOf(x.energy());
    if (!define(x.result()) || args == null) return;
    boolean ok = true;
    if (!marginals.contains(x.energy().text())) {
      diagnostics.error(
          x.energy().span(),
          "'" + x.energy().text() + "' is not a marginal; 'expand' writes a marginal through the cumulants of the units summed out",
          "marginalize first: 'F = marginalize " + x.energy().text() + " over HIDDEN', then 'G = expand F in W to order k'");
      ok = false;
    }
    List<Variable> small = new ArrayList<>();
    for (Ident w : x.small()) {
      Variable v = variables.get(w.text());
      if (poisoned.contains(w.text())) {
        ok = false;
      } else if (v == null || v.isUnit() || v.isTemperature()) {
        diagnostics.error(
            w.span(),
            v == null ? "unknown parameter '" + w.text() + "'" : "'" + w.text() + "' is not a parameter",
            "expand in the couplings between hidden and visible units, e.g. 'in W'");
        ok = false;
      } else if (small.contains(v)) {
        diagnostics.error(w.span(), "parameter '" + w.text() + "' is listed twice", "list each parameter once");
        ok = false;
      } else small.add(v);
    }
    if (x.order() < 1 || x.order() > MAX_EXPANSION_ORDER) {
      diagnostics.error(x.span(), "the order of an expansion must be between 1 and " + MAX_EXPANSION_ORDER, "e.g. 'G = expand F in W to order 4'");
      ok = false;
    }
    if (!ok) return;
    energyArgs.put(x.result().text(), args);
    queries.add(new Query.Expand(x.result(), x.energy(), List.copyOf(small), x.order(), x.substituted(), x.span()));
  }

  static String names(List<Variable> vars) {
    List<String> out = new ArrayList<>();
    for (Variable v : vars) out.add(v.name());
    return out.isEmpty() ? "(none)" : String.join(", ", out);
  }

  /** Univariate orders up to this; p(20) = 627 terms. */
  static final int MAX_MOMENT_ORDER = 20;
  /** Joint cumulants of up to this many variables; Bell(8) = 4140 terms, Bell(9) = 21147. */
  static final int MAX_JOINT = 8;

  private void moment(Stmt.MomentStmt m) {
    if (!define(m.result())) return;
    String what = m.cumulant() ? "cumulant" : "moment";
    if (m.order() != null) {
      if (m.order() < 1 || m.order() > MAX_MOMENT_ORDER) {
        diagnostics.error(m.span(), "the order of a " + what + " must be between 1 and " + MAX_MOMENT_ORDER, "e.g. 'K4 = " + what + " 4'");
        return;
      }
      queries.add(new Query.MomentIdentity(m.result(), m.cumulant(), m.order(), List.of(), m.span()));
      return;
    }
    List<String> names = new ArrayList<>();
    for (Ident v : m.variables()) {
      if (names.contains(v.text())) {
        diagnostics.error(v.span(), "'" + v.text() + "' is listed twice", "a joint " + what + " of a variable with itself is written with distinct names, e.g. x1, x2");
        return;
      }
      names.add(v.text());
    }
    if (names.size() > MAX_JOINT) {
      diagnostics.error(m.span(), "a joint " + what + " of " + names.size() + " variables has too many terms (the limit is " + MAX_JOINT + ")", "Bell(9) = 21147 terms already");
      return;
    }
    queries.add(new Query.MomentIdentity(m.result(), m.cumulant(), names.size(), List.copyOf(names), m.span()));
  }

  private void couplings(Stmt.CouplingsStmt c) {
    List<Variable> args = energyOf(c.energy());
    if (args == null) return;
    for (Variable v : args)
      if (!v.kind().isDiscrete()) {
        diagnostics.error(
            c.energy().span(),
            "couplings are defined over spin and binary units, but '" + c.energy().text() + "' depends on real unit '" + v.name() + "'",
            "marginalize the real units first: 'G = marginalize " + c.energy().text() + " over " + v.name() + "', then 'couplings G'");
        return;
      }
    if (c.upTo() != null && c.upTo() < 1) {
      diagnostics.error(c.span(), "the order of 'couplings … up to k' must be at least 1", "e.g. 'couplings H up to 2', or 'couplings H' for all orders");
      return;
    }
    queries.add(new Query.Couplings(c.energy(), c.energy(), c.upTo(), c.span()));
  }

  private void partition(Stmt.PartitionStmt p) {
    List<Variable> args = energyOf(p.energy());
    if (!define(p.result()) || args == null) return;
    EnergyDef source = energies.get(p.energy().text());
    if (source != null) {
      List<Variable> reals = args.stream().filter(v -> !v.kind().isDiscrete()).toList();
      if (!reals.isEmpty()) DegreeChecker.check(source.body(), reals, diagnostics);
    }
    queries.add(new Query.Partition(p.result(), p.energy(), p.span()));
    quantities.put(p.result().text(), List.of());
  }
}
