-- The E-first resolver's lending policy (docs/efirst.md): after centre libraries before service
-- libraries, a print copy from the member with the higher weight comes first. The weight stands for
-- turnaround and load, set by consortium staff in the admin; a library without a row weighs 1.0.
CREATE TABLE resolver_lender_weight (
  library VARCHAR(64) PRIMARY KEY,
  weight DOUBLE PRECISION NOT NULL,
  note VARCHAR(500),
  updated_at BIGINT NOT NULL,
  updated_by VARCHAR(64));
