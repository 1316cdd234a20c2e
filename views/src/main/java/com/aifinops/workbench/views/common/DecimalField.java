package com.aifinops.workbench.views.common;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A text field for an exact, non-negative decimal. Every valid keystroke updates the bound property, so the
 * figures follow typing live; invalid text is marked and leaves the property at its last valid value.
 * Accepts grouping commas ("10,000") and surrounding spaces.
 */
public final class DecimalField extends TextField {
    private final Tooltip problem = new Tooltip();
    private boolean updating;

    public DecimalField(ObjectProperty<BigDecimal> value) {
        this(value, v -> v.signum() < 0 ? "must not be negative" : null);
    }

    /** @param check returns a message when the parsed value is not acceptable, else {@code null} */
    public DecimalField(ObjectProperty<BigDecimal> value, Function<BigDecimal, String> check) {
        getStyleClass().add("decimal-field");
        setPrefColumnCount(9);
        show(value.get());
        value.addListener((o, old, v) -> {
            if (!updating) {
                show(v);
            }
        });
        textProperty().addListener((o, old, text) -> {
            String message;
            BigDecimal parsed = null;
            try {
                parsed = new BigDecimal(text.trim().replace(",", ""));
                message = check.apply(parsed);
            } catch (NumberFormatException e) {
                message = "not a number: expected digits such as 1500 or 0.25";
            }
            getStyleClass().remove("invalid");
            setTooltip(null);
            if (message != null) {
                getStyleClass().add("invalid");
                problem.setText(message);
                setTooltip(problem);
                return;
            }
            updating = true;
            try {
                value.set(parsed);
            } finally {
                updating = false;
            }
        });
    }

    private void show(BigDecimal v) {
        String text = v == null ? "" : v.stripTrailingZeros().toPlainString();
        if (!text.equals(getText())) {
            setText(text);
        }
    }
}
