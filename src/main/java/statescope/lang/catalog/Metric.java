package statescope.lang.catalog;

/** How the paper scores a model on a language (see {@link Correctness}). */
public enum Metric {
    /** A string is correct iff the predicted class is right at every position (paper.md §3.1). */
    STRICT_STRING("% strings whose predicted class is right at every position"),
    /** Flip-flop: a sequence is correct iff the argmax over {0, 1, -} is right at every position (§3.2). */
    FLIP_FLOP_READS("% sequences whose argmax over {0,1,-} is right at every position"),
    /** Bounded Dyck: at each position with a non-empty stack, P(correct close) / P(any close) > 0.8 (§3.3). */
    CLOSING_BRACKET("% positions with an open bracket where P(correct close)/P(any close) > 0.8");

    private final String description;

    Metric(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
