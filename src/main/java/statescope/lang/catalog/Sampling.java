package statescope.lang.catalog;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the catalog draws the words of a split.
 *
 * <ul>
 *   <li>{@link #AUTHORS} (the default): the within-window distribution of the paper's released data,
 *       drawn by samplers that follow the authors' generators language by language
 *       ({@link AuthorsSamplers}; docs/decisions/0008);</li>
 *   <li>{@link #UNIFORM}: a length uniform among the window's lengths that hold words, then a uniform
 *       word of that length ({@link Samplers}; ADR 0002);</li>
 *   <li>{@link #MIXED}: every split's words from both, a fair coin per word (training and evaluation
 *       bins alike, so a model is selected and scored on both). For the languages whose authors' words leave out what a user types (D_n's words sit at
 *       the top depth, so a model trained on them alone fails {@code aabb}; ADR 0008).</li>
 * </ul>
 * For flip-flop, bounded Dyck, Tomita 1/2, the unary and periodic languages and the a^n b^n family the
 * two are the same sampler: the authors' generators draw those uniformly already.
 */
public enum Sampling {
    AUTHORS("authors"),
    UNIFORM("uniform"),
    MIXED("mixed");

    private final String optionName;

    Sampling(String optionName) {
        this.optionName = optionName;
    }

    /** The name on the command line ({@code --sampler authors}). */
    public String optionName() {
        return optionName;
    }

    /** The sampling named {@code text} ({@code authors}, {@code uniform} or {@code mixed}, any case). */
    public static Sampling parse(String text) {
        for (Sampling s : values()) {
            if (s.optionName.equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("--sampler must be one of " + Arrays.stream(values())
                .map(Sampling::optionName).toList() + ", got '" + text.toLowerCase(Locale.ROOT) + "'");
    }
}
