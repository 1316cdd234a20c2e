package com.aifinops.workbench.views.common;

import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;

import java.util.Locale;
import java.util.Objects;

/**
 * An editable combo box over a long list (every team, project and agent of the ledger) whose drop-down narrows to
 * the entries containing what is typed, case-insensitively; text not in the list is allowed. {@code model} holds
 * the choice: a pick or Enter sets it and runs {@code onPick}; reloading the list never clears it.
 */
public final class SearchableCombo {
    private SearchableCombo() {
    }

    public static ComboBox<String> over(ObservableList<String> items, StringProperty model, Runnable onPick) {
        FilteredList<String> shown = new FilteredList<>(items, s -> true);
        ComboBox<String> c = new ComboBox<>(shown);
        c.setEditable(true);
        c.setValue(model.get());
        model.addListener((o, was, v) -> {
            if (!Objects.equals(c.getValue(), v)) {
                c.setValue(v);
            }
        });
        c.valueProperty().addListener((o, was, v) -> {
            if (v != null && !v.isBlank() && !v.strip().equals(model.get())) {
                model.set(v.strip());
                onPick.run();
            }
        });
        // a combo box drops its value when its items change: put the model's back
        items.addListener((ListChangeListener<String>) ch -> Platform.runLater(() -> {
            if (!Objects.equals(c.getValue(), model.get())) {
                c.setValue(model.get());
            }
        }));
        c.getEditor().textProperty().addListener((o, was, text) -> {
            if (text != null && text.equals(c.getValue())) {
                shown.setPredicate(s -> true); // a pick from the list, or the value set from outside: show everything
                return;
            }
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            // later: changing the list while the editor is still handling the key event confuses the skin
            Platform.runLater(() -> {
                shown.setPredicate(t.isEmpty() ? s -> true : s -> s.toLowerCase(Locale.ROOT).contains(t));
                if (c.getEditor().isFocused() && !shown.isEmpty() && !c.isShowing()) {
                    c.show();
                }
            });
        });
        return c;
    }
}
