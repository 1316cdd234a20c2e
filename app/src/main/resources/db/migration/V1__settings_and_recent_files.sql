CREATE TABLE setting (
    name  VARCHAR(100) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
CREATE TABLE recent_file (
    path      VARCHAR(4000) PRIMARY KEY,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL
);
