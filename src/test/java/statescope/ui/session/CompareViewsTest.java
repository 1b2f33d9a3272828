package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import statescope.inspect.AlignedTrace;
import statescope.inspect.ChannelKind;
import statescope.inspect.EngineModel;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.ssm.GateRange;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ui.common.TaskRunner;

/**
 * Issue 16's compare mode in the heatmap, gates and channels views: model B's frames for the same input
 * and position as A's, with B's own channels and names, following A's layer, window, picks and quantity;
 * gone when compare mode ends. A is an oracle (one layer, 4 channels, no names); B an engine model (two
 * layers, 16 channels, layer 1 named).
 */
class CompareViewsTest {

    private static final ModelChoice ORACLE = ModelChoice.checkpoint("trained · parity-nonneg", Path.of("a.json"));
    private static final ModelChoice NAMED = ModelChoice.checkpoint("trained · parity-signed", Path.of("b.json"));

    private static TraceModel named(LanguageEntry lang) {
        var config = SsmConfig.defaults(8, 2, lang.vocabularySize(), lang.reference().width())
                .withGates(GateRange.SIGNED);                        // d_inner 16
        var names = new ArrayList<String>();
        for (int c = 0; c < config.dInner(); c++) {
            names.add(c == 2 ? "parity (1 = odd)" : c < 2 ? "input " + c : "");
        }
        return new EngineModel(SsmWeights.init(config, 7), "named", true, false,
                List.of(names, Collections.nCopies(config.dInner(), "")));
    }

    private static SessionViewModel session() {
        var models = new ModelLibrary(null, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(ORACLE, NAMED);
            }

            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) {
                return choice == NAMED ? named(language) : FakeModels.oracle(language, 3);
            }
        };
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models, TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        var v = vm.views();
        v.catalog().select(v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow());
        v.input().setInput("0110110");
        v.compare().openCanonicalPair();                               // A: the oracle ("nonneg"), B: named ("signed")
        return vm;
    }

    @Test
    void modelBsHeatmapsShowItsOwnChannelsAtTheSamePosition() {
        var vm = session();
        var v = vm.views();
        assertEquals(NAMED, v.compare().choiceProperty().get());
        v.stepper().jumpTo(5);
        var lang = v.catalog().languageProperty().get();
        var b = new AlignedTrace(named(lang), lang);                   // B's trace, computed apart
        b.setWord(vm.trace().tokens(), f -> { }, () -> false);
        for (var pair : List.of(List.of(v.stateMap(), v.compare().stateMap()), List.of(v.gateMap(), v.compare().gateMap()),
                List.of(v.deltaMap(), v.compare().deltaMap()))) {
            var fa = pair.get(0).frame();
            var fb = pair.get(1).frame();
            assertNotNull(fb, pair.get(1).kind() + ": B has a frame");
            assertEquals(fa.start(), fb.start());
            assertEquals(5, fb.current());
            assertEquals(4, fa.values()[0].length, "A: the oracle's 4 channels");
            assertEquals(16, fb.values()[0].length, "B: its own 16");
            assertArrayEquals(b.channels(0, fb.kind(), 3), fb.values()[3 - fb.start()], 1e-6f);
            assertEquals("2", fa.rowLabel(2));
            assertEquals("2 · parity (1 = odd)", fb.rowLabel(2));
            assertEquals("9 · unused", fb.rowLabel(9));
        }
    }

    @Test
    void modelBFollowsAsLayerPicksAndQuantityAndLeavesWithCompareMode() {
        var vm = session();
        var v = vm.views();
        v.gateMap().layerProperty().set(1);                           // A has one layer, B two
        assertEquals(0, v.gateMap().frame().layer(), "A shows its last layer");
        assertEquals(1, v.compare().gateMap().frame().layer());
        assertEquals(1, v.compare().deltaMap().frame().layer());
        assertEquals("3", v.compare().gateMap().frame().rowLabel(3), "B's layer 2 has no names");
        v.chart().channels().setAll(2, 9);
        v.chart().kindProperty().set(ChannelKind.DELTA);
        var fb = v.compare().chart().frame();
        assertArrayEquals(new int[] {2, 9}, fb.channels());
        assertEquals(ChannelKind.DELTA, fb.kind());
        assertArrayEquals(new String[] {"2 · parity (1 = odd)", "9 · unused"}, fb.labels());
        assertArrayEquals(new String[] {"2"}, v.chart().frame().labels(), "A has no channel 9");
        assertEquals(v.chart().frame().start(), fb.start(), "the same positions");
        assertTrue(v.compare().chart().beyondProperty().get().isEmpty());
        v.compare().close();
        assertNull(v.compare().stateMap().frame());
        assertNull(v.compare().chart().frame());
        assertNotNull(v.stateMap().frame(), "A stays");
    }
}
