package statescope.construct;

import java.util.ArrayList;
import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;

/** Small reference DFAs the constructions need beyond the catalog's. */
final class Automata {

    private Automata() {
    }

    /** D_n over {a, b}: states depth 0..n and dead; accepting at depth 0. */
    static Dfa dn(int n) {
        int dead = n + 1;
        int[] delta = new int[(n + 2) * 2];
        boolean[] acc = new boolean[n + 2];
        List<String> labels = new ArrayList<>();
        for (int d = 0; d <= n; d++) {
            delta[d * 2] = d < n ? d + 1 : dead;
            delta[d * 2 + 1] = d > 0 ? d - 1 : dead;
            labels.add(Integer.toString(d));
        }
        delta[dead * 2] = dead;
        delta[dead * 2 + 1] = dead;
        acc[0] = true;
        labels.add("dead");
        return new Dfa(Alphabet.of("a", "b"), 0, delta, acc, labels);
    }
}
