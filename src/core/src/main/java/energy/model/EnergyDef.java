package energy.model;

import energy.diag.Span;
import java.util.List;

/** A declared energy function: its name, its units (in order) and its body. */
public record EnergyDef(Ident name, List<Variable> args, Expr body, Span span) {}
