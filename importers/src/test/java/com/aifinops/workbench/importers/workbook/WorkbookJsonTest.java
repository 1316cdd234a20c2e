package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.workbook.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbookJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryValueOfEverySectionExactly() throws Exception {
        Path f = dir.resolve("a.afw.json");
        WorkbookJson.write(WorkbookFixtures.full(), f);
        Workbook back = WorkbookJson.read(f);
        assertEquals(WorkbookFixtures.full(), back);
        assertEquals(new BigDecimal("1.20"), back.workloads().get(0).overhead(), "scale kept: 1.20 not 1.2");
        assertEquals(new BigDecimal("27.45"), back.usageRollups().get(0).costUsd());
        assertTrue(back.notes().get(1).internal());
    }

    @Test
    void version1FileIsMigratedOnOpen() throws Exception {
        Workbook wb;
        try (InputStream in = getClass().getResourceAsStream("/workbooks/v1-rag-support-agent.afw.json")) {
            wb = WorkbookJson.read(in, "v1 fixture");
        }
        assertEquals("Sample: RAG support agent", wb.name());
        assertEquals(new BigDecimal("0.50"), wb.workloads().get(0).cacheHitRate(), "numbers kept exactly through migration");
        assertEquals(4, wb.priceRows().size());
        assertEquals(List.of(), wb.scenarios());
        assertEquals(List.of(), wb.notes());
        assertEquals(List.of(), wb.usageRollups());
        // saved again it is a version-2 file
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookJson.write(wb, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"schemaVersion\" : 2"));
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path f = dir.resolve("new.afw.json");
        Files.writeString(f, "{\"format\":\"ai-finops-workbook\",\"schemaVersion\":99,\"name\":\"x\",\"workloads\":[]}");
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    }

    @Test
    void damagedFileNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.afw.json");
        Files.writeString(f, "{\"format\":\"ai-finops-workbook\",\n\"schemaVersion\":2,\n\"workloads\": [ { \"users\": } ]}",
                StandardCharsets.UTF_8);
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void invalidValueNamesWhereItIs() throws Exception {
        Path f = dir.resolve("neg.afw.json");
        String good = new String(Files.readAllBytes(write(WorkbookFixtures.full())), StandardCharsets.UTF_8);
        Files.writeString(f, good.replaceFirst("\"cacheHitRate\" : 0.50", "\"cacheHitRate\" : 1.50"));
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(f));
        assertTrue(e.getMessage().contains("workloads[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("cache hit rate must be between 0 and 1: 1.50"), e.getMessage());
    }

    @Test
    void hostileInputIsRefused() throws Exception {
        Path deep = dir.resolve("deep.afw.json");
        Files.writeString(deep, "{\"format\":\"ai-finops-workbook\",\"schemaVersion\":2,\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
        WorkbookFormatException e = assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
        Path typed = dir.resolve("typed.afw.json");
        // a polymorphic type hint is just an unknown key: no class is ever loaded from the file
        Files.writeString(typed, new String(Files.readAllBytes(write(WorkbookFixtures.full())), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"@class\":\"java.lang.ProcessBuilder\","));
        assertEquals(WorkbookFixtures.full(), WorkbookJson.read(typed));
        Path notWorkbook = dir.resolve("other.json");
        Files.writeString(notWorkbook, "[1,2,3]");
        assertTrue(assertThrows(WorkbookFormatException.class, () -> WorkbookJson.read(notWorkbook))
                .getMessage().contains("not a workbook"));
    }

    @Test
    void saveKeepsThePreviousVersionAsBackup() throws Exception {
        Path f = dir.resolve("keep.afw.json");
        Workbook first = WorkbookFixtures.full();
        Workbook second = first.withNotes(List.of());
        WorkbookJson.write(first, f);
        WorkbookJson.write(second, f);
        assertEquals(second, WorkbookJson.read(f));
        assertEquals(first, WorkbookJson.read(AtomicFiles.backupOf(f)));
        assertEquals("keep.afw.json.bak", AtomicFiles.backupOf(f).getFileName().toString());
    }

    @Test
    void saveKeepsTheFilesPermissions() throws Exception {
        Path f = dir.resolve("perm.afw.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(f.getFileSystem().supportedFileAttributeViews().contains("posix"));
        WorkbookJson.write(WorkbookFixtures.full(), f);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        WorkbookJson.write(WorkbookFixtures.full(), f);
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void failureMidWriteLeavesFileAndBackupIntact() throws Exception {
        Path f = dir.resolve("keep.afw.json");
        WorkbookJson.write(WorkbookFixtures.full(), f);
        WorkbookJson.write(WorkbookFixtures.full().withNotes(List.of()), f);
        byte[] file = Files.readAllBytes(f);
        byte[] bak = Files.readAllBytes(AtomicFiles.backupOf(f));
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        WorkbookJson.write(WorkbookFixtures.full().withUsageRollups(List.of()), next);
        byte[] half = java.util.Arrays.copyOf(next.toByteArray(), next.size() / 2);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.replace(f, true, out -> {
            out.write(half);
            out.flush();
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertArrayEquals(file, Files.readAllBytes(f), "the saved file is untouched");
        assertArrayEquals(bak, Files.readAllBytes(AtomicFiles.backupOf(f)), "the backup is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("keep.afw.json", "keep.afw.json.bak"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
        assertThrows(NullPointerException.class, () -> WorkbookJson.write(null, f));
        assertArrayEquals(file, Files.readAllBytes(f));
        assertFalse(Files.exists(dir.resolve("keep.afw.json.tmp")));
    }

    private Path write(Workbook wb) throws IOException {
        Path f = Files.createTempFile(dir, "w", ".afw.json");
        WorkbookJson.write(wb, f);
        return f;
    }
}
