package com.aifinops.workbench.app.document;

import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workbook.WorkbookStore;
import com.aifinops.workbench.model.workload.Workload;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The open workbook: what it holds now, what was last saved, and where. Edits happen on the FX thread; the
 * autosaver reads {@link #current()} from its own thread, so both references are volatile and immutable.
 */
public final class WorkbookDocument {
    private final WorkbookStore store;
    private final UnaryOperator<Workbook> beforeSave;
    private volatile Workbook current;
    private volatile Workbook saved;
    private volatile Path file;
    private Runnable onChange = () -> { };

    /**
     * @param beforeSave applied to the workbook written on save (the app makes it self-contained: it adds the
     *                   catalogue price rows of every model used)
     */
    public WorkbookDocument(WorkbookStore store, UnaryOperator<Workbook> beforeSave, Workbook initial, Path file) {
        this.store = store;
        this.beforeSave = beforeSave;
        this.current = initial;
        this.saved = initial;
        this.file = file;
    }

    public void setOnChange(Runnable r) {
        onChange = r;
    }

    public Workbook current() {
        return current;
    }

    /** The file it was opened from or last saved to; {@code null} for the bundled sample or a new workbook. */
    public Path file() {
        return file;
    }

    public boolean dirty() {
        return !current.equals(saved);
    }

    /** Replaces the content: a workbook just opened, or a recovered autosave ({@code dirty}: not saved yet). */
    public void reset(Workbook wb, Path f, boolean dirty) {
        current = wb;
        saved = dirty ? null : wb;
        file = f;
        onChange.run();
    }

    /** Records an edit of workload {@code index}. An edit that changes no figure (e.g. 0.50 vs 0.5000) is not one. */
    public void editWorkload(int index, Workload w) {
        Workload old = current.workloads().get(index);
        if (sameFigures(old, w)) {
            return;
        }
        current = current.withWorkload(index, w);
        onChange.run();
    }

    /** Records an edit of the whole workbook (the studio's workloads, levers, routing mixes, scenarios). */
    public void edit(Workbook wb) {
        if (wb.equals(current)) {
            return;
        }
        current = wb;
        onChange.run();
    }

    public void save() throws Exception {
        saveAs(Objects.requireNonNull(file, "no file yet: use saveAs"));
    }

    /** Saves atomically (the store keeps the previous file as .bak) and makes {@code f} the document's file. */
    public void saveAs(Path f) throws Exception {
        Workbook toWrite = beforeSave.apply(current);
        store.save(toWrite, f);
        current = toWrite;
        saved = toWrite;
        file = f;
        onChange.run();
    }

    /** Window title: "*" first when there are unsaved changes, then the file name (or the workbook's name). */
    public String title(String appName) {
        String what = file == null ? current.name() : file.getFileName().toString();
        return (dirty() ? "*" : "") + what + " — " + appName;
    }

    static boolean sameFigures(Workload a, Workload b) {
        return a.name().equals(b.name()) && a.modelId().equals(b.modelId()) && a.daysPerMonth() == b.daysPerMonth()
                && same(a.users(), b.users()) && same(a.requestsPerUserPerDay(), b.requestsPerUserPerDay())
                && same(a.inputTokens(), b.inputTokens()) && same(a.outputTokens(), b.outputTokens())
                && same(a.cacheHitRate(), b.cacheHitRate()) && same(a.overhead(), b.overhead());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
