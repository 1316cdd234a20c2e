package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the workbook file ({@code .afw.json}): plain JSON, no polymorphic typing, with a
 * {@code format} marker and a {@code schemaVersion}. Reading is bounded (size, nesting depth) so a hostile
 * file cannot exhaust memory.
 */
public final class WorkbookJson {
    public static final String FORMAT = "ai-finops-workbook";
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    /** The file as stored: the document plus its envelope. */
    record FileDto(String format, int schemaVersion, String name, List<Workload> workloads,
                   List<String> compareModels, List<ModelPrice> priceRows) {
    }

    private WorkbookJson() {
    }

    public static Workbook read(Path file) throws WorkbookFormatException, IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new WorkbookFormatException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not a workbook");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static Workbook read(InputStream in, String sourceName) throws WorkbookFormatException, IOException {
        FileDto dto;
        try {
            dto = MAPPER.readValue(in, FileDto.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new WorkbookFormatException(sourceName + where + ": not a valid workbook: " + e.getOriginalMessage(), e);
        }
        if (dto == null || !FORMAT.equals(dto.format())) {
            throw new WorkbookFormatException(sourceName + ": not a workbook (expected \"format\": \"" + FORMAT + "\")");
        }
        if (dto.schemaVersion() > Workbook.SCHEMA_VERSION) {
            throw new WorkbookFormatException(sourceName + ": written by a newer version (schema " + dto.schemaVersion()
                    + "; this build reads up to " + Workbook.SCHEMA_VERSION + "). Update the workbench to open it.");
        }
        if (dto.schemaVersion() < 1) {
            throw new WorkbookFormatException(sourceName + ": missing or invalid schemaVersion " + dto.schemaVersion());
        }
        return new Workbook(dto.name() == null ? "Untitled" : dto.name(),
                dto.workloads() == null ? List.of() : dto.workloads(), dto.compareModels(), dto.priceRows());
    }

    /** Writes atomically: to a temporary file beside the target, flushed, then renamed over it. */
    public static void write(Workbook wb, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                 var channelOut = new java.io.BufferedOutputStream(out)) {
                write(wb, channelOut);
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Workbook wb, OutputStream out) throws IOException {
        MAPPER.writeValue(out, new FileDto(FORMAT, Workbook.SCHEMA_VERSION, wb.name(), wb.workloads(),
                wb.compareModels(), wb.priceRows()));
    }
}
