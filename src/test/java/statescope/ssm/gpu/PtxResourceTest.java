package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped PTX was built from the current kernel source and build script (a stale PTX fails the
 * build: rerun {@code src/main/cuda/build-ptx.sh}), targets compute_80 or lower with a PTX ISA old drivers
 * accept, and declares every entry point with the parameter list the host packs. No nvcc needed.
 */
class PtxResourceTest {

    private static final Pattern ENTRY = Pattern.compile("\\.visible \\.entry (\\w+)\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param \\.(u64|u32) (\\w+)");

    private static String resource(String name) throws IOException {
        try (var in = ScanPtx.class.getResourceAsStream(name)) {
            assertTrue(in != null, "resource " + name + " missing: run src/main/cuda/build-ptx.sh");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void ptxWasBuiltFromTheCurrentSource() throws Exception {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : resource(ScanPtx.HASHES).strip().split("\n")) {
            String[] parts = line.strip().split("\\s+", 2);
            recorded.put(parts[1], parts[0]);
        }
        assertEquals(List.of("src/main/cuda/selective_scan.cu", "src/main/cuda/build-ptx.sh",
                "src/main/resources/statescope/ssm/gpu/selective_scan.ptx"), List.copyOf(recorded.keySet()));
        for (var e : recorded.entrySet()) {
            // hash as checked out on Linux (LF), even where Git converted line ends
            String text = Files.readString(Path.of(e.getKey()), StandardCharsets.UTF_8).replace("\r\n", "\n");
            String actual = sha256(text.getBytes(StandardCharsets.UTF_8));
            assertEquals(e.getValue(), actual, e.getKey() + " changed since the PTX was built:"
                    + " run src/main/cuda/build-ptx.sh (or ./mvnw -Pcuda generate-resources) and commit the result");
        }
        String ptx = new String(ScanPtx.load(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertEquals(recorded.get("src/main/resources/statescope/ssm/gpu/selective_scan.ptx"),
                sha256(ptx.getBytes(StandardCharsets.UTF_8)),
                "the PTX on the classpath is the one recorded");
    }

    @Test
    void ptxTargetsAmpereOrOlderWithAnOldIsa() throws Exception {
        String ptx = resource(ScanPtx.RESOURCE);
        var target = Pattern.compile("(?m)^\\.target sm_(\\d+)$").matcher(ptx);
        assertTrue(target.find(), "no .target line");
        assertTrue(Integer.parseInt(target.group(1)) <= 80, ".target sm_" + target.group(1) + " is newer than sm_80");
        var version = Pattern.compile("(?m)^\\.version (\\d+)\\.(\\d+)$").matcher(ptx);
        assertTrue(version.find(), "no .version line");
        assertTrue(Integer.parseInt(version.group(1)) <= 7,
                "PTX ISA " + version.group(1) + "." + version.group(2) + " needs a newer driver than 7.x");
        assertTrue(ptx.contains(".address_size 64"));
    }

    @Test
    void everyEntryPointTakesTheParametersTheHostPacks() throws Exception {
        String ptx = resource(ScanPtx.RESOURCE);
        Map<String, List<String>> entries = new LinkedHashMap<>();
        var m = ENTRY.matcher(ptx);
        while (m.find()) {
            var types = new ArrayList<String>();
            var p = PARAM.matcher(m.group(2));
            while (p.find()) {
                types.add(p.group(1));
            }
            entries.put(m.group(1), types);
        }
        List<String> expectedNames = ScanLaunch.NMAX.stream().map(ScanLaunch::entryPoint).toList();
        assertEquals(expectedNames, List.copyOf(entries.keySet()));
        List<String> expectedTypes = ScanLaunch.PARAMS.stream().map(p -> p.pointer() ? "u64" : "u32").toList();
        for (var e : entries.entrySet()) {
            assertEquals(expectedTypes, e.getValue(), e.getKey() + " parameters");
        }
    }

    @Test
    void sourceDocumentsTheSameParameterOrder() throws IOException {
        String src = Files.readString(Path.of("src/main/cuda/selective_scan.cu"));
        String list = String.join(", ", ScanLaunch.PARAMS.stream()
                .map(p -> (p.pointer() ? "u64 " : "u32 ") + p.name()).toList());
        String header = src.replaceAll("\n//\\s+", " ");
        assertTrue(header.contains(list), "selective_scan.cu's header should list: " + list);
    }
}
