package statescope.lang.catalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.LimitExceededException;
import statescope.lang.StarFree;
import statescope.lang.StarFreeVerdict;
import statescope.lang.Word;

/**
 * One language of the catalog: its definition, reference machine, per-position targets and seeded
 * samplers for the training window and each evaluation bin. Immutable; built by the factories of
 * this package and reached through {@link Catalog}.
 *
 * <p>Typical use:
 * <pre>{@code
 * Language t3 = Catalog.standard().get("tomita-3");
 * List<Word> words = t3.sample("bin2", 10, 1L);      // seeded, distinct, lengths 101-150
 * Targets y = t3.targets().encode(words.get(0));     // [T, W] bits + class ids
 * ReferenceMachine m = t3.machine();                 // step it beside the model
 * }</pre>
 */
public final class Language {

    private final String id;
    private final String name;
    private final List<String> aliases;
    private final String definition;
    private final String description;
    private final Family family;
    private final Alphabet alphabet;
    private final Alphabet inputVocabulary;
    private final Function<Word, int[]> inputEncoder;
    private final ReferenceMachine machine;
    private final Dfa dfa;
    private final String dfaNote;
    private final Predicate<Word> membership;
    private final TargetEncoding targets;
    private final List<Split> splits;          // the active sampling's
    private final List<Split> authorsSplits;   // Sampling.AUTHORS
    private final List<Split> uniformSplits;   // Sampling.UNIFORM (the same list when the two samplers agree)
    private final Sampling sampling;
    private final Metric metric;
    private final String paperResult;
    private volatile Optional<StarFreeVerdict> verdict; // computed on first use

    private Language(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.aliases = List.copyOf(b.aliases);
        this.definition = Objects.requireNonNull(b.definition, "definition");
        this.description = Objects.requireNonNull(b.description, "description");
        this.family = Objects.requireNonNull(b.family, "family");
        this.alphabet = Objects.requireNonNull(b.alphabet, "alphabet");
        this.inputVocabulary = b.inputVocabulary == null ? b.alphabet : b.inputVocabulary;
        this.inputEncoder = b.inputEncoder == null ? Word::toArray : b.inputEncoder;
        this.machine = Objects.requireNonNull(b.machine, "machine");
        this.dfa = b.dfa;
        this.dfaNote = b.dfaNote == null ? "" : b.dfaNote;
        this.membership = Objects.requireNonNull(b.membership, "membership");
        this.targets = Objects.requireNonNull(b.targets, "targets");
        this.authorsSplits = List.copyOf(b.splits);
        var uniform = new ArrayList<Split>();
        boolean differs = false;
        for (int i = 0; i < b.splits.size(); i++) {
            Split u = b.uniformSplits.get(i);
            differs |= u != null;
            uniform.add(u == null ? b.splits.get(i) : u);
        }
        this.uniformSplits = differs ? List.copyOf(uniform) : authorsSplits;
        this.sampling = Sampling.AUTHORS;
        this.splits = authorsSplits;
        this.metric = b.metric;
        this.paperResult = b.paperResult == null ? "" : b.paperResult;
        if (splits.isEmpty() || !splits.get(0).isTraining()) {
            throw new IllegalArgumentException(id + ": the first split must be the training split");
        }
    }

    /** This language with its splits drawn by another sampling. */
    private Language(Language l, Sampling sampling) {
        this.id = l.id;
        this.name = l.name;
        this.aliases = l.aliases;
        this.definition = l.definition;
        this.description = l.description;
        this.family = l.family;
        this.alphabet = l.alphabet;
        this.inputVocabulary = l.inputVocabulary;
        this.inputEncoder = l.inputEncoder;
        this.machine = l.machine;
        this.dfa = l.dfa;
        this.dfaNote = l.dfaNote;
        this.membership = l.membership;
        this.targets = l.targets;
        this.authorsSplits = l.authorsSplits;
        this.uniformSplits = l.uniformSplits;
        this.sampling = sampling;
        this.splits = switch (sampling) {
            case AUTHORS -> authorsSplits;
            case UNIFORM -> uniformSplits;
            case MIXED -> mixed(authorsSplits, uniformSplits);
        };
        this.metric = l.metric;
        this.paperResult = l.paperResult;
        this.verdict = l.verdict;
    }

    /** The authors' splits, each drawing every word from either sampling (a fair coin per word). */
    private static List<Split> mixed(List<Split> authors, List<Split> uniform) {
        if (authors == uniform) {
            return authors;
        }
        var out = new ArrayList<Split>();
        for (int i = 0; i < authors.size(); i++) {
            out.add(authors.get(i).withSampler(coin(authors.get(i).sampler(), uniform.get(i).sampler())));
        }
        return List.copyOf(out);
    }

    private static WordSampler coin(WordSampler a, WordSampler u) {
        return new WordSampler() {
            @Override
            public Word sample(LengthWindow window, SplittableRandom random) {
                return random.nextBoolean() ? a.sample(window, random) : u.sample(window, random);
            }

            @Override
            public Word sampleWithin(LengthWindow window, SplittableRandom random, long maxDraws) {
                return random.nextBoolean() ? a.sampleWithin(window, random, maxDraws)
                        : u.sampleWithin(window, random, maxDraws);
            }

            @Override
            public long missBudget(int wanted) {
                return Math.max(a.missBudget(wanted), u.missBudget(wanted));
            }
        };
    }

    /**
     * This language with the words of its splits drawn by {@code sampling} (the catalog's default is
     * {@link Sampling#AUTHORS}); everything else is shared.
     */
    public Language withSampling(Sampling sampling) {
        return sampling == this.sampling ? this : new Language(this, sampling);
    }

    /**
     * A sampler of the language's words at any length, for the instruments that go past the training
     * lengths (length sweeps, counterexample search, checks of constructed models): the training split's
     * sampler where it reaches the asked window, else the uniform sampling's (the authors' generators
     * stop at their own windows; beyond them a uniform word of a uniform length is the neutral choice).
     */
    public WordSampler anyLengthSampler() {
        WordSampler own = trainingSplit().sampler();
        WordSampler uniform = withSampling(Sampling.UNIFORM).trainingSplit().sampler();
        return (window, random) -> own.reaches(window) ? own.sample(window, random) : uniform.sample(window, random);
    }

    /** How the words of this language's splits are drawn. */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * Whether the two samplings draw different words: false where the authors' generator draws
     * uniformly already (Tomita 1/2, the unary and periodic languages, a^n b^n ..., flip-flop, bounded Dyck).
     */
    public boolean samplingsDiffer() {
        return uniformSplits != authorsSplits;
    }

    /** The catalog id, kebab-case: {@code tomita-3}, {@code parity}, {@code dyck-1}, {@code flip-flop}. */
    public String id() {
        return id;
    }

    /** The display name, e.g. {@code "Tomita 3"} or {@code "aa*bb*cc*dd*ee*"}. */
    public String name() {
        return name;
    }

    /** Other names the catalog resolves to this language (e.g. {@code "T3"}, {@code "Tomita 3"}). */
    public List<String> aliases() {
        return aliases;
    }

    /** The definition in one line, e.g. {@code "(#0 - #1) ≡ 0 (mod 3)"}. */
    public String definition() {
        return definition;
    }

    /** One paragraph: what the language is, the paper's verdict and its observed result. */
    public String description() {
        return description;
    }

    public Family family() {
        return family;
    }

    /** The alphabet of the language's words (and of its reference machine). */
    public Alphabet alphabet() {
        return alphabet;
    }

    /**
     * The model's token vocabulary. Usually the alphabet; flip-flop hides each read bit behind
     * {@code -}, so its vocabulary is {@code 0 1 - r i w} (paper.md §3.2).
     */
    public Alphabet inputVocabulary() {
        return inputVocabulary;
    }

    /** The token ids (indices into {@link #inputVocabulary()}) a model reads for a word, {@code [T]}. */
    public int[] encodeInput(Word word) {
        return inputEncoder.apply(word);
    }

    /** The reference machine: a DFA for regular languages, counters or a stack otherwise. */
    public ReferenceMachine machine() {
        return machine;
    }

    /** The minimal reference DFA, when the language is regular and its DFA is not too large. */
    public Optional<Dfa> dfa() {
        return Optional.ofNullable(dfa);
    }

    /** Why there is no DFA, or a remark about it; empty when there is nothing to say. */
    public String dfaNote() {
        return dfaNote;
    }

    /**
     * The star-free analysis of the reference DFA ({@link StarFree#analyze}): verdict, monoid size,
     * minimal states and, when not star-free, a witness. Empty without a DFA (counter languages,
     * bounded Dyck above the DFA cap). Computed on first use and then kept.
     *
     * @throws LimitExceededException when the monoid exceeds the core's limits
     */
    public Optional<StarFreeVerdict> starFreeVerdict() {
        Optional<StarFreeVerdict> v = verdict;
        if (v == null) {
            v = dfa == null ? Optional.empty() : Optional.of(StarFree.analyze(dfa));
            verdict = v;
        }
        return v;
    }

    /** Membership by the definition, computed independently of the reference machine. */
    public boolean contains(Word word) {
        return membership.test(word);
    }

    /** The per-position target encoding of the paper's protocol. */
    public TargetEncoding targets() {
        return targets;
    }

    /** The splits: training first, then the evaluation bins in order. */
    public List<Split> splits() {
        return splits;
    }

    /** The training split. */
    public Split trainingSplit() {
        return splits.get(0);
    }

    /** The evaluation splits in order (bin 1 first). */
    public List<Split> evaluationSplits() {
        return splits.subList(1, splits.size());
    }

    /** Evaluation bin {@code i}, 1-based. */
    public Split bin(int i) {
        if (i < 1 || i >= splits.size()) {
            throw new IllegalArgumentException(id + " has bins 1.." + (splits.size() - 1) + ", not " + i);
        }
        return splits.get(i);
    }

    /** A split by name ({@code train}, {@code bin1}, ...). */
    public Split split(String splitName) {
        for (Split s : splits) {
            if (s.name().equalsIgnoreCase(splitName)) {
                return s;
            }
        }
        var names = splits.stream().map(Split::name).toList();
        throw new IllegalArgumentException("language " + id + " has no split '" + splitName + "'; its splits are "
                + String.join(", ", names));
    }

    /** How the paper scores a model on this language. */
    public Metric metric() {
        return metric;
    }

    /** The paper's observed Mamba result, e.g. {@code "1L 100/100 · 2L 100/100 · 3L 100/100"}. */
    public String paperResult() {
        return paperResult;
    }

    /** Parses a word over the alphabet; an unknown symbol is an {@link IllegalArgumentException} naming it. */
    public Word parse(String text) {
        return Word.parse(alphabet, text);
    }

    /** {@code n} words of a split, seeded (see {@link #sample(Split, int, long, Set)}). */
    public List<Word> sample(String splitName, int n, long seed) {
        return sample(split(splitName), n, seed, Set.of());
    }

    /**
     * {@code n} words of a split. The same seed gives the same words. In a de-duplicated split the words
     * are distinct and none is in {@code exclude}; when the window holds fewer such words, fewer come back.
     */
    public List<Word> sample(Split split, int n, long seed, Set<Word> exclude) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot sample " + n + " words");
        }
        SplittableRandom random = randomFor(split, seed);
        if (!split.distinct()) {
            var out = new ArrayList<Word>(n);
            for (int i = 0; i < n; i++) {
                out.add(split.sampler().sample(split.window(), random));
            }
            return out;
        }
        var out = new LinkedHashSet<Word>();
        long misses = 0;
        long budget = split.sampler().missBudget(n);
        while (out.size() < n && misses < budget) {
            Word w = split.sampler().sample(split.window(), random);
            if (exclude.contains(w) || !out.add(w)) {
                misses++;
            }
        }
        return List.copyOf(out);
    }

    /** An endless stream of independent words of a split (no de-duplication), seeded. */
    public Iterator<Word> stream(Split split, long seed) {
        SplittableRandom random = randomFor(split, seed);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Word next() {
                return split.sampler().sample(split.window(), random);
            }
        };
    }

    private static SplittableRandom randomFor(Split split, long seed) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + split.name().hashCode());
    }

    @Override
    public String toString() {
        return id;
    }

    static Builder builder(String id) {
        return new Builder(id);
    }

    /** Assembles a language; used by the factories of this package. */
    static final class Builder {
        private final String id;
        private String name;
        private final List<String> aliases = new ArrayList<>();
        private String definition;
        private String description;
        private Family family;
        private Alphabet alphabet;
        private Alphabet inputVocabulary;
        private Function<Word, int[]> inputEncoder;
        private ReferenceMachine machine;
        private Dfa dfa;
        private String dfaNote;
        private Predicate<Word> membership;
        private TargetEncoding targets;
        private final List<Split> splits = new ArrayList<>();
        private final List<Split> uniformSplits = new ArrayList<>(); // per split, null: the same as the authors'
        private Metric metric = Metric.STRICT_STRING;
        private String paperResult;

        Builder(String id) {
            this.id = id;
        }

        Builder name(String v) {
            name = v;
            return this;
        }

        Builder aliases(String... v) {
            aliases.addAll(List.of(v));
            return this;
        }

        Builder definition(String v) {
            definition = v;
            return this;
        }

        Builder description(String v) {
            description = v;
            return this;
        }

        Builder family(Family v) {
            family = v;
            return this;
        }

        Builder alphabet(Alphabet v) {
            alphabet = v;
            return this;
        }

        Builder input(Alphabet vocabulary, Function<Word, int[]> encoder) {
            inputVocabulary = vocabulary;
            inputEncoder = encoder;
            return this;
        }

        Builder machine(ReferenceMachine v) {
            machine = v;
            return this;
        }

        /** Sets the DFA and, unless a machine was given, the DFA machine. */
        Builder dfa(Dfa v) {
            dfa = v;
            if (machine == null) {
                machine = new DfaMachine(v);
            }
            return this;
        }

        Builder dfaNote(String v) {
            dfaNote = v;
            return this;
        }

        Builder membership(Predicate<Word> v) {
            membership = v;
            return this;
        }

        Builder targets(TargetEncoding v) {
            targets = v;
            return this;
        }

        /** A split whose words both samplings draw alike. */
        Builder split(Split v) {
            splits.add(v);
            uniformSplits.add(null);
            return this;
        }

        /** A split drawn by the authors' generator ({@code v}'s sampler) or, with {@link Sampling#UNIFORM}, by {@code uniform}. */
        Builder split(Split v, WordSampler uniform) {
            return split(v, v.withSampler(uniform));
        }

        /** A split as the authors' sampling draws it ({@code v}) and as the uniform one does ({@code uniform}). */
        Builder split(Split v, Split uniform) {
            splits.add(v);
            uniformSplits.add(uniform);
            return this;
        }

        Builder metric(Metric v) {
            metric = v;
            return this;
        }

        Builder paperResult(String v) {
            paperResult = v;
            return this;
        }

        ReferenceMachine machine() {
            return machine;
        }

        Language build() {
            return new Language(this);
        }
    }
}
