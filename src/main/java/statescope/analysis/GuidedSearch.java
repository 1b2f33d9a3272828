package statescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * The guided phase, beyond the lengths the exhaustive phase covered: rounds at growing lengths (each
 * round's window twice as long as the last, up to the longest length asked for), each a batch of strings
 * from three sources, scored together on the batched scan ({@link Scorer}):
 * the language's own sampler, walks over the reference that favour rarely visited configurations and
 * transitions ({@link Sources}), and mutations of the near-failures seen so far ({@link Mutations}).
 * It stops at the first round with a failure, cuts the failing string at its first wrong position, and
 * shortens it by cutting cycles of the reference while it still fails.
 */
final class GuidedSearch {

    /** Rounds of shortening a failure. */
    static final int SHRINK_ROUNDS = 24;

    /**
     * What the phase found.
     *
     * @param failure   the failing string, cut after its first wrong position, or null
     * @param source    which source produced it: "sampler", "walk", "mutation (pump|point|extend)"
     * @param foundLength the length of the failing prefix before shortening
     * @param strings   strings scored (shortening not counted)
     * @param longest   the longest string scored
     * @param complete  false when stopped by cancel or the deadline
     */
    record Outcome(int[] failure, String source, int foundLength, long strings, int longest, long tokens,
                   boolean complete, double seconds) {
    }

    private record Candidate(int[] word, String source) {
    }

    private final Subject subject;
    private final Scorer scorer;
    private final Sources sources;
    private final Mutations mutations;
    private final SplittableRandom random;
    private final boolean samplerOnly;

    GuidedSearch(Subject subject, Scorer scorer, long seed, boolean samplerOnly) {
        this.samplerOnly = samplerOnly;
        this.subject = subject;
        this.scorer = scorer;
        this.sources = new Sources(subject);
        this.mutations = new Mutations(subject.machine(), sources);
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param from    the shortest length to try (one more than the exhaustive phase covered)
     * @param longest the longest length to try
     * @param budget  how many strings to score at most
     * @param pool    near-failures so far (the exhaustive phase's), extended as the rounds go
     */
    Outcome run(int from, int longest, int budget, NearMisses pool, Control control) {
        long t0 = System.nanoTime();
        long tokens0 = scorer.tokens();
        from = Math.max(1, Math.min(from, longest));
        List<int[]> windows = new ArrayList<>();
        for (long lo = from; lo <= longest; lo *= 2) {
            windows.add(new int[] {(int) lo, (int) Math.min(longest, 2 * lo - 1)});
        }
        long scored = 0;
        int maxSeen = 0;
        for (int r = 0; r < windows.size() && scored < budget; r++) {
            if (control.shouldStop()) {
                return new Outcome(null, null, 0, scored, maxSeen, scorer.tokens() - tokens0, false, secs(t0));
            }
            int n = (int) Math.min(budget - scored, (budget - scored + windows.size() - r - 1) / (windows.size() - r));
            int[] win = windows.get(r);
            List<Candidate> batch = candidates(win[0], win[1], n, pool);
            control.report((double) scored / budget, "guided: " + n + " strings of " + win[0] + "-" + win[1] + " symbols");
            List<int[]> words = batch.stream().map(Candidate::word).toList();
            List<Scorer.Score> scores;
            try {
                scores = scorer.score(words, control::shouldStop);
            } catch (CancellationException e) {
                return new Outcome(null, null, 0, scored, maxSeen, scorer.tokens() - tokens0, false, secs(t0));
            }
            scored += batch.size();
            int[] best = null;
            String bestSource = null;
            for (int i = 0; i < batch.size(); i++) {
                int[] w = words.get(i);
                maxSeen = Math.max(maxSeen, w.length);
                Scorer.Score s = scores.get(i);
                if (s.failed()) {
                    int[] cut = Arrays.copyOf(w, s.failAt());
                    if (best == null || cut.length < best.length || (cut.length == best.length && Arrays.compare(cut, best) < 0)) {
                        best = cut;
                        bestSource = batch.get(i).source();
                    }
                } else if (s.minAt() > 0) {
                    pool.add(w, s.minMargin(), s.minAt());
                }
            }
            if (best != null) {
                int found = best.length;
                int[] shorter = shrink(best, control);
                return new Outcome(shorter, bestSource, found, scored, maxSeen, scorer.tokens() - tokens0, true, secs(t0));
            }
        }
        return new Outcome(null, null, 0, scored, maxSeen, scorer.tokens() - tokens0, !control.shouldStop(), secs(t0));
    }

    /**
     * {@code n} strings of [lo, hi] symbols: 40% sampler, 30% walks, 30% mutations (walks stand in for what
     * is missing); or all from the sampler (fewer where it has no word in the window).
     */
    private List<Candidate> candidates(int lo, int hi, int n, NearMisses pool) {
        List<Candidate> out = new ArrayList<>(n);
        List<NearMisses.Miss> misses = pool.list();
        boolean sampler = sources.hasSampler(hi);
        for (int i = 0; i < n; i++) {
            int kind = i % 10;
            int len = lo + random.nextInt(hi - lo + 1);
            int[] w = null;
            String src = null;
            if (samplerOnly) {
                w = sampler ? sources.sample(lo, hi, random) : null;
                if (w != null && w.length > 0) {
                    out.add(new Candidate(w, "sampler"));
                }
                continue;
            }
            if (sampler && kind < 4) {
                w = sources.sample(lo, hi, random);
                src = "sampler";
            } else if (kind >= 7 && !misses.isEmpty()) {
                NearMisses.Miss m = misses.get(Math.min(misses.size() - 1, (int) (misses.size() * Math.pow(random.nextDouble(), 2))));
                w = mutations.mutate(m, len, random);
                src = "mutation of a near-failure";
            }
            if (w == null) {
                w = sources.walk(len, random);
                src = "walk";
            }
            if (w.length > 0) {
                out.add(new Candidate(w, src));
            }
        }
        return out;
    }

    /** Cuts cycles of the reference out of a failing prefix while one of the cut strings still fails. */
    private int[] shrink(int[] failure, Control control) {
        int[] best = failure;
        for (int round = 0; round < SHRINK_ROUNDS && !control.shouldStop(); round++) {
            List<int[]> cuts = mutations.cuts(best, 64);
            if (cuts.isEmpty()) {
                break;
            }
            List<Scorer.Score> scores;
            try {
                scores = scorer.score(cuts, control::shouldStop);
            } catch (CancellationException e) {
                break;
            }
            int[] next = null;
            for (int i = 0; i < cuts.size(); i++) {
                Scorer.Score s = scores.get(i);
                if (s.failed()) {
                    int[] cut = Arrays.copyOf(cuts.get(i), s.failAt());
                    if (cut.length < (next == null ? best.length : next.length)) {
                        next = cut;
                    }
                }
            }
            if (next == null) {
                break;
            }
            best = next;
        }
        return best;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
