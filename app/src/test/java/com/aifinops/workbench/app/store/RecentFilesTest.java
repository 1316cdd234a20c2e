package com.aifinops.workbench.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentFilesTest {
    @TempDir
    Path dir;

    @Test
    void mostRecentFirstReopeningMovesToTopAndTheListIsBounded() throws Exception {
        Path db = dir.resolve("workbench");
        Path a = dir.resolve("a.afw.json");
        Path b = dir.resolve("b.afw.json");
        try (Database d = Database.open(db)) {
            RecentFiles r = new RecentFiles(d);
            r.touch(a);
            r.touch(b);
            r.touch(a);
            assertEquals(List.of(a, b), r.list());
            for (int i = 0; i < 15; i++) {
                r.touch(dir.resolve("f" + i + ".afw.json"));
            }
            assertEquals(RecentFiles.KEEP, r.list().size());
            assertEquals(dir.resolve("f14.afw.json"), r.list().get(0));
            r.remove(dir.resolve("f14.afw.json"));
            assertEquals(dir.resolve("f13.afw.json"), r.list().get(0));
        }
        try (Database d = Database.open(db)) {
            assertEquals(dir.resolve("f13.afw.json"), new RecentFiles(d).list().get(0), "kept in the H2 file across restarts");
        }
    }
}
