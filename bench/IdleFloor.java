import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The idle floor of a JavaFX window on this machine, for bench/start.sh: a label and a button in a
 * window, nothing animated. Its CPU use when left alone is what the toolkit itself costs (on Linux the
 * toolkit's 60 Hz pulse timer keeps running when nothing changes), the figure the app's own idle use is
 * compared with. Prints "startup step=<ms>" once the window is shown, as the app does with
 * -Dstatescope.startup=report. Run from the repository root:
 *     java -cp "target/lib/*" bench/IdleFloor.java
 */
public final class IdleFloor {

    private IdleFloor() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window (a nested class, so that JavaFX on the class path starts without its launcher check). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new VBox(8, new Label("idle floor"), new Button("OK")), 400, 300));
            stage.show();
            Platform.runLater(() -> System.out.println("startup step=" + System.currentTimeMillis()));
        }
    }
}
