package com.aifinops.workbench.app.ledger;

import com.aifinops.workbench.app.store.Database;
import com.aifinops.workbench.model.ledger.ImportResult;
import com.aifinops.workbench.model.ledger.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What counts as one source that a later file may restate, and what is flagged as unpriced. */
class LedgerSourcesTest {
    @TempDir
    Path dir;

    private static String page(String kind, String tokens) {
        return """
                {"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,
                 "results":[{"object":"organization.usage.%s.result",%s,"num_model_requests":2,"model":"gpt-4o"}]}],
                 "has_more":false,"next_page":null}
                """.formatted(kind, tokens);
    }

    @Test
    void embeddingsPagesDoNotRestateCompletionsPagesOfTheSameDay() throws Exception {
        Path completions = Files.writeString(dir.resolve("completions.json"),
                page("completions", "\"input_tokens\":1000,\"input_cached_tokens\":400,\"output_tokens\":500"));
        Path embeddings = Files.writeString(dir.resolve("embeddings.json"), page("embeddings", "\"input_tokens\":16"));
        try (Database db = Database.open(dir.resolve("ledger"))) {
            H2ImportService s = new H2ImportService(db);
            ImportResult c = s.importFile(completions, null, ImportService.RejectPolicy.ALL_OR_NOTHING, null);
            ImportResult e = s.importFile(embeddings, null, ImportService.RejectPolicy.ALL_OR_NOTHING, null);
            assertEquals(ImportResult.Status.IMPORTED, c.status());
            assertEquals(ImportResult.Status.IMPORTED, e.status());
            assertEquals(0, e.replaced(), "another endpoint is another source");
            // both days' rows are there: 600 uncached + 400 cached + 500 out, and 16 embedding input tokens
            try (Statement st = db.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT SUM(uncached_input), SUM(cache_read), SUM(output_tokens) FROM usage_daily")) {
                rs.next();
                assertEquals(600 + 16, rs.getLong(1));
                assertEquals(400, rs.getLong(2));
                assertEquals(500, rs.getLong(3));
            }
            // the same endpoint again, restated with other figures, does replace the day
            Path restated = Files.writeString(dir.resolve("completions-restated.json"),
                    page("completions", "\"input_tokens\":2000,\"input_cached_tokens\":0,\"output_tokens\":100"));
            ImportResult r = s.importFile(restated, null, ImportService.RejectPolicy.ALL_OR_NOTHING, null);
            assertEquals(1, r.replaced());
        }
    }

    @Test
    void aPriceFileIsRejectedWithWhereItBelongs() throws Exception {
        Path litellm = Files.writeString(dir.resolve("model_prices.json"),
                "{\"gpt-4o\": {\"input_cost_per_token\": 2.5e-06, \"output_cost_per_token\": 1e-05, \"mode\": \"chat\"}}");
        try (Database db = Database.open(dir.resolve("ledger"))) {
            ImportResult r = new H2ImportService(db).importFile(litellm, null, ImportService.RejectPolicy.ALL_OR_NOTHING, null);
            assertEquals(ImportResult.Status.REJECTED, r.status());
            String message = r.problems().get(0).message();
            org.junit.jupiter.api.Assertions.assertTrue(message.contains("LiteLLM price map") && message.contains("catalog import"), message);
        }
    }

    @Test
    void costOnlyLinesWithoutAModelAreNotReportedAsUnpricedModels() throws Exception {
        // a FOCUS row for a compute charge carries a cost but no model and no tokens
        Path focus = Files.writeString(dir.resolve("focus.csv"), """
                BilledCost,BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargeDescription,ChargePeriodStart,ChargePeriodEnd,ProviderName,ServiceName,ConsumedQuantity,ConsumedUnit
                12.50,acct-1,USD,2026-05-01T00:00:00Z,2026-06-01T00:00:00Z,Usage,VM hours,2026-05-03T00:00:00Z,2026-05-04T00:00:00Z,AWS,Amazon EC2,10,Hours
                """);
        try (Database db = Database.open(dir.resolve("ledger"))) {
            ImportResult r = new H2ImportService(db).importFile(focus, "focus", ImportService.RejectPolicy.ALL_OR_NOTHING, null);
            assertEquals(ImportResult.Status.IMPORTED, r.status(), r.problems().toString());
            assertEquals(List.of(), r.unpricedModels());
            assertEquals(0, new java.math.BigDecimal("12.50").compareTo(r.billedCost()));
        }
    }
}
