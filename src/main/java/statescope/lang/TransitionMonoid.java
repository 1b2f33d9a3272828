package statescope.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transition monoid of a DFA: the set of state transformations {@code q ↦ δ(q, w)} over all
 * words w, identity (the empty word) included, under composition. Built breadth-first from the
 * identity by appending one symbol at a time, so every element carries a shortest word that induces
 * it (the first in alphabet order among the shortest), and elements are numbered by that word in
 * length-then-alphabet order; element 0 is the identity.
 *
 * <p>It is computed for the DFA as given. The syntactic monoid of a language is the transition
 * monoid of its minimal DFA, so pass a {@link Minimizer#minimize minimised} DFA for language
 * properties; {@link StarFree#analyze} does.
 */
public final class TransitionMonoid {

    /**
     * One element: a transformation (entry q is the state reached from q) and a shortest word inducing it.
     */
    public record Element(int[] transformation, Word word) {
        public Element {
            transformation = transformation.clone();
        }

        @Override
        public int[] transformation() {
            return transformation.clone();
        }

        /** The state this element sends {@code state} to. */
        public int apply(int state) {
            return transformation[state];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Element e && Arrays.equals(e.transformation, transformation) && e.word.equals(word);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(transformation) * 31 + word.hashCode();
        }

        @Override
        public String toString() {
            return word + " ↦ " + Arrays.toString(transformation);
        }
    }

    private final Dfa dfa;
    private final List<Element> elements;
    private final Map<Key, Integer> index;

    private TransitionMonoid(Dfa dfa, List<Element> elements, Map<Key, Integer> index) {
        this.dfa = dfa;
        this.elements = elements;
        this.index = index;
    }

    /** The transition monoid of {@code dfa} under {@link Limits#DEFAULT}. */
    public static TransitionMonoid of(Dfa dfa) {
        return of(dfa, Limits.DEFAULT);
    }

    /**
     * The transition monoid of {@code dfa}.
     *
     * @throws LimitExceededException when the DFA has more than {@code limits.maxStates()} states or the
     *     monoid grows beyond {@code limits.maxMonoidElements()} elements (or elements x states beyond
     *     {@code limits.maxMonoidEntries()})
     */
    public static TransitionMonoid of(Dfa dfa, Limits limits) {
        int n = dfa.numStates();
        int k = dfa.alphabet().size();
        if (n > limits.maxStates()) {
            throw new LimitExceededException("the DFA has " + n + " states, more than the limit of "
                    + limits.maxStates() + " for the transition monoid; raise the state limit to analyse it");
        }
        long cap = Math.min(limits.maxMonoidElements(), limits.maxMonoidEntries() / n);
        var elements = new ArrayList<Element>();
        var index = new HashMap<Key, Integer>();
        int[] id = new int[n];
        for (int q = 0; q < n; q++) {
            id[q] = q;
        }
        elements.add(new Element(id, Word.empty(dfa.alphabet())));
        index.put(new Key(elements.get(0).transformation), 0);
        for (int i = 0; i < elements.size(); i++) {
            int[] t = elements.get(i).transformation;
            for (int a = 0; a < k; a++) {
                int[] u = new int[n];
                for (int q = 0; q < n; q++) {
                    u[q] = dfa.next(t[q], a);   // apply t, then the symbol
                }
                Key key = new Key(u);
                if (!index.containsKey(key)) {
                    if (elements.size() >= cap) {
                        throw new LimitExceededException("the transition monoid has more than " + cap
                                + " elements (limit " + limits.maxMonoidElements() + " elements, "
                                + limits.maxMonoidEntries() + " stored entries for a " + n
                                + "-state DFA); raise the monoid limit to analyse it");
                    }
                    var e = new Element(u, elements.get(i).word().append(a));
                    index.put(new Key(e.transformation), elements.size());
                    elements.add(e);
                }
            }
        }
        return new TransitionMonoid(dfa, List.copyOf(elements), index);
    }

    /** The DFA whose monoid this is. */
    public Dfa dfa() {
        return dfa;
    }

    /** The number of elements, the identity included. */
    public int size() {
        return elements.size();
    }

    /** The elements in breadth-first order; element 0 is the identity. */
    public List<Element> elements() {
        return elements;
    }

    public Element element(int i) {
        return elements.get(i);
    }

    /** The transformation a word induces: entry q is {@code δ(q, word)}. */
    public int[] transformationOf(Word word) {
        int n = dfa.numStates();
        int[] t = new int[n];
        for (int q = 0; q < n; q++) {
            t[q] = dfa.run(q, word);
        }
        return t;
    }

    /** The index of the element equal to a transformation, if it is one. */
    public Optional<Integer> indexOf(int[] transformation) {
        return Optional.ofNullable(index.get(new Key(transformation.clone())));
    }

    /** The index of the element a word induces. */
    public int indexOf(Word word) {
        return index.get(new Key(transformationOf(word)));
    }

    /** The product {@code x·y}: first x, then y (as for the word xy). */
    public int multiply(int x, int y) {
        int[] tx = elements.get(x).transformation;
        int[] ty = elements.get(y).transformation;
        int[] r = new int[tx.length];
        for (int q = 0; q < r.length; q++) {
            r[q] = ty[tx[q]];
        }
        return index.get(new Key(r));
    }

    /** An int[] with value equality, for hashing transformations. */
    private record Key(int[] t) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.t, t);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(t);
        }
    }
}
