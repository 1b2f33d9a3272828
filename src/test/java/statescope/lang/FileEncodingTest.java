package statescope.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproductions of issue 18 (encodings and file kinds): a Latin-1 or UTF-16 file is read when its
 * encoding is known (byte-order mark, XML declaration) and is otherwise refused as bad input naming the
 * byte; a directory, a FIFO or a device is named as such, never "no such file" nor read forever.
 */
class FileEncodingTest {

    private static final String JFF = "<structure><type>fa</type><automaton><state id=\"0\"><initial/></state>"
            + "<state id=\"1\" name=\"fin\u00e9\"><final/></state><transition><from>0</from><to>1</to><read>\u00e9</read>"
            + "</transition></automaton></structure>";

    @Test
    void latin1JflapWithoutADeclarationIsRefusedNamingTheByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("l1.jff");
        Files.write(f, JFF.getBytes(StandardCharsets.ISO_8859_1));
        var e = assertThrows(DfaFormatException.class, () -> Jflap.read(f));
        assertTrue(e.getMessage().contains("not UTF-8: byte 0xE9 at offset"), e.getMessage());
        assertTrue(e.getMessage().contains("declare its encoding"), e.getMessage());
    }

    @Test
    void latin1JflapWithADeclarationIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("l1.jff");
        Files.write(f, ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + JFF).getBytes(StandardCharsets.ISO_8859_1));
        Dfa d = Jflap.read(f);
        assertEquals(List.of("\u00e9"), d.alphabet().symbols());
        assertEquals("fin\u00e9", d.label(1));
    }

    @Test
    void utf16JflapWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("u16.jff");
        Files.write(f, ("\uFEFF" + JFF).getBytes(StandardCharsets.UTF_16LE));
        assertEquals("fin\u00e9", Jflap.read(f).label(1));
    }

    @Test
    void utf16DfaJsonIsRefusedSayingSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("d.json");
        Files.write(f, ("\uFEFF" + DfaJson.write(Fixtures.tomita1())).getBytes(StandardCharsets.UTF_16LE));
        var e = assertThrows(DfaFormatException.class, () -> DfaJson.read(f));
        assertTrue(e.getMessage().contains("UTF-16LE"), e.getMessage());
        Files.write(f, DfaJson.write(Fixtures.tomita1()).replace("q0", "q\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(DfaFormatException.class, () -> DfaJson.read(f));
        assertTrue(e.getMessage().contains("not UTF-8: byte 0xE9"), e.getMessage());
    }

    @Test
    void aDirectoryIsNamedAsOne(@TempDir Path dir) {
        var e = assertThrows(FileSystemException.class, () -> DfaJson.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        e = assertThrows(FileSystemException.class, () -> Jflap.read(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aDeviceIsNotRead() {
        Path zero = Path.of("/dev/zero");
        assertTrue(Files.exists(zero), zero + " (POSIX)");
        var e = assertThrows(FileSystemException.class, () -> Jflap.read(zero));
        assertTrue(e.getMessage().contains("not a regular file but a character device"), e.getMessage());
    }

    @Test
    void aFifoIsNotOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        // mkfifo is POSIX (coreutils on Linux, the BSD tools on macOS), where this project builds and tests
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor(), "mkfifo " + fifo);
        assertTrue(Files.exists(fifo));
        var e = assertThrows(FileSystemException.class, () -> DfaJson.read(fifo));
        assertTrue(e.getMessage().contains("a FIFO"), e.getMessage());
    }
}
