package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.UsageLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/** Test access to the vendor export fixtures under {@code src/test/resources/usage/<format>/}. */
public final class VendorFixtures {
    private VendorFixtures() {
    }

    public static Path fixture(String format, String file) {
        URL url = VendorFixtures.class.getResource("/usage/" + format + "/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no fixture usage/" + format + "/" + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CollectingSink read(UsageReader reader, Path file) {
        CollectingSink sink = new CollectingSink();
        try {
            reader.read(file, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** Writes {@code text} (UTF-8) to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long sum(List<UsageLine> lines, ToLongFunction<UsageLine> f) {
        return lines.stream().mapToLong(f).sum();
    }

    public static BigDecimal billed(List<UsageLine> lines) {
        return lines.stream().map(UsageLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
