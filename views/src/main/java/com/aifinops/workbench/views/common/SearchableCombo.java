package com.aifinops.workbench.views.common;

import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.SearchableComboBox;

import java.util.Objects;

/**
 * Combo boxes tied to a view model's text property: a pick (or Enter in an editable one) sets the property and runs
 * {@code onPick}; the property set from elsewhere shows in the box; reloading the list never clears the choice
 * (a combo box drops its value when its items change, so the property's is put back).
 */
public final class SearchableCombo {
    private SearchableCombo() {
    }

    /**
     * A long list (every team, project and agent of the ledger): the drop-down has a search field that narrows it
     * to the entries containing what is typed.
     */
    public static ComboBox<String> searchable(ObservableList<String> items, StringProperty model, Runnable onPick) {
        return tie(new SearchableComboBox<>(items), items, model, onPick);
    }

    /** A short list that also takes a new entry typed in. */
    public static ComboBox<String> editable(ObservableList<String> items, StringProperty model, Runnable onPick) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setEditable(true);
        return tie(c, items, model, onPick);
    }

    private static ComboBox<String> tie(ComboBox<String> c, ObservableList<String> items, StringProperty model, Runnable onPick) {
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
        items.addListener((ListChangeListener<String>) ch -> Platform.runLater(() -> {
            if (!Objects.equals(c.getValue(), model.get())) {
                c.setValue(model.get());
            }
        }));
        return c;
    }
}
