-- How figures become a score, with the instant from which each definition is in force (issue 12, ADR 0019).
-- The ranking as of an instant (the daily report at its cut-off, a regenerated old report) uses the definition in
-- force at that instant, so a new definition never silently rewrites a published ranking. Change the rules by
-- inserting a row (a migration), never by updating one.
CREATE TABLE ranking_definition (
    version         integer PRIMARY KEY,
    -- PLAIN: each part is the OPD's plain rate. SHRUNK: each rate shrunk towards the city's rate by prior_strength
    -- imaginary complaints at the city's rate (a beta prior), docs/ranking.md.
    method          text        NOT NULL CHECK (method IN ('PLAIN', 'SHRUNK')),
    prior_strength  double precision NOT NULL CHECK (prior_strength >= 0),
    -- an OPD that received fewer complaints is marked "few complaints" beside its score
    few_complaints  integer     NOT NULL CHECK (few_complaints >= 0),
    effective_from  timestamptz NOT NULL UNIQUE,
    description     text        NOT NULL
);

-- Version 1 is what the ranking always did (from 1900); version 2 applies from the moment this migration runs.
INSERT INTO ranking_definition (version, method, prior_strength, few_complaints, effective_from, description)
VALUES (1, 'PLAIN', 0, 0, '1900-01-01 00:00:00+00', 'Plain rates (issue 5)'),
       (2, 'SHRUNK', 10, 30, now(), 'Rates shrunk towards the city''s rate, 10 complaints'' strength (issue 12)');
