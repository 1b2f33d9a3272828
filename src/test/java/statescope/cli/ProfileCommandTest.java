package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statescope profile}: our splits' statistics, beside a copy of the authors' files. */
class ProfileCommandTest {

    @TempDir
    Path dir;

    @Test
    void profilesOurSplitsBesideTheAuthorsFiles() throws Exception {
        Path data = dir.resolve("generated_ds");
        Path d4 = Files.createDirectories(data.resolve("D-4"));
        Files.writeString(d4.resolve("val_src_bin1.txt"), "aaaabababbbb\naaaababbbbaaaabbbb\n");
        var r = CatalogCommandsTest.run("profile", "d-4", "--max-words", "200", "--authors", data.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("| d-4 | train | ours (authors) | 200 |"), r.out());
        // the two words of the file: 3 of 12 and 3 of 18 positions at depth 4; both reach it; 1 and 2 blocks
        assertTrue(r.out().contains("| d-4 | bin2 | authors' file | 2 | 12 / 15 / 15.0 / 18 |"), r.out());
        assertTrue(r.out().contains("| 4.00 | 0.200 | 1.000 | 1.5 |"), r.out());
        var u = CatalogCommandsTest.run("profile", "tomita-3", "--max-words", "100", "--sampler", "uniform", "--json");
        assertEquals(ExitCodes.OK, u.code(), u.err());
        var j = CatalogCommandsTest.json(u.out());
        assertEquals("ours (uniform)", j.get(0).get("from").asText());
        assertTrue(j.get(2).get("profile").get("medianRuns").asDouble() > 30, "uniform Tomita 3 words have many runs");
    }

    @Test
    void badArgumentsAreBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, CatalogCommandsTest.run("profile", "d-4", "--sampler", "paper").code());
        assertEquals(ExitCodes.BAD_INPUT, CatalogCommandsTest.run("profile", "d-4", "--authors", dir.toString()).code());
        assertEquals(ExitCodes.BAD_INPUT, CatalogCommandsTest.run("profile", "tomita-9").code());
    }
}
