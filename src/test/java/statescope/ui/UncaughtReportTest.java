package statescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exception no handler caught on the FX thread: one line in the status bar, its trace on the console. */
class UncaughtReportTest {

    @Test
    void aStatusLineAndATraceOnTheConsole() {
        var lines = new ArrayList<String>();
        var console = new ByteArrayOutputStream();
        var handler = StateScopeApp.reportUncaught(lines::add, new PrintStream(console, true, StandardCharsets.UTF_8));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("no model\nsecond line"));
        handler.uncaughtException(Thread.currentThread(), new NoClassDefFoundError());
        assertEquals(List.of(
                "Unexpected error: IllegalStateException: no model (the last action may be incomplete; details on the console)",
                "Unexpected error: NoClassDefFoundError (the last action may be incomplete; details on the console)"),
                lines);
        String trace = console.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("java.lang.IllegalStateException: no model") && trace.contains("\tat "), trace);
    }
}
