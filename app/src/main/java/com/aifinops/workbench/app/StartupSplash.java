package com.aifinops.workbench.app;

import com.aifinops.workbench.views.theme.Theme;
import javafx.animation.PauseTransition;
import javafx.application.Preloader;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * A small window while the app opens its database, shown only when that takes long: after {@link #DELAY}, or at
 * once when the database is being upgraded (a migration over a large ledger can take a minute), so a normal start
 * (about two seconds to the first frame) never flashes it. JavaFX runs it as the preloader ({@code javafx.preloader},
 * set by {@link WorkbenchApp#launchWindow}).
 */
public final class StartupSplash extends Preloader {
    static final Duration DELAY = Duration.millis(1500);

    /** What {@link WorkbenchApp#init} is doing, for the window's second line. */
    public record Step(String text) implements PreloaderNotification {
    }

    private Stage stage;
    private final Label detail = new Label("Opening the ledger…");
    private boolean started;

    @Override
    public void start(Stage primary) {
        stage = primary;
        stage.initStyle(StageStyle.UTILITY);
        stage.setTitle("AI FinOps Workbench");
        Label title = new Label("AI FinOps Workbench");
        title.getStyleClass().add("block-title");
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(360);
        detail.setWrapText(true);
        detail.setMaxWidth(360);
        detail.setMinHeight(36);
        VBox box = new VBox(10, title, detail, bar);
        box.setPadding(new Insets(20));
        Scene scene = new Scene(box, 400, 150);
        Theme.apply(scene);
        stage.setScene(scene);
        PauseTransition later = new PauseTransition(DELAY);
        later.setOnFinished(e -> show());
        later.play();
    }

    private void show() {
        if (!started && stage != null && !stage.isShowing()) {
            stage.centerOnScreen();
            stage.show();
        }
    }

    @Override
    public void handleApplicationNotification(PreloaderNotification info) {
        if (info instanceof Step s) {
            detail.setText(s.text());
            show();
        }
    }

    @Override
    public void handleStateChangeNotification(StateChangeNotification info) {
        if (info.getType() == StateChangeNotification.Type.BEFORE_START) {
            started = true;
            stage.hide();
        }
    }
}
