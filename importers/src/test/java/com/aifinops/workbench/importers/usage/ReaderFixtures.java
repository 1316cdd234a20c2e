package com.aifinops.workbench.importers.usage;

import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;
import com.aifinops.workbench.model.usage.UsageSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What every reader test needs: the fixtures under {@code src/test/resources} (by format, {@code usage/<format>/<file>},
 * or by resource path), a run of a reader into a {@link CollectingSink}, files written for one test, and sums over
 * the lines a reader produced.
 */
public final class ReaderFixtures {
    private ReaderFixtures() {
    }

    /** A sink that keeps everything a reader sends. */
    public static final class CollectingSink implements UsageSink {
        public final List<UsageLine> lines = new ArrayList<>();
        public final List<ImportProblem> problems = new ArrayList<>();

        @Override
        public void accept(UsageLine line) {
            lines.add(line);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }

        public List<ImportProblem> errors() {
            return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
        }

        public List<ImportProblem> warnings() {
            return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
        }
    }

    /** The test resource at {@code resource} (e.g. {@code usage/aws-cur/bedrock-cur2.csv}). */
    public static Path path(String resource) {
        URL url = ReaderFixtures.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture {@code usage/<format>/<file>}. */
    public static Path fixture(String format, String file) {
        return path("usage/" + format + "/" + file);
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

    /** Reads the test resource at {@code resource} (see {@link #path}). */
    public static CollectingSink read(UsageReader reader, String resource) {
        return read(reader, path(resource));
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

    /** The exact sum of the lines' billed cost. */
    public static BigDecimal billed(List<UsageLine> lines) {
        return lines.stream().map(UsageLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static List<ImportProblem> errors(CollectingSink s) {
        return s.errors();
    }

    public static List<ImportProblem> warnings(CollectingSink s) {
        return s.warnings();
    }

    /** The line read from source line {@code line}. */
    public static UsageLine atLine(List<UsageLine> lines, long line) {
        return lines.stream().filter(l -> l.source().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no usage line from source line " + line));
    }
}
