package statescope.lang.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import statescope.io.BoundedFiles;
import statescope.lang.Word;

/**
 * Word lists and per-position target files in the format of the paper's released data
 * ({@code generated_ds/<language>/val_src_bin0.txt}, {@code val_tgt_bin0.txt}): one word per line, its
 * symbols written together; a target line holds the target of every position, either its bits
 * ({@code 01 11 10 …} run together, W characters a position) or one character a position naming the
 * class ({@code c}/{@code e}, a next letter, {@code T}). A final line break is optional.
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the file and the line:
 * a missing or empty file, an empty line, a symbol outside the alphabet, a target line of the wrong length.
 */
public final class WordFiles {

    private WordFiles() {
    }

    /** The words of a file, one per line, parsed over the language's alphabet. */
    public static List<Word> readWords(Path file, Language language) throws IOException {
        List<String> lines = lines(file, "words");
        var out = new ArrayList<Word>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": empty line (one word per line)");
            }
            try {
                out.add(language.parse(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + abbreviate(text) + "' is not a word"
                        + " over the alphabet of " + language.id() + " " + language.alphabet() + " (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /**
     * The target lines of a file, one per word, each checked to hold {@code T·W} bits or {@code T} class
     * characters for its word of T symbols (W = the encoding's bits per position).
     */
    public static List<String> readTargets(Path file, Language language, List<Word> words) throws IOException {
        List<String> lines = lines(file, "targets");
        if (lines.size() != words.size()) {
            throw new IllegalArgumentException(file + ": " + lines.size() + " target lines for " + words.size()
                    + " words; line " + (Math.min(lines.size(), words.size()) + 1) + " has no partner");
        }
        int w = language.targets().width();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            int len = words.get(i).length();
            boolean bits = t.length() == len * w && t.chars().allMatch(c -> c == '0' || c == '1');
            if (!bits && t.length() != len) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + t.length() + " characters for a word"
                        + " of " + len + " symbols; expected " + len * w + " (" + w + " target bit" + (w == 1 ? "" : "s")
                        + " a position) or " + len + " (one class a position)");
            }
        }
        return lines.stream().map(String::strip).toList();
    }

    /**
     * How our targets compare with a file's.
     *
     * @param words               words compared
     * @param mismatchedWords     words with at least one position that differs
     * @param mismatchedPositions positions that differ
     * @param examples            up to five mismatches, as {@code line N position P: ours X, theirs Y}
     */
    public record TargetCheck(int words, int mismatchedWords, long mismatchedPositions, List<String> examples) {
    }

    /** Compares the targets our encoding gives each word with the file's ({@link #readTargets}). */
    public static TargetCheck check(Language language, List<Word> words, List<String> theirs) {
        int w = language.targets().width();
        int badWords = 0;
        long badPositions = 0;
        var examples = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            Targets ours = language.targets().encode(words.get(i));
            String t = theirs.get(i);
            boolean bits = t.length() == ours.length() * w && t.chars().allMatch(c -> c == '0' || c == '1');
            int bad = 0;
            for (int p = 0; p < ours.length(); p++) {
                String mine = bits ? ours.pattern(p) : className(language, ours.classId(p));
                String other = bits ? t.substring(p * w, (p + 1) * w) : t.substring(p, p + 1);
                if (!mine.equals(other)) {
                    bad++;
                    if (examples.size() < 5) {
                        examples.add("line " + (i + 1) + " position " + (p + 1) + ": ours " + mine + ", theirs " + other);
                    }
                }
            }
            badWords += bad > 0 ? 1 : 0;
            badPositions += bad;
        }
        return new TargetCheck(words.size(), badWords, badPositions, List.copyOf(examples));
    }

    private static String className(Language l, int id) {
        return id < 0 ? "?" : l.targets().classes().get(id).name();
    }

    /**
     * The lines of a file without a final empty one; an empty file is bad input, a missing one (or a folder)
     * an I/O error in the words of {@link BoundedFiles#checkRegular}.
     */
    private static List<String> lines(Path file, String what) throws IOException {
        BoundedFiles.checkRegular(file);
        String text = BoundedFiles.decodeUtf8(file, Files.readAllBytes(file));
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " line 1: the " + what + " file is empty");
        }
        return lines;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
