package energy.model;

import energy.diag.Span;

/** A name as written, with its position. */
public record Ident(String text, Span span) {}
