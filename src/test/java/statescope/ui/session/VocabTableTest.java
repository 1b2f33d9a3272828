package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.inspect.LanguageEntry;
import statescope.inspect.ShippedModels;
import statescope.ssm.Safetensors;
import statescope.ssm.SsmConfig;
import statescope.ssm.SsmWeights;
import statescope.ssm.Tensor;
import statescope.ssm.VocabMap;
import statescope.ssm.WeightNames;

/** Issue 17's vocabulary table: a foreign model's ids for the language's tokens and predictions. */
public class VocabTableTest {

    @TempDir
    Path dir;

    Path hf;
    LanguageEntry parity;

    /** A Hugging Face folder: 10 token ids, a tied head, no manifest of this app. */
    public static Path huggingFaceFolder(Path dir) throws Exception {
        var cfg = SsmConfig.defaults(8, 1, 10, 10).withState(4);
        var t = SsmWeights.init(cfg, 4, false).tensors();
        Path hf = Files.createDirectories(dir.resolve("hf-mamba"));
        var named = new LinkedHashMap<String, Tensor>();
        t.forEach((n, v) -> {
            if (!n.equals(WeightNames.HEAD)) {
                named.put(n.equals(WeightNames.EMBEDDING) ? "backbone.embeddings.weight" : n, v);
            }
        });
        Safetensors.write(hf.resolve("model.safetensors"), named, Map.of("format", "pt"));
        Files.writeString(hf.resolve("config.json"), "{\"model_type\": \"mamba\", \"hidden_size\": 8, "
                + "\"num_hidden_layers\": 1, \"state_size\": 4, \"expand\": 2, \"conv_kernel\": 4, "
                + "\"time_step_rank\": \"auto\", \"vocab_size\": 10, \"layer_norm_epsilon\": 1e-5}");
        return hf;
    }

    @BeforeEach
    void setUp() throws Exception {
        hf = huggingFaceFolder(dir);
        parity = new BuiltinLanguageLibrary().catalog().stream().filter(l -> l.id().equals("parity")).findFirst()
                .orElseThrow();
    }

    private static void type(List<VocabTableViewModel.Row> rows, String... ids) {
        for (int i = 0; i < ids.length; i++) {
            rows.get(i).id().set(ids[i]);
        }
    }

    @Test
    void aForeignModelWithoutAMapNeedsATableWithTheLanguagesRows() throws Exception {
        assertTrue(VocabTableViewModel.needsTable(hf));
        assertTrue(VocabTableViewModel.needsTable(hf.resolve("model.safetensors")));
        assertFalse(VocabTableViewModel.needsTable(dir.resolve("nothing-here.safetensors")));
        var vm = VocabTableViewModel.load(hf, parity);
        assertEquals(10, vm.modelTokens());
        assertEquals(10, vm.modelOutputs());
        assertEquals(List.of("0", "1"), vm.inputs().stream().map(VocabTableViewModel.Row::name).toList());
        assertEquals(parity.reference().width(), vm.outputs().size());
        assertEquals("token '0' has no id: give one of the model's token ids 0..9", vm.problemProperty().get());
    }

    @Test
    void everyBadRowIsNamedInOneLine() throws Exception {
        var vm = VocabTableViewModel.load(hf, parity);
        type(vm.inputs(), "3", "x");
        assertEquals("token '1': 'x' is not a whole number ≥ 0", vm.problemProperty().get());
        type(vm.inputs(), "3", "-2");
        assertEquals("token '1': '-2' is not a whole number ≥ 0", vm.problemProperty().get());
        type(vm.inputs(), "3", "12");
        assertEquals("token '1': id 12 is outside the model's 10 token ids (0..9)", vm.problemProperty().get());
        type(vm.inputs(), "3", " 3 ");
        assertEquals("tokens '0' and '1' both use id 3; each needs its own", vm.problemProperty().get());
        type(vm.inputs(), "3", "4");
        String firstOutput = vm.outputs().getFirst().name();
        assertTrue(vm.problemProperty().get().startsWith("prediction '" + firstOutput + "' has no id"),
                vm.problemProperty().get());
        type(vm.outputs(), "10");
        assertEquals("prediction '" + firstOutput + "': id 10 is outside the model's 10 outputs (0..9)",
                vm.problemProperty().get());
        assertThrows(IllegalArgumentException.class, vm::save, "a table with a problem is not saved");
        assertFalse(Files.exists(VocabMap.besideModel(hf)));
        type(vm.outputs(), "7");
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void twoPredictionsMayNotReadOneOutput() throws Exception {
        var lang = new BuiltinLanguageLibrary().catalog().stream()
                .filter(l -> l.reference().width() >= 2 && l.vocabularySize() <= 10).findFirst().orElseThrow();
        var vm = VocabTableViewModel.load(hf, lang);
        for (int i = 0; i < vm.inputs().size(); i++) {
            vm.inputs().get(i).id().set(Integer.toString(i));
        }
        for (int i = 0; i < vm.outputs().size(); i++) {
            vm.outputs().get(i).id().set(Integer.toString(9 - i));
        }
        assertEquals("", vm.problemProperty().get(), lang.id());
        vm.outputs().get(1).id().set("9");
        assertEquals("predictions '" + vm.outputs().get(0).name() + "' and '" + vm.outputs().get(1).name()
                + "' both use id 9; each needs its own", vm.problemProperty().get());
    }

    @Test
    void theSavedMapIsTheClisAndTheModelLoadsWithIt() throws Exception {
        var vm = VocabTableViewModel.load(hf, parity);
        type(vm.inputs(), "3", "4");
        type(vm.outputs(), "7");
        Path file = vm.save();
        assertEquals(hf.resolve("model.vocab.json"), file);
        var names = vm.outputs().stream().map(VocabTableViewModel.Row::name).toList();
        var cli = VocabMap.forLanguage("0=3,1=4", names.get(0) + "=7", List.of("0", "1"), names, "parity");
        assertEquals(cli.toJson(), Files.readString(file), "the file --save-vocab writes for the same map");
        assertFalse(VocabTableViewModel.needsTable(hf), "mapped now");
        var model = ShippedModels.load(hf, parity);                    // the app's loader applies it
        assertEquals(1, model.info().numLayers());
        var again = VocabTableViewModel.load(hf, parity);
        assertEquals("4", again.inputs().get(1).id().get(), "the saved map fills the table");
        assertEquals("7", again.outputs().get(0).id().get());
        assertEquals("", again.problemProperty().get());
        assertEquals(10, again.modelTokens(), "the model's own sizes, not the mapped ones");
    }
}
