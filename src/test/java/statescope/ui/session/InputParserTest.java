package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statescope.lang.Alphabet;
import statescope.ui.common.TaskRunner;

class InputParserTest {

    private static final Alphabet AB = Alphabet.ofChars("01");

    @Test
    void anExtensionParsesOnlyItsTailAndErrorsNameTheWholeTextsPosition() {
        var p = new InputParser();
        int[] w = p.parse(AB, "0110");
        p.accepted("0110", w);
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, p.parse(AB, "01101"));
        var e = assertThrows(IllegalArgumentException.class, () -> p.parse(AB, "0110x"));
        assertTrue(e.getMessage().contains("'x' at position 5"), e.getMessage());
        var fresh = assertThrows(IllegalArgumentException.class, () -> new InputParser().parse(AB, "0110x"));
        assertEquals(fresh.getMessage(), e.getMessage(), "same message as a full parse");
    }

    @Test
    void longTextsAreLeftToTheBackground() {
        var p = new InputParser();
        assertSame(InputParser.LONG, p.parse(AB, "0".repeat(InputParser.LONG_TEXT + 1)));
        String base = "01".repeat(1000);
        p.accepted(base, p.parse(AB, base));
        assertEquals(2001, p.parse(AB, base + "1").length, "a key after a long text is cheap");
    }

    @Test
    void aLongPasteIsReadInTheBackgroundAndAnUnknownSymbolInItIsReportedInline() {
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), SessionModels.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        vm.start();
        var v = vm.views();
        v.catalog().select(v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow());
        String big = "0110".repeat(2500);
        v.input().setInput(big);
        assertEquals(10_000, vm.trace().length());
        assertEquals(10_000, v.stepper().positionProperty().get());
        v.input().setInput(big + "1");
        assertEquals(10_001, vm.trace().length(), "typing after a paste extends the trace");
        v.input().setInput("2" + big);
        String error = v.input().errorProperty().get();
        assertTrue(error.contains("'2' at position 1"), error);
        assertEquals(10_001, vm.trace().length(), "the trace is kept");
    }
}
