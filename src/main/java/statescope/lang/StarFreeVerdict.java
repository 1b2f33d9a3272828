package statescope.lang;

import java.util.Optional;

/**
 * The result of {@link StarFree#analyze}: whether the language is star-free (its syntactic monoid,
 * the transition monoid of the minimal DFA, is aperiodic), the size of that monoid and of the minimal
 * DFA, and, for a language that is not star-free, a {@link Witness}.
 *
 * @param starFree true when the language is star-free
 * @param monoidSize elements of the transition monoid of the minimal DFA, the identity included
 * @param minimalStates states of the minimal DFA, the dead state included
 * @param witness present exactly when {@code starFree} is false
 */
public record StarFreeVerdict(boolean starFree, int monoidSize, int minimalStates, Optional<Witness> witness) {

    public StarFreeVerdict {
        if (starFree == witness.isPresent()) {
            throw new IllegalArgumentException("a witness is given exactly for languages that are not star-free");
        }
    }

    /**
     * A word whose powers cycle with a period above 1 in the minimal DFA: the transformations of
     * {@code w^j} and {@code w^(j+1)} differ for every j, while {@code w^k = w^(k+period)}, with
     * {@code k ≥ 1} and {@code period ≥ 2} the smallest such numbers.
     *
     * @param w a shortest such word (the first in alphabet order among the shortest)
     * @param k the smallest exponent from which the powers of w repeat
     * @param period the length of that cycle of powers
     */
    public record Witness(Word w, int k, int period) {
        public Witness {
            if (k < 1 || period < 2) {
                throw new IllegalArgumentException("a witness needs k >= 1 and period >= 2, not k=" + k
                        + ", period=" + period);
            }
        }

        /** The check in words, e.g. {@code w = 1, w^k ≠ w^(k+1) for every k; w^1 = w^3}. */
        public String describe() {
            return "w = " + w + ", w^k ≠ w^(k+1) for every k; w^" + k + " = w^" + (k + period);
        }
    }
}
