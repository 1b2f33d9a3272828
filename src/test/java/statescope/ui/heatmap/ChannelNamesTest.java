package statescope.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.ChannelKind;
import statescope.inspect.LanguageEntry;
import statescope.inspect.ShippedModels;
import statescope.lang.Word;
import statescope.ui.chart.ChannelChartViewModel;
import statescope.ui.common.ChannelLabels;

/**
 * Issue 15's "channels of a constructed model carry names in the manifest; the heatmap, channels and
 * gates views show them": the shipped constructed D_12 (channels "constant 1", "token is a", "token is b",
 * "depth" and four unused) against the trained D_12 (no names: numbers), through the real loader.
 */
class ChannelNamesTest {

    private static final LanguageEntry D12 = CatalogLanguages.all().stream().filter(l -> l.id().equals("d-12"))
            .findFirst().orElseThrow();

    private static AlignedTrace trace(String manifest, String word) throws Exception {
        var trace = new AlignedTrace(ShippedModels.load(Path.of(manifest), D12), D12);
        trace.setWord(Word.parse(D12.machine().alphabet(), word).toArray(), f -> { }, () -> false);
        return trace;
    }

    @Test
    void aConstructedModelsRowsAndReadoutsCarryItsChannelNames() throws Exception {
        var trace = trace("assets/models/constructed/d-12.json", "aabab");
        for (var kind : ChannelKind.values()) {                      // the state heatmap and both gate maps
            var vm = new HeatmapViewModel(kind);
            vm.update(trace, 3);
            var f = vm.frame();
            assertTrue(f.named());
            assertEquals("0 · constant 1", f.rowLabel(0));
            assertEquals("3 · depth", f.rowLabel(3));
            assertEquals(8, f.values()[0].length, "every channel is a row, the unused ones too");
            assertEquals("4 · unused", f.rowLabel(4), "an unused channel is said so, not dropped");
            assertTrue(f.unused(4) && f.unused(7));
            assertFalse(f.unused(3));
            assertTrue(f.readout(2, 3).contains(" · layer 1 · channel 3 · depth · "), f.readout(2, 3));
        }
    }

    @Test
    void aTrainedModelKeepsPlainNumbers() throws Exception {
        var trace = trace("assets/models/d-12.json", "aabab");
        var vm = new HeatmapViewModel(ChannelKind.STATE);
        vm.update(trace, 3);
        var f = vm.frame();
        assertFalse(f.named());
        assertEquals("3", f.rowLabel(3));
        assertFalse(f.unused(3));
        assertTrue(f.readout(2, 3).contains(" · layer 1 · channel 3 · h = "), f.readout(2, 3));
        var chart = new ChannelChartViewModel();
        chart.channels().setAll(0, 3);
        chart.update(trace, 3);
        assertArrayEquals(new String[] {"0", "3"}, chart.frame().labels());
        assertEquals("5", chart.choicesProperty().get().get(5));
    }

    @Test
    void theChannelChartNamesItsSeriesAndOffersEveryChannelByName() throws Exception {
        var trace = trace("assets/models/constructed/d-12.json", "aabab");
        var chart = new ChannelChartViewModel();
        chart.channels().setAll(3, 1, 6);
        chart.update(trace, 4);
        assertArrayEquals(new String[] {"3 · depth", "1 · token is a", "6 · unused"}, chart.frame().labels());
        assertEquals(List.of("0 · constant 1", "1 · token is a", "2 · token is b", "3 · depth", "4 · unused",
                "5 · unused", "6 · unused", "7 · unused"), chart.choicesProperty().get());
    }

    @Test
    void rowLabelsPlaceNamedChannelsFirstAndUnusedOnesWhereRoomIsLeft() {
        var names = new ChannelLabels(List.of(List.of("constant 1", "", "", "", "", "", "", "depth")));
        var values = new float[1][8];
        var f = new HeatmapViewModel.Frame(0, ChannelKind.STATE, 1, values, 1, 1, 0, 0, new String[] {"a"}, names);
        var labels = new RowLabels();
        var font = Font.font(12);
        var roomy = labels.place(f, 8, 20, 13, font, 500);
        assertEquals(8, roomy.size(), "20 px rows: every row labelled");
        assertTrue(roomy.get(3).unused() && roomy.get(3).text().equals("3 · unused"));
        var tight = labels.place(f, 8, 5, 13, font, 500);             // 5 px rows, 13 px labels
        assertEquals(List.of(0, 7), tight.stream().map(RowLabels.Placed::row).toList(),
                "both named rows; no unused one fits between them");
        var dyck = new ChannelLabels(List.of(IntStream.range(0, 128)
                .mapToObj(c -> c < 4 ? "named " + c : "").toList()));
        var crowded = new HeatmapViewModel.Frame(0, ChannelKind.STATE, 1, new float[1][128], 1, 1, 0, 0,
                new String[] {"a"}, dyck);
        var spread = labels.place(crowded, 128, 2.5, 13, font, 500);   // four adjacent named rows in 2.5 px rows
        assertEquals(List.of(0, 1, 2, 3), spread.stream().filter(p -> !p.unused()).map(RowLabels.Placed::row).toList(),
                "every named row labelled, none lost to its neighbours");
        for (int i = 1; i < 4; i++) {
            assertTrue(spread.get(i).y() - spread.get(i - 1).y() >= 13 - 1e-9, "spread a line apart");
        }
        assertTrue(spread.stream().anyMatch(RowLabels.Placed::unused), "unused rows where room is left");
        for (var p : spread) {
            assertTrue(spread.stream().filter(q -> q != p).allMatch(q -> Math.abs(q.y() - p.y()) >= 13 - 1e-9),
                    "no label over another");
        }
        var narrow = labels.place(f, 8, 20, 13, font, labels.width("7 · de…", font) + 0.5);
        assertEquals("7 · de…", narrow.get(7).text(), "cut with an ellipsis to the margin");
    }
    /**
     * A constructed model's input features ("constant 1", "token is a") and unused channels hold no state:
     * their rows are exactly 0, dimmed, and their label's hover says so; a layer whose every channel is an
     * input feature (constructed Tomita 2's first) is all zero, and the map says why instead of being blank.
     * A trained model's rows are never exactly 0.
     */
    @Test
    void rowsAndLayersThatHoldNoStateSaySo() throws Exception {
        var d12 = new HeatmapViewModel(ChannelKind.STATE);
        d12.update(trace("assets/models/constructed/d-12.json", "aabab"), 5);
        var f = d12.frame();
        assertTrue(f.zeroRow(0) && f.zeroRow(1) && f.zeroRow(2) && f.zeroRow(4));
        assertFalse(f.zeroRow(3), "depth holds the count");
        assertFalse(f.allZero());
        assertEquals("layer 1 · channel 1 · token is a · h = 0 at every position shown", f.labelReadout(1));
        assertEquals("layer 1 · channel 3 · depth", f.labelReadout(3));

        var tomita2 = CatalogLanguages.all().stream().filter(l -> l.id().equals("tomita-2")).findFirst().orElseThrow();
        var trace = new AlignedTrace(ShippedModels.load(Path.of("assets/models/constructed/tomita-2.json"), tomita2),
                tomita2);
        trace.setWord(Word.parse(tomita2.machine().alphabet(), "101110").toArray(), x -> { }, () -> false);
        var first = new HeatmapViewModel(ChannelKind.STATE);
        first.update(trace, 6);
        assertTrue(first.frame().allZero());
        assertEquals("h = 0 at every position shown: no channel of layer 1 holds state on this input",
                first.frame().zeroNote());
        first.layerProperty().set(1);
        first.update(trace, 6);
        assertFalse(first.frame().allZero(), "the second layer flags the violation at 4");

        var trained = new HeatmapViewModel(ChannelKind.STATE);
        trained.update(trace("assets/models/d-12.json", "aabab"), 5);
        assertTrue(IntStream.range(0, trained.frame().values()[0].length).noneMatch(trained.frame()::zeroRow));
    }
}
