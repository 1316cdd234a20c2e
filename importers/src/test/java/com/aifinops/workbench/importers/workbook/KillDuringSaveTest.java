package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real process saving over and over is killed with SIGKILL at an arbitrary moment: the workbook and its
 * backup must each still be a complete workbook, one of the versions that process wrote.
 */
class KillDuringSaveTest {
    @TempDir
    Path dir;

    /** Saves the same file forever, each version a little different and large enough for a save to take time. */
    public static void main(String[] args) throws Exception {
        Path f = Path.of(args[0]);
        for (int i = 0; ; i++) {
            WorkbookJson.write(version(i), f);
            if (i == 0) {
                Files.writeString(f.resolveSibling("started"), "yes");
            }
        }
    }

    static Workbook version(int i) {
        List<Note> notes = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            notes.add(new Note("version " + i + " note " + n + " " + "x".repeat(200), n % 2 == 0));
        }
        return WorkbookFixtures.full().withNotes(notes);
    }

    @Test
    void sigkillMidSaveLeavesACompleteFileAndBackup() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int round = 0; round < 4; round++) {
            Path f = dir.resolve("round" + round + ".afw.json");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillDuringSaveTest.class.getName(),
                    f.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child" + round + ".log").toFile()).start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(dir.resolve("started")) && System.currentTimeMillis() < deadline && p.isAlive()) {
                Thread.sleep(20);
            }
            Files.deleteIfExists(dir.resolve("started"));
            Thread.sleep(150 + 97L * round); // well into the save loop, at a different moment each round
            p.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            Workbook saved = WorkbookJson.read(f);
            assertTrue(saved.notes().get(0).text().startsWith("version "), "a complete version");
            if (Files.exists(AtomicFiles.backupOf(f))) {
                WorkbookJson.read(AtomicFiles.backupOf(f));
            }
        }
    }

    @Test
    void theNextSaveRemovesTemporariesLeftByAKilledSave() throws Exception {
        Path f = dir.resolve("w.afw.json");
        Path stale = Files.writeString(dir.resolve(".w.afw.json123.tmp"), "{ half");
        Path recent = Files.writeString(dir.resolve(".w.afw.json456.tmp"), "{ half");
        Path other = Files.writeString(dir.resolve(".other.afw.json789.tmp"), "{ half");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        WorkbookJson.write(WorkbookFixtures.full(), f);
        assertTrue(Files.notExists(stale), "an hour-old leftover of this file is removed");
        assertTrue(Files.exists(recent), "a young one may be another save in progress");
        assertTrue(Files.exists(other), "another file's leftovers are not ours to remove");
    }
}
