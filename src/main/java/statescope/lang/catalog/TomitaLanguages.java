package statescope.lang.catalog;

import static statescope.lang.catalog.RegularSpec.MEMBERSHIP;
import static statescope.lang.catalog.RegularSpec.NEXT_IN_LANGUAGE;
import static statescope.lang.catalog.RegularSpec.NEXT_SET;
import static statescope.lang.catalog.RegularSpec.window;
import static statescope.lang.catalog.Suite.BIN;
import static statescope.lang.catalog.Suite.TRAIN;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;
import statescope.lang.Word;

/**
 * Tomita 1-7 over {0,1} (paper.md §3.1 rows 1-7, §4) as a table of {@link RegularSpec} rows. DFAs
 * follow the repository's generators (state names q0, q1, ... as in paper.md §4, the dead state
 * labelled {@code dead}).
 */
final class TomitaLanguages {

    static final Alphabet BITS = Alphabet.ofChars("01");

    private static final String SF_VERDICT = " Star-free (aperiodic transition monoid), so a finite-precision SSM"
            + " with nonnegative gates can model it predictively at every length.";
    private static final String NSF_VERDICT = " Not star-free: its monoid contains a cyclic group, so no"
            + " finite-precision SSM with nonnegative gates can track it at every length.";
    private static final String ALL_100 = " The paper's Mamba scored 100% in both bins.";
    private static final String NEXT_01 = " Targets: may the next symbol be 0 / 1.";
    private static final String IN_L = " Targets: 1 bit per position, is the prefix in the language.";

    private TomitaLanguages() {
    }

    static List<Language> all() {
        return table().stream().map(RegularSpec::build).toList();
    }

    /** Tomita 1 to 7, in order. */
    static List<RegularSpec> table() {
        return List.of(
                tomita(1, "1*", Family.STAR_FREE, dfa("q0", "q0").on("q0", "1", "q0").build(), Suite.regex("1*"),
                        "the strings of 1s only (1*). A 0 sends the DFA to its dead state." + SF_VERDICT + ALL_100 + NEXT_01,
                        Suite.result("100/100", "100/100", "100/100"), NEXT_SET, List.of(
                                window(1, 100, 1000, 1000, "the window holds only 100 distinct words; the paper's data repeat them"),
                                window(1, 99, BIN, 40, "the window holds only 99 words, so the bin overlaps the training words"),
                                window(106, 150, BIN, 33, "all 45 words of the window"))),
                tomita(2, "(10)*", Family.STAR_FREE, dfa("q0", "q0").on("q0", "1", "q1").on("q1", "0", "q0").build(),
                        Suite.regex("(10)*"), "(10)*, alternating 1 and 0, starting with 1 and ending with 0." + SF_VERDICT
                                + ALL_100 + NEXT_01,
                        Suite.result("100/100", "100/100", "100/100"), NEXT_SET, List.of(
                                window(2, 100, 1000, 1000, "only 50 distinct words; the paper's data repeat them"),
                                window(2, 98, BIN, 22, "only 49 words, overlapping the training words"),
                                window(102, 148, BIN, 15, "all 24 words of the window"))),
                tomita(3, "no odd run of 1s immediately followed by an odd run of 0s", Family.NON_STAR_FREE,
                        dfa("q0", "q0", "q1", "q2").on("q0", "0", "q0").on("q0", "1", "q1").on("q1", "0", "q3")
                                .on("q1", "1", "q0").on("q2", "0", "q3").on("q2", "1", "q1").on("q3", "0", "q2").build(),
                        TomitaLanguages::tomita3Member,
                        "binary strings in which no maximal run of 1s of odd length is directly followed by a maximal"
                                + " run of 0s of odd length (q1 = odd run of 1s, q3 = then an odd run of 0s)." + NSF_VERDICT
                                + " The paper's Mamba reached 60.85% in bin 1 and 29.37% in bin 2 (3 layers). Targets"
                                + " follow the repository: for each symbol, is the prefix followed by it in the language.",
                        Suite.result("25.99/12.49", "36.88/17.05", "60.85/29.37"), NEXT_IN_LANGUAGE,
                        List.of(window(1, 100, TRAIN, 10000), window(1, 100, BIN, 1627), window(101, 150, BIN, 1818))),
                tomita(4, "no 000 as a substring", Family.STAR_FREE,
                        dfa("q0", "q0", "q1", "q2").on("q0", "0", "q1").on("q0", "1", "q0").on("q1", "0", "q2")
                                .on("q1", "1", "q0").on("q2", "1", "q0").build(),
                        w -> !(w.length() == 0 ? "" : w.toString()).contains("000"),
                        "binary strings without three consecutive 0s (q1, q2 count the trailing 0s)." + SF_VERDICT
                                + ALL_100 + NEXT_01,
                        Suite.result("100/100", "100/100", "100/100"), NEXT_SET,
                        List.of(window(1, 100, TRAIN, 10000), window(1, 100, BIN, 1926), window(101, 150, BIN, 2000))),
                tomita(5, "#0 even and #1 even", Family.NON_STAR_FREE, parities(),
                        w -> Suite.count(w, BITS, "0") % 2 == 0 && Suite.count(w, BITS, "1") % 2 == 0,
                        "binary strings with an even number of 0s and an even number of 1s (states name the parities"
                                + " of #0 and #1: e = even, o = odd)." + NSF_VERDICT + " The paper's Mamba reached 38.4%"
                                + " in bin 1 and 0% in bin 2." + IN_L,
                        Suite.result("15.94/0", "34.5/0", "38.4/0"), MEMBERSHIP,
                        List.of(window(2, 100, TRAIN, 10000), window(2, 100, BIN, 1819), window(102, 150, BIN, 2000))),
                tomita(6, "(#0 - #1) ≡ 0 (mod 3)", Family.NON_STAR_FREE, differenceMod3(),
                        w -> Math.floorMod(Suite.count(w, BITS, "0") - Suite.count(w, BITS, "1"), 3) == 0,
                        "binary strings where the number of 0s minus the number of 1s is divisible by 3 (state dK:"
                                + " the difference is K mod 3)." + NSF_VERDICT + " The paper's Mamba reached 54.56% in"
                                + " bin 1 and 0.04% in bin 2." + IN_L,
                        Suite.result("7.2/0", "37.8/0", "54.56/0.04"), MEMBERSHIP, List.of(window(2, 100, TRAIN, 10000),
                                window(2, 100, 10_000, 8689, "the paper's Tomita-6 bins ask for 10000 strings"),
                                window(101, 150, 10_000, 10000))),
                tomita(7, "0*1*0*1*", Family.STAR_FREE,
                        dfa("q0", "q0", "q1", "q2", "q3").on("q0", "0", "q0").on("q0", "1", "q1").on("q1", "0", "q2")
                                .on("q1", "1", "q1").on("q2", "0", "q2").on("q2", "1", "q3").on("q3", "1", "q3").build(),
                        Suite.regex("0*1*0*1*"),
                        "0*1*0*1*, at most four blocks (q0..q3 = the block being read)." + SF_VERDICT
                                + " It is the textbook cascade of set-only flags." + ALL_100 + NEXT_01,
                        Suite.result("100/100", "100/100", "100/100"), NEXT_SET,
                        List.of(window(12, 100, TRAIN, 10000), window(24, 100, BIN, 1829), window(101, 150, BIN, 1896))));
    }

    /** A row of Tomita n: id, name and aliases follow from n, the description starts with the name. */
    private static RegularSpec tomita(int n, String definition, Family family, Dfa dfa, Predicate<Word> membership,
                                      String about, String paperResult,
                                      Function<ReferenceMachine, TargetEncoding> targets,
                                      List<RegularSpec.Window> windows) {
        return new RegularSpec("tomita-" + n, "Tomita " + n, List.of("T" + n, "Tomita" + n, "tomita " + n), definition,
                family, dfa, membership, "Tomita " + n + ": " + about, paperResult, targets, windows);
    }

    /** A DFA builder over {0,1} that starts in {@code start} and accepts in the {@code accepting} states. */
    private static DfaBuilder dfa(String start, String... accepting) {
        return new DfaBuilder(BITS).start(start).accept(accepting);
    }

    /** Tomita 5: states ee, eo, oe, oo name the parity of #0 and of #1. */
    private static Dfa parities() {
        var db = dfa("ee", "ee");
        for (String q : new String[] {"ee", "eo", "oe", "oo"}) {
            String flip0 = (q.charAt(0) == 'e' ? "o" : "e") + q.charAt(1);
            String flip1 = q.charAt(0) + (q.charAt(1) == 'e' ? "o" : "e");
            db.on(q, "0", flip0).on(q, "1", flip1);
        }
        return db.build();
    }

    /** Tomita 6: state dK, the difference #0 - #1 is K mod 3. */
    private static Dfa differenceMod3() {
        var db = dfa("d0", "d0");
        for (int d = 0; d < 3; d++) {
            db.on("d" + d, "0", "d" + ((d + 1) % 3)).on("d" + d, "1", "d" + ((d + 2) % 3));
        }
        return db.build();
    }

    /** Tomita 3 by runs: reject when an odd maximal 1-run is directly followed by an odd maximal 0-run. */
    static boolean tomita3Member(Word w) {
        String s = w.length() == 0 ? "" : w.toString();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) {
                j++;
            }
            if (s.charAt(i) == '1' && (j - i) % 2 == 1 && j < s.length()) {
                int k = j;
                while (k < s.length() && s.charAt(k) == '0') {
                    k++;
                }
                if ((k - j) % 2 == 1) {
                    return false;
                }
            }
            i = j;
        }
        return true;
    }
}
