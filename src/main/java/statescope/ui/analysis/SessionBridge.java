package statescope.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import statescope.analysis.Model;
import statescope.analysis.SsmModel;
import statescope.inspect.EngineModel;
import statescope.inspect.LanguageEntry;
import statescope.inspect.ShippedModels;
import statescope.inspect.TraceModel;
import statescope.lang.Word;
import statescope.ui.session.ModelChoice;
import statescope.ui.session.ModelLibrary;
import statescope.ui.session.SessionViewModel;

/**
 * The {@link AnalysisViewModel.Session} of the app's session: its language, its current model, the
 * trained checkpoints of its model picker (the open models, one sweep curve each) and the stepper, which
 * a found string is loaded into. Only the engine's models are analysed (a random-init choice only when
 * it is the current model).
 */
public final class SessionBridge implements AnalysisViewModel.Session {

    private final SessionViewModel vm;
    private final ModelLibrary loader = new ModelLibrary(null, ShippedModels::load);
    private String replaced;                                           // the input the last show replaced

    public SessionBridge(SessionViewModel vm) {
        this.vm = vm;
    }

    @Override
    public LanguageEntry language() {
        return vm.views().catalog().languageProperty().get();
    }

    @Override
    public Model model() {
        return vm.trace() == null ? null : asModel(vm.trace().model());
    }

    private static Model asModel(TraceModel m) {
        return m instanceof EngineModel e ? new SsmModel(e.weights(), e.info().name()) : null;
    }

    @Override
    public List<AnalysisViewModel.OpenModel> openModels() {
        var out = new ArrayList<AnalysisViewModel.OpenModel>();
        Model current = model();
        ModelChoice currentChoice = vm.views().header().modelChoiceProperty().get();
        if (current != null) {
            out.add(new AnalysisViewModel.OpenModel(modelLabel(), currentChoice, () -> current));
        }
        LanguageEntry lang = language();
        for (ModelChoice c : List.copyOf(vm.views().header().modelChoices())) {
            if (c.isCheckpoint() && !c.equals(currentChoice)) {          // an IOException: no curve
                out.add(new AnalysisViewModel.OpenModel(c.nameFirst(), c, () -> asModel(loader.load(c, lang))));
            }
        }
        return out;
    }

    @Override
    public String modelLabel() {
        ModelChoice c = vm.views().header().modelChoiceProperty().get();
        return c == null ? "" : c.nameFirst();
    }

    @Override
    public int[] word() {
        LanguageEntry lang = language();
        if (lang == null) {
            return new int[0];
        }
        try {
            return Word.parse(lang.machine().alphabet(), vm.views().input().textProperty().get()).toArray();
        } catch (IllegalArgumentException e) {
            return new int[0];
        }
    }

    @Override
    public int position() {
        return vm.views().stepper().positionProperty().get();
    }

    @Override
    public void watch(Runnable r) {
        vm.views().stepper().positionProperty().addListener((o, a, b) -> r.run());
        vm.views().input().textProperty().addListener((o, a, b) -> r.run());
        vm.views().catalog().languageProperty().addListener((o, a, b) -> r.run());
        vm.views().header().modelChoiceProperty().addListener((o, a, b) -> r.run());
        vm.views().status().busyProperty().addListener((o, a, b) -> r.run());
    }

    @Override
    public void show(int[] word, int t) {
        show(word, t, null);
    }

    /**
     * Makes {@code key} (a {@link ModelChoice}; null or the current one: no change) the current model unless
     * compare mode shows it as B, then loads the word and moves to {@code t}, each step once the one before
     * has been applied (a model's load and a long string's read run in the background, and the read's end
     * moves the stepper to the string's end: the position is set after it). The input it replaces is kept
     * for {@link #restoreInput}.
     */
    @Override
    public void show(int[] word, int t, Object key) {
        LanguageEntry lang = language();
        String text = Word.of(lang.reference().alphabet(), word).toString();
        String now = vm.views().input().textProperty().get();
        if (!now.equals(text)) {
            replaced = now;
        }
        var compare = vm.views().compare();
        boolean asB = compare.activeProperty().get() && key != null && key.equals(compare.choiceProperty().get());
        if (key instanceof ModelChoice c && !asB) {
            vm.views().header().selectModel(c);                       // nothing when it is the current one
        }
        var status = vm.views().status();
        status.whenSettled(() -> vm.views().input().setInput(text));
        status.whenSettled(() -> vm.views().stepper().jumpTo(t));
    }

    @Override
    public boolean restoreInput() {
        if (replaced == null) {
            return false;
        }
        String text = replaced;
        replaced = null;
        vm.views().status().whenSettled(() -> vm.views().input().setInput(text));
        return true;
    }
}
