package com.aifinops.workbench.importers.usage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection across every registered reader at once: each good sample of every format is picked by its own reader
 * with a score no other reader ties, so adding a format can never silently steal another's files.
 */
class AllReadersDetectionTest {
    /** Fixture folder → the format its good samples are (files with "bad" in the name are deliberately broken). */
    private static final Map<String, String> FOLDERS = Map.ofEntries(
            Map.entry("openai-usage-api", "openai-usage-api"), Map.entry("openai-cost-api", "openai-cost-api"),
            Map.entry("openai-cost-csv", "openai-cost-csv"), Map.entry("anthropic-usage-csv", "anthropic-usage-csv"),
            Map.entry("anthropic-cost-csv", "anthropic-cost-csv"), Map.entry("anthropic-usage-api", "anthropic-usage-api"),
            Map.entry("anthropic-cost-api", "anthropic-cost-api"), Map.entry("focus", "focus"),
            Map.entry("otel", "otel-genai"), Map.entry("aws-cur", "aws-cur"), Map.entry("azure-cost", "azure-cost"),
            Map.entry("gcp-billing", "gcp-billing"));

    @Test
    void everySampleIsPickedByItsOwnReaderWithoutATie() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> e : FOLDERS.entrySet()) {
            for (Path file : samples(e.getKey())) {
                checked++;
                String head = UsageReaders.head(file);
                String name = file.getFileName().toString();
                String picked = UsageReaders.detect(file).map(UsageReader::format).orElse("nothing");
                if (!picked.equals(e.getValue())) {
                    failures.add(name + ": expected " + e.getValue() + ", detected " + picked);
                    continue;
                }
                int best = UsageReaders.byFormat(picked).orElseThrow().detect(name, head);
                for (UsageReader other : UsageReaders.all()) {
                    if (!other.format().equals(picked) && other.detect(name, head) >= best) {
                        failures.add(name + ": " + other.format() + " ties " + picked + " at " + best);
                    }
                }
            }
        }
        assertTrue(checked >= 25, "fixtures found: " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void litellmDailyTablesAreLitellmDaily() throws Exception {
        for (Path file : samples("litellm")) {
            if (file.getFileName().toString().startsWith("LiteLLM_Daily")) {
                assertEquals("litellm-daily", UsageReaders.detect(file).map(UsageReader::format).orElse("nothing"), file.toString());
            }
        }
    }

    private static List<Path> samples(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(AllReadersDetectionTest.class.getResource("/usage/" + folder).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().matches("(?i).*(readme|bad|\\.gitattributes).*"))
                    .sorted().toList();
        }
    }
}
