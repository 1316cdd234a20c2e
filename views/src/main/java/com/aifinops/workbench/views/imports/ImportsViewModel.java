package com.aifinops.workbench.views.imports;

import com.aifinops.workbench.model.Usd;
import com.aifinops.workbench.model.ledger.ColumnMappings;
import com.aifinops.workbench.model.ledger.ImportBatch;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import com.aifinops.workbench.model.ledger.ImportService.RejectPolicy;
import com.aifinops.workbench.model.usage.ImportProblem;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * State of the Imports screen. Every {@link ImportService} call (imports, the batch list, a batch's problems,
 * removal) runs on one background thread, so a slow database or a large file never blocks the window; results
 * come back to the FX thread. Only one import runs at a time.
 *
 * <p>Cancel does not cancel the {@link Task} itself: it raises a flag the service polls through
 * {@link ImportService.ImportProgress#cancelled()}, so the task still waits for the service to roll back and the
 * batch list is refreshed only once the ledger is consistent again.
 */
public final class ImportsViewModel {
    /** "Detect" in the format chooser: the service picks the format per file. */
    public static final ImportService.Format DETECT = new ImportService.Format("", "Detect");

    /** A file waiting to be imported and the format detection picked for it ({@code null}: none fits). */
    public record QueuedFile(Path file, String detected, String detectProblem) {
    }

    /** A file rejected under ALL_OR_NOTHING, waiting for the user: import the valid rest, or nothing. */
    public record Rejection(Path file, String format, ImportResult result) {
        public List<ImportProblem> errors() {
            return result.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
        }
    }

    /** One line of the outcome log. {@code warning} marks unpriced models, rejections and failures. */
    public record Outcome(String text, boolean warning) {
    }

    private final ImportService service;
    /** Saved column mappings, or {@code null} when there is no database to keep them in. */
    private final ColumnMappings mappings;
    private final ObservableList<String> mappingNames = FXCollections.observableArrayList();
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "imports-io");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ImportService.Format> formats = FXCollections.observableArrayList();
    private final ObjectProperty<ImportService.Format> format = new SimpleObjectProperty<>(DETECT);
    private final ObservableList<QueuedFile> queue = FXCollections.observableArrayList();
    private final ObservableList<ImportBatch> batches = FXCollections.observableArrayList();
    private final ObjectProperty<ImportBatch> selectedBatch = new SimpleObjectProperty<>();
    private final ObservableList<ImportProblem> selectedProblems = FXCollections.observableArrayList();
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ObservableList<Rejection> rejections = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty();
    private volatile boolean cancelFlag;
    /** Bumped on every selection change so a slow problems query for an old selection is dropped. */
    private long problemsGeneration;

    public ImportsViewModel(ImportService service) {
        this(service, null);
    }

    /** With {@code mappings} (null: none), every saved mapping is also a format, "mapping: NAME". */
    public ImportsViewModel(ImportService service, ColumnMappings mappings) {
        this.service = service;
        this.mappings = mappings;
        formats.add(DETECT);
        formats.addAll(service.formats());
        selectedBatch.addListener((o, old, b) -> loadProblems(b));
        refreshBatches();
        refreshMappings();
    }

    // ---- saved column mappings ----

    /** The format of the saved mapping {@code name}: id {@code mapping:NAME}, shown as "mapping: NAME". */
    public static ImportService.Format mappingFormat(String name) {
        return new ImportService.Format(ColumnMappings.FORMAT_PREFIX + name, "mapping: " + name);
    }

    /** Reloads the saved mappings' names and their "mapping: NAME" formats (after the first service formats). */
    public void refreshMappings() {
        if (mappings == null) {
            return;
        }
        background(mappings::names, names -> {
            mappingNames.setAll(names);
            ImportService.Format chosen = format.get();
            formats.removeIf(f -> f != DETECT && f.id().startsWith(ColumnMappings.FORMAT_PREFIX));
            names.forEach(n -> formats.add(mappingFormat(n)));
            // keep the choice when it survived (records compare by value); else back to Detect
            format.set(formats.contains(chosen) ? formats.get(formats.indexOf(chosen)) : DETECT);
        });
    }

    /** The saved column mappings, or {@code null} when they cannot be kept (no database). */
    public ColumnMappings mappings() {
        return mappings;
    }

    public ObservableList<String> mappingNames() {
        return mappingNames;
    }

    /**
     * After the mapping dialog saved {@code mappingName}: lists it as a format and imports {@code file} with it
     * (taking the file off the queue).
     */
    public void importWithMapping(Path file, String mappingName) {
        refreshMappings();
        if (running.get()) {
            outcomes.add(new Outcome(file.getFileName() + ": mapping '" + mappingName
                    + "' saved; import it when the running import is done (Format: mapping: " + mappingName + ")", true));
            return;
        }
        List<QueuedFile> gone = queue.stream().filter(q -> q.file().equals(file)).toList();
        run(List.of(new Job(file, ColumnMappings.FORMAT_PREFIX + mappingName, RejectPolicy.ALL_OR_NOTHING, false)),
                () -> queue.removeAll(gone));
    }

    /** The queued file the "Map columns…" action is for: the first one no reader detects, else the first one. */
    public QueuedFile mappingCandidate() {
        return queue.stream().filter(q -> q.detected() == null).findFirst().orElse(queue.isEmpty() ? null : queue.get(0));
    }

    // ---- the queue ----

    /** Queues files (dropped or picked) and detects each one's format in the background; skips ones already queued. */
    public void addFiles(List<Path> files) {
        addFiles(files, () -> {
        });
    }

    /** Queues {@code files} and imports the queue once their formats are detected (File > Import, Ctrl+I). */
    public void addFilesAndImport(List<Path> files) {
        addFiles(files, this::importQueued);
    }

    private void addFiles(List<Path> files, Runnable then) {
        List<Path> fresh = files.stream().filter(Files::isRegularFile)
                .filter(f -> queue.stream().noneMatch(q -> q.file().equals(f))).distinct().toList();
        background(() -> {
            List<QueuedFile> out = new ArrayList<>();
            for (Path f : fresh) {
                try {
                    out.add(new QueuedFile(f, service.detect(f), null));
                } catch (Exception e) {
                    out.add(new QueuedFile(f, null, message(e)));
                }
            }
            return out;
        }, detected -> {
            queue.addAll(detected);
            then.run();
        });
    }

    public void removeQueued(QueuedFile f) {
        queue.remove(f);
    }

    /** Imports every queued file, in order, with the chosen format (or each file's detected one). */
    public void importQueued() {
        if (running.get() || queue.isEmpty()) {
            return;
        }
        List<QueuedFile> files = List.copyOf(queue);
        String chosen = format.get() == null || format.get() == DETECT ? null : format.get().id();
        run(files.stream().map(q -> new Job(q.file(), chosen != null ? chosen : q.detected(), RejectPolicy.ALL_OR_NOTHING,
                chosen == null && q.detected() == null)).toList(), () -> queue.removeAll(files));
    }

    /** Asks the service to stop the running import; it rolls back and the batch list stays as it was. */
    public void cancel() {
        if (running.get()) {
            cancelFlag = true;
            cancelRequested.set(true);
            progressText.set("Cancelling…");
        }
    }

    // ---- rejected files ----

    /** Re-imports the first rejected file keeping its valid lines (the rejected ones are recorded with the batch). */
    public void importValidRest() {
        if (rejections.isEmpty() || running.get()) {
            return;
        }
        Rejection r = rejections.remove(0);
        run(List.of(new Job(r.file(), r.format(), RejectPolicy.IMPORT_VALID_REST, false)), () -> {
        });
    }

    /** Drops the first rejected file: nothing of it is imported. */
    public void importNothing() {
        if (!rejections.isEmpty()) {
            Rejection r = rejections.remove(0);
            outcomes.add(new Outcome(r.file().getFileName() + ": nothing imported", false));
        }
    }

    // ---- batches ----

    public void refreshBatches() {
        background(service::batches, b -> {
            ImportBatch sel = selectedBatch.get();
            batches.setAll(b);
            if (sel != null) {
                selectedBatch.set(b.stream().filter(x -> x.id() == sel.id()).findFirst().orElse(null));
            }
        });
    }

    /** Removes a batch and all it brought; the view asks for confirmation first. */
    public void removeBatch(ImportBatch b) {
        background(() -> service.removeBatch(b.id()), removed -> {
            outcomes.add(new Outcome(removed ? "Removed batch " + b.id() + " (" + b.file() + ", " + b.rows() + " rows)"
                    : "Batch " + b.id() + " was already gone", !removed));
            refreshBatches();
        });
    }

    private void loadProblems(ImportBatch b) {
        long generation = ++problemsGeneration;
        selectedProblems.clear();
        if (b != null) {
            background(() -> service.problems(b.id()), p -> {
                if (generation == problemsGeneration) {
                    selectedProblems.setAll(p);
                }
            });
        }
    }

    // ---- running imports ----

    private record Job(Path file, String format, RejectPolicy policy, boolean undetected) {
    }

    private void run(List<Job> jobs, Runnable onStarted) {
        cancelFlag = false;
        cancelRequested.set(false);
        running.set(true);
        progress.set(0);
        onStarted.run();
        Task<List<ImportResult>> task = new Task<>() {
            @Override
            protected List<ImportResult> call() throws Exception {
                List<ImportResult> results = new ArrayList<>();
                for (int i = 0; i < jobs.size() && !cancelFlag; i++) {
                    Job j = jobs.get(i);
                    String name = j.file().getFileName().toString();
                    if (j.undetected()) {
                        Platform.runLater(() -> outcomes.add(new Outcome(name
                                + ": the format could not be detected; choose one under Format"
                                + (mappings == null ? "" : " or map its columns (Map columns…)") + " and import it again", true)));
                        continue;
                    }
                    String prefix = jobs.size() > 1 ? "File " + (i + 1) + " of " + jobs.size() + " · " : "";
                    long start = System.nanoTime();
                    ImportService.ImportProgress p = new ImportService.ImportProgress() {
                        @Override
                        public void progress(long rows, long bytes, long totalBytes) {
                            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                            updateProgress(bytes, Math.max(totalBytes, 1));
                            updateMessage(prefix + name + " · " + rowsAndRate(rows, seconds));
                        }

                        @Override
                        public boolean cancelled() {
                            return cancelFlag;
                        }
                    };
                    try {
                        ImportResult r = service.importFile(j.file(), j.format(), j.policy(), p);
                        results.add(r);
                        Platform.runLater(() -> record(j, r));
                    } catch (Exception e) {
                        String m = message(e);
                        Platform.runLater(() -> outcomes.add(new Outcome(name + ": import failed, nothing added: " + m, true)));
                    }
                }
                return results;
            }
        };
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((o, old, m) -> {
            if (!cancelRequested.get()) {
                progressText.set(m);
            }
        });
        task.stateProperty().addListener((o, old, s) -> {
            if (s == javafx.concurrent.Worker.State.SUCCEEDED || s == javafx.concurrent.Worker.State.FAILED
                    || s == javafx.concurrent.Worker.State.CANCELLED) {
                progress.unbind();
                running.set(false);
                progressText.set(s == javafx.concurrent.Worker.State.FAILED ? "Import failed: " + message(task.getException()) : "");
                refreshBatches();
            }
        });
        io.submit(task);
    }

    /** Turns one result into the user's outcome lines and, for a rejection, a pending decision. */
    private void record(Job j, ImportResult r) {
        outcomes.addAll(describe(j.file().getFileName().toString(), r));
        if (r.status() == ImportResult.Status.REJECTED) {
            rejections.add(new Rejection(j.file(), r.format() != null ? r.format() : j.format(), r));
        }
    }

    /** What a result means for the user, one line per fact; package-visible for tests. */
    static List<Outcome> describe(String name, ImportResult r) {
        List<Outcome> out = new ArrayList<>();
        long warnings = r.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).count();
        String fmt = r.format() == null ? "" : " as " + r.format();
        switch (r.status()) {
            case IMPORTED -> {
                StringBuilder s = new StringBuilder(name).append(": ").append(count(r.imported(), "row")).append(" imported").append(fmt);
                if (r.replaced() > 0) s.append(", ").append(count(r.replaced(), "earlier row")).append(" replaced");
                if (r.duplicates() > 0) s.append(", ").append(count(r.duplicates(), "duplicate")).append(" skipped");
                if (r.rejected() > 0) s.append(", ").append(count(r.rejected(), "line")).append(" rejected");
                if (warnings > 0) s.append(", ").append(count(warnings, "warning"));
                if (r.billedCost() != null) s.append(" · billed ").append(Usd.format(r.billedCost()));
                out.add(new Outcome(s.toString(), false));
            }
            case DUPLICATE -> out.add(new Outcome(name + ": already imported, nothing added", false));
            case CANCELLED -> out.add(new Outcome(name + ": cancelled, nothing added", true));
            case REJECTED -> out.add(new Outcome(name + ": rejected, nothing added: " + count(r.rejected(), "line")
                    + " with errors" + fmt, true));
        }
        if (!r.unpricedModels().isEmpty()) {
            out.add(new Outcome(name + ": unpriced models (no list price in the catalogue, so no priced cost): "
                    + String.join(", ", r.unpricedModels()), true));
        }
        return out;
    }

    static String rowsAndRate(long rows, double seconds) {
        return String.format(Locale.ROOT, "%,d rows · %,.0f rows/s", rows, rows / seconds);
    }

    private static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    private static String message(Throwable e) {
        return e == null ? "unknown error" : e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** Runs {@code work} on the service thread and hands its result to {@code done} on the FX thread. */
    private <T> void background(Callable<T> work, Consumer<T> done) {
        io.submit(() -> {
            try {
                T v = work.call();
                Platform.runLater(() -> done.accept(v));
            } catch (Exception e) {
                String m = message(e);
                Platform.runLater(() -> outcomes.add(new Outcome("The ledger could not be read: " + m, true)));
            }
        });
    }

    // ---- properties ----

    public ObservableList<ImportService.Format> formats() {
        return formats;
    }

    public boolean hasFormats() {
        return formats.size() > 1;
    }

    public ObjectProperty<ImportService.Format> formatProperty() {
        return format;
    }

    public ObservableList<QueuedFile> queue() {
        return queue;
    }

    public ObservableList<ImportBatch> batches() {
        return batches;
    }

    public ObjectProperty<ImportBatch> selectedBatchProperty() {
        return selectedBatch;
    }

    public ObservableList<ImportProblem> selectedProblems() {
        return selectedProblems;
    }

    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    public ObservableList<Rejection> rejections() {
        return rejections;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 of the current file's bytes. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "File 1 of 2 · usage.csv · 12,000 rows · 48,000 rows/s". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** True while nothing can be imported: running, nothing queued, or no formats at all. */
    public BooleanBinding importDisabled() {
        return Bindings.createBooleanBinding(() -> running.get() || queue.isEmpty() || !hasFormats(), running, queue);
    }
}
