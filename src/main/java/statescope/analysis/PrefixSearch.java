package statescope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import statescope.lang.catalog.ReferenceMachine;
import statescope.lang.catalog.ReferenceMachine.Config;

/**
 * The exhaustive phase: every live prefix up to {@link PrefixPlan#depth()} symbols, each stepped once
 * from its parent's state (a prefix tree: states are carried, never recomputed from the start). A prefix
 * the reference marks dead is pruned with its subtree (no word of the language starts with it).
 *
 * <p>The tree is walked breadth first while a level holds at most {@value #FRONTIER} prefixes, so short
 * counterexamples come first; below that the frontier is shared among worker threads, each walking its
 * subtrees depth first with one state per level (no allocation per prefix) and pruning below the
 * shortest failure found so far. The result is the same as a breadth-first walk: the shortest failing
 * prefix, the lexicographically first among equals (the failure is always at its last symbol: a wrong
 * position inside it would be a shorter failing prefix). Steps run on the model's {@link Model.Stepper}
 * (for the engine's model the app's recurrent step, {@code SsmStepper}, on the Vector API), one per
 * thread: at one token per string a batched scan costs more per token than the step (docs/analysis.md).
 * The breadth-first levels (a few thousand prefixes, where the short counterexamples are) step on
 * {@link Model#coldStepper()} (the scalar kernels, which need no JIT warm-up: parity's {@code 111111} took
 * 2.5 s on the cold Vector API step and 0.1 s on the scalar one), the depth-first walks on the vector step.
 */
final class PrefixSearch {

    /** Largest breadth-first level kept in memory (a state per prefix). */
    static final int FRONTIER = 4096;

    /**
     * What the phase found.
     *
     * @param depth      every live prefix up to this length was checked
     * @param prefixes   prefixes stepped
     * @param failure    the shortest failing prefix (wrong at its last symbol), or null
     * @param nearMisses right prefixes with the smallest margins
     * @param complete   false when stopped by cancel or the deadline before reaching the plan's depth
     */
    record Outcome(int depth, long prefixes, int[] failure, NearMisses nearMisses, boolean complete, double seconds) {
    }

    private record Node(int[] word, Config config, Model.State state, boolean failed) {
    }

    private final Subject subject;
    private final int threads;
    private final ThreadLocal<Model.Stepper> steppers;
    private final ThreadLocal<Judge> judges;
    private final boolean keepGoing;
    private final ThreadLocal<Model.Stepper> coldSteppers;             // the breadth-first levels

    PrefixSearch(Subject subject, int threads) {
        this(subject, threads, false);
    }

    /** @param keepGoing step every prefix of the plan even past failures (for the benchmark) */
    PrefixSearch(Subject subject, int threads, boolean keepGoing) {
        this.subject = subject;
        this.keepGoing = keepGoing;
        this.threads = Math.max(1, threads);
        this.steppers = ThreadLocal.withInitial(() -> subject.model().stepper());
        this.coldSteppers = ThreadLocal.withInitial(() -> subject.model().coldStepper());
        this.judges = ThreadLocal.withInitial(() -> subject.judge().copy());
    }

    Outcome run(PrefixPlan plan, Control control) {
        long t0 = System.nanoTime();
        var done = new AtomicLong();
        var misses = new NearMisses(32);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "prefix-search");
            t.setDaemon(true);
            return t;
        });
        try {
            ReferenceMachine m = subject.machine();
            List<Node> level = List.of(new Node(new int[0], m.start(), subject.model().newState(), false));
            int depth = 0;
            while (depth < plan.depth() && (depth == 0 || plan.at(depth + 1) <= FRONTIER)) {
                if (control.shouldStop()) {
                    return new Outcome(depth, done.get(), null, misses, false, seconds(t0));
                }
                List<Node> next = expand(pool, level, done, misses);
                depth++;
                control.report((double) done.get() / plan.prefixes(), "exhaustive: length " + depth);
                for (Node n : next) {
                    if (n.failed() && !keepGoing) {                     // the first failing child in order
                        return new Outcome(depth, done.get(), n.word(), misses, true, seconds(t0));
                    }
                }
                level = next;
            }
            if (depth == plan.depth()) {
                return new Outcome(depth, done.get(), null, misses, true, seconds(t0));
            }
            return deep(pool, level, depth, plan, control, done, misses, t0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One breadth-first level: the live children in order, failing ones flagged. */
    private List<Node> expand(ExecutorService pool, List<Node> level, AtomicLong done, NearMisses misses) {
        int chunks = Math.min(level.size(), threads * 4);
        List<Future<List<Node>>> parts = new ArrayList<>();
        List<NearMisses> local = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = level.size() * c / chunks;
            int to = level.size() * (c + 1) / chunks;
            var nm = new NearMisses(32);
            local.add(nm);
            parts.add(pool.submit(() -> {
                var out = new ArrayList<Node>();
                Model.Stepper stepper = coldSteppers.get();
                Judge judge = judges.get();
                ReferenceMachine m = subject.machine();
                float[] logits = new float[subject.model().outputSize()];
                for (Node p : level.subList(from, to)) {
                    for (int a = 0; a < m.alphabet().size(); a++) {
                        Config after = m.step(p.config(), a);
                        if (m.isDead(after)) {
                            continue;
                        }
                        int[] w = Arrays.copyOf(p.word(), p.word().length + 1);
                        w[w.length - 1] = a;
                        Model.State s = p.state().copy();
                        stepper.step(s, subject.token(w, w.length - 1), logits);
                        done.incrementAndGet();
                        double margin = judge.margin(p.config(), a, after, logits, 0);
                        boolean right = Judge.right(margin);
                        if (right) {
                            nm.add(w, margin, w.length);
                        }
                        out.add(new Node(w, after, s, !right));
                    }
                }
                return out;
            }));
        }
        var next = new ArrayList<Node>();
        for (var f : parts) {
            next.addAll(get(f));
        }
        local.forEach(misses::addAll);
        return next;
    }

    /** Below the breadth-first levels: the frontier's subtrees depth first, shared among the threads. */
    private Outcome deep(ExecutorService pool, List<Node> frontier, int from, PrefixPlan plan, Control control,
                         AtomicLong done, NearMisses misses, long t0) {
        var best = new AtomicReference<int[]>();
        var nextRoot = new AtomicInteger();
        var stopped = new AtomicBoolean();
        List<Future<NearMisses>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                var nm = new NearMisses(32);
                var walker = new DepthFirst(plan.depth(), nm, best, done);
                int r;
                while ((r = nextRoot.getAndIncrement()) < frontier.size()) {
                    Node root = frontier.get(r);
                    if (!walker.walk(root.word(), root.config(), root.state(), control)) {
                        stopped.set(true);
                        break;
                    }
                    if ((r & 15) == 0) {
                        control.report((double) done.get() / plan.prefixes(), "exhaustive: lengths " + (from + 1)
                                + "-" + plan.depth());
                    }
                }
                return nm;
            }));
        }
        for (var f : workers) {
            misses.addAll(get(f));
        }
        boolean complete = !stopped.get();
        return new Outcome(complete ? plan.depth() : from, done.get(), complete ? best.get() : null, misses, complete,
                seconds(t0));
    }

    /**
     * One worker's depth-first walk: a state, configuration and next symbol per level, reused; the last
     * child of a prefix takes its parent's state in place (the slots swap) instead of a copy.
     */
    private final class DepthFirst {
        private final int maxDepth;
        private final NearMisses misses;
        private final AtomicReference<int[]> best;
        private final AtomicLong done;
        private final Model.Stepper stepper = steppers.get();
        private final Judge judge = judges.get();
        private final ReferenceMachine m = subject.machine();
        private final Model.State[] states;
        private final Config[] configs;
        private final int[] nextSymbol;
        private final int[] word;
        private final float[] logits = new float[subject.model().outputSize()];

        DepthFirst(int maxDepth, NearMisses misses, AtomicReference<int[]> best, AtomicLong done) {
            this.maxDepth = maxDepth;
            this.misses = misses;
            this.best = best;
            this.done = done;
            states = new Model.State[maxDepth + 1];
            for (int d = 0; d <= maxDepth; d++) {
                states[d] = subject.model().newState();
            }
            configs = new Config[maxDepth + 1];
            nextSymbol = new int[maxDepth + 1];
            word = new int[maxDepth];
        }

        /** Walks the subtree below a root; false when stopped by the control. */
        boolean walk(int[] rootWord, Config rootConfig, Model.State rootState, Control control) {
            int d0 = rootWord.length;
            System.arraycopy(rootWord, 0, word, 0, d0);
            states[d0].restore(rootState);
            configs[d0] = rootConfig;
            nextSymbol[d0] = 0;
            int k = m.alphabet().size();
            int d = d0;
            long steps = 0;
            while (d >= d0) {
                int[] b = keepGoing ? null : best.get();
                int limit = b == null ? maxDepth : Math.min(maxDepth, b.length);
                if (nextSymbol[d] == k || d + 1 > limit) {
                    d--;
                    continue;
                }
                int a = nextSymbol[d]++;
                Config after = m.step(configs[d], a);
                if (m.isDead(after)) {
                    continue;
                }
                word[d] = a;
                if (nextSymbol[d] == k) {                               // the last child: the parent's state
                    Model.State parent = states[d];                     // is not read again (a copy saved)
                    states[d] = states[d + 1];
                    states[d + 1] = parent;
                } else {
                    states[d + 1].restore(states[d]);
                }
                stepper.step(states[d + 1], subject.token(word, d), logits);
                if ((++steps & 1023) == 0) {                            // the shared count in batches
                    done.addAndGet(1024);
                    if (control.shouldStop()) {
                        return false;
                    }
                }
                double margin = judge.margin(configs[d], a, after, logits, 0);
                if (!Judge.right(margin)) {
                    offer(Arrays.copyOf(word, d + 1));
                    if (!keepGoing) {
                        continue;                                       // every extension is longer
                    }
                }
                if (Judge.right(margin) && misses.wants(margin)) {
                    misses.add(Arrays.copyOf(word, d + 1), margin, d + 1);
                }
                if (d + 1 < limit) {
                    configs[d + 1] = after;
                    nextSymbol[d + 1] = 0;
                    d++;
                }
            }
            done.addAndGet(steps & 1023);
            return true;
        }

        private void offer(int[] failure) {
            best.accumulateAndGet(failure, (cur, f) -> cur == null || f.length < cur.length
                    || (f.length == cur.length && Arrays.compare(f, cur) < 0) ? f : cur);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
