package energy.rg.flow;

/**
 * The behaviour of a one-coupling flow as K → ±∞: attractive when K' − K stays positive and grows
 * along the tail (flows run away to infinity, e.g. the ordered phase), repulsive when K' − K stays
 * negative (flows leave infinity, e.g. T = 0 of the 1D chain). Only reported when the tail samples
 * are unambiguous; {@code evidence} lists them.
 */
public record LimitPoint(String coupling, boolean positive, boolean attractive, String evidence) {}
