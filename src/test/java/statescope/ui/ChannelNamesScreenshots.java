package statescope.ui;

import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.model;
import static statescope.ui.ScreenshotSupport.select;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.shot;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import statescope.inspect.ChannelKind;

/**
 * The views' channel names and compare mode's model B, in the real app under a display (Xvfb), captured
 * with ImageMagick's {@code import -window root} into {@code assets/screenshots/} (or the folder given):
 * {@code names-d12-heatmap.png}, {@code names-d12-channels.png} (the constructed D_12: "3 · depth" and its
 * unused channels in the state heatmap, the channel chart's legend), {@code compare-parity-gates.png},
 * {@code compare-parity-heatmap.png} (parity's nonnegative model A above its signed model B) and
 * {@code compare-d12-channels.png} (the constructed D_12 against the trained one: names against numbers).
 * With {@code --1280x720} after the folder (on a 1280x720 screen): compare mode's gates and channels in
 * the small window. Run by hand: {@code bench/ui.sh names}.
 */
public final class ChannelNamesScreenshots {

    private ChannelNamesScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        boolean small = args.length > 1 && args[1].equals("--1280x720");   // on a 1280x720 screen, undecorated
        Files.createDirectories(out);
        var app = ScreenshotSupport.open(small ? 1280 : 1600, small ? 720 : 1000, small, (w, s) -> { });
        var vm = app.session().views();
        var win = app.window();
        settle(vm);

        if (small) {                                                   // compare mode's gates and heatmap, cramped
            select(vm, win, "parity", 2);
            fx(() -> {
                vm.input().setInput("011010011101001110110010110110101101");
                win.toggleCompare();
            });
            settle(vm);
            settle(vm);
            fx(() -> vm.stepper().jumpTo(24));
            settle(vm);
            shot(out, "compare-parity-gates-1280x720");
            fx(() -> win.tabs().getSelectionModel().select(3));
            settle(vm);
            shot(out, "compare-parity-channels-1280x720");
            Platform.exit();
            System.exit(0);
        }
        String word = ConstructedScreenshots.dWord(12, 60, 12);
        select(vm, win, "d-12", 1);
        model(vm, "constructed · d-12");
        fx(() -> vm.input().setInput(word));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(40));
        shot(out, "names-d12-heatmap");
        fx(() -> {
            vm.chart().channels().setAll(1, 2, 3, 5);
            win.tabs().getSelectionModel().select(3);
        });
        settle(vm);
        shot(out, "names-d12-channels");

        fx(win::openConstructedPair);                                 // constructed (A) against trained (B)
        settle(vm);
        settle(vm);
        fx(() -> vm.stepper().jumpTo(40));
        settle(vm);
        shot(out, "compare-d12-channels");
        fx(win::toggleCompare);
        settle(vm);

        select(vm, win, "parity", 2);
        fx(() -> {
            vm.input().setInput("011010011101001110110010110110101101");
            win.toggleCompare();                                      // nonneg (A) against signed (B)
        });
        settle(vm);
        settle(vm);
        fx(() -> vm.stepper().jumpTo(24));
        settle(vm);
        shot(out, "compare-parity-gates");
        fx(() -> {
            vm.chart().kindProperty().set(ChannelKind.STATE);
            win.tabs().getSelectionModel().select(1);
        });
        settle(vm);
        shot(out, "compare-parity-heatmap");
        Platform.exit();
        System.exit(0);
    }
}
