package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desktop opening an associated file passes its path alone: that opens the GUI, anything else is the CLI. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void oneAssociatedFileOpensTheApp() throws Exception {
        Path jff = Files.writeString(dir.resolve("m.JFF"), "<structure/>");
        Path session = Files.writeString(dir.resolve("talk.statescope"), "{}");
        assertEquals(jff, Launcher.associatedFile(new String[] {jff.toString()}));
        assertEquals(jff, Launcher.associatedFile(new String[] {jff.toUri().toString()}), "a desktop's file: URI");
        assertEquals(session, Launcher.associatedFile(new String[] {session.toString()}));
    }

    @Test
    void commandsAndOtherArgumentsStayWithTheCli() throws Exception {
        Path jff = Files.writeString(dir.resolve("m.jff"), "<structure/>");
        assertNull(Launcher.associatedFile(new String[] {"languages"}));
        assertNull(Launcher.associatedFile(new String[] {dir.resolve("missing.jff").toString()}));
        assertNull(Launcher.associatedFile(new String[] {Files.writeString(dir.resolve("d.json"), "{}").toString()}));
        assertNull(Launcher.associatedFile(new String[] {"dfa", jff.toString()}));
        assertNull(Launcher.associatedFile(new String[] {dir.resolve("folder.jff").toString()}));
    }
}
