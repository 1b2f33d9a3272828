package statescope.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import statescope.io.BoundedFiles;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;
import statescope.ssm.GateRange;
import statescope.train.TrainOptions;

/**
 * A sweep plan: languages (or the whole suite) × data seeds × init seeds × sizes × gate ranges ×
 * step budgets, each cell one training run of a language's recipe ({@link Recipes}) with the plan's
 * values in place of the recipe's. Read from YAML or JSON ({@link SweepPlanReader}; docs/sweeps.md has
 * the format); every bad value fails here, naming its field, before any run starts.
 *
 * <p>A cell is named by what makes it: {@code LANGUAGE_GATES_<L>L-d<D>_seed<S>_init<I>} (with
 * {@code -n<N>} after the size when d_state is not 16, and {@code _steps<K>} when the plan lists several
 * budgets), so a plan whose budget grows trains its cells further, as {@code reproduce} does.
 */
public final class SweepPlan {

    /** The word for every shipped model's recipe ({@link Recipes#all()}). */
    public static final String SUITE = "suite";

    /** A model size; {@code dState} null keeps the recipe's (16). */
    public record Size(int layers, int dModel, Integer dState) {
    }

    /** The plan's {@code slurm} block: sbatch settings of the job array (null or empty: not set). */
    public record Slurm(String partition, String time, String mem, String account, Integer maxParallel,
                        List<String> options) {
        static final Slurm NONE = new Slurm(null, null, null, null, null, List.of());

        /** The {@code mem} of a node's task in bytes, or -1 when not set. */
        public long memBytes() {
            return mem == null ? -1 : memoryBytes(mem);
        }
    }

    /** An sbatch memory size ({@code 4G}, {@code 500M}, {@code 2048}: megabytes without a unit) in bytes; -1 when unreadable. */
    static long memoryBytes(String mem) {
        var m = Pattern.compile("(\\d{1,9})([KMGT]?)B?", Pattern.CASE_INSENSITIVE)
                .matcher(mem.strip());
        if (!m.matches()) {
            return -1;
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "G" -> 30;
            case "T" -> 40;
            default -> 20;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /**
     * A recipe to expand, with the plan field that chose it (for messages).
     *
     * @param field e.g. {@code languages[2]}, or {@code languages (suite)}
     */
    record Base(Recipes.Recipe recipe, String field) {
    }

    /** The plan's train options in place of the recipes' (null: the recipe's). */
    record Overrides(Integer threads, Integer batch, Integer maxWords, Integer evalEvery, Double lr) {
    }

    private final String name;
    private final String where;
    private final String text;
    private final String out;
    private final Slurm slurm;
    private final List<SweepCell> cells;

    SweepPlan(String name, String where, String text, String out, Slurm slurm, List<Base> bases, List<Long> seeds,
              List<Long> initSeeds, List<Size> sizes, List<GateRange> gates, List<Long> steps, Overrides o) {
        this.name = name;
        this.where = where;
        this.text = text;
        this.out = out;
        this.slurm = slurm;
        this.cells = expand(bases, seeds, initSeeds, sizes, gates, steps, o);
    }

    /** Reads and checks a plan file (YAML or JSON); a bad plan is an {@link IllegalArgumentException} naming the field. */
    public static SweepPlan read(Path file) throws IOException {
        BoundedFiles.checkRegular(file);                               // missing, a folder: one line naming it
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return SweepPlanReader.parse(BoundedFiles.decodeUtf8(file, Files.readAllBytes(file)), n,
                dot > 0 ? n.substring(0, dot) : n);
    }

    /** Parses and checks a plan's text; {@code where} prefixes messages, {@code defaultName} names an unnamed plan. */
    public static SweepPlan parse(String text, String where, String defaultName) {
        return SweepPlanReader.parse(text, where, defaultName);
    }

    /** The plan's name (field {@code name}, else its file name without extension). */
    public String name() {
        return name;
    }

    /** The plan as written. */
    public String text() {
        return text;
    }

    /** The results folder the plan names (field {@code out}), or null. */
    public String out() {
        return out;
    }

    /** The sbatch settings. */
    public Slurm slurm() {
        return slurm;
    }

    /** The cells, in plan order (language, gates, size, data seed, init seed, budget), each named once. */
    public List<SweepCell> cells() {
        return cells;
    }

    /**
     * Fails, naming the field that chose the size, when a cell's training would need more memory than
     * {@code budgetBytes} ({@link SweepCell#trainingBytes()}).
     *
     * @param budgetWhat what the budget is, for the message (e.g. "the heap per cell, -Xmx / --parallel")
     */
    public void checkMemory(long budgetBytes, String budgetWhat) {
        for (SweepCell c : cells) {
            long need = c.trainingBytes();
            if (need > budgetBytes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: %s: %d layer(s) of d-model %d does not fit: training %s needs about %.1f GiB, %s is %.1f GiB",
                        where, c.sizeField(), c.spec().layers(), c.spec().dModel(), c.spec().language(),
                        need / (double) (1L << 30), budgetWhat, budgetBytes / (double) (1L << 30)));
            }
        }
    }

    private List<SweepCell> expand(List<Base> bases, List<Long> seeds, List<Long> initSeeds, List<Size> sizes,
                                   List<GateRange> gates, List<Long> steps, Overrides o) {
        Map<String, SweepCell> out = new LinkedHashMap<>();
        for (Base b : bases) {
            for (GateRange g : gates.isEmpty() ? Collections.<GateRange>singletonList(null) : gates) {
                Recipes.Recipe r = g == null || g == b.recipe().gates() ? b.recipe()
                        : Recipes.forLanguage(b.recipe().language(), g);
                List<Size> sz = sizes.isEmpty() ? List.of(new Size(r.layers(), r.dModel(), null)) : sizes;
                for (int si = 0; si < sz.size(); si++) {
                    String sizeField = sizes.isEmpty() ? b.field() + " (its recipe's size)" : "sizes[" + si + "]";
                    for (long seed : seeds) {
                        for (Long init : initSeeds.isEmpty() ? Collections.<Long>singletonList(null) : initSeeds) {
                            for (Long budget : steps.isEmpty() ? Collections.<Long>singletonList(null) : steps) {
                                TrainingRun.Spec spec = spec(r, sz.get(si), seed, init, budget, o, sizeField);
                                String n = cellName(spec, steps.size() > 1);
                                SweepCell prev = out.putIfAbsent(n, new SweepCell(n, spec, sizeField));
                                if (prev != null && !prev.spec().equals(spec)) {
                                    throw new IllegalArgumentException(where + ": two cells named " + n
                                            + " differ (" + prev.sizeField() + ", " + sizeField + ")");
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** A cell's run: the recipe with the plan's values, merged as {@code train} merges its options. */
    private TrainingRun.Spec spec(Recipes.Recipe r, Size size, long seed, Long init, Long budget, Overrides o,
                                  String sizeField) {
        TrainingRun.Spec s = r.spec(seed);
        TrainOptions t = s.options();
        try {
            t = new TrainOptions(o.lr() != null ? o.lr() : t.lr(), t.weightDecay(), t.decayAll(), t.clip(),
                    o.batch() != null ? o.batch() : t.batch(), budget != null ? budget : t.steps(),
                    o.threads() != null ? o.threads() : t.threads(), seed, t.schedule());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage().replace("--", ""), e);
        }
        var spec = new TrainingRun.Spec(s.language(), size.layers(), size.dModel(),
                size.dState() != null ? size.dState() : s.dState(), s.gates(), s.norm(), t,
                o.maxWords() != null ? o.maxWords() : s.maxWords(), o.evalEvery() != null ? o.evalEvery() : s.evalEvery(),
                s.quickEval(), s.saveEvery(), s.stopAt(), s.mixSplit(), s.selectOn(), init, s.aInitScale(), s.sampling());
        try {
            TrainingRun.config(spec, LanguageTask.of(spec.language(), spec.sampling()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %s: %d layer(s) of d-model %d does not fit %s: %s", where, sizeField, size.layers(),
                    size.dModel(), spec.language(), e.getMessage()), e);
        }
        return spec;
    }

    /** {@code LANGUAGE_GATES_<L>L-d<D>[-n<N>]_seed<S>_init<I>[_steps<K>]}. */
    static String cellName(TrainingRun.Spec s, boolean withSteps) {
        long init = s.initSeed() != null ? s.initSeed() : s.options().seed();
        return s.language() + "_" + (s.gates() == GateRange.SIGNED ? "signed" : "nonneg") + "_" + s.layers() + "L-d"
                + s.dModel() + (s.dState() != 16 ? "-n" + s.dState() : "") + "_seed" + s.options().seed() + "_init"
                + init + (withSteps ? "_steps" + s.options().steps() : "");
    }

    /** The recipes a {@code languages} entry names: {@code suite}, a shipped model's file stem, or a catalog language. */
    static List<Recipes.Recipe> resolve(String entry, String field) {
        if (entry.equals(SUITE)) {
            return Recipes.all();
        }
        for (Recipes.Recipe r : Recipes.all()) {
            if (r.fileStem().equals(entry)) {
                return List.of(r);
            }
        }
        try {
            Language l = Catalog.standard().get(entry);
            return List.of(Recipes.forLanguage(l, null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage() + " (or suite, or a shipped model such as "
                    + "parity-signed)", e);
        }
    }

    /** The plan fields, in the order docs/sweeps.md lists them. */
    static final Set<String> FIELDS = Set.of("name", "languages", "seeds", "init-seeds", "sizes", "gates", "steps",
            "threads", "batch", "lr", "max-words", "eval-every", "out", "slurm");
}
