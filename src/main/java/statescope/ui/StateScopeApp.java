package statescope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application. Started through {@link statescope.Launcher}, never directly. */
public final class StateScopeApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(StateScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("StateScope");
        stage.setScene(new Scene(buildRoot(), 1280, 800));
        stage.show();
    }

    /** Builds the main window's content; tests mount it without going through {@code launch}. */
    public static BorderPane buildRoot() {
        var root = new BorderPane(new Label("StateScope"));
        root.setId("main-root");
        return root;
    }
}
