package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.CollectingSink;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.model.usage.ImportProblem;
import com.aifinops.workbench.model.usage.UsageLine;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/** Test fixtures under {@code src/test/resources} and sums over what a reader produced. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + resource, e);
        }
    }

    public static CollectingSink read(UsageReader reader, String resource) throws IOException {
        CollectingSink sink = new CollectingSink();
        reader.read(path(resource), sink);
        return sink;
    }

    public static long sum(List<UsageLine> lines, ToLongFunction<UsageLine> f) {
        return lines.stream().mapToLong(f).sum();
    }

    public static BigDecimal cost(List<UsageLine> lines) {
        return lines.stream().map(UsageLine::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static List<ImportProblem> errors(CollectingSink s) {
        return s.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    public static List<ImportProblem> warnings(CollectingSink s) {
        return s.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
    }

    public static UsageLine atLine(List<UsageLine> lines, long line) {
        return lines.stream().filter(l -> l.source().line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no usage line from source line " + line));
    }
}
