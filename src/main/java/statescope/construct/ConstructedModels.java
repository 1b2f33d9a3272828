package statescope.construct;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import statescope.lang.Minimizer;
import statescope.lang.StarFree;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;

/**
 * The hand constructions by name: the paper's models of flip-flop, D_n (any n), bounded Dyck, parity
 * (signed gates), Tomita 1, 2, 4, 7, {a,b}*d{b,c}*, {0,1,2}*02*, aa*bb*cc*dd*ee* and a^n b^n.
 */
public final class ConstructedModels {

    /** The constructions shipped in assets/models/constructed, by catalog id. */
    public static final List<String> SHIPPED = List.of("flip-flop", "tomita-1", "tomita-2", "tomita-4", "tomita-7",
            "d-2", "d-3", "d-4", "d-12", "bounded-dyck-8-10", "bounded-dyck-2-4", "parity", "ab-d-bc",
            "012-star-02-star", "abcde-plus", "anbn");

    private static final Pattern DN = Pattern.compile("d-?_?(\\d+)");
    private static final Pattern DYCK = Pattern.compile("bounded-dyck-(\\d+)-(\\d+)");

    private ConstructedModels() {
    }

    /**
     * The model {@code statescope construct --language ID} writes: the hand construction when there is
     * one (parity only with signed gates), else the compiled cascade of a star-free catalog language.
     *
     * @throws IllegalArgumentException for a language that is not star-free (with its witness) or has no DFA
     */
    public static Constructed forLanguage(String id, boolean signed, int maxStates) {
        var lang = Catalog.standard().find(id);
        String key = lang.map(Language::id).orElse(id.toLowerCase(Locale.ROOT).trim());
        if (key.equals("parity")) {
            if (!signed) {
                var dfa = Minimizer.minimize(lang.orElseThrow().dfa().orElseThrow());
                var w = StarFree.analyze(dfa).witness().orElseThrow();
                throw new IllegalArgumentException("parity is not star-free: " + w.describe() + "; its monoid contains "
                        + Compiler.groupName(dfa) + ", so no SSM with nonnegative gates tracks it at every length;"
                        + " --gates signed builds the signed-gate construction (Ā = −1 flips a channel)");
            }
            return Constructions.parity();
        }
        if (hasHand(key)) {
            return get(key);
        }
        var l = lang.orElseThrow(() -> new IllegalArgumentException("unknown language '" + id + "'"));
        return Compiler.language(l, maxStates, signed).model();
    }

    private static boolean hasHand(String key) {
        return SHIPPED.contains(key) || DN.matcher(key).matches() || DYCK.matcher(key).matches();
    }

    /**
     * The hand construction for a language id ({@code d-N} for any N).
     *
     * @throws IllegalArgumentException naming the languages that have one
     */
    public static Constructed get(String id) {
        String key = id.toLowerCase(Locale.ROOT).trim();
        Matcher dn = DN.matcher(key);
        if (dn.matches()) {
            try {
                return CounterConstructions.dn(Integer.parseInt(dn.group(1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("D_n: n = " + dn.group(1) + " is too large");
            }
        }
        Matcher dyck = DYCK.matcher(key);
        if (dyck.matches()) {
            return CounterConstructions.boundedDyck(Integer.parseInt(dyck.group(1)), Integer.parseInt(dyck.group(2)));
        }
        return switch (key) {
            case "flip-flop" -> Constructions.flipFlop();
            case "tomita-1" -> Constructions.tomita1();
            case "tomita-2" -> Constructions.tomita2();
            case "tomita-4" -> Constructions.tomita4();
            case "tomita-7" -> Constructions.tomita7();
            case "parity" -> Constructions.parity();
            case "ab-d-bc" -> Constructions.abDbc();
            case "012-star-02-star" -> Constructions.zeroTwo();
            case "abcde-plus" -> Constructions.abcde();
            case "anbn" -> CounterConstructions.anbn();
            default -> throw new IllegalArgumentException("no hand construction for '" + id + "'; there is one for "
                    + String.join(", ", SHIPPED) + " and d-N for any N (other star-free languages: "
                    + "statescope construct --language ID compiles one)");
        };
    }
}
