-- Budget periods and alert thresholds. A budget covers a calendar month (period_kind 'month', budget_month the
-- month, period_days 0: every row before V6) or a rolling window of the last period_days days (period_kind
-- 'rolling', budget_month 'rolling'), so one node can have a month's budget and rolling budgets of several lengths.
-- thresholds: the alert percents of the amount, rising, comma-separated ('80,100' unless set).
ALTER TABLE budget ADD COLUMN period_kind VARCHAR(7) DEFAULT 'month' NOT NULL;
ALTER TABLE budget ADD COLUMN period_days INT DEFAULT 0 NOT NULL;
ALTER TABLE budget ADD COLUMN thresholds VARCHAR(200) DEFAULT '80,100' NOT NULL;
ALTER TABLE budget DROP PRIMARY KEY;
ALTER TABLE budget ADD PRIMARY KEY (node, budget_month, period_days);
ALTER TABLE budget ADD CONSTRAINT budget_period_shape CHECK ((period_kind = 'month' AND period_days = 0 AND budget_month <> 'rolling')
    OR (period_kind = 'rolling' AND period_days > 0 AND budget_month = 'rolling'));
