package statescope.ui.main;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import statescope.ui.session.ModelChoice;

/**
 * A model picker's shown value, the model's name first ("parity-signed · trained" for "trained ·
 * parity-signed"), so that a picker cut short (compare mode, presentation mode's large type) still says
 * which model runs; the whole label in the tooltip. The list keeps the labels as they are.
 */
final class ModelPickerCell extends ListCell<ModelChoice> {

    /** "kind · name" as "name · kind"; other labels (a random init's settings) as they are. */
    static String nameFirst(String label) {
        String[] parts = label.split(" · ");
        return parts.length == 2 ? parts[1] + " · " + parts[0] : label;
    }

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(ModelChoice item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setTooltip(null);
        } else {
            setText(nameFirst(item.label()));
            whole.setText(item.label());
            setTooltip(whole);
        }
    }
}
