package com.aifinops.workbench.app.analysis;

import com.aifinops.workbench.app.cli.CliRun;
import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.analysis.Showback;
import com.aifinops.workbench.model.analysis.ShowbackStatements;
import com.aifinops.workbench.views.spend.StatementViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The showback statement over a real H2 ledger filled by the real import (a LiteLLM spend log of May and June 2026,
 * priced at import with the built-in catalogue), with an allocation rule, a 20 % OpenAI contract, outcomes, a harness
 * cost and a shared cost entered through the CLI.
 *
 * <p>Rates per MTok (built-in catalogue): gpt-5.5 $5 / cached $0.50 / out $30; gpt-5-mini $0.25 / $0.025 / $2;
 * claude-sonnet-4.6 $3 / read $0.30 / write 5m $3.75 (1.25×) / write 1h $6 (2×) / out $15; acme-llm-1 unpriced.
 * <pre>
 * May   m1 search/web  gpt-5.5     100,000 in, 10,000 out               0.50 + 0.30                      = 0.80
 *       m2 hk-carol    gpt-5-mini  100,000 in, 25,000 out (rule→support/bot) 0.025 + 0.05              = 0.075
 * June  j1 search/web  gpt-5.5     200,000 in of which 100,000 cached, 10,000 out
 *                                  0.50 + 0.05 + 0.30                                                    = 0.85
 *       j2 search/web  gpt-5.5     100,000 in, 20,000 out               0.50 + 0.60                      = 1.10
 *       j3 search/docs sonnet-4.6  100,000 in: 40,000 read, 20,000 write 5m, 10,000 write 1h, 30,000 uncached; 10,000 out
 *                                  0.09 + 0.012 + 0.075 + 0.06 + 0.15                                    = 0.387
 *       j4 hk-carol    gpt-5-mini  100,000 in, 50,000 out (rule→support/bot) 0.025 + 0.10                = 0.125
 *       j5 support/bot acme-llm-1  1,000 in, 500 out, billed 0.40 (unpriced)                             = 0.40
 *       j6 hk-zed      gpt-5-mini  40,000 in, 5,000 out (no team: unallocated) 0.01 + 0.01               = 0.02
 * June ledger = 2.337 (search) + 0.525 (support) + 0.02 (unallocated) = 2.882
 * </pre>
 */
class ShowbackTest {
    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void ledger() throws Exception {
        db = dir.resolve("ledger").toString();
        Path file = dir.resolve("spendlogs-may-june.csv");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/showback/spendlogs-may-june.csv")) {
            Files.copy(in, file);
        }
        ok("import", "--db", db, file.toString());
        ok("allocation", "set", "--db", db, "--api-key", "hk-carol", "--team", "support", "--project", "bot");
        ok("catalog", "contract", "--db", db, "--provider", "OpenAI", "--discount", "20");
        ok("unit", "outcomes", "--db", db, "--node", "project:web", "--month", "2026-06", "--outcome", "tickets", "--count", "100");
        ok("unit", "outcomes", "--db", db, "--node", "team:support", "--month", "2026-06", "--outcome", "resolved", "--count", "25");
        ok("unit", "outcomes", "--db", db, "--node", "project:web", "--month", "2026-05", "--outcome", "tickets", "--count", "999");
        ok("unit", "harness", "--db", db, "--node", "team:support", "--month", "2026-06", "--description", "vector store", "--usd", "2");
        ok("shared", "add", "--db", db, "--name", "Gateway", "--month", "2026-06", "--usd", "10", "--method", "fixed",
                "--node", "team:search=60", "--node", "team:support=40");
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static void eq(String expected, BigDecimal actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + ", got " + actual.toPlainString());
    }

    private Showback statement(String team) throws Exception {
        try (Database d = Database.open(Path.of(db))) {
            return new H2Showback(d).statement(team, JUNE);
        }
    }

    private static Showback.Line line(List<Showback.Line> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no line " + key));
    }

    private static Showback.ClassLine cls(Showback s, Showback.TokenClass c) {
        return s.tokenClasses().stream().filter(l -> l.tokenClass() == c).findFirst().orElseThrow(() -> new AssertionError("no " + c));
    }

    @Test
    void searchTeamStatementIsExact() throws Exception {
        Showback s = statement("search");
        eq("2.337", s.total().cost(), "total");                 // 0.85 + 1.10 + 0.387
        eq("2.337", s.total().list(), "list");
        eq("1.947", s.total().contracted(), "contracted");       // (0.85 + 1.10) × 0.8 + 0.387 (no Anthropic term)
        assertNull(s.total().billed(), "no file states a billed cost for search");
        assertEquals(3, s.total().requests());
        assertEquals(440_000, s.total().tokens());                // 210,000 + 120,000 + 110,000
        eq("0.80", s.previousCost(), "May");
        eq("1.537", s.change().amount(), "change");              // 2.337 − 0.80
        eq("192.125", s.change().percent(), "change %");         // 1.537 / 0.80 × 100
        eq("2.882", s.ledgerCost(), "ledger");
        eq("0.8108952116585704371963913948646773", s.share(), "share"); // 2.337 / 2.882 to 34 digits

        Showback.Line web = line(s.projects(), "web");
        eq("1.95", web.spend().cost(), "web");
        eq("1.56", web.spend().contracted(), "web contracted");  // 1.95 × 0.8
        eq("0.80", web.previousCost(), "web May");
        eq("143.75", web.change().percent(), "web change %");    // (1.95 − 0.80) / 0.80
        Showback.Line docs = line(s.projects(), "docs");
        eq("0.387", docs.spend().cost(), "docs");
        eq("0.387", docs.spend().contracted(), "docs: no term, contracted = list");
        assertTrue(docs.change().isNew(), "docs had nothing in May");
        assertEquals(List.of("web", "docs"), s.projects().stream().map(Showback.Line::key).toList(), "costliest first");

        eq("1.95", line(s.models(), "gpt-5.5").spend().cost(), "gpt-5.5");
        eq("0.387", line(s.models(), "claude-sonnet-4.6").spend().cost(), "sonnet");
        assertTrue(line(s.models(), "claude-sonnet-4.6").change().isNew());

        // token classes: gpt-5.5 (j1 + j2) and sonnet (j3)
        var u = cls(s, Showback.TokenClass.UNCACHED_INPUT);
        assertEquals(230_000, u.tokens());                         // 100,000 + 100,000 + 30,000
        eq("1.09", u.list(), "uncached list");                    // 200,000 × 5 + 30,000 × 3
        eq("0.89", u.contracted(), "uncached contracted");        // 1.00 × 0.8 + 0.09
        var read = cls(s, Showback.TokenClass.CACHE_READ);
        assertEquals(140_000, read.tokens());
        eq("0.062", read.list(), "cache read");                   // 100,000 × 0.50 + 40,000 × 0.30
        eq("0.052", read.contracted(), "cache read contracted");  // 0.05 × 0.8 + 0.012
        eq("0.075", cls(s, Showback.TokenClass.CACHE_WRITE_5M).list(), "write 5m"); // 20,000 × 3.75
        eq("0.06", cls(s, Showback.TokenClass.CACHE_WRITE_1H).list(), "write 1h");  // 10,000 × 6
        var output = cls(s, Showback.TokenClass.OUTPUT);
        assertEquals(40_000, output.tokens());
        eq("1.05", output.list(), "output");                      // 30,000 × 30 + 10,000 × 15
        eq("0.87", output.contracted(), "output contracted");     // 0.90 × 0.8 + 0.15
        assertEquals(5, s.tokenClasses().size(), "no adjustment, no unpriced line");

        assertEquals(1, s.shared().size());
        eq("6", s.shared().get(0).part(), "60 % of the $10 gateway");
        eq("8.337", s.totalWithShared(), "with shared");
        eq("0.779", s.unit().perRequest(), "per request");        // 2.337 / 3
        eq("0.005311363636363636363636363636363636", s.unit().per1kTokens(), "per 1K"); // 2.337 / 440
        assertEquals(1, s.outcomes().size(), "project:web's June tickets; May's and support's are not search's June");
        Showback.OutcomeCost tickets = s.outcomes().get(0);
        assertEquals("project:web", tickets.node());
        assertEquals(100, tickets.count());
        eq("0.0195", tickets.perOutcome(), "per ticket");         // 1.95 / 100
    }

    @Test
    void linesAddUpToTheTotalExactlyAndToTheCent() throws Exception {
        for (String team : List.of("search", "support", "unallocated")) {
            Showback s = statement(team);
            BigDecimal projects = s.projects().stream().map(l -> l.spend().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal models = s.models().stream().map(l -> l.spend().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal classes = s.tokenClasses().stream().map(Showback.ClassLine::list).filter(v -> v != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            eq(s.total().cost().toPlainString(), projects, team + " projects");
            eq(s.total().cost().toPlainString(), models, team + " models");
            eq(s.total().list().toPlainString(), classes, team + " token classes");
            Showback r = s.roundedToCents();
            eq(r.total().cost().toPlainString(), r.projects().stream().map(l -> l.spend().cost()).reduce(BigDecimal.ZERO, BigDecimal::add),
                    team + " printed projects");
            eq(r.total().contracted().toPlainString(), r.tokenClasses().stream().map(Showback.ClassLine::contracted).filter(v -> v != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add), team + " printed contracted classes");
        }
        eq("2.34", statement("search").roundedToCents().total().cost(), "2.337 printed");
    }

    @Test
    void supportHasTheRuleAllocatedRowsAndTheUnpricedModel() throws Exception {
        Showback s = statement("support");
        eq("0.525", s.total().cost(), "total");                  // 0.125 (rule) + 0.40 billed
        eq("0.125", s.total().list(), "list: the priced gpt-5-mini row only");
        eq("0.10", s.total().contracted(), "contracted");        // 0.125 × 0.8
        eq("0.40", s.total().billed(), "billed");
        eq("0.075", s.previousCost(), "May via the rule");
        eq("600", s.change().percent(), "change %");             // (0.525 − 0.075) / 0.075
        eq("0.40", line(s.models(), "acme-llm-1").spend().cost(), "acme");
        assertNull(line(s.models(), "acme-llm-1").spend().list(), "unpriced: no list price, never $0");
        var unpriced = cls(s, Showback.TokenClass.UNPRICED);
        assertEquals(1_500, unpriced.tokens());
        assertNull(unpriced.list());
        eq("0.40", unpriced.billed(), "unpriced billed");
        eq("0.025", cls(s, Showback.TokenClass.UNCACHED_INPUT).list(), "100,000 × 0.25");
        eq("0.10", cls(s, Showback.TokenClass.OUTPUT).list(), "50,000 × 2");
        eq("4", s.shared().get(0).part(), "40 % of $10");
        Showback.OutcomeCost resolved = s.outcomes().get(0);
        eq("0.021", resolved.perOutcome(), "0.525 / 25");
        eq("0.101", resolved.perOutcomeWithHarness(), "(0.525 + 2) / 25");
        Showback un = statement("(unallocated)");
        assertEquals("unallocated", un.team(), "the ledger's name for usage without a team");
        eq("0.02", un.total().cost(), "hk-zed");
        assertTrue(un.change().isNew());
        eq("0.016", un.total().contracted(), "0.02 × 0.8");
    }

    @Test
    void jsonCarriesDecimalStrings() throws Exception {
        CliRun r = ok("showback", "--db", db, "--month", "2026-06", "--team", "search", "--json");
        JsonNode s = JSON.readTree(r.out()).get("statements").get(0);
        assertEquals("search", s.get("team").asText());
        assertEquals("2.34", s.get("costUsd").asText());
        assertTrue(s.get("costUsd").isTextual());
        assertEquals("1.95", s.get("contractedUsd").asText());   // 1.947
        assertEquals("192.13", s.get("changePercent").asText());  // 192.125 half-up
        assertEquals("81.09", s.get("sharePercent").asText());
        assertEquals("new", s.get("projects").get(1).get("changePercent").asText());
        assertEquals("0.779000", s.get("unit").get("costPerRequestUsd").asText());
        assertEquals("0.0195", s.get("outcomes").get(0).get("costPerOutcomeUsd").asText());
    }

    @Test
    void csvHasTheFiguresAndAddsUp() throws Exception {
        Path csv = dir.resolve("june.csv");
        ok("showback", "--db", db, "--month", "2026-06", "--all-teams", "--csv", csv.toString());
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            rows = p.getRecords();
        }
        assertEquals(List.of("search", "support", "unallocated"), rows.stream().map(x -> x.get("team")).distinct().toList(),
                "sections one after another, a team column");
        CSVRecord total = find(rows, "search", "total", "usage");
        assertEquals("2.34", total.get("cost_usd"));
        assertEquals("2.34", total.get("list_usd"));
        assertEquals("1.95", total.get("contracted_usd"));
        assertEquals("0.80", total.get("previous_usd"));
        assertEquals("1.54", total.get("change_usd"));            // 2.34 − 0.80 as printed
        assertEquals("192.13", total.get("change_pct"));
        assertEquals("81.09", total.get("share_pct"));
        assertEquals("1.56", find(rows, "search", "project", "web").get("contracted_usd"));
        assertEquals("new", find(rows, "search", "project", "docs").get("change_pct"));
        assertEquals("0.08", find(rows, "search", "token_class", "cache write 5m").get("list_usd")); // 0.075 takes the missing cent
        assertEquals("6.00", find(rows, "search", "shared", "Gateway").get("cost_usd"));
        assertEquals("8.34", find(rows, "search", "total", "with shared costs").get("cost_usd"));
        assertEquals("0.0195", find(rows, "search", "outcome", "project:web per tickets").get("cost_usd"));
        assertEquals("0.40", find(rows, "support", "token_class", "unpriced models").get("billed_usd"));
        assertEquals("", find(rows, "support", "token_class", "unpriced models").get("list_usd"));
        for (String team : List.of("search", "support", "unallocated")) {
            BigDecimal t = new BigDecimal(find(rows, team, "total", "usage").get("cost_usd"));
            for (String section : List.of("project", "model")) {
                BigDecimal sum = rows.stream().filter(x -> x.get("team").equals(team) && x.get("section").equals(section))
                        .map(x -> new BigDecimal(x.get("cost_usd"))).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(t, sum, team + " " + section + " lines add up to the printed total");
            }
            BigDecimal list = new BigDecimal(find(rows, team, "total", "usage").get("list_usd"));
            BigDecimal classes = rows.stream().filter(x -> x.get("team").equals(team) && x.get("section").equals("token_class")
                    && !x.get("list_usd").isEmpty()).map(x -> new BigDecimal(x.get("list_usd"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(list, classes, team + " token classes add up to the printed list price");
        }
    }

    @Test
    void theSpendScreensStatementActionWritesTheLedgersStatement() throws Exception {
        try (Database d = Database.open(Path.of(db))) {
            StatementViewModel vm = new StatementViewModel(new ShowbackFiles(d), Runnable::run, Runnable::run);
            vm.defaults("team=support", null, java.time.LocalDate.of(2026, 6, 30));
            vm.loadTeams();
            assertEquals(List.of(StatementViewModel.ALL_TEAMS, "search", "support", "unallocated"), vm.teams());
            vm.formatProperty().set(ShowbackStatements.Format.CSV);
            vm.save(dir.resolve("support june"), p -> { });
            assertEquals("Saved " + dir.resolve("support june.csv"), vm.statusProperty().get());
        }
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve("support june.csv"), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            rows = p.getRecords();
        }
        assertEquals(List.of("support"), rows.stream().map(x -> x.get("team")).distinct().toList());
        assertEquals("0.53", find(rows, "support", "total", "usage").get("cost_usd"));   // 0.525 half-up
        assertEquals("600.00", find(rows, "support", "total", "usage").get("change_pct"));
        assertEquals("0.1010", find(rows, "support", "outcome", "team:support per resolved").get("note").split("with harness ")[1]);
    }

    private static CSVRecord find(List<CSVRecord> rows, String team, String section, String item) {
        return rows.stream().filter(x -> x.get("team").equals(team) && x.get("section").equals(section) && x.get("item").equals(item))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + team + "/" + section + "/" + item));
    }

    @Test
    void excelHasOneSheetPerTeamAndASummary() throws Exception {
        Path xlsx = dir.resolve("june.xlsx");
        ok("showback", "--db", db, "--month", "2026-06", "--all-teams", "--xlsx", xlsx.toString());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sh -> sheets.add(sh.getSheetName()));
            assertEquals(List.of("Summary", "search", "support", "unallocated"), sheets);
            Sheet search = book.getSheet("search");
            assertEquals(2.34, value(search, "Cost", 1), 1e-9);
            assertEquals(0.80, value(search, "Previous month", 1), 1e-9);
            assertEquals(1.95, value(search, "Contracted", 1), 1e-9);
            assertEquals(0.8109, value(search, "Share of the ledger", 1), 1e-9);
            assertEquals(1.9213, value(search, "Change", 2), 1e-9);  // 192.13 % as a fraction
            assertEquals(8.34, value(search, "Total with shared costs", 1), 1e-9);
            assertEquals(1.95, value(search, "web", 3), 1e-9);
            assertEquals(1.56, value(search, "web", 5), 1e-9);
            assertEquals(1.09, value(search, "uncached input", 2), 1e-9);
            assertEquals(0.0195, value(search, "project:web", 4), 1e-9);
            assertEquals("new", text(search, "docs", 9));
            Sheet summary = book.getSheet("Summary");
            assertEquals(0.53, value(summary, "support", 1), 1e-9);   // 0.525 half-up
            assertEquals(0.1822, value(summary, "support", 2), 1e-9);
            assertEquals(6.0, value(summary, "support", 5), 1e-9);    // +600 %
            assertEquals("new", text(summary, "unallocated", 5));
            assertEquals(2.88, value(summary, "Ledger total", 1), 1e-9);
        }
    }

    private static Row rowOf(Sheet sh, String label) {
        for (Row r : sh) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row '" + label + "' in " + sh.getSheetName());
    }

    private static double value(Sheet sh, String label, int col) {
        return rowOf(sh, label).getCell(col).getNumericCellValue();
    }

    private static String text(Sheet sh, String label, int col) {
        return rowOf(sh, label).getCell(col).getStringCellValue();
    }

    @Test
    void textStatementAndUsageErrors() {
        CliRun text = ok("showback", "--db", db, "--month", "2026-06", "--team", "search");
        assertTrue(text.out().startsWith("Showback statement: team search, 2026-06"), text.out());
        assertTrue(text.out().contains("$2.34"), text.out());
        assertTrue(text.out().contains("+192.13 %"), text.out());
        CliRun bad = CliRun.of("showback", "--db", db, "--month", "2026-13", "--team", "search");
        assertEquals(2, bad.status());
        assertEquals("error: --month: expected a month YYYY-MM, got '2026-13'", bad.err().strip());
        assertEquals(2, CliRun.of("showback", "--db", db, "--month", "2026-06").status(), "neither --team nor --all-teams");
        assertEquals(2, CliRun.of("showback", "--db", db, "--month", "2026-06", "--team", "a", "--all-teams").status());
        assertEquals(2, CliRun.of("showback", "--db", db, "--month", "2026-06", "--team", "a", "--json", "--csv", "x.csv").status());
        CliRun help = CliRun.of("showback", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--all-teams"));
        assertTrue(CliRun.of("--help").out().lines().anyMatch(l -> l.strip().startsWith("showback")));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void nonTeamStatementsAndAllTeamsTotalsAgree() throws Exception {
        try (Database d = Database.open(Path.of(db))) {
            List<Showback> all = new H2Showback(d).statements(JUNE);
            BigDecimal sum = all.stream().map(x -> x.total().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
            eq("2.882", sum, "the teams' statements cover the ledger");
            assertEquals(List.of("search", "support", "unallocated"), all.stream().map(Showback::team).collect(Collectors.toList()));
            assertEquals(List.of("search", "support", "unallocated"), new H2Showback(d).teams(JUNE));
        }
    }
}
