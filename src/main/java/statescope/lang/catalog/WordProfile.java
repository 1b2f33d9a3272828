package statescope.lang.catalog;

import java.util.Arrays;
import java.util.List;
import statescope.lang.Word;

/**
 * Statistics of a list of words of one language, to set a sampler beside the paper's released data:
 * the length profile, the run profile (maximal runs of one symbol) and, for the languages with a
 * depth, the depth profile.
 *
 * <p>Depth: D_n, Dyck-1 and Shuffle-k count open brackets (D_n: a opens, b closes); Boolean-n counts the
 * operands still missing. {@code topDepthShare} is the share of positions at depth n and
 * {@code reachTop} the share of words that reach it (D_n only; NaN elsewhere); {@code medianBlocks} the
 * median number of top-level blocks (returns to depth 0; D_n, Dyck-1, Shuffle-k).
 *
 * @param words            how many words
 * @param minLength        the shortest
 * @param medianLength     the median length
 * @param meanLength       the mean length
 * @param maxLength        the longest
 * @param medianRuns       the median number of maximal runs per word
 * @param medianLongestRun the median over words of the longest run
 * @param maxLongestRun    the longest run in any word
 * @param meanMaxDepth     the mean over words of the largest depth (NaN without a depth)
 * @param topDepthShare    positions at depth n / all positions (D_n; NaN elsewhere)
 * @param reachTop         words reaching depth n / words (D_n; NaN elsewhere)
 * @param medianBlocks     the median number of top-level blocks (NaN without one)
 */
public record WordProfile(int words, int minLength, double medianLength, double meanLength, int maxLength,
                          double medianRuns, double medianLongestRun, int maxLongestRun, double meanMaxDepth,
                          double topDepthShare, double reachTop, double medianBlocks) {

    /** The profile of {@code words} (words of {@code language}); empty words count as length 0. */
    public static WordProfile of(Language language, List<Word> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no words to profile");
        }
        int n = words.size();
        int[] lengths = new int[n];
        double[] runs = new double[n];
        double[] longest = new double[n];
        double[] blocks = new double[n];
        long positions = 0;
        long atTop = 0;
        int reached = 0;
        double maxDepthSum = 0;
        int top = topDepth(language);
        boolean hasDepth = depthKind(language) != Depth.NONE;
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            lengths[i] = w.length();
            positions += w.length();
            int r = 0;
            int run = 0;
            int best = 0;
            for (int t = 0; t < w.length(); t++) {
                run = t > 0 && w.at(t) == w.at(t - 1) ? run + 1 : 1;
                r += run == 1 ? 1 : 0;
                best = Math.max(best, run);
            }
            runs[i] = r;
            longest[i] = best;
            if (hasDepth) {
                int[] d = depths(language, w);
                int max = 0;
                int b = 0;
                for (int t = 0; t < d.length; t++) {
                    max = Math.max(max, d[t]);
                    atTop += top > 0 && d[t] == top ? 1 : 0;
                    b += d[t] == 0 ? 1 : 0;
                }
                maxDepthSum += max;
                reached += top > 0 && max == top ? 1 : 0;
                blocks[i] = b;
            }
        }
        boolean dn = top > 0;
        boolean bracket = depthKind(language) == Depth.BRACKETS;
        return new WordProfile(n, Arrays.stream(lengths).min().orElse(0), median(Arrays.stream(lengths).asDoubleStream()
                .toArray()), Arrays.stream(lengths).average().orElse(0), Arrays.stream(lengths).max().orElse(0),
                median(runs), median(longest), (int) Arrays.stream(longest).max().orElse(0),
                hasDepth ? maxDepthSum / n : Double.NaN, dn ? (double) atTop / positions : Double.NaN,
                dn ? (double) reached / n : Double.NaN, bracket ? median(blocks) : Double.NaN);
    }

    private enum Depth { NONE, BRACKETS, OPERANDS }

    private static Depth depthKind(Language l) {
        String id = l.id();
        if (id.matches("d-\\d+") || id.equals("dyck-1") || id.startsWith("shuffle-")) {
            return Depth.BRACKETS;
        }
        return id.startsWith("boolean-") ? Depth.OPERANDS : Depth.NONE;
    }

    /** n for D_n, else 0. */
    private static int topDepth(Language l) {
        return l.id().matches("d-\\d+") ? Integer.parseInt(l.id().substring(2)) : 0;
    }

    /** The depth after each position, {@code [T]}. */
    private static int[] depths(Language l, Word w) {
        int[] d = new int[w.length()];
        int opens = l.alphabet().size() / 2; // D_n: a | b; brackets: k opening symbols, then k closing ones
        boolean operands = depthKind(l) == Depth.OPERANDS;
        int c = operands ? 1 : 0;
        for (int t = 0; t < w.length(); t++) {
            int s = w.at(t);
            if (operands) {
                c += s < 2 ? -1 : s - 2; // an operand fills one; an operator of arity a = s - 1 needs a more
            } else {
                c += s < opens ? 1 : -1;
            }
            d[t] = c;
        }
        return d;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
