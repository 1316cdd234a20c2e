package com.aifinops.workbench.importers.usage.cloud;

import com.aifinops.workbench.importers.usage.ReaderFixtures;
import com.aifinops.workbench.importers.usage.UsageReader;
import com.aifinops.workbench.importers.usage.UsageReaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionTest {
    private static final List<UsageReader> MINE = List.of(new AwsCurReader(), new AzureCostReader(), new GcpBillingReader());

    @ParameterizedTest
    @CsvSource({
            "usage/aws-cur/bedrock-cur2.csv, aws-cur",
            "usage/aws-cur/bedrock-cur2-bad.csv, aws-cur",
            "usage/azure-cost/aoai-ea-actual.csv, azure-cost",
            "usage/azure-cost/aoai-mca-eu.csv, azure-cost",
            "usage/gcp-billing/vertex-bq-export.csv, gcp-billing",
            "usage/gcp-billing/vertex-console-report.csv, gcp-billing",
            "usage/gcp-billing/vertex-bq-export.jsonl, gcp-billing"})
    void eachFixtureIsClaimedByItsReaderOnly(String resource, String format) throws IOException {
        Path file = ReaderFixtures.path(resource);
        assertEquals(Optional.of(format), UsageReaders.detect(file).map(UsageReader::format));
        String head = UsageReaders.head(file);
        for (UsageReader r : MINE) {
            int score = r.detect(file.getFileName().toString(), head);
            if (r.format().equals(format)) assertTrue(score > 0);
            else assertEquals(0, score, r.format() + " claims " + resource);
        }
    }

    @ParameterizedTest
    @CsvSource({"usage/mapped-csv/gateway-log.csv", "invoice/openai-statements.csv", "invoice/anthropic-statement.csv"})
    void filesOfOtherShapesAreNotClaimed(String resource) throws IOException {
        Path file = ReaderFixtures.path(resource);
        String head = UsageReaders.head(file);
        for (UsageReader r : MINE) assertEquals(0, r.detect(file.getFileName().toString(), head), r.format());
    }

    /** Headers of the other formats (formats.md §1.3, §2.3, §5.1). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "completions_usage.csv|start_time,end_time,start_time_iso,end_time_iso,project_id,num_model_requests,user_id,api_key_id,model,batch,service_tier,input_tokens,output_tokens,input_cached_tokens",
            "claude_api_cost_2026_03.csv|usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,list_price_usd,cost_type,inference_geo,speed,api_key_id,api_key_status",
            "FocusCost_1.2.csv|BilledCost,ConsumedQuantity,ChargePeriodStart,ServiceName,x_SkuMeterName,x_SkuMeterCategory,x_BilledCostInUsd,x_PricingBlockSize,Tags",
            "focus.csv|AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,ConsumedQuantity,ConsumedUnit,ContractedCost,ServiceName,SkuId,Tags"})
    void otherProvidersHeadersAreNotClaimed(String name, String header) {
        for (UsageReader r : MINE) assertEquals(0, r.detect(name, header + "\n"), r.format());
    }
}
