import type { DataSource } from 'typeorm';
import { MONTH_CELL_KINDS } from '../../src/projection/fact-cells';

/** The cells of a database, the region's and its slices', each as text in key order. */
export interface Cells {
  readonly day: string[];
  readonly month: string[];
  readonly sliceDay: string[];
  readonly sliceMonth: string[];
}

const DAY_KEY = `kind, fact_date, category, detail, due_date, solo_in_kind`;
const MONTH_KEY = `kind, month, category, detail, days, solo_in_kind`;

async function rowsAsText(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<string[]> {
  const rows = await dataSource.query<{ cell: string }[]>(
    `SELECT cell::text AS cell FROM (${sql}) cell ORDER BY 1`,
    params,
  );
  return rows.map((row) => row.cell);
}

/** The cells as stored (services/dashboards/src/projection/fact-cells.ts keeps them). */
export async function storedCells(dataSource: DataSource): Promise<Cells> {
  return {
    day: await rowsAsText(dataSource, `SELECT ${DAY_KEY}, n FROM dashboard_day_cell`),
    month: await rowsAsText(dataSource, `SELECT ${MONTH_KEY}, n FROM dashboard_month_cell`),
    sliceDay: await rowsAsText(
      dataSource,
      `SELECT slice, ${DAY_KEY}, n FROM dashboard_slice_day_cell`,
    ),
    sliceMonth: await rowsAsText(
      dataSource,
      `SELECT slice, ${MONTH_KEY}, n FROM dashboard_slice_month_cell`,
    ),
  };
}

/** Each fact once per slice it has (its municipality, its age band), as `slice`. */
const SLICED_FACTS = `(SELECT s.slice, fact.*
    FROM dashboard_fact fact
   CROSS JOIN LATERAL (VALUES ('municipality:' || municipality), ('age_band:' || age_band)) s (slice)
   WHERE s.slice IS NOT NULL)`;

/**
 * The cells counted afresh from the stored facts: what the stored ones must always equal (the
 * migration that made the tables fills them the same way).
 */
export async function cellsCountedFromFacts(dataSource: DataSource): Promise<Cells> {
  const monthKinds = '$1::text[]';
  return {
    day: await rowsAsText(
      dataSource,
      `SELECT ${DAY_KEY}, count(*)::int AS n FROM dashboard_fact
        WHERE solo_in_category AND kind <> ALL (${monthKinds}) GROUP BY ${DAY_KEY}`,
      [MONTH_CELL_KINDS],
    ),
    month: await rowsAsText(
      dataSource,
      `SELECT kind, date_trunc('month', fact_date::timestamp)::date AS month, category, detail,
              days, solo_in_kind, count(*)::int AS n
         FROM dashboard_fact
        WHERE solo_in_category AND kind = ANY (${monthKinds}) GROUP BY 1, 2, 3, 4, 5, 6`,
      [MONTH_CELL_KINDS],
    ),
    sliceDay: await rowsAsText(
      dataSource,
      `SELECT slice, ${DAY_KEY}, count(*)::int AS n FROM ${SLICED_FACTS} fact
        WHERE solo_in_category AND kind <> ALL (${monthKinds}) GROUP BY slice, ${DAY_KEY}`,
      [MONTH_CELL_KINDS],
    ),
    sliceMonth: await rowsAsText(
      dataSource,
      `SELECT slice, kind, date_trunc('month', fact_date::timestamp)::date AS month, category,
              detail, days, solo_in_kind, count(*)::int AS n
         FROM ${SLICED_FACTS} fact
        WHERE solo_in_category AND kind = ANY (${monthKinds}) GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [MONTH_CELL_KINDS],
    ),
  };
}
