/**
 * The benchmark languages of Sarrof, Veitsman &amp; Hahn (NeurIPS 2024), paper.md §3: the 27-language
 * suite of Bhattamishra et al. (Tomita 1-7, parity, (aa)*, (aaaa)*, (abab)*, D_n, three more star-free
 * languages, Dyck-1, Shuffle-k, Boolean-n, a^n b^n ...), flip-flop FFL(p), bounded Dyck(K, h) and
 * counting mod k.
 *
 * <p>Entry point: {@link statescope.lang.catalog.Catalog#standard()}. Each
 * {@link statescope.lang.catalog.Language} carries its reference machine (a
 * {@link statescope.lang.catalog.ReferenceMachine}: the DFA, counters or a stack, readable at every
 * step), its per-position {@link statescope.lang.catalog.TargetEncoding}, and seeded samplers for its
 * training window and each length bin ({@link statescope.lang.catalog.Split}). Where the catalog
 * departs from the paper's data, the split's note says so; docs/decisions/0002-catalog-protocol.md
 * lists every such choice.
 *
 * <p>This package may import {@code statescope.lang} only (docs/architecture.md).
 */
package statescope.lang.catalog;
