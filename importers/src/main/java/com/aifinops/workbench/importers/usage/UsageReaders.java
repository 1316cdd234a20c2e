package com.aifinops.workbench.importers.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every usage reader the workbench knows, and format detection over them. */
public final class UsageReaders {
    private static final int HEAD_BYTES = 16 * 1024;

    private UsageReaders() {
    }

    /** All readers; add new formats here. */
    public static List<UsageReader> all() {
        return List.of(new com.aifinops.workbench.importers.usage.litellm.LiteLlmSpendLogsReader());
    }

    public static Optional<UsageReader> byFormat(String format) {
        return all().stream().filter(r -> r.format().equalsIgnoreCase(format)).findFirst();
    }

    /** The reader with the highest detection score above zero for this file, if any. */
    public static Optional<UsageReader> detect(Path file) throws IOException {
        String head = head(file);
        String name = file.getFileName().toString();
        return all().stream()
                .filter(r -> r.detect(name, head) > 0)
                .max(Comparator.comparingInt(r -> r.detect(name, head)));
    }

    /** The first {@value #HEAD_BYTES} bytes of the file as UTF-8 (a cut multi-byte character is replaced). */
    public static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        }
    }
}
