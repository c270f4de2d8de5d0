package welljabber.bench.floor;

import java.time.Duration;
import java.time.Instant;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * A bare JavaFX window: one Stage with one Label, the same size as WellJabber's first window.
 * When it is shown it prints {@code FLOOR MAIN WINDOW SHOWN <ms>} (ms since process start, the
 * same way WellJabberApp#mainWindowShown counts) and exits the way the app does.
 */
public final class Floor extends Application {

    public static void main(String[] args) {
        Application.launch(Floor.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Floor");
        stage.setScene(new Scene(new Label("A bare JavaFX window"), 1024, 700));
        stage.setOnShown(event -> {
            long ms = ProcessHandle.current().info().startInstant()
                    .map(started -> Duration.between(started, Instant.now()).toMillis()).orElse(0L);
            System.out.println("FLOOR MAIN WINDOW SHOWN " + ms);
            Platform.runLater(Platform::exit);
        });
        stage.show();
    }
}
