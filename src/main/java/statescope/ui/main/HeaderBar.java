package statescope.ui.main;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;
import statescope.ui.session.HeaderViewModel;
import statescope.ui.session.ModelChoice;

/** The header: the app's name, the open language, the model picker with its load error, and checkpoint import. */
final class HeaderBar extends HBox {

    /** The File menu (sessions, export); filled by the export actions. */
    final MenuButton file = new MenuButton("File");

    /** The View menu (scale, presentation mode, theme); filled by {@link StageControls}. */
    final MenuButton view = new MenuButton("View");

    HeaderBar(HeaderViewModel vm) {
        super(14);
        var title = new Label("StateScope");
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var language = new Label();
        language.getStyleClass().add("header-language");
        language.textProperty().bind(vm.titleProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var models = new ComboBox<ModelChoice>(vm.modelChoices());
        models.setId("model-picker");
        models.setPrefWidth(300);
        models.setMinWidth(200);
        models.setButtonCell(new ModelPickerCell());
        models.setCellFactory(list -> new ModelPickerCell());       // the list reads as the picker does
        vm.modelChoiceProperty().addListener((o, a, b) -> models.setValue(b));
        models.setOnAction(e -> vm.selectModel(models.getValue()));
        var open = new Button("Open checkpoint…");
        open.setId("open-checkpoint");
        open.setMinWidth(Region.USE_PREF_SIZE);
        var modelLabel = new Label("Model");
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        language.setMinWidth(0);
        open.setOnAction(e -> {
            var chooser = CheckpointChooser.create("Open checkpoint");
            var f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openCheckpoint(f.toPath());
            }
        });
        var modelError = new Label();
        modelError.setId("model-error");
        modelError.getStyleClass().add("inline-error");
        modelError.textProperty().bind(vm.modelErrorProperty());
        modelError.visibleProperty().bind(vm.modelErrorProperty().isNotEmpty());
        modelError.managedProperty().bind(modelError.visibleProperty());
        modelError.setMaxWidth(360);
        modelError.minWidthProperty().bind(UiScale.factorProperty().multiply(240));   // the title gives way first
        Bars.tooltipWhenCut(modelError);
        Bars.tooltipWhenCut(language);
        file.setId("file-menu");
        file.setMinWidth(Region.USE_PREF_SIZE);
        view.setId("view-menu");
        view.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, new Separator(Orientation.VERTICAL), language, spacer, modelError, modelLabel,
                models, open, file, view);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("header");
    }
}
