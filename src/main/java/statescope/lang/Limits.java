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
 *     DFA, and most 64-bit words of subsets held by the subset construction
 */
public record Limits(int maxStates, int maxMonoidElements, long maxMonoidEntries, int maxConstructionStates,
        long maxConstructionEntries) {

    /**
     * 5,000 states, 100,000 monoid elements, 50 million monoid entries, 200,000 construction states,
     * 20 million construction entries.
     */
    public static final Limits DEFAULT = new Limits(5_000, 100_000, 50_000_000L, 200_000, 20_000_000L);

    public Limits {
        if (maxStates < 1 || maxMonoidElements < 1 || maxMonoidEntries < 1 || maxConstructionStates < 1
                || maxConstructionEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** These limits with another state cap. */
    public Limits withMaxStates(int states) {
        return new Limits(states, maxMonoidElements, maxMonoidEntries, maxConstructionStates, maxConstructionEntries);
    }

    /** These limits with another monoid-element cap. */
    public Limits withMaxMonoidElements(int elements) {
        return new Limits(maxStates, elements, maxMonoidEntries, maxConstructionStates, maxConstructionEntries);
    }

    /** These limits with another cap on intermediate DFAs. */
    public Limits withMaxConstructionStates(int states) {
        return new Limits(maxStates, maxMonoidElements, maxMonoidEntries, states, maxConstructionEntries);
    }

    /** Throws when an intermediate DFA of {@code states} states over {@code symbols} symbols is too big. */
    void checkConstruction(String what, long states, int symbols) {
        if (states > maxConstructionStates || states * symbols > maxConstructionEntries) {
            throw new LimitExceededException(what + " grew beyond " + (states > maxConstructionStates
                    ? maxConstructionStates + " states" : maxConstructionEntries + " transitions (" + symbols
                    + " symbols)") + "; simplify the automaton or raise the construction limit");
        }
    }
}
