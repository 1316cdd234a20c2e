package com.aifinops.workbench.app.cli;

import com.aifinops.workbench.app.AppInfo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line interface: the same services as the window, without a display. Exit status 0 on success,
 * 1 when the work itself failed (e.g. a rejected file), 2 on a usage error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** The CLI with every built-in subcommand. */
    public static Cli standard() {
        return new Cli(List.of(
                new CostCommand(), new CatalogCommand(), new RoutingCommand(), new ForecastCommand(),
                new OpenCommand(), new ExportCommand(), new ShareCommand(),
                new TcoCommand(), new CommitCommand(),
                new ImportCommand(), new BatchesCommand(), new MappingCommand(),
                new ReportCommand(), new BudgetCommand(), new AnomaliesCommand(), new ReconcileCommand(),
                new InvoiceCommand(), new AllocationCommand(), new UnitCommand(), new SharedCostCommand(), new GovernanceCommand(), new ShowbackCommand(),
                new SampleLedgerCommand()));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            if (args.length > 1 && commands.containsKey(args[1])) {
                out.print(commands.get(args[1]).help());
            } else {
                out.print(overview());
            }
            return OK;
        }
        if (args[0].equals("--version")) {
            out.println(AppInfo.NAME + " " + AppInfo.version());
            return OK;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("error: unknown command '" + args[0] + "' (see --help)");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            out.print(c.help());
            return OK;
        }
        try {
            return c.run(rest, out, err);
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println("error: " + c.name() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
    }

    private String overview() {
        StringBuilder b = new StringBuilder();
        b.append(AppInfo.NAME).append(' ').append(AppInfo.version()).append("\n\n");
        b.append("Usage: ai-finops-workbench                 open the desktop window\n");
        b.append("       ai-finops-workbench COMMAND [OPTIONS] run headless\n");
        b.append("       ai-finops-workbench --version\n\nCommands:\n");
        commands.values().forEach(c -> b.append(String.format("  %-12s %s%n", c.name(), c.summary())));
        b.append("\n'COMMAND --help' shows every option of a command.\n");
        return b.toString();
    }
}
