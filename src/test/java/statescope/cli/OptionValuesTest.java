package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Option values out of range, NaN or negative: each refused before any work with one line that names the
 * option and what it takes (exit 3), not accepted (a NaN time limit stopped a search at once and passed
 * {@code --check}), not reported by an internal field's name, not a division by zero.
 */
class OptionValuesTest {

    static final String PARITY = "assets/models/parity-nonneg.safetensors";

    static void refused(String expected, String... args) {
        var r = ExitCodeRulesTest.run(args);
        String what = String.join(" ", args) + ": " + r.err();
        assertEquals(ExitCodes.BAD_INPUT, r.code(), what);
        assertEquals(1, r.err().lines().count(), what);
        assertTrue(r.err().startsWith("statescope: error: " + expected), what);
        assertTrue(r.out().isEmpty(), what);
    }

    @Test
    void timeLimitsMustBeNumbersOfSeconds() {
        refused("--time must be in [0, 86400] seconds (0: no limit), got NaN",
                "counterexample", "--model", PARITY, "--time", "NaN", "--check");
        refused("--time must be in [0, 86400] seconds (0: no limit), got -1.0",
                "counterexample", "--model", PARITY, "--time", "-1");
        refused("--time must be in [0, 86400] seconds (0: no limit), got NaN", "lengths", "--model", PARITY, "--time", "NaN");
        refused("--time must be in [0, 86400] seconds (0: no limit), got Infinity",
                "lengths", "--model", PARITY, "--time", "Infinity");
    }

    @Test
    void lengthsBoundsItsStringsAndNamesItsOptions() {
        refused("--strings must be in 1..100000, got 99999999", "lengths", "--model", PARITY, "--strings", "99999999",
                "--time", "3");
        refused("--per-decade must be at least 1, got 0", "lengths", "--model", PARITY, "--per-decade", "0");
        refused("--strings 100000 of up to 2000000000 symbols need about ", "lengths", "--model", PARITY, "--strings",
                "100000", "--max", "2000000000");
    }

    @Test
    void messagesNameTheOptionNotAField() {
        refused("--max-words must be at least 0, got -1", "profile", "tomita-3", "--max-words", "-1");
        for (String eps : new String[] {"-1", "0", "NaN"}) {
            refused("--norm-eps must be a number above 0, got ", "trace", "--model", "assets/models/tomita-3.safetensors",
                    "--input", "01", "--norm-eps", eps);
        }
        String t7 = "assets/models/constructed/d-12.safetensors";
        refused("--lengths must be at least 1, got 0", "construct", "check", t7, "--lengths", "0");
        refused("--samples must be at least 1, got 0", "construct", "check", t7, "--samples", "0");
        refused("--exhaustive must be at least 0, got -1", "construct", "check", t7, "--exhaustive", "-1");
        refused("--max-monoid must be at least 1, got 0", "starfree", "(aa)*", "--max-monoid", "0");
        refused("--max-states must be at least 1, got 0", "starfree", "(aa)*", "--max-states", "0");
    }

    @Test
    void trainRefusesValuesByTheirOptionsName(@TempDir Path dir) {
        String out = dir.resolve("p.safetensors").toString();
        refused("--clip must be a number of at least 0 (0: off), got NaN", "train", "--language", "parity", "--clip", "NaN",
                "--out", out);
        refused("--clip must be a number of at least 0 (0: off), got -1.0", "train", "--language", "parity", "--clip", "-1",
                "--out", out);
        refused("--eval-every must be at least 1, got 0", "train", "--language", "parity", "--eval-every", "0", "--out", out);
        refused("--d-model must be in 1..65536, got 0", "train", "--language", "parity", "--d-model", "0", "--out", out);
        refused("--max-words must be at least 0, got -3", "train", "--language", "parity", "--max-words", "-3", "--out", out);
        refused("--lr must be a number above 0, got NaN", "train", "--language", "parity", "--lr", "NaN", "--out", out);
        assertFalse(Files.exists(dir.resolve("p.safetensors")));
    }

    @Test
    void benchmarksAndEvalNameTheirOptions() {
        refused("--min-percent-peak must be a number from 0 to 100, got NaN", "bench-gpu", "--min-percent-peak", "NaN");
        refused("--min-percent-peak must be a number from 0 to 100, got -5.0", "bench-gpu", "--min-percent-peak", "-5");
        refused("--batch must be at least 1, got 0", "bench-train", "--batch", "0");
        refused("--max-words must be at least 0, got -1", "eval", "--model", PARITY, "--max-words", "-1");
        refused("--lengths-max must be at least 1, got 0", "counterexample", "--suite", "assets/models", "--lengths-max", "0");
    }

    @Test
    void aRepeatCountTooLargeSaysSo() {
        var r = ExitCodeRulesTest.run("starfree", "a{99999999999}");      // a regex error shows where, under it
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("repetition count 99999999999 is too large (at most 1000)"), r.err());
    }
}
