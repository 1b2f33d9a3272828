package statescope.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import statescope.inspect.CatalogLanguages;
import statescope.ui.automaton.AutomatonLayout;

/**
 * Work the app's first window needs, done on a second thread while the JavaFX toolkit starts on the first:
 * the language catalog (its entries' samples and reference machines), the opening language's automaton
 * laid out both ways (which also loads ELK, a few hundred classes from signed jars), and its shipped
 * models' manifests (which loads the JSON reader). Layouts are kept on disk between runs
 * ({@link AutomatonLayout#keepOnDisk()}): a start that finds its opening layout there does not load ELK
 * then but {@value #LIBRARY_AFTER_MS} ms after this work, so that the first automaton the user opens does not
 * wait for it on the JavaFX thread, and then lays out every catalog machine not yet on disk (once per build),
 * so that opening a catalog language reads its layout. The window takes the catalog and the layouts from here
 * ({@link CatalogLanguages#allOrAhead()}, {@link AutomatonLayout#layOutAhead}) instead of computing them
 * on the JavaFX thread; the manifests are only read to load their classes. Started by the launcher when
 * it opens the GUI; a failure here changes nothing (the window then does the work itself).
 */
public final class Preload {

    /** How long after the opening work the layout library is loaded, when the opening layout did not need it. */
    static final long LIBRARY_AFTER_MS = 4000;

    private Preload() {
    }

    /** Starts the work on a daemon thread; returns at once. */
    public static void start() {
        AutomatonLayout.keepOnDisk();                    // the opening layout is read back, not laid out again
        var catalog = CatalogLanguages.buildAhead();
        var t = new Thread(() -> {
            try {
                var entries = catalog.get();
                StartupClock.mark("preload-catalog");
                if (entries.isEmpty()) {
                    return;
                }
                var first = entries.get(0);                           // the language the window opens on
                first.reference().dfa().ifPresent(dfa -> AutomatonLayout.layOutAhead(dfa, true).run());
                StartupClock.mark("preload-layout");
                StateScopeApp.models().choices(first);
                StartupClock.mark("preload-manifests");
                CompletableFuture.delayedExecutor(LIBRARY_AFTER_MS, TimeUnit.MILLISECONDS).execute(() -> {
                    AutomatonLayout.loadLibrary();                // off the start, before the user opens another
                    AutomatonLayout.keepAhead(entries.stream()
                            .flatMap(e -> e.reference().dfa().stream()).toList());
                });
            } catch (RuntimeException | Error e) {
                // the window builds what it needs itself
            }
        }, "statescope-preload");
        t.setDaemon(true);
        t.start();
    }
}
