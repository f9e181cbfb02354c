/**
 * Presentation: each result of a compilation is turned once ({@link energy.present.Presenter},
 * one method per kind of {@link energy.result.Result}) into a format-neutral {@link
 * energy.present.Presentation} — equations whose right sides are sums with the places a line may
 * break, prose with inline math, conditions, "where" definitions, sections, notes and tables of
 * fixed points — built of {@link energy.present.Math} nodes. Renderers walk that model:
 * {@link energy.present.LatexRenderer} (LaTeX for a paper, {@code align*}; LaTeX for the web,
 * {@code aligned} blocks KaTeX and MathJax accept) and {@link energy.present.TextRenderer}
 * (Unicode text); {@link energy.present.MathWriter} writes the math nodes in LaTeX or text. A new
 * kind of result needs its presentation here, not a branch in every format.
 */
package energy.present;
