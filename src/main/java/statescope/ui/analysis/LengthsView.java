package statescope.ui.analysis;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import statescope.ui.chart.LengthChart;

/**
 * The analysis tab: a selector of three pages, each in the background with progress and Cancel:
 * <em>Where it breaks</em> (counterexample search and length sweep, {@link SweepView}), <em>Probes</em>
 * (per-layer probes and the model's belief beside the automaton's state, {@link ProbeView}) and
 * <em>Extraction</em> (the machine the model computes beside the reference, {@link ExtractionView}).
 */
public final class LengthsView extends BorderPane {

    /** The pages, in the selector's order. */
    public enum Page { LENGTHS, PROBES, EXTRACTION }

    private final SweepView sweep;
    private final List<ToggleButton> buttons;

    public LengthsView(AnalysisViewModel vm) {
        getStyleClass().add("lengths-view");
        setId("lengths-view");
        sweep = new SweepView(vm);
        var probes = new ProbeView(vm.probes());
        var extraction = new ExtractionView(vm.extraction());
        var group = new ToggleGroup();
        buttons = List.of(page("Where it breaks", "page-lengths", sweep, group),
                page("Probes", "page-probes", probes, group), page("Extraction", "page-extraction", extraction, group));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);                                  // one page is always shown
            } else {
                setCenter((Node) now.getUserData());
            }
        });
        var bar = new HBox(buttons.toArray(Node[]::new));
        bar.getStyleClass().add("analysis-pages");
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        buttons.get(0).setSelected(true);
    }

    private static ToggleButton page(String text, String id, Node content, ToggleGroup group) {
        var b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.setUserData(content);
        b.setToggleGroup(group);
        return b;
    }

    /** Shows a page. */
    public void show(Page page) {
        buttons.get(page.ordinal()).setSelected(true);
    }

    /** The length chart (for tests and screenshots). */
    public LengthChart chart() {
        return sweep.chart();
    }
}
