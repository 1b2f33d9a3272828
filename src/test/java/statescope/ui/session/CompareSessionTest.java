package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.export.SessionFile;
import statescope.inspect.FakeModels;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.ui.common.TaskRunner;

/**
 * Issue 17's sessions with compare mode (issue 16): the compare pair is saved (model B by path and the
 * hash of its weights, as model A), written, read back and reopened in compare mode with the same pair,
 * input and position; a model B from a checkpoint file outside the picker comes back too; a B whose
 * weights changed is said, one whose file is gone is said and compare mode stays closed.
 */
class CompareSessionTest {

    @TempDir
    Path dir;

    /** Parity's two shipped "checkpoints" in the temp folder (nonneg errs at 3) and a file that is not shipped. */
    private SessionViewModel session() throws IOException {
        for (String name : List.of("parity-nonneg", "parity-signed", "mine")) {
            Files.writeString(dir.resolve(name + ".json"), "{}");
            Files.writeString(dir.resolve(name + ".safetensors"), "weights of " + name);
        }
        var models = new ModelLibrary(dir, null) {
            @Override
            public List<ModelChoice> choices(LanguageEntry language) {
                return List.of(ModelChoice.checkpoint("trained · parity-signed", dir.resolve("parity-signed.json")),
                        ModelChoice.checkpoint("trained · parity-nonneg", dir.resolve("parity-nonneg.json")),
                        ModelChoice.random(1, 16, true, 1));
            }

            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) {
                boolean errs = choice.isCheckpoint() && !choice.checkpoint().getFileName().toString().contains("signed");
                return FakeModels.oracle(language, errs ? 3 : 0);
            }
        };
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models, TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        return vm;
    }

    private static void open(SessionViewModel vm, String id) {
        var c = vm.views().catalog();
        c.select(c.languages().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow());
    }

    @Test
    void theComparePairIsSavedAndReopensInCompareMode() throws IOException {
        var vm = session();
        var v = vm.views();
        open(vm, "parity");
        v.input().setInput("0110110");
        v.compare().openCanonicalPair();
        v.stepper().jumpTo(4);
        var store = new SessionStore(vm);
        SessionFile saved = store.capture("tab-trajectory", 1.0);
        assertNotNull(saved.compare(), "the pair is captured");
        assertEquals("checkpoint", saved.compare().kind());
        assertEquals(dir.resolve("parity-signed.json").toAbsolutePath().normalize().toString(), saved.compare().path());
        assertEquals(64, saved.compare().sha256().length(), "B's weights hashed");
        Path file = dir.resolve("pair.statescope");
        saved.write(file);
        assertTrue(Files.readString(file).contains("\"compare\""), "the file names the pair");

        v.compare().close();                                           // move everything away
        open(vm, "tomita-1");
        v.input().setInput("1");
        assertFalse(v.compare().activeProperty().get());

        List<String> notes = store.apply(SessionFile.read(file));
        assertEquals(List.of(), notes);
        assertTrue(v.compare().activeProperty().get(), "compare mode reopened");
        assertEquals("trained · parity-nonneg", v.header().modelChoiceProperty().get().label(), "A");
        assertEquals("trained · parity-signed", v.compare().choiceProperty().get().label(), "B");
        assertEquals("0110110", v.input().textProperty().get());
        assertEquals(4, v.stepper().positionProperty().get());
        var f = v.compare().frame();
        assertEquals(3, f.firstA());
        assertEquals(-1, f.firstB());
        assertEquals(4, f.current());
        assertNotNull(v.compare().trajectory().frame(), "B's trajectory follows the stepper");
        assertEquals(4, v.compare().trajectory().frame().current());
    }

    @Test
    void aSessionWithoutThePairLeavesCompareModeClosed() throws IOException {
        var vm = session();
        var v = vm.views();
        open(vm, "parity");
        var store = new SessionStore(vm);
        SessionFile single = store.capture("tab-trajectory", 1.0);
        assertNull(single.compare());
        v.compare().openCanonicalPair();
        assertTrue(v.compare().activeProperty().get());
        store.apply(SessionFile.parse(single.toJson()));
        assertFalse(v.compare().activeProperty().get(), "the session had no pair");
    }

    @Test
    void aCheckpointFileAsModelBComesBackAndItsChangesAreSaid() throws IOException {
        var vm = session();
        var v = vm.views();
        open(vm, "parity");
        v.input().setInput("011");
        v.compare().openCheckpoint(dir.resolve("mine.json"));
        assertEquals("file · mine.json", v.compare().choiceProperty().get().label());
        var store = new SessionStore(vm);
        String json = store.capture("tab-heatmap", 1.0).toJson();

        Files.writeString(dir.resolve("mine.safetensors"), "retrained");
        v.compare().close();
        List<String> notes = store.apply(SessionFile.parse(json));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.getFirst().startsWith("the compared model mine.json changed since the session was saved"),
                notes.getFirst());
        assertTrue(v.compare().activeProperty().get());
        assertEquals(dir.resolve("mine.json"), v.compare().choiceProperty().get().checkpoint());

        Files.delete(dir.resolve("mine.json"));
        v.compare().close();
        notes = store.apply(SessionFile.parse(json));
        assertTrue(notes.getLast().contains("mine.json is missing; compare mode not reopened"), notes.toString());
        assertFalse(v.compare().activeProperty().get());
    }
}
