package statescope.ui.main;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import statescope.ui.session.ModelChoice;

/**
 * A model picker's shown value and list entries, the model's name first ("parity-signed · trained" for
 * "trained · parity-signed"), so that a picker cut short (compare mode, presentation mode's large type)
 * still says which model runs, and the list reads as the picker does; the whole label in the tooltip.
 */
final class ModelPickerCell extends ListCell<ModelChoice> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(ModelChoice item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setTooltip(null);
        } else {
            setText(item.nameFirst());
            whole.setText(item.label());
            setTooltip(whole);
        }
    }
}
