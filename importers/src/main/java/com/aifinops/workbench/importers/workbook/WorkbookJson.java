package com.aifinops.workbench.importers.workbook;

import com.aifinops.workbench.importers.io.AtomicFiles;
import com.aifinops.workbench.model.decision.Decisions;
import com.aifinops.workbench.model.levers.Levers;
import com.aifinops.workbench.model.price.ModelPrice;
import com.aifinops.workbench.model.routing.NamedRoutingMix;
import com.aifinops.workbench.model.workbook.Note;
import com.aifinops.workbench.model.workbook.Scenario;
import com.aifinops.workbench.model.workbook.UsageRollup;
import com.aifinops.workbench.model.workbook.Workbook;
import com.aifinops.workbench.model.workload.Workload;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the workbook file ({@code .afw.json}): plain JSON described by
 * {@code workbook.schema.json} beside this class, no polymorphic typing, with a {@code format} marker and a
 * {@code schemaVersion}. Older versions are migrated on read ({@link WorkbookMigrations}); newer ones are
 * refused. Reading is bounded (size, nesting depth, string and number length) so a hostile file cannot
 * exhaust memory. Unknown keys are ignored, so optional sections can be added without breaking readers.
 */
public final class WorkbookJson {
    public static final String FORMAT = "ai-finops-workbook";
    /** Where the JSON Schema of the current version lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/com/aifinops/workbench/importers/workbook/workbook.schema.json";
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // migration via the tree keeps 0.50 as 0.50
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).maxDocumentLength(MAX_BYTES).build());
    }

    /** The file as stored: the document plus its envelope. */
    record FileDto(String format, int schemaVersion, String name, List<Workload> workloads,
                   List<String> compareModels, List<ModelPrice> priceRows, List<Scenario> scenarios,
                   List<Note> notes, List<UsageRollup> usageRollups, List<NamedRoutingMix> routingMixes,
                   List<Levers> levers, @JsonInclude(JsonInclude.Include.NON_NULL) Decisions decisions) {
    }

    /**
     * A workbook as read, and the schema version its file had (lower than {@code Workbook.SCHEMA_VERSION} when it
     * was migrated on read and will be upgraded by the next save).
     */
    public record Loaded(Workbook workbook, int fileVersion) {
        public boolean migrated() {
            return fileVersion < Workbook.SCHEMA_VERSION;
        }
    }

    private WorkbookJson() {
    }

    public static Workbook read(Path file) throws WorkbookFormatException, IOException {
        return load(file).workbook();
    }

    public static Loaded load(Path file) throws WorkbookFormatException, IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new WorkbookFormatException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not a workbook");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    public static Workbook read(InputStream in, String sourceName) throws WorkbookFormatException, IOException {
        return load(in, sourceName).workbook();
    }

    public static Loaded load(InputStream in, String sourceName) throws WorkbookFormatException, IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WorkbookFormatException(sourceName + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB, not a workbook");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw formatError(sourceName, e);
        }
        if (!(tree instanceof ObjectNode doc) || !FORMAT.equals(doc.path("format").asText(null))) {
            throw new WorkbookFormatException(sourceName + ": not a workbook (expected \"format\": \"" + FORMAT + "\")");
        }
        JsonNode versionNode = doc.get("schemaVersion");
        if (versionNode == null || !versionNode.canConvertToExactIntegral() || versionNode.asInt() < 1) {
            throw new WorkbookFormatException(sourceName + ": missing or invalid schemaVersion " + versionNode);
        }
        int version = versionNode.asInt();
        if (version > Workbook.SCHEMA_VERSION) {
            throw new WorkbookFormatException(sourceName + ": written by a newer version (schema " + version
                    + "; this build reads up to " + Workbook.SCHEMA_VERSION + "). Update the workbench to open it.");
        }
        FileDto dto;
        try {
            if (version == Workbook.SCHEMA_VERSION) {
                dto = MAPPER.readValue(bytes, FileDto.class); // from the bytes, so errors carry line and column
            } else {
                WorkbookMigrations.upgrade(doc, version, Workbook.SCHEMA_VERSION);
                dto = MAPPER.treeToValue(doc, FileDto.class);
            }
        } catch (JsonProcessingException e) {
            throw formatError(sourceName, e);
        }
        if (dto.workloads() == null || dto.workloads().isEmpty()) {
            throw new WorkbookFormatException(sourceName + ": a workbook needs at least one workload");
        }
        return new Loaded(new Workbook(dto.name() == null ? "Untitled" : dto.name(), dto.workloads(), dto.compareModels(),
                dto.priceRows(), dto.scenarios(), dto.notes(), dto.usageRollups(), dto.routingMixes(), dto.levers(),
                dto.decisions()), version);
    }

    private static WorkbookFormatException formatError(String sourceName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " (" + jsonPath(m) + ")" : "";
        String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
        return new WorkbookFormatException(sourceName + where + path + ": not a valid workbook: " + why, e);
    }

    /** {@code workloads[0].users}: where in the document a value was rejected. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /**
     * Saves atomically (temporary file, flush, rename) and keeps the previous version as {@code <file>.bak}: a
     * crash mid-save leaves the old file and the old backup intact.
     */
    public static void write(Workbook wb, Path file) throws IOException {
        AtomicFiles.replace(file, true, out -> write(wb, out));
    }

    /** Writes without a backup: for recovery files and shared copies. */
    public static void writeNoBackup(Workbook wb, Path file) throws IOException {
        AtomicFiles.replace(file, false, out -> write(wb, out));
    }

    public static void write(Workbook wb, OutputStream out) throws IOException {
        MAPPER.writeValue(out, new FileDto(FORMAT, Workbook.SCHEMA_VERSION, wb.name(), wb.workloads(),
                wb.compareModels(), wb.priceRows(), wb.scenarios(), wb.notes(), wb.usageRollups(), wb.routingMixes(),
                wb.levers(), wb.decisions().hasAny() ? wb.decisions() : null));
    }
}
