package statescope.construct;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import statescope.construct.LayerBuilder.Channel;
import statescope.construct.LayerBuilder.Gate;
import statescope.ssm.Checkpoint;
import statescope.ssm.GateRange;

/**
 * A reset cascade ({@link Cascade}) as an exact Mamba model, one layer per level.
 *
 * <p>Every layer runs one step behind: at position t layer ℓ holds the value its level had after
 * symbol t−1. Its update reads, through the conv (delay 1), which value the letter of step t−1 resets
 * it to: for level 0 the letter is the symbol itself; for a deeper level the layer above wrote "reset
 * to v" signs at step t−1, each the OR of the letters (symbol, values above) that reset the level to v.
 * A layer writes those signs as its own value times a conjunction of the current symbol and the values
 * of the levels above it (the output gate SiLU(z) is that conjunction). The last layer writes, in the
 * same way, the targets of each position, a function of the symbol and the whole cascade before it.
 * Each level keeps one flag per value other than its initial one (one-hot; all 0 is the initial value).
 */
final class CascadeCompiler {

    private final Cascade cascade;
    private final List<String> vocabulary;
    private final ModelBuilder m;
    private final int[][] valueDim;        // [level][value] sign dimension (value 0 has none)
    private final int[][] resetDim;        // [level][value] "reset to value" sign dimension (level ≥ 1)
    private final int[] swapDim;           // [level] "swap" sign dimension (signed gates, level ≥ 1)
    private final int[] outDim;
    private final boolean signed;

    /**
     * @param outputsAt the outputs that are on at a position, from the DFA state before its token and
     *                  the token (an empty set: none)
     */
    static Checkpoint compile(Cascade cascade, List<String> vocabulary, List<String> outputs,
                              BiFunction<Integer, Integer, BitSet> outputsAt, boolean bitsHead,
                              String languageId, String notes, boolean signed) {
        return new CascadeCompiler(cascade, vocabulary, outputs, signed).build(outputsAt, bitsHead, languageId, notes);
    }

    private CascadeCompiler(Cascade cascade, List<String> vocabulary, List<String> outputs, boolean signed) {
        this.cascade = cascade;
        this.signed = signed;
        this.vocabulary = vocabulary;
        this.m = new ModelBuilder(vocabulary, outputs);
        int levels = cascade.levels.size();
        valueDim = new int[levels][];
        resetDim = new int[levels][];
        swapDim = new int[levels];
        for (int l = 0; l < levels; l++) {
            List<String> vals = cascade.levels.get(l).values();
            valueDim[l] = new int[vals.size()];
            resetDim[l] = new int[vals.size()];
            for (int v = 1; v < vals.size(); v++) {
                valueDim[l][v] = m.sign("level " + l + " = " + vals.get(v));
            }
            if (l > 0) {
                for (int v = 0; v < vals.size(); v++) {
                    resetDim[l][v] = m.sign("level " + l + " reset to " + vals.get(v));
                }
                if (swaps(l)) {
                    swapDim[l] = m.sign("level " + l + " swap");
                }
            }
        }
        outDim = new int[outputs.size()];
        for (int o = 0; o < outDim.length; o++) {
            outDim[o] = m.sign("output " + outputs.get(o));
        }
    }

    private Checkpoint build(BiFunction<Integer, Integer, BitSet> outputsAt, boolean bitsHead, String languageId,
                             String notes) {
        int levels = cascade.levels.size();
        int k = vocabulary.size();
        if (levels == 0) {
            var l = m.layer();
            int q = cascade.configs.values().iterator().next();
            for (int a = 0; a < k; a++) {
                BitSet on = outputsAt.apply(q, a);
                for (int o = on.nextSetBit(0); o >= 0; o = on.nextSetBit(o + 1)) {
                    l.emit(null, Gate.when("token " + vocabulary.get(a), m.tokenIn(a)), outDim[o], 2);
                }
            }
        }
        for (int lev = 0; lev < levels; lev++) {
            var l = m.layer();
            Cascade.Level level = cascade.levels.get(lev);
            int values = level.values().size();
            Channel[] flags = new Channel[values];
            Form any;
            Form swap = Form.zero();
            Form[] to = new Form[values];
            if (lev == 0) {
                var byValue = new ArrayList<List<Integer>>();
                for (int v = 0; v < values; v++) {
                    byValue.add(new ArrayList<>());
                }
                var swapping = new ArrayList<Integer>();
                for (var e : level.actions().entrySet()) {
                    if (e.getValue().reset()) {
                        byValue.get(e.getValue().value()).add(e.getKey().symbol());
                    } else if (e.getValue().swap()) {
                        swapping.add(e.getKey().symbol());
                    }
                }
                any = Form.zero();
                for (int v = 0; v < values; v++) {
                    to[v] = m.tokenIn(byValue.get(v).stream().mapToInt(Integer::intValue).toArray());
                    any = any.plus(to[v]);
                }
                swap = m.tokenIn(swapping.stream().mapToInt(Integer::intValue).toArray());
            } else {
                any = Form.zero();
                for (int v = 0; v < values; v++) {
                    to[v] = Form.is(resetDim[lev][v]);
                    any = any.plus(to[v]);
                }
                if (swaps(lev)) {
                    swap = Form.is(swapDim[lev]);
                }
            }
            Channel anyReset = l.feature("level " + lev + " is reset", any, 1, false);
            if (signed) {
                Channel swapF = swaps(lev) ? l.feature("level " + lev + " swaps", swap, 1, false) : null;
                for (int v = 1; v < values; v++) {
                    Form write = swaps(lev) ? to[v].plus(swap) : to[v];
                    flags[v] = l.signedFlag("level " + lev + " = " + level.values().get(v), write, 1, anyReset, swapF);
                }
            } else {
                int ctrl = l.control("reset level " + lev, Map.of(anyReset, 1.0), 0);
                for (int v = 1; v < values; v++) {
                    flags[v] = l.flag("level " + lev + " = " + level.values().get(v), to[v], 1, ctrl);
                }
            }
            for (int v = 1; v < values && lev + 1 < levels; v++) {
                l.emit(flags[v], Gate.always(), valueDim[lev][v], 2);
            }
            emitNext(l, lev, flags, outputsAt);
        }
        for (int o = 0; o < outDim.length; o++) {
            m.head(o, bitsHead ? Form.of(outDim[o], 1) : Form.is(outDim[o]));
        }
        return m.build(signed ? GateRange.SIGNED : GateRange.NONNEGATIVE, languageId, notes);
    }

    private boolean swaps(int lev) {
        return cascade.levels.get(lev).actions().values().stream().anyMatch(Cascade.Action::swap);
    }

    /**
     * Layer lev writes, for each token and values of the levels above it, the signs that depend on its own
     * value: the resets of level lev+1, or (last layer) the outputs. With c = [token ∧ values above]:
     * Σ_v [own = v]·c·out(v) = c·out(0) + Σ_{v≥1} [own = v]·c·(out(v) − out(0)).
     */
    private void emitNext(LayerBuilder l, int lev, Channel[] flags, BiFunction<Integer, Integer, BitSet> outputsAt) {
        boolean last = lev + 1 == cascade.levels.size();
        int values = flags.length;
        int k = vocabulary.size();
        // (token, values above) → own value → dims on
        Map<List<Integer>, Map<Integer, Set<Integer>>> table = new LinkedHashMap<>();
        for (var e : cascade.configs.entrySet()) {
            List<Integer> c = e.getKey();
            for (int a = 0; a < k; a++) {
                var key = new ArrayList<Integer>();
                key.add(a);
                key.addAll(c.subList(0, lev));
                Set<Integer> on = new LinkedHashSet<>();
                if (last) {
                    BitSet bits = outputsAt.apply(e.getValue(), a);
                    bits.stream().forEach(o -> on.add(outDim[o]));
                } else {
                    Cascade.Action act = cascade.levels.get(lev + 1).actions()
                            .get(new Cascade.Letter(a, c.subList(0, lev + 1)));
                    if (act != null && act.reset()) {
                        on.add(resetDim[lev + 1][act.value()]);
                    } else if (act != null && act.swap()) {
                        on.add(swapDim[lev + 1]);
                    }
                }
                Set<Integer> before = table.computeIfAbsent(List.copyOf(key), x -> new LinkedHashMap<>()).put(c.get(lev), on);
                if (before != null && !before.equals(on)) {
                    throw new IllegalStateException("outputs of level " + lev + " depend on more than the cascade");
                }
            }
        }
        var leaves = new ArrayList<Map.Entry<List<Integer>, Map<Integer, Set<Integer>>>>();
        split(new ArrayList<>(table.entrySet()), 0, lev, leaves);
        for (var e : leaves) {
            List<Integer> key = e.getKey();
            Form cond = m.tokenIn(key.get(0));
            var name = new StringBuilder("token " + vocabulary.get(key.get(0)));
            for (int j = 0; j + 1 < key.size(); j++) {
                cond = Form.and(cond, literal(j, key.get(j + 1)));
                name.append(" ∧ level ").append(j).append(" = ").append(cascade.levels.get(j).values().get(key.get(j + 1)));
            }
            Gate gate = Gate.when(name.toString(), cond);
            Set<Integer> base = e.getValue().getOrDefault(0, Set.of());
            for (int dim : base) {
                l.emit(null, gate, dim, 2);
            }
            for (int v = 1; v < values; v++) {
                Set<Integer> on = e.getValue().get(v);
                if (on == null) {
                    continue;                                          // never reached with this letter
                }
                for (int dim : on) {
                    if (!base.contains(dim)) {
                        l.emit(flags[v], gate, dim, 2);
                    }
                }
                for (int dim : base) {
                    if (!on.contains(dim)) {
                        l.emit(flags[v], gate, dim, -2);
                    }
                }
            }
        }
    }

    /**
     * Splits the table on the token, then on level 0, 1, … in turn, as long as the own-value → outputs map
     * differs within a branch; each leaf is a cube (the token and the values of the levels split on), and
     * the leaves are disjoint, so the output signs stay exact sums.
     */
    private static void split(List<Map.Entry<List<Integer>, Map<Integer, Set<Integer>>>> entries, int depth, int lev,
                              List<Map.Entry<List<Integer>, Map<Integer, Set<Integer>>>> leaves) {
        Map<Integer, Set<Integer>> merged = new LinkedHashMap<>();
        boolean same = true;
        for (var e : entries) {
            for (var v : e.getValue().entrySet()) {
                Set<Integer> prev = merged.putIfAbsent(v.getKey(), v.getValue());
                same &= prev == null || prev.equals(v.getValue());
            }
        }
        if (depth > 0 && same) {
            leaves.add(Map.entry(entries.get(0).getKey().subList(0, depth), merged));
            return;
        }
        if (depth > lev) {
            throw new IllegalStateException("outputs of level " + lev + " depend on more than the cascade");
        }
        Map<Integer, List<Map.Entry<List<Integer>, Map<Integer, Set<Integer>>>>> groups = new LinkedHashMap<>();
        for (var e : entries) {
            groups.computeIfAbsent(e.getKey().get(depth), x -> new ArrayList<>()).add(e);
        }
        for (var g : groups.values()) {
            split(g, depth + 1, lev, leaves);
        }
    }

    /** The condition "level j has value v" (value 0: no flag of level j is set). */
    private Form literal(int j, int v) {
        if (v > 0) {
            return Form.is(valueDim[j][v]);
        }
        int values = cascade.levels.get(j).values().size();
        Form[] nots = new Form[values - 1];
        for (int u = 1; u < values; u++) {
            nots[u - 1] = Form.not(valueDim[j][u]);
        }
        return Form.and(nots);
    }
}
