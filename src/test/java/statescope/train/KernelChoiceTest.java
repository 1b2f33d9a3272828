package statescope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import statescope.ChildJvm;

/**
 * One decision ({@code VectorSupport}) picks the kernels of every family (step, batched forward, scan,
 * training) with one policy, and says why: the Vector API twins in a JVM with
 * {@code jdk.incubator.vector}, the scalar twins in a JVM without it or with
 * {@code -Dstatescope.vector=false}. The last two run in child JVMs ({@link KernelChoiceChild}).
 */
class KernelChoiceTest {

    private static final String HINT = "start with --add-modules jdk.incubator.vector for the fast path";

    @Test
    void withTheModuleEveryFamilyRunsTheVectorTwins() {
        Map<String, String> m = KernelChoiceChild.choices();
        assertEquals("true", m.get("vector"), m.toString());
        assertEquals("jdk.incubator.vector is loaded", m.get("reason"));
        assertEquals("cpu-vector", m.get("scan"));
        assertTrue(m.get("describe").matches("cpu-vector \\(\\d+-bit\\)"), m.toString());
        assertEquals(m.get("describe"), m.get("step"));
        assertEquals(m.get("describe"), m.get("train"));
    }

    @Test
    void withoutTheModuleEveryFamilyRunsTheScalarTwinsAndSaysHowToGetTheFastOnes() throws Exception {
        Map<String, String> m = child(List.of());
        assertScalar(m);
        assertEquals("jdk.incubator.vector is not loaded (" + HINT + ")", m.get("reason"));
        assertEquals("cpu-scalar (" + HINT + ")", m.get("describe"));
    }

    @Test
    void thePropertyForcesTheScalarTwinsEverywhere() throws Exception {
        Map<String, String> m = child(List.of("--add-modules", "jdk.incubator.vector", "-Dstatescope.vector=false"));
        assertScalar(m);
        assertEquals("-Dstatescope.vector=false asks for the scalar kernels", m.get("reason"));
        assertEquals("cpu-scalar (-Dstatescope.vector=false asks for the scalar kernels)", m.get("describe"));
    }

    private static void assertScalar(Map<String, String> m) {
        assertEquals("false", m.get("vector"), m.toString());
        assertEquals("cpu-reference", m.get("scan"), m.toString());
        assertEquals("cpu-scalar", m.get("step"), m.toString());
        assertEquals("cpu-scalar", m.get("train"), m.toString());
    }

    private static Map<String, String> child(List<String> flags) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(ChildJvm.classPath());
        cmd.add(KernelChoiceChild.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish:\n" + out);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + out);
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("WARNING")) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
