package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import statescope.FuzzBudget;
import statescope.ssm.Checkpoint;
import statescope.ssm.Manifest;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.train.LrSchedule;

/**
 * Fuzzes the CLI's value converters (issue 18): fractions, schedules, gates and norms directly, and
 * {@code --tokens}, {@code --input}, {@code --norm}, {@code --alphabet} and {@code --construction-limit}
 * through the commands: every value gives a result or a usage/bad-input exit (2 or 3) with a message
 * and no stack trace, within {@link FuzzBudget}.
 */
class ConverterFuzzTest {

    private static final Path MODEL = tinyModel();

    private static Path tinyModel() {
        try {
            Path dir = Files.createTempDirectory("statescope-fuzz-model");
            dir.toFile().deleteOnExit();
            var cfg = SsmConfig.defaults(4, 1, 3, 2);
            Path w = dir.resolve("m.safetensors");
            new Checkpoint(SsmWeights.init(cfg, 1), new Manifest(1, cfg, List.of("a", "b", "$"), List.of("no", "yes"),
                    null, 0, 0, Map.of(), null)).save(w);
            w.toFile().deleteOnExit();
            dir.resolve("m.json").toFile().deleteOnExit();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void valueConverters(FuzzedDataProvider data) throws Exception {
        String s = data.consumeRemainingAsString();
        FuzzBudget.run(() -> {
            try {
                Double d = new TrainCommand.Fraction().convert(s);
                assertTrue(d != null);
            } catch (picocli.CommandLine.TypeConversionException e) {
                assertTrue(e.getMessage().contains("is not a number or a fraction"), e.getMessage());
            }
            for (Runnable r : List.<Runnable>of(() -> LrSchedule.parse(s), () -> GateRangeConverter.parse(s),
                    () -> TrainCommand.parseNorm(s), () -> TrainCommand.checkDecay(s))) {
                try {
                    r.run();
                } catch (IllegalArgumentException e) {
                    assertTrue(e.getMessage().startsWith("--"), e.getMessage());
                }
            }
        });
    }

    private static final String[] OPTIONS = {"--tokens", "--input", "--norm", "--gates", "--norm-eps"};

    @FuzzTest(maxDuration = "60s")
    void traceOptions(FuzzedDataProvider data) throws Exception {
        var args = new ArrayList<>(List.of("trace", "--model", MODEL.toString()));
        int n = data.consumeInt(1, 3);
        for (int i = 0; i < n; i++) {
            args.add(data.pickValue(OPTIONS));
            args.add(data.consumeString(40));
        }
        expectCleanExit(args.toArray(new String[0]));
    }

    @FuzzTest(maxDuration = "60s")
    void starfreeOptions(FuzzedDataProvider data) throws Exception {
        String[] args = {"starfree", data.consumeString(30), "--alphabet", data.consumeString(10),
            "--construction-limit", data.consumeString(4)};
        expectCleanExit(args);
    }

    private static final Pattern STACK_FRAME = Pattern.compile("(^|\n)\tat [\\w$.<>/]+\\(");

    private static void expectCleanExit(String[] args) throws Exception {
        FuzzBudget.run(() -> {
            var out = new StringWriter();
            var err = new StringWriter();
            int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(err), args);
            assertTrue(Set.of(0, 2, 3).contains(code), "exit " + code + " for " + List.of(args) + ": " + err);
            assertFalse(STACK_FRAME.matcher(err.toString()).find(), "a stack trace for " + List.of(args) + ": " + err);
        });
    }
}
