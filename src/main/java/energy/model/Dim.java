package energy.model;

import energy.diag.Span;

/** A declared size, {@code dim n = 3}. */
public record Dim(String name, int size, Span span) {}
