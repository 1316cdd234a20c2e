package com.aifinops.workbench.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void aSingleExistingWorkbookPathOpensTheWindowAnythingElseIsTheCli() throws Exception {
        Path wb = Files.writeString(dir.resolve("x.afw.json"), "{}");
        assertTrue(Launcher.opensWorkbook(new String[]{wb.toString()}));
        assertFalse(Launcher.opensWorkbook(new String[]{dir.resolve("missing.afw.json").toString()}), "missing: CLI error");
        assertFalse(Launcher.opensWorkbook(new String[]{"open", wb.toString()}));
        assertFalse(Launcher.opensWorkbook(new String[]{"cost"}));
    }
}
