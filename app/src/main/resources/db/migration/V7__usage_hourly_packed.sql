-- Hourly series packed a day to a row (V5 kept a row per hour: a month of a thousand agents was 760,000 rows, which
-- took H2 a second or more to hand over on every first read). One row per batch, UTC day and series, with the same
-- series columns as V5; `hours` has bit h set when hour h of the day has a point, and `points` holds those points in
-- hour order, requests, tokens and the exact cost (PackedHours in the app's store package describes the encoding).
-- Rows stay additive: readers sum a series' points of the same hour.
CREATE TABLE usage_hourly_day (
    batch_id   BIGINT        NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    usage_day  DATE          NOT NULL,  -- UTC
    dimension  VARCHAR(10)   NOT NULL,  -- agent | team | model
    dim_key    VARCHAR(400),
    api_key    VARCHAR(400),
    workspace  VARCHAR(400),
    hours      INT           NOT NULL,
    points     VARBINARY     NOT NULL
);
CREATE INDEX usage_hourly_day_series ON usage_hourly_day (dimension, usage_day);
CREATE ALIAS PACK_HOURS FOR 'com.aifinops.workbench.app.store.PackedHours.pack';
INSERT INTO usage_hourly_day (batch_id, usage_day, dimension, dim_key, api_key, workspace, hours, points)
SELECT batch_id, CAST(h AS DATE), dimension, dim_key, api_key, workspace, CAST(BIT_OR_AGG(LSHIFT(1, EXTRACT(HOUR FROM h))) AS INT),
       PACK_HOURS(ARRAY_AGG(EXTRACT(HOUR FROM h) ORDER BY h), ARRAY_AGG(req ORDER BY h), ARRAY_AGG(inp ORDER BY h),
                  ARRAY_AGG(outp ORDER BY h), ARRAY_AGG(unpriced ORDER BY h), ARRAY_AGG(cost ORDER BY h))
FROM (SELECT batch_id, usage_hour AS h, dimension, dim_key, api_key, workspace, SUM(requests) AS req, SUM(input_tokens) AS inp,
             SUM(output_tokens) AS outp, SUM(cost) AS cost, SUM(unpriced_requests) AS unpriced
      FROM usage_hourly GROUP BY batch_id, usage_hour, dimension, dim_key, api_key, workspace) hourly
GROUP BY batch_id, CAST(h AS DATE), dimension, dim_key, api_key, workspace;
DROP ALIAS PACK_HOURS;
DROP TABLE usage_hourly;
