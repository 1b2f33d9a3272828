package statescope.ui.main;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import statescope.ui.common.Bars;
import statescope.ui.prediction.PredictionStripViewModel;
import statescope.ui.prediction.TokenChips;
import statescope.ui.session.InputViewModel;

/**
 * The input field (one model step per typed key), its inline error, and the token chips (from the
 * prediction strip's frames; a click on a chip jumps there). An input too long for the field shows as a
 * one-line summary (its length, then its last {@value #TAIL} characters, which stay in view when the
 * line is cut) with a Clear button; Ctrl+Z brings a cleared input back.
 */
final class InputBar extends VBox {

    /** The last characters of a long input the summary shows. */
    static final int TAIL = 24;
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final InputField field;
    private final Label longInput = new Label();
    private final Label tail = new Label();
    private boolean longMode;
    private final StackPane under;

    InputBar(InputViewModel vm, PredictionStripViewModel strip, IntConsumer jumpTo) {
        super(6);
        field = new InputField(vm::setInput);
        getStyleClass().add("input-bar");
        field.setId("input-field");
        field.getStyleClass().add("input-field");
        field.setPromptText("type a string over the language's alphabet");
        field.setText(vm.textProperty().get());
        field.textProperty().addListener((o, a, b) -> {
            if (!longMode && !b.equals(vm.textProperty().get())) {
                vm.setInput(b);
            }
        });
        longInput.setId("long-input");
        longInput.getStyleClass().add("long-input");
        longInput.setFocusTraversable(true);                           // typing adds at the end, Backspace removes
        longInput.setOnMouseClicked(e -> longInput.requestFocus());
        longInput.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if (longMode && !c.isEmpty() && !Character.isISOControl(c.charAt(0)) && !vm.busyProperty().get()) {
                vm.setInput(vm.textProperty().get() + c);
                e.consume();
            }
        });
        longInput.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            String t = vm.textProperty().get();
            if (longMode && e.getCode() == KeyCode.BACK_SPACE && !t.isEmpty() && !vm.busyProperty().get()) {
                vm.setInput(t.substring(0, t.offsetByCodePoints(t.length(), -1)));
                e.consume();
            }
        });
        longInput.setMaxWidth(Double.MAX_VALUE);
        longInput.setMinWidth(0);                                     // the text gives way, the tail and Clear stay
        tail.setId("long-input-tail");
        tail.setMinWidth(Region.USE_PREF_SIZE);
        longInput.setGraphic(tail);                                   // a cut line loses the explanation, not the tail
        longInput.setContentDisplay(ContentDisplay.RIGHT);
        longInput.setTooltip(new Tooltip("Too long to edit here: click, then type to add symbols at the end and "
                + "Backspace to remove the last; Clear empties it (Ctrl+Z brings it back)"));
        HBox.setHgrow(longInput, Priority.ALWAYS);
        var clear = new Button("Clear");
        clear.setId("long-input-clear");
        clear.getStyleClass().add("small");
        clear.setMinWidth(Region.USE_PREF_SIZE);                      // "Clear" whole, never "…"
        clear.setOnAction(e -> {
            vm.clear();
            field.requestFocus();
        });
        var longRow = new HBox(8, longInput, clear);
        longRow.setAlignment(Pos.CENTER_LEFT);
        longRow.setVisible(false);
        vm.textProperty().addListener((o, a, b) -> {
            longMode = b.length() > InputField.LIMIT;
            field.setVisible(!longMode);
            longRow.setVisible(longMode);
            if (longMode) {
                longInput.setText(String.format(Locale.ROOT, "%,d characters · typing adds, Backspace removes",
                        b.length()));
                tail.setText("… " + b.substring(b.length() - TAIL));
            } else if (!b.equals(field.getText())) {
                field.setText(b);
            }
        });
        EventHandler<KeyEvent> undoClear = e -> {                      // Ctrl+Z after Clear, but not another
            if (UNDO.match(e) && vm.canRestore()                      // field's own undo
                    && !(getScene().getFocusOwner() instanceof TextInputControl t && t != field)) {
                vm.restore();
                e.consume();
            }
        };
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, undoClear);
            }
            if (b != null) {
                b.addEventFilter(KeyEvent.KEY_PRESSED, undoClear);
            }
        });
        field.disableProperty().bind(vm.busyProperty());
        var alphabet = new Label();
        alphabet.setId("input-alphabet");
        alphabet.getStyleClass().add("muted");
        alphabet.textProperty().bind(vm.alphabetProperty());           // short (a long one's runs written
        alphabet.setMinWidth(Region.USE_PREF_SIZE);                    // first … last), so never cut: squeezed by a
        var whole = new Tooltip();                                     // long input at 1.6x it read "alpha…"
        whole.textProperty().bind(vm.alphabetWholeProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        alphabet.setTooltip(whole);
        var label = new Label("Input");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("view-title");
        var veil = veil(vm);
        var slot = new StackPane(field, longRow, veil);   // all laid out always: switching to the
        slot.setAlignment(Pos.CENTER_LEFT);                              // summary moves nothing below (no canvas redraws)
        HBox.setHgrow(slot, Priority.ALWAYS);
        var row = new HBox(10, label, slot, alphabet);
        row.setAlignment(Pos.CENTER_LEFT);
        var error = new Label();
        error.setId("input-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());   // over the chips' row: an error moves nothing
        error.getStyleClass().add("input-error-over");
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMinWidth(0);
        error.setMaxWidth(Double.MAX_VALUE);
        Bars.tooltipWhenCut(error);
        field.pseudoClassStateChanged(PseudoClass.getPseudoClass("danger"), false);
        var why = new Tooltip();
        why.textProperty().bind(vm.errorProperty());
        vm.errorProperty().addListener((o, a, b) -> field.setTooltip(b.isEmpty() ? null : why));
        vm.errorProperty().addListener((o, a, b) -> field.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("danger"), !b.isEmpty()));
        var chips = new TokenChips(strip, jumpTo);
        var scroll = new ScrollPane(chips);
        scroll.getStyleClass().add("chips-scroll");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.visibleProperty().bind(error.visibleProperty().not());   // laid out still (the row keeps its height),
                                                                     // but no chip edges peek out around the line
        under = new StackPane(scroll, error);                        // the chips of the last good input, or why not
        under.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, under);
    }

    /**
     * Over the field while the future is hidden and the field is not being edited: the symbols read so
     * far and how many are left, so the audience does not read ahead; a click edits the whole text.
     */
    private Label veil(InputViewModel vm) {
        var veil = new Label();
        veil.setId("input-veil");
        veil.getStyleClass().addAll("input-field", "input-veil");
        veil.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);           // the latest symbols stay in view
        veil.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        veil.setMinWidth(0);
        veil.textProperty().bind(vm.veilProperty());
        veil.visibleProperty().bind(vm.veilProperty().isNotEmpty()
                .and(field.focusedProperty().not()).and(field.visibleProperty()));
        veil.setTooltip(new Tooltip("The rest of the input is hidden (hide the future: H); click to edit it"));
        veil.setOnMouseClicked(e -> {
            field.requestFocus();
            field.end();
        });
        return veil;
    }

    InputField field() {
        return field;
    }

    /**
     * Shows or hides the token chips and the error line over them (presentation mode on a short screen
     * hides them; the field still turns red on an error and its tooltip says why).
     */
    void setChipsShown(boolean shown) {
        under.setVisible(shown);
        under.setManaged(shown);
    }
}
