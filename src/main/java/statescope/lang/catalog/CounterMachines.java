package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import statescope.lang.Alphabet;

/**
 * Reference machines with counters for the non-regular languages of the suite (paper.md §2.5, §3.1):
 * Dyck-1 and Shuffle-k (one counter per bracket type), Boolean-n (a pending-operand counter) and
 * a^n b^n ... (block counts). Every configuration is readable at every step; the dead configuration
 * is handled once by {@link DeadSinkMachine}.
 */
public final class CounterMachines {

    private CounterMachines() {
    }

    /** The dead configuration shared by the counter machines. */
    public record Dead() implements ReferenceMachine.Config {
    }

    static final Dead DEAD = new Dead();

    /** A tuple of counters with value equality. */
    public static final class Counts implements ReferenceMachine.Config {
        private final int[] values;

        Counts(int[] values) {
            this.values = values;
        }

        /** A copy of the counters. */
        public int[] values() {
            return values.clone();
        }

        int get(int i) {
            return values[i];
        }

        Counts with(int i, int value) {
            int[] v = values.clone();
            v[i] = value;
            return new Counts(v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counts c && Arrays.equals(c.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /** A counter machine: live configurations are {@link Counts}, the registers are the counters. */
    abstract static class CountingMachine extends DeadSinkMachine<Counts> {
        private final String kind;
        private final List<String> registerNames;

        CountingMachine(Alphabet alphabet, String kind, List<String> registerNames) {
            super(Counts.class, alphabet);
            this.kind = kind;
            this.registerNames = List.copyOf(registerNames);
        }

        @Override
        public final String kind() {
            return kind;
        }

        @Override
        public final List<String> registerNames() {
            return registerNames;
        }

        @Override
        final int[] registersOf(Counts config) {
            return config.values();
        }
    }

    /**
     * Shuffle-k: the shuffle of k Dyck-1 languages over k bracket pairs; k = 1 is Dyck-1. The
     * configuration holds one counter per bracket type (its open brackets not yet closed).
     * The alphabet is the open brackets followed by the matching closing brackets.
     */
    public static final class Shuffle extends CountingMachine {
        private final int k;

        /** @param alphabet {@code 2k} symbols: k open brackets, then the k matching closing brackets */
        public Shuffle(Alphabet alphabet) {
            super(checkBrackets(alphabet), alphabet.size() == 2 ? "counter (depth)" : "counters (one per bracket type)",
                    pairNames(alphabet));
            this.k = alphabet.size() / 2;
        }

        private static Alphabet checkBrackets(Alphabet alphabet) {
            if (alphabet.size() % 2 != 0) {
                throw new IllegalArgumentException("a bracket alphabet needs an even number of symbols: " + alphabet);
            }
            return alphabet;
        }

        private static List<String> pairNames(Alphabet alphabet) {
            int k = alphabet.size() / 2;
            if (k == 1) {
                return List.of("depth");
            }
            var names = new ArrayList<String>();
            for (int t = 0; t < k; t++) {
                names.add("open " + alphabet.symbol(t) + alphabet.symbol(k + t));
            }
            return names;
        }

        /** Number of bracket types. */
        public int types() {
            return k;
        }

        @Override
        public Config start() {
            return new Counts(new int[k]);
        }

        @Override
        Config next(Counts c, int symbol) {
            if (symbol < k) {
                return c.with(symbol, c.get(symbol) + 1);
            }
            int t = symbol - k;
            return c.get(t) == 0 ? DEAD : c.with(t, c.get(t) - 1);
        }

        @Override
        boolean accepts(Counts c) {
            return Arrays.stream(c.values).allMatch(v -> v == 0);
        }

        @Override
        String describeLive(Counts c) {
            if (k == 1) {
                return "depth " + c.get(0);
            }
            var sb = new StringBuilder("open");
            for (int t = 0; t < k; t++) {
                sb.append(' ').append(alphabet().symbol(t)).append(alphabet().symbol(k + t)).append('=').append(c.get(t));
            }
            return sb.toString();
        }
    }

    /**
     * Boolean-n: well-formed prefix (Polish) expressions over the operands 0 and 1 and n operators of
     * arity 1..n. The configuration is the number of operands still needed (1 at the start, 0 when the
     * expression is complete); an operand takes one away, an operator of arity a adds a - 1.
     */
    public static final class BooleanExpr extends CountingMachine {
        private final int[] delta; // [alphabet size]: change of the pending count

        /** @param alphabet {@code 0, 1} followed by the operators in order of arity 1, 2, ... */
        public BooleanExpr(Alphabet alphabet) {
            super(alphabet, "counter (operands still needed)", List.of("pending operands"));
            this.delta = new int[alphabet.size()];
            for (int s = 0; s < alphabet.size(); s++) {
                delta[s] = s < 2 ? -1 : (s - 1) - 1; // operator with arity s-1 adds (arity - 1)
            }
        }

        /** The arity of a symbol: 0 for an operand. */
        public int arity(int symbol) {
            return symbol < 2 ? 0 : symbol - 1;
        }

        @Override
        public Config start() {
            return new Counts(new int[] {1});
        }

        @Override
        Config next(Counts c, int symbol) {
            return c.get(0) == 0 ? DEAD : new Counts(new int[] {c.get(0) + delta[symbol]});
        }

        @Override
        boolean accepts(Counts c) {
            return c.get(0) == 0;
        }

        @Override
        String describeLive(Counts c) {
            int p = c.get(0);
            return p == 0 ? "complete" : "needs " + p + (p == 1 ? " operand" : " operands");
        }
    }

    /**
     * a^n b^n (c^n (d^n)): k blocks of equal length n >= 1. The configuration holds the count of each
     * letter read so far; the current block is the last non-zero count.
     */
    public static final class Blocks extends CountingMachine {
        private final int k;

        public Blocks(Alphabet alphabet) {
            super(alphabet, "counters (one per letter)", alphabet.symbols().stream().map(s -> "#" + s).toList());
            this.k = alphabet.size();
        }

        @Override
        public Config start() {
            return new Counts(new int[k]);
        }

        /** Index of the block being read: the last letter with a non-zero count (0 at the start). */
        static int phase(Counts c) {
            int p = 0;
            for (int i = 0; i < c.values.length; i++) {
                if (c.values[i] > 0) {
                    p = i;
                }
            }
            return p;
        }

        @Override
        Config next(Counts c, int symbol) {
            int p = phase(c);
            int n = c.get(0);
            if (symbol == 0) {
                return p == 0 ? c.with(0, n + 1) : DEAD;
            }
            if (symbol == p) {
                return c.get(p) < n ? c.with(p, c.get(p) + 1) : DEAD;
            }
            if (symbol == p + 1 && n > 0 && c.get(p) == n) {
                return c.with(symbol, 1);
            }
            return DEAD;
        }

        @Override
        boolean accepts(Counts c) {
            return c.get(0) > 0 && c.get(k - 1) == c.get(0);
        }

        @Override
        String describeLive(Counts c) {
            int p = phase(c);
            var sb = new StringBuilder("counts");
            for (int i = 0; i < k; i++) {
                sb.append(' ').append(alphabet().symbol(i)).append('=').append(c.get(i));
            }
            if (p > 0) {
                sb.append(" (phase ").append(alphabet().symbol(p)).append(", remaining ").append(c.get(0) - c.get(p)).append(')');
            }
            return sb.toString();
        }
    }
}
