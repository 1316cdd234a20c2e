package com.aifinops.workbench.views.decision;

import com.aifinops.workbench.views.theme.Theme;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;

/** Renders a screen at full height to a PNG, to look at the parts a window would need scrolling for. */
final class DecisionScreenshots {
    private DecisionScreenshots() {
    }

    /** Writes {@code screen} at width × height to $screenshots/name.png when -Dscreenshots=DIR is set. */
    static void maybeWrite(Stage stage, Parent screen, String name, double width, double height) throws IOException {
        String dir = System.getProperty("screenshots");
        if (dir == null) {
            return;
        }
        Scene scene = new Scene(screen, width, height);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        screen.applyCss();
        screen.layout();
        WritableImage img = screen.snapshot(null, null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name + ".png"));
    }
}
