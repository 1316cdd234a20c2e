package com.aifinops.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dworkbench.startupTiming=true}, prints the time from JVM start to the first rendered frame of
 * the main window, and with {@code -Dworkbench.exitAfterFirstFrame=true} exits right after: the launch
 * benchmark documented in the README.
 */
final class StartupTiming {
    private StartupTiming() {
    }

    static void reportFirstFrame(Stage stage) {
        if (!Boolean.getBoolean("workbench.startupTiming")) {
            return;
        }
        stage.setOnShown(e -> new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // the pulse after the one that showed the stage has rendered the first frame
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first frame after " + ms + " ms");
                if (Boolean.getBoolean("workbench.exitAfterFirstFrame")) {
                    Platform.exit();
                }
            }
        }.start());
    }
}
