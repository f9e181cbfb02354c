package energy.model;

import energy.diag.Source;
import java.util.List;

/** A parsed .energy file. */
public record Program(Source source, List<Stmt> statements) {}
