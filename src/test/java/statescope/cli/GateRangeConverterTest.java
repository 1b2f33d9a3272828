package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.ssm.GateRange;

/** One reading of {@code --gates} for every command: every spelling any command took before still works. */
class GateRangeConverterTest {

    @Test
    void everyEarlierSpellingIsAccepted() {
        // train: nonneg|nonnegative|[0,1]|signed|negative|[-1,1] in any case; trace: NONNEGATIVE|SIGNED;
        // bench-gpu: nonnegative|signed in any case
        var spellings = Map.of("nonneg", GateRange.NONNEGATIVE, "nonnegative", GateRange.NONNEGATIVE,
                "[0,1]", GateRange.NONNEGATIVE, "NONNEGATIVE", GateRange.NONNEGATIVE, "NonNeg", GateRange.NONNEGATIVE,
                "signed", GateRange.SIGNED, "negative", GateRange.SIGNED, "[-1,1]", GateRange.SIGNED,
                "SIGNED", GateRange.SIGNED, "Signed", GateRange.SIGNED);
        var converter = new GateRangeConverter();
        spellings.forEach((text, range) -> assertEquals(range, converter.convert(text), text));
        var e = assertThrows(IllegalArgumentException.class, () -> GateRangeConverter.parse("[0,2]"));
        assertTrue(e.getMessage().contains("--gates must be nonneg or signed") && e.getMessage().contains("'[0,2]'"),
                e.getMessage());
    }

    @Test
    void theRootCommandReadsEveryGatesOptionWithIt() {
        for (String command : new String[] {"train", "trace", "bench-gpu", "construct"}) {
            var err = new StringWriter();
            String[] args = switch (command) {
                case "train" -> new String[] {"train", "--language", "parity", "--gates", "sideways", "--out", "unused"};
                case "trace" -> new String[] {"trace", "--model", "unused.safetensors", "--tokens", "0", "--gates", "sideways"};
                case "construct" -> new String[] {"construct", "--regex", "a*", "--gates", "sideways", "--out", "unused"};
                default -> new String[] {"bench-gpu", "--gates", "sideways"};
            };
            int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
            assertEquals(ExitCodes.BAD_INPUT, code, command);
            assertTrue(err.toString().contains("Invalid value for option '--gates': --gates must be nonneg or signed"),
                    command + ": " + err);
        }
        // trace took only NONNEGATIVE and SIGNED: now the train spellings pass the parser (the missing model
        // file is what fails, after parsing)
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "trace", "--model", "no-such-model.safetensors", "--tokens", "0", "--gates", "[-1,1]");
        assertTrue(code != ExitCodes.USAGE && code != ExitCodes.OK, code + ": " + err);
        assertTrue(!err.toString().contains("--gates"), err.toString());
    }

    @Test
    void constructTakesTheSameNames(@TempDir Path dir) {
        for (String gates : new String[] {"negative", "[-1,1]", "Signed"}) {    // construct refused 'negative' before
            var err = new StringWriter();
            int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "construct",
                    "--language", "parity", "--gates", gates, "--out", dir.resolve("p.safetensors").toString(), "--force");
            assertEquals(ExitCodes.OK, code, gates + ": " + err);
        }
    }
}
