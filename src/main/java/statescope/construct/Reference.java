package statescope.construct;

import java.util.Arrays;
import java.util.SplittableRandom;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.DfaMachine;
import statescope.lang.catalog.FlipFlop;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.LengthWindow;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.Samplers;
import statescope.lang.catalog.Sampling;
import statescope.lang.catalog.TargetEncoding;
import statescope.lang.catalog.WordSampler;

/**
 * What a constructed model is checked against: the language's machine and per-position targets, how a
 * word becomes token ids, and a sampler of words of about a given length.
 *
 * <p>A catalog language is scored where its protocol scores: at positions whose prefix can still be
 * completed to a word of the language (a dead prefix has no target class). A DFA of the user's is read
 * as next-symbol sets, which are defined everywhere (∅ after a dead prefix), so every position counts.
 */
final class Reference {

    /** Lengths drawn above the nominal one, so that samplers find words of the language (even lengths, …). */
    static final int SLACK = 64;

    final Alphabet alphabet;
    final ReferenceMachine machine;
    final TargetEncoding targets;
    final boolean scoreDead;
    private final Language language;
    private final Dfa dfa;
    private final WordSampler members;

    private Reference(Alphabet alphabet, ReferenceMachine machine, TargetEncoding targets, boolean scoreDead,
                      Language language, Dfa dfa, WordSampler members) {
        this.alphabet = alphabet;
        this.machine = machine;
        this.targets = targets;
        this.scoreDead = scoreDead;
        this.language = language;
        this.dfa = dfa;
        this.members = members;
    }

    /** The reference of a constructed model. */
    static Reference of(Constructed c) {
        if (c.languageId() != null) {
            Language lang = Catalog.standard().get(c.languageId());
            // the uniform sampling: the authors' generators stop at their training window (2-100 symbols and the like)
            WordSampler s = lang.id().equals("flip-flop") ? null
                    : lang.withSampling(Sampling.UNIFORM).trainingSplit().sampler();
            return new Reference(lang.alphabet(), lang.machine(), lang.targets(), false, lang, null, s);
        }
        var m = new DfaMachine(c.dfa());
        return new Reference(c.dfa().alphabet(), m, TargetEncoding.nextSet(m), c.everywhere(), null, c.dfa(),
                Samplers.uniform(c.dfa()));
    }

    /** The model's token ids for a word. */
    int[] encode(Word w) {
        return language != null ? language.encodeInput(w) : w.toArray();
    }

    /**
     * A word of length in [n, n + SLACK]: a word of the language when it has one there, else (a DFA of the
     * user's without such words, or every other word for a DFA) a walk that keeps the prefix live while it can.
     */
    Word sample(int n, SplittableRandom r, int index) {
        if (language != null && language.id().equals("flip-flop")) {
            return FlipFlop.sampler(Math.max(2, n / 2), 0.8).sample(LengthWindow.exactly(n), r);
        }
        var window = new LengthWindow(n, n + SLACK);
        if (dfa == null || (index % 2 == 0 && members.available(window) > 0)) {
            return members.sample(window, r);
        }
        return liveWalk(n, r);
    }

    private Word liveWalk(int n, SplittableRandom r) {
        int k = alphabet.size();
        int[] w = new int[n];
        Config c = machine.start();
        int[] ok = new int[k];
        for (int t = 0; t < n; t++) {
            int m = 0;
            for (int a = 0; a < k; a++) {
                if (!machine.isDead(machine.step(c, a))) {
                    ok[m++] = a;
                }
            }
            w[t] = m > 0 ? ok[r.nextInt(m)] : r.nextInt(k);
            c = machine.step(c, w[t]);
        }
        return Word.of(alphabet, w);
    }

    /**
     * The scored target at each position of a word: for class readouts the class id, for bit readouts the
     * bits packed into an int (bit j = target bit j); −1 where the position is not scored.
     */
    int[] targets(Word w, Constructed.Readout readout) {
        if (machine instanceof DfaMachine dm) {
            return dfaTargets(dm, w, readout);
        }
        int[] out = new int[w.length()];
        Config c = machine.start();
        for (int t = 0; t < w.length(); t++) {
            Config next = machine.step(c, w.at(t));
            if (!scoreDead && machine.isDead(next)) {
                Arrays.fill(out, t, out.length, -1);
                return out;
            }
            out[t] = pack(targets.at(c, w.at(t), next), readout);
            c = next;
        }
        return out;
    }

    private int pack(boolean[] bits, Constructed.Readout readout) {
        if (readout == Constructed.Readout.CLASSES) {
            var sb = new StringBuilder(bits.length);
            for (boolean b : bits) {
                sb.append(b ? '1' : '0');
            }
            return targets.classOf(sb.toString());
        }
        int p = 0;
        for (int j = 0; j < bits.length; j++) {
            p |= bits[j] ? 1 << j : 0;
        }
        return p;
    }

    private int[] table;                       // [states · k]: the target of (state before, symbol); −2 dead

    /** The same targets for a DFA machine, from a table of (state, symbol) (targets depend on nothing else). */
    private int[] dfaTargets(DfaMachine dm, Word w, Constructed.Readout readout) {
        Dfa d = dm.dfa();
        int k = alphabet.size();
        if (table == null) {
            int[] t = new int[d.numStates() * k];
            for (int q = 0; q < d.numStates(); q++) {
                for (int a = 0; a < k; a++) {
                    var after = dm.state(d.next(q, a));
                    t[q * k + a] = !scoreDead && dm.isDead(after) ? -2 : pack(targets.at(dm.state(q), a, after), readout);
                }
            }
            table = t;
        }
        int[] out = new int[w.length()];
        int q = d.startState();
        for (int i = 0; i < out.length; i++) {
            int v = table[q * k + w.at(i)];
            if (v == -2) {
                Arrays.fill(out, i, out.length, -1);
                return out;
            }
            out[i] = v;
            q = d.next(q, w.at(i));
        }
        return out;
    }
}
