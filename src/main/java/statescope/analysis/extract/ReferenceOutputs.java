package statescope.analysis.extract;

import java.util.List;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;
import statescope.lang.catalog.TargetEncoding;

/**
 * The reference side: the reference machine stepped with its target encoding; each position's output
 * is the class of its target pattern, or the sink once the machine is dead.
 */
public final class ReferenceOutputs implements OutputQueries {

    private final ReferenceMachine machine;
    private final TargetEncoding targets;

    public ReferenceOutputs(ReferenceMachine machine, TargetEncoding targets) {
        this.machine = machine;
        this.targets = targets;
    }

    public ReferenceMachine machine() {
        return machine;
    }

    @Override
    public Alphabet alphabet() {
        return machine.alphabet();
    }

    @Override
    public List<String> outputNames() {
        return targets.classes().stream().map(c -> c.name()).toList();
    }

    /** The output of one transition. */
    int output(Config before, int symbol, Config after) {
        if (machine.isDead(after)) {
            return SINK;
        }
        boolean[] bits = targets.at(before, symbol, after);
        var sb = new StringBuilder(bits.length);
        for (boolean b : bits) {
            sb.append(b ? '1' : '0');
        }
        return targets.classOf(sb.toString());
    }

    @Override
    public int[][] outputs(List<Word> words) {
        int[][] out = new int[words.size()][];
        for (int i = 0; i < out.length; i++) {
            Word w = words.get(i);
            out[i] = new int[w.length()];
            Config c = machine.start();
            for (int t = 0; t < w.length(); t++) {
                Config next = machine.step(c, w.at(t));
                out[i][t] = output(c, w.at(t), next);
                c = next;
            }
        }
        return out;
    }
}
