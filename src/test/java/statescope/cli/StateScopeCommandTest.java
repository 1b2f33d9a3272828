package statescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StateScopeCommandTest {

    @Test
    void helpListsExitCodes() {
        var out = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertEquals(ExitCodes.OK, code);
        assertTrue(out.toString().contains("Exit codes"), out.toString());
    }

    /**
     * The top-level list shows each command by one whole sentence (its header): it showed the first line of
     * the description, cut mid-sentence ("whether its syntactic").
     */
    @Test
    void theCommandListSaysWhatEachCommandDoesInOneSentence() {
        var out = new StringWriter();
        StateScopeCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        String list = out.toString().substring(out.toString().indexOf("Commands:"), out.toString().indexOf("Exit codes"));
        int commands = 0;
        for (String line : list.lines().skip(1).toList()) {
            if (line.isBlank()) {
                continue;
            }
            assertTrue(line.startsWith("  ") && !line.startsWith("    "), "one line per command, no wrapped summary: " + line);
            assertTrue(line.endsWith("."), "a whole sentence: " + line);
            commands++;
        }
        assertTrue(commands >= 19, list);
    }

    @Test
    void unknownOptionIsAUsageError() {
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--no-such-flag");
        assertEquals(ExitCodes.USAGE, code);
    }
}
