package statescope.ui.main;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import statescope.ui.common.Bars;
import statescope.ui.common.UiScale;
import statescope.ui.session.StatusViewModel;

/** Compute backend, model summary, step-vs-scan deviation, messages, and the progress of long work. */
final class StatusBar extends HBox {

    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");

    StatusBar(StatusViewModel vm) {
        super(10);
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        var backend = new Label();
        backend.setId("status-backend");
        Bars.tooltipWhenCut(backend);
        backend.minWidthProperty().bind(UiScale.factorProperty().multiply(150));    // "Compute: CPU (…" at least
        backend.textProperty().bind(vm.backendProperty());              // "Compute: CPU (...); GPU unavailable: ..." in one line, no dialog
        backend.prefWidthProperty().bind(Bindings.when(vm.messageProperty().isEmpty())   // a message takes its room
                .then(Region.USE_COMPUTED_SIZE).otherwise(UiScale.factorProperty().multiply(150)));
        var model = new Label();
        model.setId("status-model");
        Bars.tooltipWhenCut(model);
        model.setMinWidth(Region.USE_PREF_SIZE);  // which model runs stays readable; the backend line and messages give way
        model.textProperty().bind(vm.modelSummaryProperty());
        var dev = new Label();
        dev.setId("status-deviation");
        Bars.tooltipWhenCut(dev);
        dev.setMinWidth(Region.USE_PREF_SIZE);    // short: the backend line gives way first
        dev.textProperty().bind(vm.deviationProperty());
        var message = new Label();
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        Bars.tooltipWhenCut(message);
        message.setMinWidth(0);
        message.textProperty().bind(vm.messageProperty());
        vm.failureProperty().addListener((o, a, bad) -> message.pseudoClassStateChanged(FAILURE, bad));
        message.pseudoClassStateChanged(FAILURE, vm.failureProperty().get());
        message.visibleProperty().bind(vm.busyProperty().not());
        var busyText = new Label();
        busyText.textProperty().bind(vm.busyTextProperty());
        var bar = new ProgressBar();
        bar.setId("progress");
        bar.setPrefWidth(180);
        bar.progressProperty().bind(vm.progressProperty());
        var cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> vm.cancel());
        var busy = new HBox(8, busyText, bar, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.busyProperty());               // always laid out: starting or ending a job
        busy.setMinWidth(Region.USE_PREF_SIZE);      // moves no pane (else every canvas redraws)
        var slot = new StackPane(message, busy);     // the message has the job's room while none runs (it was
        StackPane.setAlignment(message, Pos.CENTER_LEFT);   // squeezed to 0 px beside it and the backend line)
        StackPane.setAlignment(busy, Pos.CENTER_RIGHT);
        HBox.setHgrow(slot, Priority.ALWAYS);
        var fitting = new Label("fitting PCA on corpus…");
        fitting.getStyleClass().add("muted");
        fitting.visibleProperty().bind(vm.analysingProperty());
        fitting.managedProperty().bind(vm.analysingProperty());
        getChildren().addAll(backend, new Separator(Orientation.VERTICAL), model,
                new Separator(Orientation.VERTICAL), dev, slot, fitting);
    }
}
