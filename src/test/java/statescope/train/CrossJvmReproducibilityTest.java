package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ChildJvm;

/**
 * Same seed and threads give byte-identical checkpoints across JVM processes, whichever JIT tier runs
 * the kernels: two fresh JVMs, one limited to C1 (the Vector API's Java fallback, never an intrinsic)
 * and one with the default tiered JIT warmed up until C2 has compiled the kernels (intrinsics), each
 * train the same tiny model for a few steps ({@link ReproChild}); the checkpoint, the AdamW state and
 * the logits of the three forward paths must be equal byte for byte.
 *
 * <p>This test fails with {@code VectorOperators.EXP} in the kernels (it did before
 * {@link statescope.ssm.VectorPolyMath}), and it checks that it still can: the two children's probe
 * of that EXP must differ, i.e. the children really did run different code for it.
 */
class CrossJvmReproducibilityTest {

    private static final List<String> FILES =
            List.of("model.safetensors", "model.json", "opt.safetensors", "logits.safetensors", "math.safetensors");

    @Test
    void aC1OnlyJvmAndAWarmC2JvmWriteByteIdenticalCheckpoints(@TempDir Path dir) throws Exception {
        Path c1 = Files.createDirectories(dir.resolve("c1"));
        Path c2 = Files.createDirectories(dir.resolve("c2"));
        Process p1 = start(c1, List.of("-XX:TieredStopAtLevel=1"), 8, 0);
        // compiling in the foreground: once the warm-up has made a kernel hot, it runs C2 code from then on,
        // however busy the machine (a background compile could still be queued when the run starts)
        Process p2 = start(c2, List.of("-XX:-BackgroundCompilation"), 8, 100);
        finish(p1, c1);
        finish(p2, c2);
        List<String> differ = new ArrayList<>();
        for (String f : FILES) {
            byte[] a = Files.readAllBytes(c1.resolve(f));
            byte[] b = Files.readAllBytes(c2.resolve(f));
            assertTrue(a.length > 100, f + " is too small to mean anything: " + a.length + " bytes");
            if (!Arrays.equals(a, b)) {
                differ.add(f);
            }
        }
        assertEquals(List.of(), differ, "files that differ between the C1-only and the C2 JVM");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            // where C2 has SVML (x86-64), VectorOperators.EXP gives other bits in the two children
            assertNotEquals(Files.readString(c1.resolve("probe.txt")), Files.readString(c2.resolve("probe.txt")),
                    "the two JVMs computed VectorOperators.EXP identically, so this test could not tell");
        }
    }

    private static Process start(Path out, List<String> jitFlags, int steps, int warmup) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-Xmx512m");
        cmd.addAll(jitFlags);
        cmd.add("-cp");
        cmd.add(ChildJvm.classPath());
        cmd.add(ReproChild.class.getName());
        cmd.add(out.toString());
        cmd.add(Integer.toString(steps));
        cmd.add(Integer.toString(warmup));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
    }

    private static void finish(Process p, Path out) throws Exception {
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(out.resolve("log.txt"));
        assertTrue(done, "the child JVM did not finish in 300 s:\n" + log);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + log);
    }
}
