package statescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The strings the model got right by the smallest margins, kept to seed the mutation of near-failures:
 * a bounded pool, smallest margin first. Not thread-safe; each worker keeps its own and {@link #addAll}
 * merges them.
 */
final class NearMisses {

    /**
     * One near-failure.
     *
     * @param word   the string, symbol indices
     * @param margin its smallest margin (&gt; 0)
     * @param at     the position of that margin, 1-based
     */
    record Miss(int[] word, double margin, int at) {
    }

    /** Smallest margin first; equal margins by word, so the kept set does not depend on the order of arrival. */
    private static final Comparator<Miss> ORDER = Comparator.comparingDouble(Miss::margin)
            .thenComparing(Miss::word, Arrays::compare).thenComparingInt(Miss::at);

    private final int capacity;
    private final PriorityQueue<Miss> worstFirst = new PriorityQueue<>(ORDER.reversed());

    NearMisses(int capacity) {
        this.capacity = capacity;
    }

    /** Whether a miss with this margin would be kept (check before copying its word). */
    boolean wants(double margin) {
        return worstFirst.size() < capacity || margin <= worstFirst.peek().margin();
    }

    void add(int[] word, double margin, int at) {
        if (!Double.isFinite(margin) || !wants(margin)) {
            return;
        }
        var m = new Miss(word, margin, at);
        if (worstFirst.size() >= capacity && ORDER.compare(m, worstFirst.peek()) >= 0) {
            return;
        }
        worstFirst.add(m);
        if (worstFirst.size() > capacity) {
            worstFirst.poll();
        }
    }

    void addAll(NearMisses other) {
        for (Miss m : other.worstFirst) {
            add(m.word(), m.margin(), m.at());
        }
    }

    boolean isEmpty() {
        return worstFirst.isEmpty();
    }

    /** The kept misses, smallest margin first. */
    List<Miss> list() {
        var out = new ArrayList<>(worstFirst);
        out.sort(ORDER);
        return out;
    }
}
