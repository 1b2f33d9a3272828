package statescope.ui;

import static statescope.ui.ScreenshotSupport.fx;
import static statescope.ui.ScreenshotSupport.model;
import static statescope.ui.ScreenshotSupport.select;
import static statescope.ui.ScreenshotSupport.settle;
import static statescope.ui.ScreenshotSupport.shot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Opens the real app under a display (Xvfb) with constructed models, as a user would pick them, and
 * captures with ImageMagick's {@code import -window root} into {@code assets/screenshots/}:
 * {@code constructed-bounded-dyck.png} (the constructed bounded Dyck(8, 10), its named channels in the
 * state heatmap) and {@code d12-constructed.png} / {@code d12-trained.png} (the constructed and the
 * trained D_12 on the same 1,000-symbol word, at the trained model's first wrong position), then
 * {@code d12-compare.png} (the two side by side in compare mode, the same word and position). Run by hand:
 * {@code bench/ui.sh constructed}.
 */
public final class ConstructedScreenshots {

    private ConstructedScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        var app = ScreenshotSupport.open(1600, 1000, false, (w, s) -> { });
        var vm = app.session().views();
        var win = app.window();
        settle(vm);

        select(vm, win, "bounded-dyck-8-10", 1);
        model(vm, "constructed · bounded-dyck-8-10");
        fx(() -> vm.input().setInput("(a (b (c (d d) c) (e e) b) (f (g (h (a a) h) g) f) a) (b (c c) b)"));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(12));
        shot(out, "constructed-bounded-dyck");

        String word = dWord(12, 1000, 12);
        select(vm, win, "d-12", 3);
        model(vm, "trained · d-12");
        fx(() -> vm.input().setInput(word));
        settle(vm);
        var at = new AtomicInteger();
        fx(() -> {
            vm.stepper().jumpToDivergence();
            at.set(vm.stepper().positionProperty().get());
        });
        System.out.println("trained D_12: position " + at.get() + " of " + word.length());
        shot(out, "d12-trained");
        model(vm, "constructed · d-12");
        fx(() -> vm.input().setInput(word));
        settle(vm);
        fx(() -> vm.stepper().jumpTo(at.get()));
        shot(out, "d12-constructed");
        fx(win::openConstructedPair);                                 // side by side: constructed (A), trained (B)
        settle(vm);
        settle(vm);
        fx(() -> vm.stepper().jumpTo(at.get()));
        settle(vm);
        shot(out, "d12-compare");
        Platform.exit();
        System.exit(0);
    }

    /**
     * A word of D_n of the given length: a seeded walk of the depth that stays in 0..n, drawn towards the
     * deep half (where trained models lose count), closed at the end.
     */
    static String dWord(int n, int length, long seed) {
        var r = new SplittableRandom(seed);
        var sb = new StringBuilder(length);
        int d = 0;
        for (int t = 0; t < length; t++) {
            int left = length - t;
            boolean open;
            if (d == 0) {
                open = true;
            } else if (d == n || d >= left) {
                open = false;
            } else {
                open = r.nextDouble() < (d < n / 2 ? 0.65 : 0.5);
            }
            d += open ? 1 : -1;
            sb.append(open ? 'a' : 'b');
        }
        return sb.toString();
    }




}
