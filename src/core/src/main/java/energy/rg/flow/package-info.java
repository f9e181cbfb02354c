/**
 * RG flow analysis of a recursion relation K' = f(K): fixed points, linearization, exponents, plots
 * and renderings.
 *
 * <ul>
 *   <li>{@link energy.rg.flow.Recursion} — the input (couplings, their images, scale factor b).
 *   <li>{@link energy.rg.flow.FlowAnalysis#analyze} — fixed points to machine precision, the
 *       symbolic Jacobian at each, eigenvalues, y = ln|λ|/ln b, ν = 1/y_T, stability; lines of
 *       fixed points; K → ±∞ for one coupling. Returns a {@link energy.rg.flow.FlowResult}.
 *   <li>{@link energy.rg.flow.FlowPlot#write} — cobweb (one coupling) or phase portrait (two) as
 *       SVG and PNG, written atomically.
 *   <li>{@link energy.rg.flow.FlowFormat} — JSON tree, plain-text and LaTeX tables.
 * </ul>
 *
 * <p>Fonts. Text in the plots is rendered by the JDK through fontconfig, also headless. Without
 * libfontconfig or without any font the JDK fails with "Fontconfig head is null" (reproduced by
 * hiding them in a mount namespace); with libfontconfig1, its fontconfig-config and the six faces
 * of fonts-dejavu-core alone the plots are byte-identical to a fully equipped machine. On Debian 12
 * {@code openjdk-17-jre-headless} Depends on libfontconfig1, which Depends on fontconfig-config,
 * whose first font alternative is fonts-dejavu-core: an apt-installed OpenJDK brings them even with
 * --no-install-recommends. A JDK from a tarball (Temurin, setup-java) on a slim image needs {@code
 * apt-get install --no-install-recommends libfontconfig1 fonts-dejavu-core}; the fontconfig package
 * (fc-list, fc-cache) is not needed.
 */
package energy.rg.flow;
