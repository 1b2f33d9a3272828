package statescope.construct;

import java.util.ArrayList;
import statescope.lang.Dfa;
import statescope.lang.catalog.DfaMachine;
import statescope.lang.catalog.Language;

/**
 * The DFA a model of a catalog language actually reads: over the language's input vocabulary. It is
 * the language's DFA except for flip-flop, whose input hides the bit after each r as {@code -}: there
 * {@code -} acts as the bit that keeps the prefix alive (the remembered one) and a visible bit right
 * after an r never occurs (it leads to the dead state).
 */
final class InputAutomaton {

    private InputAutomaton() {
    }

    /** The input DFA (states as in the language's DFA). */
    static Dfa of(Language lang, Dfa dfa) {
        if (lang.inputVocabulary().equals(lang.alphabet())) {
            return dfa;
        }
        int k = lang.inputVocabulary().size();
        int n = dfa.numStates();
        int dead = dfa.deadState().orElseThrow(() -> new IllegalStateException(lang.id() + ": no dead state"));
        int[] delta = new int[n * k];
        boolean[] acc = new boolean[n];
        var labels = new ArrayList<String>();
        for (int q = 0; q < n; q++) {
            acc[q] = dfa.isAccepting(q);
            labels.add(dfa.label(q));
            for (int t = 0; t < k; t++) {
                int sym = symbol(lang, dfa, q, t);
                delta[q * k + t] = sym < 0 ? dead : dfa.next(q, sym);
            }
        }
        return new Dfa(lang.inputVocabulary(), dfa.startState(), delta, acc, labels);
    }

    /** The alphabet symbol token {@code token} stands for in state q, or −1 when it cannot occur there. */
    static int symbol(Language lang, Dfa dfa, int q, int token) {
        String s = lang.inputVocabulary().symbol(token);
        if (lang.inputVocabulary().equals(lang.alphabet())) {
            return token;
        }
        if (!lang.id().equals("flip-flop")) {
            throw new IllegalArgumentException(lang.id() + ": its input vocabulary differs from its alphabet");
        }
        boolean afterRead = dfa.label(q).startsWith("r·");
        var machine = new DfaMachine(dfa);
        if (s.equals("-")) {
            if (!afterRead) {
                return -1;
            }
            for (String bit : new String[] {"0", "1"}) {
                int b = lang.alphabet().indexOf(bit);
                if (!machine.isDead(machine.state(dfa.next(q, b)))) {
                    return b;
                }
            }
            return -1;
        }
        int sym = lang.alphabet().indexOf(s);
        return afterRead && (s.equals("0") || s.equals("1")) ? -1 : sym;
    }
}
