package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in the project points outside it: no file under src/, bench/, docs/ nor README.md names the
 * shared research folder beside the repository, the workspace root or an absolute path of one machine
 * (a JDK folder, a home, a scratch folder, a fixed Python). The patterns are assembled from pieces, so
 * this file holds none of them whole and is scanned like every other. Scripts find the JDK through {@code JAVA_HOME} and Python on the PATH; the
 * benchmark's PyTorch peer is the project's own {@code bench/torch_peer.py}. Fails naming file:line.
 */
class NoMachinePathTest {

    /** What may not appear. An absolute path counts where it starts a word (not {@code .gpu/tmp/}). */
    private static final String SHARED = ".." + "/shared";
    private static final String WORK = "/wo" + "rk/";
    private static final String JVMS = "/usr/lib" + "/jvm";
    private static final String PYTHON = "/usr/bin" + "/python";

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile(Pattern.quote(SHARED)),
            Pattern.compile(Pattern.quote(WORK)),
            Pattern.compile(Pattern.quote(JVMS)),
            Pattern.compile(Pattern.quote(PYTHON)),
            Pattern.compile("(^|[\\s\"'`=(:,])/(home|root|tmp|opt|Users)" + "/"));

    private static final List<Path> SCANNED = List.of(Path.of("src"), Path.of("bench"), Path.of("docs"), Path.of("README.md"));

    /** Every pattern found, as "file:line: text". */
    static List<String> hits(List<Path> roots) throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    continue;
                }
                String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    for (Pattern p : FORBIDDEN) {
                        if (p.matcher(lines[i]).find()) {
                            hits.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                            break;
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noFileNamesAPathOutsideTheProject() throws IOException {
        assertTrue(Files.isDirectory(Path.of("src/main/java/statescope")), "run from the project's root");
        List<String> hits = hits(SCANNED);
        assertTrue(hits.isEmpty(), "paths outside the project:\n" + String.join("\n", hits));
    }

    @Test
    void theCheckSeesEachKindOfPathAndNamesTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), String.join("\n",
                "fine: bench/torch_peer.py, .gpu/tmp/jrt, /proc/cpuinfo, --out ff.safetensors",
                "run " + SHARED + "/bench/x.py",
                "out /" + "tmp/ff.safetensors",
                "JAVA_HOME=" + JVMS + "/x",
                "`/" + "home/me/x`",
                "data in " + WORK + "exp",
                "#!/usr/bin/env python3",
                PYTHON + "3 x.py"));
        Files.write(dir.resolve("b.bin"), new byte[] {'/', 'w', 'o', 'r', 'k', '/', 0});
        List<String> hits = hits(List.of(dir));
        assertEquals(List.of(2, 3, 4, 5, 6, 8), hits.stream()
                .map(h -> Integer.parseInt(h.substring(h.indexOf(".md:") + 4, h.indexOf(": ")))).toList(), hits.toString());
        assertEquals(dir.resolve("a.md") + ":2: run " + SHARED + "/bench/x.py", hits.getFirst());
    }
}
