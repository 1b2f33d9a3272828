package statescope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the peer script relative to the project, running it, and reading its figure lines. */
class TorchPeerTest {

    @TempDir
    Path dir;

    private Path script(Path at) throws Exception {
        Files.createDirectories(at.getParent());
        return Files.writeString(at, "# a stand-in\n");
    }

    @Test
    void peerLinesAreParsed() {
        var figs = TorchPeer.parse("noise\npeer=torch-cpu figure=step_latency value=812.5 unit=us shape=layers=3 threads=2 torch=1.13\n"
                + "peer=torch-cpu figure=bad value=x unit=us\npeer=torch-cpu value=3 unit=us\n");
        assertEquals(1, figs.size());
        assertEquals(812.5, figs.get(0).value());
        assertEquals("layers=3", figs.get(0).fields().get("shape"));
        assertEquals("peer=torch-cpu figure=step_latency value=812.5 unit=us shape=layers=3 threads=2 torch=1.13",
                figs.get(0).line());
    }

    @Test
    void anExplicitPathWinsEvenWhenItDoesNotExist() {
        Path given = dir.resolve("mine.py");
        assertEquals(given, TorchPeer.locate(given, dir, null));
    }

    @Test
    void theWorkingDirectoryComesBeforeTheJarsFolder() throws Exception {
        Path here = script(dir.resolve("work/bench/torch_peer.py"));
        Path besideJar = script(dir.resolve("project/bench/torch_peer.py"));
        Path jar = dir.resolve("project/target/statescope.jar");
        assertEquals(here, TorchPeer.locate(null, dir.resolve("work"), jar));
        assertEquals(besideJar, TorchPeer.locate(null, dir.resolve("elsewhere"), jar));
        assertEquals(besideJar, TorchPeer.locate(null, dir.resolve("elsewhere"), dir.resolve("project/target/classes")));
        assertNull(TorchPeer.locate(null, dir.resolve("elsewhere"), dir.resolve("nowhere/target/statescope.jar")));
        assertNull(TorchPeer.locate(null, dir.resolve("elsewhere"), null));
    }

    @Test
    void missingScriptOrInterpreterIsAOneLineReason() throws Exception {
        var none = TorchPeer.run("python3", null, List.of(), 10);
        assertTrue(none.unavailable().startsWith("no peer script (bench/torch_peer.py here or beside the jar"), none.unavailable());
        var gone = TorchPeer.run("python3", dir.resolve("gone.py"), List.of(), 10);
        assertEquals("peer script " + dir.resolve("gone.py") + " not found (pass --peer FILE)", gone.unavailable());
        Path s = script(dir.resolve("peer.py"));
        var noPython = TorchPeer.run("statescope-no-such-python", s, List.of(), 10);
        assertEquals("statescope-no-such-python cannot be run (no such program, or not a program); " + TorchPeer.INSTALL,
                noPython.unavailable());
        assertTrue(noPython.figures().isEmpty());
    }

    @Test
    void runPassesTheArgumentsAndReportsAFailingPeersLastLine() throws Exception {
        // sh stands in for Python: the "peer" echoes its arguments as a figure, then fails the second time
        Path s = Files.writeString(dir.resolve("peer.sh"), """
                echo "peer=torch-cpu figure=args value=$# unit=count shape=$2"
                if [ "$1" = fail ]; then echo "PyTorch is not installed" >&2; exit 3; fi
                """);
        var ok = TorchPeer.run("sh", s, List.of("--threads", "7"), 60);
        assertNull(ok.unavailable());
        assertEquals("sh " + s + " --threads 7", ok.command());
        assertEquals(2.0, ok.get("args").value());
        assertEquals("7", ok.get("args").fields().get("shape"));
        var failed = TorchPeer.run("sh", s, List.of("fail", "x"), 60);
        assertEquals("peer exited with 3: PyTorch is not installed", failed.unavailable());
        assertEquals(1, failed.figures().size());
    }
}
