package statescope.analysis.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.Word;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * The probe's targets per position: the reference configuration after each symbol, numbered in order
 * of first appearance (the fit sample first, so the held-out sample shares its numbers), or the
 * machine's registers. One instance numbers both samples of a probe.
 */
final class ProbeLabels {

    private final ReferenceMachine machine;
    private final Map<Config, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    ProbeLabels(ReferenceMachine machine) {
        this.machine = machine;
    }

    /** The state class of every position of the words, [R]. */
    int[] states(List<Word> words) {
        var out = new ArrayList<Integer>();
        for (Word w : words) {
            Config c = machine.start();
            for (int t = 0; t < w.length(); t++) {
                c = machine.step(c, w.at(t));
                Config key = c;
                out.add(ids.computeIfAbsent(key, k -> {
                    names.add(machine.describe(k));
                    return names.size() - 1;
                }));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The registers of every position of the words, [R, K]. */
    int[] registers(List<Word> words) {
        int k = machine.registerNames().size();
        var out = new ArrayList<int[]>();
        for (Word w : words) {
            Config c = machine.start();
            for (int t = 0; t < w.length(); t++) {
                c = machine.step(c, w.at(t));
                int[] r = machine.registers(c);
                if (r.length != k) {
                    throw new IllegalStateException("a configuration with " + r.length + " registers, not " + k);
                }
                out.add(r);
            }
        }
        int[] flat = new int[out.size() * k];
        for (int i = 0; i < out.size(); i++) {
            System.arraycopy(out.get(i), 0, flat, i * k, k);
        }
        return flat;
    }

    /** Names of the state classes numbered so far. */
    List<String> names() {
        return List.copyOf(names);
    }
}
