package com.aifinops.workbench.views.theme;

import javafx.scene.Scene;

/** Applies the app's stylesheet to a scene. */
public final class Theme {
    private Theme() {
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource("app.css").toExternalForm());
    }
}
