package statescope.ui.main;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import statescope.inspect.LanguageEntry;
import statescope.ui.session.CatalogViewModel;

/**
 * The language picker: the catalog with each language's automaton summary, a regex field and DFA file
 * import. Errors show inline under the field and keep what was typed.
 */
final class CatalogPane extends VBox {

    CatalogPane(CatalogViewModel vm) {
        super(8);
        getStyleClass().add("catalog-pane");
        setId("catalog");
        var title = new Label("Languages");
        title.getStyleClass().add("view-title");
        var list = new ListView<LanguageEntry>(vm.languages());
        list.setId("language-list");
        list.setCellFactory(v -> {
            var cell = new EntryCell();
            cell.prefWidthProperty().bind(v.widthProperty().subtract(18));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));
        vm.languageProperty().addListener((o, a, b) -> list.getSelectionModel().select(b));
        var regex = new TextField();
        regex.setId("regex-field");
        regex.setPromptText("regex, e.g. (ab)*a");
        HBox.setHgrow(regex, Priority.ALWAYS);
        var open = new Button("Open");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setId("regex-open");
        open.setOnAction(e -> vm.openTypedRegex(regex.getText()));
        regex.setOnAction(e -> vm.openTypedRegex(regex.getText()));
        var file = new Button("Open DFA file (.json, .jff)…");
        file.setId("dfa-file");
        file.setMaxWidth(Double.MAX_VALUE);
        file.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("DFA JSON or JFLAP", "*.json", "*.jff"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openFile(f.toPath());
            }
        });
        var error = new Label();
        error.setId("language-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        // visible as well as managed: an unmanaged label keeps its last bounds, and a visible one (even with
        // no text) then lies over the regex row and the file button, which moved down into its place, and
        // takes their clicks (the lock-up after an error in "Your own language")
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMinHeight(Region.USE_PREF_SIZE);
        var caret = new Label();                                       // the regex and a caret, monospaced
        caret.setId("regex-caret");
        caret.getStyleClass().addAll("inline-error", "regex-caret");
        caret.textProperty().bind(vm.errorCaretProperty());
        caret.visibleProperty().bind(caret.textProperty().isNotEmpty());
        caret.managedProperty().bind(caret.visibleProperty());
        caret.setMinHeight(Region.USE_PREF_SIZE);
        vm.errorIndexProperty().addListener((o, a, b) -> {
            int at = b.intValue();
            if (at >= 0) {                                           // the field shows the offending character
                String text = regex.getText();
                int from = Math.min(at, text.length());
                regex.requestFocus();
                regex.selectRange(from, from < text.length() ? text.offsetByCodePoints(from, 1) : from);
            }
        });
        var notice = new Label();
        notice.setId("language-notice");
        notice.getStyleClass().add("inline-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMinHeight(Region.USE_PREF_SIZE);
        var regexRow = new HBox(6, regex, open);
        regexRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, list, new Label("Your own language"), regexRow, file, error, caret, notice);
        // not disable(): toggling :disabled restyles the whole subtree (hundreds of ms with the software
        // pipeline); a busy pane just stops taking the mouse and dims
        mouseTransparentProperty().bind(vm.busyProperty());
        opacityProperty().bind(Bindings.when(vm.busyProperty()).then(0.55).otherwise(1.0));
    }

    /** Name, family badge and the automaton summary. */
    private static final class EntryCell extends ListCell<LanguageEntry> {
        @Override
        protected void updateItem(LanguageEntry item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var name = new Label(item.name());
            name.getStyleClass().add("entry-name");
            var badge = new Label(item.family());
            badge.getStyleClass().addAll("badge", item.starFree() == null ? "counter"
                    : item.starFree() ? "star-free" : "non-star-free");
            var top = new HBox(6, name, badge);
            top.setAlignment(Pos.CENTER_LEFT);
            var desc = new Label(item.description());
            desc.getStyleClass().add("entry-desc");
            desc.setWrapText(true);
            var summary = new Label(item.reference().summary());
            summary.getStyleClass().add("entry-summary");
            summary.setWrapText(true);
            var box = new VBox(2, top, desc, summary);
            setText(null);
            setGraphic(box);
        }
    }
}
