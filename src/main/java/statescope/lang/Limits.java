package statescope.lang;

/**
 * Size caps of the language core, so that a pathological regex or automaton gives one clear
 * {@link LimitExceededException} instead of exhausting memory or time.
 *
 * @param maxStates most states of a (minimal) DFA that the monoid and star-free analysis accept
 * @param maxMonoidElements most elements of a transition monoid
 * @param maxMonoidEntries most stored transformation entries (elements x states) of a monoid
 * @param maxConstructionStates most states of an intermediate DFA (subset construction, product)
 * @param maxConstructionEntries most transition-table entries (states x symbols) of an intermediate
 *     DFA, and most 64-bit words held by the subset construction for its subsets (and as many for its
 *     cache of moves)
 * @param maxConstructionWork most elementary steps (set members visited) of one subset construction,
 *     which bounds its time
 */
public record Limits(int maxStates, int maxMonoidElements, long maxMonoidEntries, int maxConstructionStates,
        long maxConstructionEntries, long maxConstructionWork) {

    /** What a construction-cap message suggests. */
    static final String RAISE = "simplify the automaton or raise the construction limit "
            + "(statescope starfree --construction-limit F multiplies the caps by F)";

    /** How much {@link #withConstructionScale} may raise the construction caps. */
    public static final int MAX_CONSTRUCTION_SCALE = 10;

    /**
     * 5,000 states, 100,000 monoid elements, 50 million monoid entries, 200,000 construction states,
     * 20 million construction entries, 200 million construction steps.
     */
    public static final Limits DEFAULT = new Limits(5_000, 100_000, 50_000_000L, 200_000, 20_000_000L, 200_000_000L);

    public Limits {
        if (maxStates < 1 || maxMonoidElements < 1 || maxMonoidEntries < 1 || maxConstructionStates < 1
                || maxConstructionEntries < 1 || maxConstructionWork < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Limits with the default construction-step cap. */
    public Limits(int maxStates, int maxMonoidElements, long maxMonoidEntries, int maxConstructionStates,
            long maxConstructionEntries) {
        this(maxStates, maxMonoidElements, maxMonoidEntries, maxConstructionStates, maxConstructionEntries,
                200_000_000L);
    }

    /** These limits with another state cap. */
    public Limits withMaxStates(int states) {
        return new Limits(states, maxMonoidElements, maxMonoidEntries, maxConstructionStates, maxConstructionEntries,
                maxConstructionWork);
    }

    /** These limits with another monoid-element cap. */
    public Limits withMaxMonoidElements(int elements) {
        return new Limits(maxStates, elements, maxMonoidEntries, maxConstructionStates, maxConstructionEntries,
                maxConstructionWork);
    }

    /** These limits with another cap on intermediate DFAs. */
    public Limits withMaxConstructionStates(int states) {
        return new Limits(maxStates, maxMonoidElements, maxMonoidEntries, states, maxConstructionEntries,
                maxConstructionWork);
    }

    /**
     * These limits with every construction cap (states, entries, words, steps) multiplied by
     * {@code factor}, 1..{@value #MAX_CONSTRUCTION_SCALE} (the "construction limit" the messages
     * speak of; memory and time grow in proportion).
     */
    public Limits withConstructionScale(int factor) {
        if (factor < 1 || factor > MAX_CONSTRUCTION_SCALE) {
            throw new IllegalArgumentException("the construction limit must be a factor from 1 to "
                    + MAX_CONSTRUCTION_SCALE + ", got " + factor);
        }
        return new Limits(maxStates, maxMonoidElements, maxMonoidEntries,
                (int) Math.min(Integer.MAX_VALUE - 8, (long) maxConstructionStates * factor),
                maxConstructionEntries * factor, maxConstructionWork * factor);
    }

    /** Throws when an intermediate DFA of {@code states} states over {@code symbols} symbols is too big. */
    void checkConstruction(String what, long states, int symbols) {
        if (states > maxConstructionStates || states * symbols > maxConstructionEntries) {
            throw new LimitExceededException(what + " grew beyond " + (states > maxConstructionStates
                    ? maxConstructionStates + " states" : maxConstructionEntries + " transitions (" + symbols
                    + " symbols)") + "; " + RAISE);
        }
    }
}
