package statescope.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * Samples words for fitting projections: half uniformly random words, half random walks that stay
 * among configurations that can still accept, so every live state of the reference machine is visited
 * even when random words die at once (as in Tomita 2). Seeded.
 */
public final class CorpusSampler {

    private CorpusSampler() {
    }

    /**
     * @param count  number of words
     * @param maxLen longest word (lengths are uniform in 1..maxLen)
     */
    public static List<int[]> sample(ReferenceMachine machine, int count, int maxLen, long seed) {
        var rng = new SplittableRandom(seed);
        int k = machine.alphabet().size();
        var words = new ArrayList<int[]>(count);
        for (int w = 0; w < count; w++) {
            int len = 1 + rng.nextInt(maxLen);
            int[] word = new int[len];
            boolean guided = w % 2 == 0;
            Config c = machine.start();
            for (int i = 0; i < len; i++) {
                int a = rng.nextInt(k);
                if (guided) {
                    var ok = new ArrayList<Integer>();
                    for (int s = 0; s < k; s++) {
                        if (!machine.isDead(machine.step(c, s))) {
                            ok.add(s);
                        }
                    }
                    if (!ok.isEmpty()) {
                        a = ok.get(rng.nextInt(ok.size()));
                    }
                }
                word[i] = a;
                c = machine.step(c, a);
            }
            words.add(word);
        }
        return words;
    }
}
