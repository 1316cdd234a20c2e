package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.importers.share.WorkbookSharing;
import com.aifinops.workbench.importers.workbook.WorkbookJson;
import com.aifinops.workbench.model.workbook.UsageRollup.Dimension;
import com.aifinops.workbench.model.workbook.Workbook;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code share}: writes a copy prepared for sharing: chosen dimensions pseudonymised, internal notes dropped. */
final class ShareCommand implements Command {
    @Override
    public String name() {
        return "share";
    }

    @Override
    public String summary() {
        return "write a copy safe to send: pseudonymise dimensions, drop internal notes";
    }

    @Override
    public String help() {
        return """
                Usage: share WORKBOOK --out FILE [--redact DIM,DIM,...] [--json]

                Writes a copy of WORKBOOK to FILE with the chosen usage-rollup dimensions replaced by
                pseudonyms (the same value always gets the same pseudonym within one share; a fresh random
                key per share, never written, so two shares cannot be linked) and notes marked internal
                dropped. Figures are unchanged. The original is never modified.

                  --redact DIMS  comma-separated: user, api_key, customer, team, project
                  --out FILE     the shared copy (must not be WORKBOOK itself)
                  --json         print what was done as JSON
                """;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("redact", "out"), Set.of("json"));
        Path file = WorkbookArg.single(name(), args);
        Path target = Path.of(args.require("out"));
        if (Files.exists(target) && Files.isSameFile(file, target)) {
            throw new CliException("--out must not be the workbook itself: " + target);
        }
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        for (String raw : args.all("redact")) {
            for (String d : raw.split(",")) {
                if (!d.isBlank()) {
                    try {
                        dims.add(Dimension.byKey(d));
                    } catch (IllegalArgumentException e) {
                        throw new CliException("--redact: " + e.getMessage());
                    }
                }
            }
        }
        Workbook wb = WorkbookJson.read(file);
        WorkbookSharing.Share share = WorkbookSharing.prepare(wb, dims, WorkbookSharing.newKey());
        WorkbookJson.writeNoBackup(share.shared(), target);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("out", target.toString());
        report.put("notesDropped", share.notesDropped());
        Map<String, Integer> pseudonymised = new LinkedHashMap<>();
        share.pseudonymised().forEach((d, n) -> pseudonymised.put(d.key(), n));
        report.put("pseudonymised", pseudonymised);
        report.put("usageRollups", share.shared().usageRollups().size());
        if (args.has("json")) {
            out.println(Json.write(report));
        } else {
            out.println("wrote " + target + ": dropped " + share.notesDropped() + " internal note(s); pseudonymised "
                    + (pseudonymised.isEmpty() ? "nothing" : pseudonymised.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey() + " value(s)").reduce((a, b) -> a + ", " + b).orElse("")));
        }
        return Cli.OK;
    }
}
