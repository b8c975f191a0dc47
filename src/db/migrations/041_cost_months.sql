-- The cost pre-aggregate gets the year's amount per month, so the cost-by-month figure reads it
-- instead of scanning cost_entry (a tenth of the rows on monthly bookings; docs/performance.md).
-- month_amounts[m] is the sum of the entries whose period_start falls in month m of the row's
-- year; amount_ore stays their total. Kept by the same statement-level triggers, in the same
-- transaction as every change to cost_entry (decision 0013); the application never writes it.

ALTER TABLE cost_citizen_year ADD COLUMN month_amounts bigint[];

UPDATE cost_citizen_year AS aggregate SET month_amounts = monthly.month_amounts
FROM (
  SELECT municipality_id, extract(year FROM period_start)::smallint AS year, citizen_id, sector, budget_area,
    ARRAY[
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 1), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 2), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 3), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 4), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 5), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 6), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 7), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 8), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 9), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 10), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 11), 0),
    coalesce(sum(amount_ore) FILTER (WHERE extract(month FROM period_start) = 12), 0)
    ]::bigint[] AS month_amounts
  FROM cost_entry
  GROUP BY 1, 2, 3, 4, 5
) AS monthly
WHERE aggregate.municipality_id = monthly.municipality_id AND aggregate.year = monthly.year
  AND aggregate.citizen_id = monthly.citizen_id AND aggregate.sector = monthly.sector
  AND aggregate.budget_area = monthly.budget_area;

ALTER TABLE cost_citizen_year ALTER COLUMN month_amounts SET NOT NULL;

-- The yearly figures (concentration, top groups, cost table) read citizen, sector, budget area
-- and amount only: with the amount in the key's index they read the index alone, in citizen
-- order (no heap with its month arrays, no hash, no sort), where the table has been vacuumed.
ALTER TABLE cost_citizen_year DROP CONSTRAINT cost_citizen_year_pkey,
  ADD PRIMARY KEY (municipality_id, year, citizen_id, sector, budget_area) INCLUDE (amount_ore);

-- Twelve months added or taken away element by element (written out: no unnest per row).
CREATE FUNCTION cost_months_add(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[
    a[1] + b[1],
    a[2] + b[2],
    a[3] + b[3],
    a[4] + b[4],
    a[5] + b[5],
    a[6] + b[6],
    a[7] + b[7],
    a[8] + b[8],
    a[9] + b[9],
    a[10] + b[10],
    a[11] + b[11],
    a[12] + b[12]
  ]
$$;

CREATE FUNCTION cost_months_subtract(a bigint[], b bigint[]) RETURNS bigint[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[
    a[1] - b[1],
    a[2] - b[2],
    a[3] - b[3],
    a[4] - b[4],
    a[5] - b[5],
    a[6] - b[6],
    a[7] - b[7],
    a[8] - b[8],
    a[9] - b[9],
    a[10] - b[10],
    a[11] - b[11],
    a[12] - b[12]
  ]
$$;

CREATE OR REPLACE FUNCTION cost_citizen_year_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cost_citizen_year AS aggregate
    (municipality_id, year, citizen_id, sector, budget_area, amount_ore, entries, month_amounts)
  SELECT municipality_id, year, citizen_id, sector, budget_area, sum(amount_ore), count(*),
    ARRAY[
         coalesce(sum(amount_ore) FILTER (WHERE month = 1), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 2), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 3), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 4), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 5), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 6), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 7), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 8), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 9), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 10), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 11), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 12), 0)
    ]::bigint[]
  FROM (
    SELECT municipality_id, extract(year FROM period_start)::smallint AS year,
      extract(month FROM period_start)::int AS month, citizen_id, sector, budget_area, amount_ore
    FROM new_rows
  ) AS entry
  GROUP BY 1, 2, 3, 4, 5
  -- Keys in a fixed order, so two imports touching the same citizens lock them in the same order.
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (municipality_id, year, citizen_id, sector, budget_area) DO UPDATE
    SET amount_ore = aggregate.amount_ore + excluded.amount_ore,
        entries = aggregate.entries + excluded.entries,
        month_amounts = cost_months_add(aggregate.month_amounts, excluded.month_amounts);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION cost_citizen_year_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cost_citizen_year AS aggregate
  SET amount_ore = aggregate.amount_ore - gone.amount_ore,
      entries = aggregate.entries - gone.entries,
      month_amounts = cost_months_subtract(aggregate.month_amounts, gone.month_amounts)
  FROM (
    SELECT municipality_id, year, citizen_id, sector, budget_area, sum(amount_ore) AS amount_ore,
      count(*) AS entries,
      ARRAY[
         coalesce(sum(amount_ore) FILTER (WHERE month = 1), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 2), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 3), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 4), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 5), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 6), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 7), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 8), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 9), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 10), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 11), 0),
         coalesce(sum(amount_ore) FILTER (WHERE month = 12), 0)
      ]::bigint[] AS month_amounts
    FROM (
      SELECT municipality_id, extract(year FROM period_start)::smallint AS year,
        extract(month FROM period_start)::int AS month, citizen_id, sector, budget_area, amount_ore
      FROM old_rows
    ) AS entry
    GROUP BY 1, 2, 3, 4, 5
  ) AS gone
  WHERE aggregate.municipality_id = gone.municipality_id AND aggregate.year = gone.year
    AND aggregate.citizen_id = gone.citizen_id AND aggregate.sector = gone.sector
    AND aggregate.budget_area = gone.budget_area;
  DELETE FROM cost_citizen_year WHERE entries = 0;
  RETURN NULL;
END
$$;
