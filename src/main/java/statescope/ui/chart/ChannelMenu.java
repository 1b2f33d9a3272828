package statescope.ui.chart;

import java.util.ArrayList;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import statescope.ui.common.ChannelLabels;

/**
 * The channel chart's picker by name: every channel of the layer shown, by its label ("3 · depth",
 * "4 · unused" dimmed, or "3" for a model without names), ticked when picked; ticking one adds it.
 */
final class ChannelMenu extends MenuButton {

    private final ChannelChartViewModel vm;

    ChannelMenu(ChannelChartViewModel vm) {
        this.vm = vm;
        setId("channel-menu");
        getStyleClass().add("channel-menu");
        setTooltip(new Tooltip("pick channels by name"));
        setOnShowing(e -> fill());
        getItems().add(new MenuItem());                               // a menu with no item does not open
    }

    /** The items: every channel of the layer by its label, ticked when picked, unused ones dimmed. */
    void fill() {
        var labels = vm.choicesProperty().get();
        var items = new ArrayList<MenuItem>(labels.size());
        for (int c = 0; c < labels.size(); c++) {
            int channel = c;
            var item = new CheckMenuItem(ChannelLabels.shorten(labels.get(c), 48));
            item.setSelected(vm.channels().contains(c));
            if (labels.get(c).endsWith(" · " + ChannelLabels.UNUSED)) {
                item.getStyleClass().add("channel-unused");
            }
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    var next = new ArrayList<>(vm.channels());
                    next.add(channel);
                    next.sort(null);
                    vm.channels().setAll(next);
                } else {
                    vm.channels().remove(Integer.valueOf(channel));
                }
            });
            items.add(item);
        }
        if (items.isEmpty()) {
            var none = new MenuItem("no model loaded");
            none.setDisable(true);
            items.add(none);
        }
        getItems().setAll(items);
    }

}
