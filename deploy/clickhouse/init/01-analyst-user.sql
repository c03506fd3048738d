-- Runs once, on the first start of the compose ClickHouse (docker-entrypoint-initdb.d).
-- The database and the read-write `credstream` user come from CLICKHOUSE_DB/USER/PASSWORD;
-- Grafana reads through a read-only analyst. The analytics service creates and migrates its tables on start.
CREATE USER IF NOT EXISTS analyst IDENTIFIED WITH sha256_password BY 'analyst' SETTINGS readonly = 1;
GRANT SELECT ON credstream.* TO analyst;
