package statescope.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Asks where to write or what to open; the app's is a file dialog, tests answer themselves. */
public interface Chooser {

    /** A kind of file offered: what it is, and its extension without the dot. */
    record Kind(String label, String extension) {
    }

    /** Where to write, and which of the offered kinds. */
    record Choice(Path file, int kind) {
    }

    /** A file to write, one of {@code kinds}; null when cancelled. */
    Choice save(String title, String suggestedName, List<Kind> kinds);

    /** A file of {@code kind} to open; null when cancelled. */
    Path open(String title, Kind kind);

    /** The desktop's file dialogs, over the window of {@code owner}. */
    static Chooser dialogs(Node owner) {
        return new Chooser() {
            @Override
            public Choice save(String title, String suggestedName, List<Kind> kinds) {
                var fc = new FileChooser();
                fc.setTitle(title);
                fc.setInitialFileName(suggestedName);
                for (Kind k : kinds) {
                    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(k.label() + " (*." + k.extension()
                            + ")", "*." + k.extension()));
                }
                File f = fc.showSaveDialog(owner.getScene().getWindow());
                if (f == null) {
                    return null;
                }
                int kind = Math.max(0, fc.getExtensionFilters().indexOf(fc.getSelectedExtensionFilter()));
                String ext = "." + kinds.get(kind).extension();
                Path p = f.toPath();
                if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)) {
                    p = p.resolveSibling(p.getFileName() + ext);
                }
                return new Choice(p, kind);
            }

            @Override
            public Path open(String title, Kind kind) {
                var fc = new FileChooser();
                fc.setTitle(title);
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.label() + " (*." + kind.extension()
                        + ")", "*." + kind.extension()));
                File f = fc.showOpenDialog(owner.getScene().getWindow());
                return f == null ? null : f.toPath();
            }
        };
    }
}
