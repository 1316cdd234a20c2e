-- Hourly series for anomaly detection, kept at import for lines finer than a day (request-level logs, hourly
-- buckets; a daily or monthly export adds none). One row per batch, UTC hour and series, where a series is one
-- agent, one team or one model: the table stays small however many users or keys the file has, which is why it
-- does not repeat usage_daily's every dimension. Amounts are the best known cost (billed, else priced), exact.
CREATE TABLE usage_hourly (
    batch_id          BIGINT        NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    usage_hour        TIMESTAMP     NOT NULL,  -- UTC, truncated to the hour
    dimension         VARCHAR(10)   NOT NULL,  -- agent | team | model
    dim_key           VARCHAR(400),            -- the agent, the row's own team, or the model (catalogue id, else raw name); null when the line names none
    api_key           VARCHAR(400),            -- for team rows without a team: the key and workspace the allocation rules map to a team
    workspace         VARCHAR(400),
    requests          BIGINT        NOT NULL,
    input_tokens      BIGINT        NOT NULL,  -- uncached + cache reads + cache writes
    output_tokens     BIGINT        NOT NULL,
    cost              DECFLOAT      NOT NULL,
    unpriced_requests BIGINT        NOT NULL
);
CREATE INDEX usage_hourly_series ON usage_hourly (dimension, usage_hour);
