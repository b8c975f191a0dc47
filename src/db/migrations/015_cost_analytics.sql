-- Costs for management figures: imports of cost files, and a pre-aggregate per citizen ×
-- year × sector × budget area that every dashboard figure reads instead of scanning cost_entry.
-- The pre-aggregate is kept by statement-level triggers with transition tables in the same
-- transaction as the change to cost_entry, so it is never out of step, whoever writes (the
-- synthetic municipality, a CSV import, a plain INSERT). TRUNCATE is not followed: empty both.
-- A cost belongs to the year of its period_start (entries never span a year; see
-- docs/decisions/0015-cost-concentration.md).

CREATE TABLE cost_import (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  -- SHA-256 of the file as received (BOM and line endings normalised): the same file twice is refused.
  file_sha256 bytea NOT NULL,
  file_name text,
  lines integer NOT NULL,
  amount_ore bigint NOT NULL,
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, file_sha256)
);

ALTER TABLE cost_entry ADD COLUMN import_id uuid;

CREATE TABLE cost_citizen_year (
  municipality_id uuid NOT NULL,
  year smallint NOT NULL,
  citizen_id uuid NOT NULL,
  sector text NOT NULL,
  budget_area text NOT NULL,
  amount_ore bigint NOT NULL,
  entries integer NOT NULL,
  PRIMARY KEY (municipality_id, year, citizen_id, sector, budget_area)
);
-- Rows emptied by a delete are removed at once; this keeps finding them cheap.
CREATE INDEX cost_citizen_year_empty_idx ON cost_citizen_year (municipality_id) WHERE entries = 0;

INSERT INTO cost_citizen_year (municipality_id, year, citizen_id, sector, budget_area, amount_ore, entries)
SELECT municipality_id, extract(year FROM period_start)::smallint, citizen_id, sector, budget_area,
       sum(amount_ore), count(*)
FROM cost_entry
GROUP BY 1, 2, 3, 4, 5;

-- Keys in a fixed order, so two imports touching the same citizens lock them in the same order.
CREATE FUNCTION cost_citizen_year_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cost_citizen_year AS aggregate
    (municipality_id, year, citizen_id, sector, budget_area, amount_ore, entries)
  SELECT municipality_id, extract(year FROM period_start)::smallint, citizen_id, sector, budget_area,
         sum(amount_ore), count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (municipality_id, year, citizen_id, sector, budget_area) DO UPDATE
    SET amount_ore = aggregate.amount_ore + excluded.amount_ore,
        entries = aggregate.entries + excluded.entries;
  RETURN NULL;
END
$$;

CREATE FUNCTION cost_citizen_year_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cost_citizen_year AS aggregate
  SET amount_ore = aggregate.amount_ore - gone.amount_ore,
      entries = aggregate.entries - gone.entries
  FROM (
    SELECT municipality_id, extract(year FROM period_start)::smallint AS year, citizen_id, sector,
           budget_area, sum(amount_ore) AS amount_ore, count(*) AS entries
    FROM old_rows
    GROUP BY 1, 2, 3, 4, 5
  ) AS gone
  WHERE aggregate.municipality_id = gone.municipality_id AND aggregate.year = gone.year
    AND aggregate.citizen_id = gone.citizen_id AND aggregate.sector = gone.sector
    AND aggregate.budget_area = gone.budget_area;
  DELETE FROM cost_citizen_year WHERE entries = 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER cost_entry_aggregate_insert AFTER INSERT ON cost_entry
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_citizen_year_add();
CREATE TRIGGER cost_entry_aggregate_delete AFTER DELETE ON cost_entry
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_citizen_year_subtract();
-- An update is the old rows taken out and the new ones put in (subtract runs first: name order).
CREATE TRIGGER cost_entry_aggregate_update_1 AFTER UPDATE ON cost_entry
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_citizen_year_subtract();
CREATE TRIGGER cost_entry_aggregate_update_2 AFTER UPDATE ON cost_entry
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cost_citizen_year_add();
