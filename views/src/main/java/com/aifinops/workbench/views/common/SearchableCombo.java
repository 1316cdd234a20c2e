package com.aifinops.workbench.views.common;

import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;

import java.util.Locale;

/**
 * An editable combo box over a long list (every team, project and agent of the ledger) whose drop-down narrows to
 * the entries containing what is typed, case-insensitively; text not in the list is allowed.
 */
public final class SearchableCombo {
    private SearchableCombo() {
    }

    public static ComboBox<String> over(ObservableList<String> items) {
        FilteredList<String> shown = new FilteredList<>(items, s -> true);
        ComboBox<String> c = new ComboBox<>(shown);
        c.setEditable(true);
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
        c.setOnHidden(e -> {
            if (c.getValue() != null && c.getValue().equals(c.getEditor().getText())) {
                shown.setPredicate(s -> true);
            }
        });
        return c;
    }
}
