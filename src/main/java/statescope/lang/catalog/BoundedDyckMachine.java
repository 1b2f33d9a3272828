package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import statescope.lang.Alphabet;

/**
 * The stack machine of bounded Dyck(K, h): K bracket types, at most h brackets open at once
 * (paper.md §2.4, §3.3). The alphabet is the K open brackets followed by the K matching closing
 * brackets. The configuration is the stack of open bracket types, bottom first.
 *
 * <p>The registers are the depth and one slot per level 1..h holding the open type at that level
 * (1-based; 0 above the depth): the quantities of the paper's two-layer construction.
 */
public final class BoundedDyckMachine extends DeadSinkMachine<BoundedDyckMachine.Stack> {

    /** A stack of open bracket types (0-based), bottom first, with value equality. */
    public static final class Stack implements Config {
        private final byte[] types;

        Stack(byte[] types) {
            this.types = types;
        }

        public int depth() {
            return types.length;
        }

        /** The type of the innermost open bracket; -1 when the stack is empty. */
        public int top() {
            return types.length == 0 ? -1 : types[types.length - 1];
        }

        /** The open type at level {@code i} (0 = bottom). */
        public int at(int i) {
            return types[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stack s && Arrays.equals(s.types, types);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(types);
        }
    }

    private final int k;
    private final int h;
    private final List<String> registerNames;

    /**
     * @param alphabet {@code 2K} symbols, the open brackets first
     * @param maxDepth h, the most brackets open at once
     */
    public BoundedDyckMachine(Alphabet alphabet, int maxDepth) {
        super(Stack.class, checked(alphabet, maxDepth));
        this.k = alphabet.size() / 2;
        this.h = maxDepth;
        var names = new ArrayList<String>();
        names.add("depth");
        for (int l = 1; l <= h; l++) {
            names.add("slot " + l);
        }
        this.registerNames = List.copyOf(names);
    }

    private static Alphabet checked(Alphabet alphabet, int maxDepth) {
        if (alphabet.size() % 2 != 0 || alphabet.size() / 2 > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a bracket alphabet needs an even number of symbols: " + alphabet);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("the depth bound must be at least 1, got " + maxDepth);
        }
        return alphabet;
    }

    public int types() {
        return k;
    }

    public int maxDepth() {
        return h;
    }

    /** The symbol index of the closing bracket that matches the top of the stack; -1 when it is empty or dead. */
    public int closingBracket(Config config) {
        return config instanceof Stack s && s.depth() > 0 ? k + s.top() : -1;
    }

    @Override
    public String kind() {
        return "stack (depth <= " + h + ")";
    }

    @Override
    public Config start() {
        return new Stack(new byte[0]);
    }

    @Override
    Config next(Stack s, int symbol) {
        if (symbol < k) {
            if (s.depth() == h) {
                return CounterMachines.DEAD;
            }
            byte[] t = Arrays.copyOf(s.types, s.depth() + 1);
            t[s.depth()] = (byte) symbol;
            return new Stack(t);
        }
        if (s.depth() == 0 || s.top() != symbol - k) {
            return CounterMachines.DEAD;
        }
        return new Stack(Arrays.copyOf(s.types, s.depth() - 1));
    }

    @Override
    boolean accepts(Stack s) {
        return s.depth() == 0;
    }

    @Override
    String describeLive(Stack s) {
        if (s.depth() == 0) {
            return "stack empty";
        }
        var sb = new StringBuilder("stack ");
        for (int i = 0; i < s.depth(); i++) {
            sb.append(alphabet().symbol(s.at(i)));
        }
        return sb.toString();
    }

    @Override
    public List<String> registerNames() {
        return registerNames;
    }

    @Override
    int[] registersOf(Stack s) {
        int[] r = new int[h + 1];
        r[0] = s.depth();
        for (int i = 0; i < s.depth(); i++) {
            r[i + 1] = s.at(i) + 1;
        }
        return r;
    }
}
