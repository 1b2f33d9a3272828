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

    @Test
    void unknownOptionIsAUsageError() {
        var err = new StringWriter();
        int code = StateScopeCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--no-such-flag");
        assertEquals(ExitCodes.USAGE, code);
    }
}
