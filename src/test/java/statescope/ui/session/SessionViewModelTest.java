package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.inspect.BuiltinLanguages;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.ShippedModels;
import statescope.ssm.VectorSupport;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.GpuUnavailableException;
import statescope.inspect.ComputeBackend;
import statescope.ui.common.TaskRunner;

/** The session without the FX toolkit: input handling, stepping, imports, errors. */
class SessionViewModelTest {

    private static SessionViewModel session(ModelLibrary models) {
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models, TaskRunner.immediate(), TaskRunner.immediate());
        vm.start();
        return vm;
    }

    private static ModelLibrary oracles() {
        return SessionModels.oracles();
    }

    @Test
    void startsOnTheDemoAndFollowsTyping() {
        var vm = session(oracles());
        var v = vm.views();
        assertEquals("flip-flop", v.catalog().languageProperty().get().id());
        int n = vm.trace().length();
        assertEquals(n, v.stepper().positionProperty().get(), "the demo opens at its last token");
        v.input().setInput(v.input().textProperty().get() + "w");
        assertEquals(n + 1, vm.trace().length());
        assertEquals(n + 1, v.stepper().positionProperty().get());
        assertEquals("w:?", v.automaton().frame().config());
        assertNotNull(v.trajectory().frame().cloud(), "the projection was fitted");
        assertEquals(n + 2, v.trajectory().frame().path().length, "path from t = 0 to t = n + 1");
    }

    @Test
    void reopeningALanguageKeepsItsInput() {
        var vm = session(oracles());
        var v = vm.views();
        var parity = v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst().orElseThrow();
        var demo = v.catalog().languageProperty().get();
        v.catalog().select(parity);
        v.input().setInput("0110111");
        v.catalog().select(demo);
        assertEquals("0110111", v.input().textProperty().get(), "typed input that fits the new alphabet is kept");
        v.input().setInput("w0r0");
        v.catalog().select(parity);
        assertEquals("0110111", v.input().textProperty().get(), "back on parity, the typed input is there");
        assertEquals(7, vm.trace().length());
    }

    @Test
    void theStatusLineSaysTheCorpusRanOnTheCpuAndWhyNotTheGpu() {
        var compute = new ComputeBackend(BackendChoice.AUTO, () -> VectorSupport.fastScan(1), () -> {
            throw new GpuUnavailableException("libcuda.so.1 not found");
        });
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), new ModelLibrary(null, null), TaskRunner.immediate(),
                TaskRunner.immediate(), compute);
        vm.start();                                                   // a random engine model, scanned for the PCA
        var v = vm.views();
        String line = v.status().backendProperty().get();
        assertTrue(line.startsWith("Compute: CPU (" + VectorSupport.fastScan(1).name()
                + "); GPU unavailable: libcuda.so.1 not found · steps on "), line);
        assertNotNull(v.trajectory().frame().cloud(), "the projection was fitted on the CPU");
        assertEquals("", v.status().messageProperty().get(), "the fall-back is no error");
    }

    @Test
    void steppingAndPlaybackStayInRange() {
        var vm = session(oracles());
        var s = vm.views().stepper();
        int n = s.lengthProperty().get();
        s.forward();
        assertEquals(n, s.positionProperty().get());
        s.first();
        s.back();
        assertEquals(0, s.positionProperty().get());
        s.togglePlay();
        assertTrue(s.playingProperty().get());
        for (int i = 0; i < n + 3; i++) {
            s.playTick();
        }
        assertEquals(n, s.positionProperty().get());
        assertFalse(s.playingProperty().get(), "playback stops at the end");
    }

    @Test
    void aMalformedRegexIsReportedAndNothingChanges() {
        var vm = session(oracles());
        var v = vm.views();
        var before = v.catalog().languageProperty().get();
        assertFalse(v.catalog().openRegex("(ab"));
        assertFalse(v.catalog().errorProperty().get().isEmpty());
        assertEquals(before, v.catalog().languageProperty().get());
        assertTrue(v.catalog().openRegex("(ab)*a"));
        assertEquals("(ab)*a", v.catalog().languageProperty().get().name());
        assertEquals("", v.catalog().errorProperty().get());
        assertTrue(v.automaton().dfaProperty().get().numStates() >= 2);
    }

    @Test
    void aCorruptDfaFileIsReportedInline(@TempDir Path dir) throws IOException {
        var vm = session(oracles());
        var v = vm.views();
        Path bad = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"statescope-dfa\", ");
        assertFalse(v.catalog().openFile(bad));
        assertTrue(v.catalog().errorProperty().get().startsWith("Cannot open broken.json"),
                v.catalog().errorProperty().get());
        Path jff = Files.writeString(dir.resolve("ab.jff"), """
                <structure><type>fa</type><automaton>
                <state id="0" name="q0"><initial/><final/></state><state id="1" name="q1"/>
                <transition><from>0</from><to>1</to><read>a</read></transition>
                <transition><from>1</from><to>0</to><read>b</read></transition>
                </automaton></structure>""");
        assertTrue(v.catalog().openFile(jff), v.catalog().errorProperty().get());
        assertEquals("ab.jff", v.catalog().languageProperty().get().name());
    }

    @Test
    void aCorruptCheckpointIsReportedAndTheSessionGoesOn(@TempDir Path dir) throws IOException {
        var vm = session(oracles());
        var v = vm.views();
        var trace = vm.trace();
        v.header().openCheckpoint(Files.writeString(dir.resolve("model.json"), "garbage"));
        String message = v.status().messageProperty().get();
        assertEquals("Not loaded: not a checkpoint: model.json", message,
                "the outcome first: \"Loading file · model.json failed…\" cut to its start read as a load still running");
        assertEquals("", v.status().busyTextProperty().get());
        assertEquals("not a checkpoint: model.json", v.header().modelErrorProperty().get(),
                "shown beside the model picker");
        assertEquals(trace, vm.trace(), "the previous model stays loaded");
        assertFalse(v.status().busyProperty().get());
        assertTrue(v.header().modelChoices().stream().noneMatch(c -> c.label().contains("model.json")),
                "the refused file is not left in the picker to fail again: " + v.header().modelChoices());
        assertTrue(v.status().failureProperty().get(), "drawn as a warning");
        v.input().setInput("0110");
        v.header().selectModel(v.header().modelChoices().get(1));      // another model loads: the refusal is old news
        assertEquals("", v.status().messageProperty().get());
        assertFalse(v.status().failureProperty().get());
    }

    /**
     * A refused checkpoint's reason stays beside the model picker while the user goes on with the model
     * still running (it says why the picker shows that model), and goes when another language (or model)
     * is opened.
     */
    @Test
    void aRefusedCheckpointsReasonStaysUntilAnotherLanguageIsOpened(@TempDir Path dir) throws IOException {
        var vm = session(oracles());
        var v = vm.views();
        v.header().openCheckpoint(Files.writeString(dir.resolve("fake.safetensors"), "just text"));
        String why = v.header().modelErrorProperty().get();
        assertEquals("not a checkpoint: fake.safetensors", why);
        assertEquals("Not loaded: " + why, v.status().messageProperty().get(), "the file named once");
        v.input().setInput("w0r0");
        assertEquals(why, v.header().modelErrorProperty().get(), "typing keeps the reason: the same model runs");
        v.catalog().select(v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow());
        assertEquals("", v.header().modelErrorProperty().get(), "another language: the reason goes");
        assertEquals("", v.status().messageProperty().get());
        assertFalse(v.status().failureProperty().get());
    }

    @Test
    void aJobsFailureSaysSoFirst() {
        assertEquals("Not loaded: tomita-3 · trained: no such file", StatusViewModel.failed("Loading tomita-3 · trained",
                "no such file"));
        assertEquals("Failed: reading 10,000 characters: out of memory",
                StatusViewModel.failed("Reading 10,000 characters", "out of memory"));
    }

    @Test
    void modelChoicesPreferShippedCheckpoints(@TempDir Path dir) throws IOException {
        for (String f : List.of("parity-signed.json", "parity-signed.safetensors")) {
            Files.copy(Path.of("assets/models").resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("notes.json"), "{\"not\": \"a manifest\"}");
        var lib = new ModelLibrary(dir, ShippedModels::load);
        var parity = CatalogLanguages.all().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
        List<ModelChoice> choices = lib.choices(parity);
        assertTrue(choices.get(0).isCheckpoint());
        assertEquals(1, choices.stream().filter(ModelChoice::isCheckpoint).count());
        assertFalse(lib.choices(BuiltinLanguages.tomita1()).get(0).isCheckpoint());
        var model = lib.load(choices.get(0), parity);
        assertTrue(model.info().trained());
    }

    @Test
    void theShippedParityModelAgreesWithTheAutomaton() {
        var vm = new SessionViewModel(new CatalogLanguageLibrary(), StateScopeAppModels.models(), TaskRunner.immediate(),
                TaskRunner.immediate());
        vm.start();
        var v = vm.views();
        v.catalog().select(v.catalog().languages().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow());
        assertTrue(vm.trace().model().info().trained(), "the shipped checkpoint is the default");
        v.input().setInput("0110100111010");
        assertEquals(13, vm.trace().length());
        assertEquals(-1, vm.trace().firstDivergence(), "the trained signed-gate model tracks parity");
        assertTrue(vm.trace().target(11).unit(0), "01101001110 has six 1s");
        assertFalse(vm.trace().target(13).unit(0), "0110100111010 has seven 1s");
        assertEquals("∉ L", vm.trace().prediction(13).label());
    }

    @Test
    void theDemoOpensOnFlipFlopWithItsTrainedModel() {
        var vm = new SessionViewModel(new CatalogLanguageLibrary(), StateScopeAppModels.models(), TaskRunner.immediate(),
                TaskRunner.immediate());
        vm.start();
        var v = vm.views();
        assertEquals("flip-flop", v.catalog().languageProperty().get().id());
        assertTrue(vm.trace().model().info().trained(), v.status().modelSummaryProperty().get());
        assertTrue(vm.trace().length() > 0);
        assertEquals(-1, vm.trace().firstDivergence(), "the trained model reads the demo string right");
        assertFalse(v.trajectory().frame().cloud() == null, "projection fitted");
    }

    @Test
    void aCheckpointForAnotherLanguageIsRefused() {
        var dyck = CatalogLanguages.all().stream().filter(l -> l.id().equals("dyck-1")).findFirst()
                .orElseThrow();
        var e = Assertions.assertThrows(IOException.class,
                () -> ShippedModels.load(Path.of("assets/models/parity-signed.json"), dyck));
        assertTrue(e.getMessage().contains("trained on 'parity'"), e.getMessage());
    }
}
