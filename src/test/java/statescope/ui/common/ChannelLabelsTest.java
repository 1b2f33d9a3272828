package statescope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The views' channel labels: names where the model has them, "unused" for the rest of a named layer, numbers otherwise. */
class ChannelLabelsTest {

    @Test
    void namedUnusedAndPlainChannels() {
        var l = new ChannelLabels(List.of(List.of("seen d", ""), List.of("", "")));
        assertEquals("0 · seen d", l.label(0, 0));
        assertEquals("1 · unused", l.label(0, 1));
        assertTrue(l.unused(0, 1));
        assertEquals("channel 0 · seen d", l.longLabel(0, 0));
        assertEquals("1", l.label(1, 1), "a layer with no name at all is numbered, not 'unused'");
        assertFalse(l.unused(1, 1));
        assertEquals("5", l.label(3, 5), "a layer the names do not reach");
        assertEquals("2", ChannelLabels.NUMBERS.label(0, 2));
        assertEquals("channel 2", ChannelLabels.NUMBERS.longLabel(0, 2));
    }

    @Test
    void shortenKeepsTheStartAndMarksTheCut() {
        assertEquals("depth", ChannelLabels.shorten("depth", 5));
        assertEquals("slot 1 t…", ChannelLabels.shorten("slot 1 type bit 0", 9));
        assertEquals(9, ChannelLabels.shorten("slot 1 type bit 0", 9).length());
        assertEquals("…", ChannelLabels.shorten("depth", 1));
    }
}
