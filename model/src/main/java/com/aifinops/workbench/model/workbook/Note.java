package com.aifinops.workbench.model.workbook;

import java.util.Objects;

/**
 * A note kept with the workbook.
 *
 * @param text     the note
 * @param internal true for notes meant for the author's side only; "prepare for sharing" drops them
 */
public record Note(String text, boolean internal) {
    public Note {
        Objects.requireNonNull(text, "text");
    }
}
