package statescope.inspect;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import statescope.bench.Benchmarks;
import statescope.ssm.GateRange;
import statescope.ssm.ScanResult;
import statescope.ssm.VectorSupport;

/**
 * What a long read costs {@link AlignedTrace} (docs/performance.md, "the paste's per-token data"): a
 * random 3-layer d_model-64 signed model reads N random parity symbols (default 30,000) through
 * {@link AlignedTrace#setWord}, once keeping Ā per token (the model seen without
 * {@link TraceModel#gateFromDelta}) and once deriving it from the kept Δ, three rounds each in one run;
 * prints the read time, the heap the trace retains (used heap after {@code System.gc()}, before and
 * after) and what the read allocated (all threads). Not a test:
 * {@code bench/ui.sh trace [N] [--app-only] [--rounds R] [--warm-up T]} ({@code --app-only}: the app's kind
 * of read alone, deriving Ā, for profiling it; R rounds, default 3; first a T-token read, as
 * {@link JitWarmUp} does in the app). {@code --scan-only}: the scan kernel alone as that read calls it per
 * layer (the CPU kernel on one thread, one string in 64-token blocks of d_inner 128 and N 16, every h_t
 * kept in one reused result, as [ED, N] and as [N, ED]), N tokens per round.
 */
public final class TraceMemoryBench {

    private TraceMemoryBench() {
    }

    /** The model without {@link TraceModel#gateFromDelta}: the trace stores Ā for every token. */
    private record StoredGate(TraceModel m) implements TraceModel {
        @Override
        public ModelInfo info() {
            return m.info();
        }

        @Override
        public State newState() {
            return m.newState();
        }

        @Override
        public StepTrace step(State state, int token) {
            return m.step(state, token);
        }

        @Override
        public StepBlock stepBlock(State state, int[] tokens, int slot) {
            return m.stepBlock(state, tokens, slot);
        }
    }

    public static void main(String[] args) {
        var opts = List.of(args);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        boolean appOnly = opts.contains("--app-only");                      // the app's kind of read alone
        int rounds = intOption(opts, "--rounds", 3);
        int warmUp = intOption(opts, "--warm-up", 0);
        if (opts.contains("--scan-only")) {
            scanOnly(n, rounds);
            return;
        }
        var lang = CatalogLanguages.all().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow();
        var model = EngineModel.random(lang.vocabularySize(), lang.reference().width(), 3, 64, GateRange.SIGNED, 1);
        int[] word = new SplittableRandom(1).ints(n, 0, lang.reference().alphabet().size()).toArray();
        if (warmUp > 0) {                                                   // as JitWarmUp does in the app
            long t0 = System.nanoTime();
            new AlignedTrace(model, lang).setWord(new SplittableRandom(2).ints(warmUp, 0,
                    lang.reference().alphabet().size()).toArray(), p -> { }, () -> false);
            System.out.printf("warm-up, %,d tokens: %.2f s%n", warmUp, (System.nanoTime() - t0) / 1e9);
        }
        for (int round = 0; round < rounds; round++) {
            for (TraceModel m : appOnly ? new TraceModel[] {model} : new TraceModel[] {new StoredGate(model), model}) {
                long before = usedHeap();
                var trace = new AlignedTrace(m, lang);
                long a0 = allocated();
                long t0 = System.nanoTime();
                trace.setWord(word, p -> { }, () -> false);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long allocated = allocated() - a0;
                long retained = usedHeap() - before;
                System.out.printf("round %d, %-9s %,d tokens: read %.2f s, trace retains %.0f MB (%d tokens kept),"
                        + " %.0f MB allocated during the read%n", round, m.gateFromDelta() ? "derived Ā" : "stored Ā",
                        n, seconds, retained / 1e6, trace.length(), allocated / 1e6);
            }
        }
    }

    /**
     * The kernel alone on the read's shape: one layer's scan per 64-token block, states kept, each round
     * with the states as [ED, N] (scattered) and as [N, ED] (stored as computed, the app's reads).
     */
    private static void scanOnly(int tokens, int rounds) {
        int t = 64;
        var in = Benchmarks.randomScanBatch(1, t, 128, 16, GateRange.SIGNED, 1);
        var kernel = VectorSupport.fastScan(1);
        for (int round = 0; round < rounds; round++) {
            for (boolean major : new boolean[] {false, true}) {
                ScanResult out = kernel.scan(in, true, ScanResult.allocate(in, true, major));
                long t0 = System.nanoTime();
                for (int done = 0; done < tokens; done += t) {
                    out = kernel.scan(in, true, out);
                }
                System.out.printf("round %d, scan alone (%s, d_inner %d, N %d, 64-token blocks, every h_t kept "
                        + "as %s): %,d tokens in %.0f ms%n", round, kernel.name(), in.dInner(), in.dState(),
                        major ? "[N, ED]" : "[ED, N]", tokens, (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    /** The integer after {@code name} in the arguments, or {@code otherwise}. */
    private static int intOption(List<String> opts, String name, int otherwise) {
        int i = opts.indexOf(name);
        return i >= 0 && i + 1 < opts.size() ? Integer.parseInt(opts.get(i + 1)) : otherwise;
    }

    /** Bytes allocated by every thread of the JVM so far (the scan-ahead thread's too). */
    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long usedHeap() {
        System.gc();
        System.gc();
        var r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
