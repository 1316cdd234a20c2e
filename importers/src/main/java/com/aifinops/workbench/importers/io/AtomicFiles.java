package com.aifinops.workbench.importers.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temporary file beside the target, flush it to disk, then rename it over the target. Optionally the
 * previous content is first kept as {@code <name>.bak} (itself replaced atomically).
 */
public final class AtomicFiles {
    /** Writes the new content; may throw, in which case nothing is replaced. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** The backup kept beside {@code file}: {@code x.afw.json} → {@code x.afw.json.bak}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    public static void replace(Path file, boolean keepBackup, Body body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        Path bakTmp = null;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.writeTo(out);
            }
            force(tmp);
            keepPermissions(target, tmp);
            if (keepBackup && Files.exists(target)) {
                bakTmp = Files.createTempFile(dir, "." + target.getFileName(), ".bak.tmp");
                Files.copy(target, bakTmp, StandardCopyOption.REPLACE_EXISTING);
                force(bakTmp);
                Files.move(bakTmp, backupOf(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeStaleTemporaries(target);
        } finally {
            Files.deleteIfExists(tmp);
            if (bakTmp != null) {
                Files.deleteIfExists(bakTmp);
            }
        }
    }

    /**
     * A save killed mid-write leaves its temporary file behind; the next successful save of the same file
     * removes those older than ten minutes (younger ones may belong to a save still running elsewhere).
     */
    private static void removeStaleTemporaries(Path target) throws IOException {
        String prefix = "." + target.getFileName();
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(10)));
        try (var siblings = Files.newDirectoryStream(target.getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path p : siblings) {
                if (Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * A temporary file is created owner-only; the replacement gets the permissions the file had, or
     * {@code rw-r--r--} for a new one, as if it had been written in place.
     */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void force(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
