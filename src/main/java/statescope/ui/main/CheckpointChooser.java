package statescope.ui.main;

import java.util.List;
import javafx.stage.FileChooser;

/**
 * The file chooser of "Open checkpoint…" and of compare mode's "File…": it offers what the loader reads,
 * the weights ({@code .safetensors}, as the app saves and ships them, or a Hugging Face / mamba_ssm export)
 * and a manifest ({@code .json}, also a Hugging Face {@code config.json}), together by default.
 */
final class CheckpointChooser {

    private CheckpointChooser() {
    }

    /** The chooser's filters, the first (both kinds) selected. */
    static List<FileChooser.ExtensionFilter> filters() {
        return List.of(
                new FileChooser.ExtensionFilter("Checkpoints (*.safetensors, *.json)", "*.safetensors", "*.json"),
                new FileChooser.ExtensionFilter("Weights (*.safetensors)", "*.safetensors"),
                new FileChooser.ExtensionFilter("Manifests and configs (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
    }

    /** A chooser titled {@code title} with {@link #filters()}. */
    static FileChooser create(String title) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(filters());
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(0));
        return chooser;
    }
}
