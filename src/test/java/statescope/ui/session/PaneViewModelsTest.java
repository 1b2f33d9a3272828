package statescope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.random.RandomGenerator;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.WritableValue;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import statescope.PropertyLoop;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.LanguageEntry;
import statescope.inspect.TraceModel;
import statescope.lang.Alphabet;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.ui.common.Job;
import statescope.ui.common.Progress;
import statescope.ui.common.TaskRunner;
import statescope.ui.common.Work;

/** The panes' own view models, without the FX toolkit: read-only derived state, bounds, and what they show. */
class PaneViewModelsTest {

    private static SessionViewModel session(ModelLibrary models, TaskRunner traces) {
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), models, traces, TaskRunner.immediate());
        vm.start();
        return vm;
    }

    private static LanguageEntry language(WindowModels v, String id) {
        return v.catalog().languages().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * The input bar's alphabet stays short enough to be shown whole: bounded Dyck(8, 10)'s 16 brackets (73
     * characters, cut to "alpha…" beside a long input at 1.6x) are written as their two runs.
     */
    @Test
    void aLongAlphabetIsWrittenByItsRuns() {
        assertEquals("alphabet {0, 1}", InputViewModel.alphabetLine(Alphabet.of("0", "1")));
        var brackets = new ArrayList<String>();
        for (char c = 'a'; c <= 'h'; c++) {
            brackets.add("(" + c);
        }
        for (char c = 'a'; c <= 'h'; c++) {
            brackets.add(c + ")");
        }
        assertEquals("alphabet {(a … (h, a) … h)}", InputViewModel.alphabetLine(Alphabet.of(brackets)));
        var shuffle = Alphabet.of("(", "[", "{", "<", "+", "a", ")", "]", "}", ">", "-", "b");
        assertEquals("alphabet " + shuffle, InputViewModel.alphabetLine(shuffle), "48 characters or fewer: whole");
        var many = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            many.add("s" + (char) ('A' + (i * 7) % 40));
        }
        assertEquals("alphabet of 40 symbols", InputViewModel.alphabetLine(Alphabet.of(many)));
    }

    @Test
    void derivedStateIsReadOnlyToThePanes() {
        var v = session(SessionModels.oracles(), TaskRunner.immediate()).views();
        int checked = 0;
        for (Object pane : List.of(v.header(), v.catalog(), v.input(), v.stepper(), v.status(), v.compare())) {
            for (Method m : pane.getClass().getMethods()) {
                boolean getter = m.getName().endsWith("Property") && m.getParameterCount() == 0;
                if (!getter || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Object property;
                try {
                    property = m.invoke(pane);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(m.getName(), e);
                }
                boolean userSets = m.getName().equals("speedProperty")           // the speed slider
                        || m.getName().equals("hideFutureProperty")                // View ▸ Hide the future, H
                        || m.getName().equals("capacityProperty");                 // the compare strip's width
                assertEquals(userSets, property instanceof WritableValue,
                        pane.getClass().getSimpleName() + "." + m.getName() + " writable");
                checked++;
            }
        }
        assertTrue(checked >= 20, "properties checked: " + checked);
        for (Object derived : List.of(v.automaton().dfaProperty(), v.automaton().frameProperty(),
                v.trajectory().cloudsProperty(), v.trajectory().frameProperty(), v.stateMap().layerCountProperty(),
                v.gateMap().frameProperty(), v.strip().frameProperty(), v.chart().frameProperty(), v.layers())) {
            assertFalse(derived instanceof WritableValue, derived + " is set by the session only");
        }
        ObservableList<LanguageEntry> languages = v.catalog().languages();
        assertThrows(UnsupportedOperationException.class, () -> languages.add(languages.get(0)));
        ObservableList<ModelChoice> choices = v.header().modelChoices();
        assertThrows(UnsupportedOperationException.class, choices::clear);
    }

    /** One stepper action as the user or the session does it; {@code resize} is the trace changing. */
    private record Act(String name, int arg, boolean follow) {
        static Act draw(RandomGenerator random) {
            String[] names = {"first", "back", "forward", "last", "jumpTo", "togglePlay", "playTick",
                "jumpToDivergence", "resize", "resize"};
            return new Act(names[random.nextInt(names.length)], random.nextInt(-3, 10), random.nextBoolean());
        }

        void apply(StepperViewModel s) {
            switch (name) {
                case "first" -> s.first();
                case "back" -> s.back();
                case "forward" -> s.forward();
                case "last" -> s.last();
                case "jumpTo" -> s.jumpTo(arg);
                case "togglePlay" -> s.togglePlay();
                case "playTick" -> s.playTick();
                case "jumpToDivergence" -> s.jumpToDivergence();
                default -> s.resize(Math.max(0, arg), follow);
            }
        }

        @Override
        public String toString() {
            return switch (name) {
                case "jumpTo" -> "jumpTo(" + arg + ")";
                case "resize" -> "resize(" + Math.max(0, arg) + ", " + follow + ")";
                default -> name;
            };
        }
    }

    @Test
    void theStepperKeepsThePositionInsideTheTrace() {
        PropertyLoop.forAll((random, size) -> {
            var acts = new ArrayList<Act>();
            for (int i = 0; i < size; i++) {
                acts.add(Act.draw(random));
            }
            return acts;
        }).trials(300).sizes(1, 60).check(acts -> {
            var s = new StepperViewModel(new SimpleBooleanProperty(false), () -> 4);
            for (Act a : acts) {
                a.apply(s);
                int t = s.positionProperty().get();
                assertTrue(0 <= t && t <= s.lengthProperty().get(), "t = " + t + " after " + a);
            }
        });
    }

    @Test
    void theStepperFollowsTheInputOnlyFromTheEndAndJumpsToTheDivergence() {
        int[] divergence = {-1};
        var s = new StepperViewModel(new SimpleBooleanProperty(false), () -> divergence[0]);
        s.resize(10, true);
        assertEquals(10, s.positionProperty().get(), "following: at the new end");
        s.jumpTo(4);
        s.resize(12, false);
        assertEquals(4, s.positionProperty().get(), "not following: the position stays");
        s.resize(3, false);
        assertEquals(3, s.positionProperty().get(), "a shorter trace pulls the position in");
        s.jumpToDivergence();
        assertEquals(3, s.positionProperty().get(), "no divergence: no jump");
        s.resize(12, false);
        divergence[0] = 7;
        s.jumpToDivergence();
        assertEquals(7, s.positionProperty().get());
        s.reset();
        s.togglePlay();
        assertFalse(s.playingProperty().get(), "an empty trace does not play");
    }

    @Test
    void resizeSaysWhetherItMovedThePositionItself() {
        var s = new StepperViewModel(new SimpleBooleanProperty(false), () -> -1);
        assertTrue(s.resize(8, true), "following to the new end");
        assertFalse(s.resize(9, false), "not following: it stays");
        s.lengthProperty().addListener((o, a, n) -> {                  // the scrub slider clamps its value
            if (s.positionProperty().get() > n.intValue()) {
                s.jumpTo(n.intValue());
            }
        });
        assertFalse(s.resize(5, true), "the slider moved it already: the session must refresh itself");
        assertEquals(5, s.positionProperty().get());
    }

    @Test
    void headerAndInputFollowTheOpenLanguage() {
        var loads = new ArrayList<ModelChoice>();
        var oracles = SessionModels.oracles();
        var models = new ModelLibrary(null, null) {
            @Override
            public TraceModel load(ModelChoice choice, LanguageEntry language) throws IOException {
                loads.add(choice);
                return oracles.load(choice, language);
            }
        };
        var v = session(models, TaskRunner.immediate()).views();
        var flipFlop = language(v, "flip-flop");
        assertEquals("Flip-flop — " + flipFlop.description(), v.header().titleProperty().getValue());
        var parity = language(v, "parity");
        v.catalog().select(parity);
        assertEquals(parity, v.catalog().languageProperty().get());
        assertEquals("Parity — " + parity.description(), v.header().titleProperty().getValue());
        assertEquals("alphabet " + parity.machine().alphabet(), v.input().alphabetProperty().getValue());
        assertEquals("alphabet " + parity.machine().alphabet(), v.input().alphabetWholeProperty().getValue());
        assertEquals(parity.sample(), v.input().textProperty().get(), "a new language opens with its sample");
        assertEquals(v.header().modelChoices().get(0), v.header().modelChoiceProperty().get(), "the default model");
        int before = loads.size();
        v.catalog().select(parity);
        v.header().selectModel(v.header().modelChoiceProperty().get());
        v.header().selectModel(null);
        assertEquals(before, loads.size(), "choosing what is open loads nothing");
        v.header().selectModel(v.header().modelChoices().get(1));
        assertEquals(before + 1, loads.size());
        v.input().setInput("01x");
        assertEquals("unknown symbol 'x' at position 3; the alphabet is " + parity.machine().alphabet(),
                v.input().errorProperty().get());
        assertEquals("01x", v.input().textProperty().get(), "the refused text is kept");
        v.input().setInput("01");
        assertEquals("", v.input().errorProperty().get());
    }

    /** Holds trace jobs until {@link #finish()}, so a test sees the session while a job runs. */
    private static final class HeldRunner implements TaskRunner {
        private final List<Runnable> pending = new ArrayList<>();
        private final List<DoubleConsumer> progress = new ArrayList<>();

        @Override
        public <T> Job start(Work<T> work, DoubleConsumer onProgress, Consumer<T> onDone,
                             Consumer<Throwable> onError) {
            boolean[] cancelled = {false};
            progress.add(onProgress);
            pending.add(() -> {
                try {
                    onDone.accept(work.run(new Progress() {
                        @Override
                        public void update(double fraction) {
                        }

                        @Override
                        public boolean cancelled() {
                            return cancelled[0];
                        }
                    }));
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
            return new Job() {
                @Override
                public void cancel() {
                    cancelled[0] = true;
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        void finish() {
            var jobs = List.copyOf(pending);
            pending.clear();
            jobs.forEach(Runnable::run);
        }
    }

    @Test
    void theStatusBarShowsTheRunningJobAndItsCancel() {
        var runner = new HeldRunner();
        var v = session(SessionModels.oracles(), runner).views();
        var status = v.status();
        assertTrue(status.busyProperty().get(), "the model is loading");
        assertTrue(status.busyTextProperty().get().startsWith("Loading "), status.busyTextProperty().get());
        assertTrue(v.catalog().busyProperty().get() && v.stepper().busyProperty().get()
                && v.input().busyProperty().get(), "every pane sees the job");
        runner.progress.get(0).accept(0.25);
        assertEquals(0.25, status.progressProperty().get());
        runner.finish();
        assertFalse(status.busyProperty().get());
        assertEquals("", status.busyTextProperty().get());
        assertNotEquals("no model", status.modelSummaryProperty().get());
        v.catalog().select(language(v, "parity"));
        runner.finish();
        v.input().setInput("01".repeat(SessionViewModel.SYNC_STEPS));      // too many steps for the FX thread
        assertTrue(status.busyProperty().get());
        assertEquals("Reading 800 characters", status.busyTextProperty().get());
        status.cancel();
        runner.finish();
        assertFalse(status.busyProperty().get());
        assertTrue(status.messageProperty().get().startsWith("Stopped: "), status.messageProperty().get());
        assertEquals("01".repeat(SessionViewModel.SYNC_STEPS), v.input().textProperty().get(), "the input is kept");
    }

    @Test
    void aLanguageEncodesTextIntoItsModelsTokens() {
        var flipFlop = CatalogLanguages.all().stream().filter(l -> l.id().equals("flip-flop")).findFirst()
                .orElseThrow();
        int[] symbols = Word.parse(flipFlop.machine().alphabet(), "w0r0w1r1").toArray();
        int[] ids = flipFlop.encode("w0r0w1r1");
        var vocabulary = Catalog.standard().get("flip-flop").inputVocabulary();
        var spelled = new StringBuilder();
        for (int id : ids) {
            spelled.append(vocabulary.symbol(id));
        }
        assertEquals("w0r-w1r-", spelled.toString(), "the model's tokens: the bit after a read is hidden");
        assertNotEquals(symbols[3], ids[3], "the bit after a read is hidden from the model");
        var e = assertThrows(IllegalArgumentException.class, () -> flipFlop.encode("w0x"));
        assertEquals("unknown symbol 'x' at position 3; the alphabet is " + flipFlop.machine().alphabet(),
                e.getMessage());
    }
}
