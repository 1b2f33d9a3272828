package statescope.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
    public List<Callable<Model>> openModels() {
        var out = new ArrayList<Callable<Model>>();
        Model current = model();
        ModelChoice currentChoice = vm.views().header().modelChoiceProperty().get();
        if (current != null) {
            out.add(() -> current);
        }
        LanguageEntry lang = language();
        for (ModelChoice c : List.copyOf(vm.views().header().modelChoices())) {
            if (c.isCheckpoint() && !c.equals(currentChoice)) {
                out.add(() -> asModel(loader.load(c, lang)));           // an IOException: no curve
            }
        }
        return out;
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
        LanguageEntry lang = language();
        vm.views().input().setInput(Word.of(lang.reference().alphabet(), word).toString());
        if (!vm.views().status().busyProperty().get()) {
            vm.views().stepper().jumpTo(t);
            return;
        }
        vm.views().status().busyProperty().addListener(new ChangeListener<>() {     // a long string: after its trace
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    vm.views().status().busyProperty().removeListener(this);
                    vm.views().stepper().jumpTo(t);
                }
            }
        });
    }
}
