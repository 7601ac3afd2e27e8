-- The source definitions admins saved at run time (source.SourceStore), and the secrets the hub
-- generates once, such as the key signing OAI-PMH resumption tokens (server.HubSecrets).
-- Release 0.1.0 created these tables itself: IF NOT EXISTS lets this run over its databases.

CREATE TABLE IF NOT EXISTS admin_source (
  source_id VARCHAR(64) PRIMARY KEY,
  definition VARCHAR(100000) NOT NULL,
  updated_by VARCHAR(64),
  updated_at BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS hub_secret (name VARCHAR(64) PRIMARY KEY, secret VARCHAR(200) NOT NULL);
