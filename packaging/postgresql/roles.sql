-- Roles for a team ledger on PostgreSQL. Run as the database's owner (the role that created the
-- schema, e.g. with `switchyard --database postgresql://owner@host/switchyard migrate-ledger` or
-- the first `switchyard serve` on an empty database), connected to that database:
--     psql "postgresql://owner@host/switchyard" -f roles.sql
-- then give people and gateways a login in one of the groups:
--     CREATE ROLE dashboard_alice LOGIN PASSWORD '...' IN ROLE switchyard_reader;
--     CREATE ROLE gateway_eu1 LOGIN PASSWORD '...' IN ROLE switchyard_gateway;
--     CREATE ROLE admin_bob LOGIN PASSWORD '...' IN ROLE switchyard_admin;
-- Schema upgrades stay with the owner: a newer Switchyard is started once with the owner's URL.

-- Read-only: enough for the desktop dashboard, `stats`, `export history` and `reconcile`.
CREATE ROLE switchyard_reader NOLOGIN;
GRANT USAGE ON SCHEMA public TO switchyard_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO switchyard_reader;

-- Gateways: write the ledger (rows, rollups, spill marks) and hold and settle budgets; they
-- cannot change the schema, delete history or rewrite what is there.
CREATE ROLE switchyard_gateway NOLOGIN;
GRANT USAGE ON SCHEMA public TO switchyard_gateway;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO switchyard_gateway;
GRANT INSERT ON requests, attempts, failovers, votes, meta TO switchyard_gateway;
GRANT INSERT, UPDATE ON rollup_hourly, rollup_daily, latency_hourly, latency_daily, uptime_hourly, uptime_daily,
    failover_hourly, failover_daily
    TO switchyard_gateway;
GRANT INSERT, UPDATE ON budget_periods TO switchyard_gateway;
GRANT INSERT, DELETE ON budget_holds TO switchyard_gateway;
-- Cooldowns in force, with their end, for gateways that start after one was announced.
GRANT INSERT, UPDATE ON cooldowns TO switchyard_gateway;
-- Batch evaluations (`switchyard eval run`): a cell is written when it is graded, again when a
-- resume asks it once more.
GRANT INSERT, UPDATE ON evaluations, evaluation_cells TO switchyard_gateway;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO switchyard_gateway;

-- Admins: what gateways may, and push the team's configuration (`switchyard team push`); every
-- version stays, with the role that pushed it. Gateways and readers only read it.
CREATE ROLE switchyard_admin NOLOGIN IN ROLE switchyard_gateway;
GRANT INSERT ON team_config TO switchyard_admin;
