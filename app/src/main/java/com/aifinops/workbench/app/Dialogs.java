package com.aifinops.workbench.app;

import com.aifinops.workbench.app.document.WorkbookDocument;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The window's small dialogs: the unsaved-changes prompt, file choosers, error alerts. */
final class Dialogs {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    /** An action that may fail with a message for the user. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private Dialogs() {
    }

    /**
     * Before the workbook is closed or replaced: true to go on. With unsaved changes asks Save / Don't Save /
     * Cancel; Save goes on only if the save succeeded.
     */
    static boolean confirmDiscard(Window owner, WorkbookDocument doc, BooleanSupplier save) {
        if (!doc.dirty()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.WARNING, "Your changes will be lost if you don't save them.", SAVE, DONT_SAVE, CANCEL);
        a.setHeaderText("Save changes to " + (doc.file() == null ? "\"" + doc.current().name() + "\"" : doc.file().getFileName()) + "?");
        a.setTitle("Unsaved changes");
        if (owner != null) {
            a.initOwner(owner);
        }
        Optional<ButtonType> choice = a.showAndWait();
        if (choice.isEmpty() || choice.get() == CANCEL) {
            return false;
        }
        return choice.get() == DONT_SAVE || save.getAsBoolean();
    }

    static FileChooser workbookChooser(String title, Path current) {
        FileChooser c = chooser(title, "Workbooks", "*.afw.json", "*.json");
        if (current != null && current.toAbsolutePath().getParent() != null) {
            c.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return c;
    }

    static FileChooser chooser(String title, String what, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        return c;
    }

    /** {@code f} with {@code ext} appended unless it already ends so (choosers on Linux do not add it). */
    static Path withExtension(Path f, String ext) {
        return f.getFileName().toString().toLowerCase().endsWith(ext) ? f : f.resolveSibling(f.getFileName() + ext);
    }

    static void error(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR, detail);
        a.setHeaderText(header);
        a.showAndWait();
    }

    static void run(String failureHeader, Action action) {
        try {
            action.run();
        } catch (Exception e) {
            error(failureHeader, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
