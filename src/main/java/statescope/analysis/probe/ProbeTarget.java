package statescope.analysis.probe;

/** What a probe decodes. */
public enum ProbeTarget {
    /** The reference machine's configuration after each symbol (a DFA state), one class per configuration. */
    STATE,
    /** The registers of a counter machine (depth, counts), by regression and rounding. */
    COUNTER
}
