package statescope.analysis.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import de.learnlib.oracle.MembershipOracle;
import de.learnlib.query.Query;
import net.automatalib.word.Word;
import statescope.lang.Alphabet;

/**
 * LearnLib's membership oracle over {@link OutputQueries}: a batch of queries becomes one call (one
 * batched scan for a model); each query is answered with the outputs of its suffix. Counts queries.
 * The target is asked with {@code stop} ({@link OutputQueries#outputs(List, BooleanSupplier)}): at a
 * deadline it throws {@link OutputQueries.Stopped}, which ends the learner's round.
 */
@SuppressWarnings("checkstyle:inlineQualifiedName") // LearnLib's Word and ours meet here: ours stays qualified
class MealyQueries implements MembershipOracle<Integer, Word<Integer>> {

    private final OutputQueries target;
    private final BooleanSupplier stop;
    private long queries;
    private long symbols;

    MealyQueries(OutputQueries target, BooleanSupplier stop) {
        this.target = target;
        this.stop = stop;
    }

    long queries() {
        return queries;
    }

    long symbols() {
        return symbols;
    }

    @Override
    public void processQueries(Collection<? extends Query<Integer, Word<Integer>>> batch) {
        List<statescope.lang.Word> words = new ArrayList<>(batch.size());
        for (Query<Integer, Word<Integer>> q : batch) {
            words.add(toWord(target.alphabet(), q.getInput()));
        }
        int[][] out = target.outputs(words, stop);
        int i = 0;
        for (Query<Integer, Word<Integer>> q : batch) {
            int from = q.getPrefix().length();
            var res = new ArrayList<Integer>(q.getSuffix().length());
            for (int t = from; t < out[i].length; t++) {
                res.add(out[i][t]);
            }
            q.answer(Word.fromList(res));
            queries++;
            symbols += out[i].length;
            i++;
        }
    }

    static statescope.lang.Word toWord(Alphabet alphabet, Word<Integer> w) {
        int[] s = new int[w.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = w.getSymbol(i);
        }
        return statescope.lang.Word.of(alphabet, s);
    }

    static Word<Integer> fromWord(statescope.lang.Word w) {
        var list = new ArrayList<Integer>(w.length());
        for (int i = 0; i < w.length(); i++) {
            list.add(w.at(i));
        }
        return Word.fromList(list);
    }
}
