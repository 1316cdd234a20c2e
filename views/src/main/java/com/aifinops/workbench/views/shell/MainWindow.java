package com.aifinops.workbench.views.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The window's frame: menu bar, a sidebar of screens, the current screen, and a status bar.
 * Screens and menu actions are handed in by the app; the frame knows none of them.
 */
public final class MainWindow extends BorderPane {
    private final ListView<Screen> nav = new ListView<>();
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty statusRight = new SimpleStringProperty("");
    private final Menu fileMenu = new Menu("_File");
    private final Menu editMenu = new Menu("_Edit");
    private final Menu helpMenu = new Menu("_Help");

    public MainWindow(List<Screen> screens) {
        getStyleClass().add("main-window");
        setTop(new MenuBar(fileMenu, editMenu, helpMenu));
        setLeft(createNav(screens));
        content.getStyleClass().add("content");
        setCenter(content);
        setBottom(createStatusBar());
        nav.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> {
            if (s != null) {
                content.getChildren().setAll(built.computeIfAbsent(s.id(), id -> s.content().get()));
            }
        });
        nav.getSelectionModel().selectFirst();
    }

    /** Adds a File menu item with an accelerator such as "Shortcut+O". */
    public MenuItem addFileAction(String text, String accelerator, Runnable action) {
        return add(fileMenu, text, accelerator, action);
    }

    /** Adds an Edit menu item (undo, redo, …) with an accelerator such as "Shortcut+Z". */
    public MenuItem addEditAction(String text, String accelerator, Runnable action) {
        return add(editMenu, text, accelerator, action);
    }

    /** Adds a submenu to the File menu (e.g. "Open _Recent"); the app fills and refreshes its items. */
    public Menu addFileSubmenu(String text) {
        Menu m = new Menu(text);
        fileMenu.getItems().add(m);
        return m;
    }

    public void addFileSeparator() {
        fileMenu.getItems().add(new SeparatorMenuItem());
    }

    public MenuItem addHelpAction(String text, Runnable action) {
        return add(helpMenu, text, null, action);
    }

    private static MenuItem add(Menu menu, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        menu.getItems().add(item);
        return item;
    }

    public void select(String screenId) {
        nav.getItems().stream().filter(s -> s.id().equals(screenId)).findFirst()
                .ifPresent(s -> nav.getSelectionModel().select(s));
    }

    /** Drops a built screen so it is rebuilt from fresh state the next time it shows (e.g. after Open). */
    public void rebuild(String screenId) {
        built.remove(screenId);
        Screen current = nav.getSelectionModel().getSelectedItem();
        if (current != null && current.id().equals(screenId)) {
            content.getChildren().setAll(built.computeIfAbsent(screenId, id -> current.content().get()));
        }
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty statusRightProperty() {
        return statusRight;
    }

    private Node createNav(List<Screen> screens) {
        nav.getItems().setAll(screens);
        nav.setId("screenNav");
        nav.getStyleClass().add("nav");
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Screen s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.title());
            }
        });
        Label brand = new Label("AI FinOps\nWorkbench");
        brand.getStyleClass().add("brand");
        VBox box = new VBox(12, brand, nav);
        VBox.setVgrow(nav, Priority.ALWAYS);
        box.getStyleClass().add("nav-panel");
        box.setPadding(new Insets(16, 8, 8, 8));
        box.setPrefWidth(190);
        return box;
    }

    private Node createStatusBar() {
        Label left = new Label();
        left.setId("statusText");
        left.textProperty().bind(status);
        Label right = new Label();
        right.textProperty().bind(statusRight);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(left, spacer, right);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
