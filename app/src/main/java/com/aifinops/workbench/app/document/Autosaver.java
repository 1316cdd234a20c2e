package com.aifinops.workbench.app.document;

import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.Workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes the open workbook to a recovery file in the app's data directory every few seconds while it has
 * unsaved changes, on a background thread (never the FX thread). After a crash the next start finds the file
 * and offers it back; a clean exit or a save removes it.
 */
public final class Autosaver implements AutoCloseable {
    /**
     * A recovery file found at start-up.
     *
     * @param workbook     what was being edited
     * @param originalFile the file it belonged to, or {@code null} if it was never saved
     */
    public record Recovered(Workbook workbook, Path originalFile) {
    }

    private final Path recoveryFile;
    private final Path originFile;
    private final WorkbookDocument document;
    private final Consumer<Exception> onError;
    private ScheduledExecutorService executor;
    private volatile Workbook lastWritten;

    public Autosaver(Path recoveryDir, WorkbookDocument document, Consumer<Exception> onError) {
        this.recoveryFile = recoveryDir.resolve("autosave.afw.json");
        this.originFile = recoveryDir.resolve("autosave.origin");
        this.document = document;
        this.onError = onError;
    }

    /** The recovery file left by a previous run that did not exit cleanly, if it is readable. */
    public static Optional<Recovered> pending(Path recoveryDir) {
        Path f = recoveryDir.resolve("autosave.afw.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Workbook wb = WorkbookJson.read(f);
            Path origin = recoveryDir.resolve("autosave.origin");
            String o = Files.exists(origin) ? Files.readString(origin, StandardCharsets.UTF_8).strip() : "";
            return Optional.of(new Recovered(wb, o.isEmpty() ? null : Path.of(o)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public void start(long periodSeconds) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workbook-autosave");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** One autosave step: writes the current workbook if it has unsaved changes not yet written. */
    public void tick() {
        try {
            Workbook wb = document.current();
            if (!document.dirty() || wb == lastWritten) {
                return;
            }
            Path origin = document.file();
            Files.createDirectories(originFile.getParent());
            Files.writeString(originFile, origin == null ? "" : origin.toAbsolutePath().toString(), StandardCharsets.UTF_8);
            WorkbookJson.writeNoBackup(wb, recoveryFile);
            lastWritten = wb;
        } catch (Exception e) {
            onError.accept(e);
        }
    }

    /** Removes the recovery file: the user saved, or chose to discard the changes. */
    public void clear() throws IOException {
        Files.deleteIfExists(recoveryFile);
        Files.deleteIfExists(originFile);
        lastWritten = null;
    }

    public Path recoveryFile() {
        return recoveryFile;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
