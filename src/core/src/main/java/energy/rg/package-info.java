/**
 * Real-space renormalization group on lattices (issue 5), the engine without language wiring.
 *
 * <ul>
 *   <li>{@link energy.rg.Lattice}: chain, square, triangular; periodic tori with any integer
 *       periods; exact integer distances, neighbour shells, bonds.
 *   <li>{@link energy.rg.CouplingClass}: translation/rotation classes of spin products (h, K,
 *       K2, K3, …, L111 triangles, L111122 plaquettes), recognized from pairwise distances.
 *   <li>{@link energy.rg.ReducedHamiltonian}: 𝒦 = Σ c_class Σ_instances Π s, weight e^{𝒦}.
 *   <li>One class per scheme, each returning a {@link energy.rg.Recursion} (couplings, images,
 *       constant per site, b, generated couplings, flow view): {@link
 *       energy.rg.ChainDecimation}, {@link energy.rg.MigdalKadanoff}, {@link
 *       energy.rg.CumulantExpansion} (majority-rule blocks, {@link energy.rg.Blocking}); user
 *       kernels T(v,h) in {@link energy.rg.VariationalKernel}.
 *   <li>Verification: {@link energy.rg.ExactBlockSum} (exact 𝒦'(σ') by enumeration), {@link
 *       energy.rg.WalshProjector} (projection on block-spin monomials), {@link
 *       energy.rg.RgChecks} (measured errors, for {@code check}).
 * </ul>
 *
 * <p>Mistakes in the seed (000, eqs. 24–34): eq. 34 multiplies the cumulants of the already
 * dimensionless 𝒦₁ by (−β)ⁿ; with 𝒦 = −βH the expansion is ln⟨e^{𝒦₁}⟩ = Σ κₙ(𝒦₁)/n! with no
 * β (or Σ (−β)ⁿ κₙ(E₁)/n! in terms of the energy E₁, not both). In eq. 31, p(χ') = Π_j p(V_j)
 * is the prior of the block variables under the intra-block weights only, not the marginal of
 * eq. 25 that carries the same name; for majority rule at h = 0 it is 2^{−N'}, and ln Z₀ +
 * ln p(χ') = N' ln z₊ with z₊ the block sum restricted to majority +.
 */
package energy.rg;
