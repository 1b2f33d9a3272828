package statescope.ui.automaton;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import static statescope.ui.ScreenshotSupport.capture;
import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.select;
import static statescope.ui.ScreenshotSupport.settle;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import statescope.ui.ScreenshotSupport;

/**
 * The main window on one language, input and position under a display (Xvfb), captured with
 * ImageMagick's {@code import}, to look at the automaton view:
 * {@code AutomatonScreenshot OUT.png WxH LANGUAGE INPUT POSITION [dead] [fit] [regex=R] [typed=R]}
 * ({@code dead}: the dead state shown, {@code fit}: the Fit button pressed, {@code regex=R}: regex R
 * opened instead of the catalog language, {@code typed=R}: R typed into "Your own language" and opened
 * at the end). Run by hand, as bench/ui.sh runs the other mains.
 */
public final class AutomatonScreenshot {

    private AutomatonScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        double w = Integer.parseInt(args[1].split("x")[0]);
        double h = Integer.parseInt(args[1].split("x")[1]);
        String lang = args[2];
        String input = args[3];
        int position = Integer.parseInt(args[4]);
        var flags = List.of(args).subList(5, args.length);
        var app = ScreenshotSupport.open(w, h, true, (root, session) -> { });
        var vm = app.session().views();
        var win = app.window();
        settle(vm);
        String regex = flags.stream().filter(f -> f.startsWith("regex=")).map(f -> f.substring(6)).findFirst()
                .orElse(null);
        String typed = flags.stream().filter(f -> f.startsWith("typed=")).map(f -> f.substring(6)).findFirst()
                .orElse(null);
        if (regex != null) {
            fx(() -> vm.catalog().openRegex(regex));
            settle(vm);
        } else {
            select(vm, win, lang, 0);
        }
        fx(() -> vm.automaton().collapseDeadProperty().set(!flags.contains("dead")));
        fx(() -> vm.input().setInput(input));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(position));
        settle(vm);
        if (flags.contains("fit")) {
            fx(() -> win.automatonView().lookupAll(".button").stream()
                    .filter(b -> b instanceof Button bt && bt.getText().equals("Fit"))
                    .forEach(b -> ((Button) b).fire()));
            settle(vm);
        }
        if (typed != null) {                                              // typed into "Your own language", then Open
            fx(() -> {
                ((TextField) win.lookup("#regex-field")).setText(typed);
                ((Button) win.lookup("#regex-open")).fire();
            });
            settle(vm);
        }
        capture(out);
        Platform.exit();
        System.exit(0);
    }
}
