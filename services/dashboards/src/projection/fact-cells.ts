import type { EntityManager } from 'typeorm';
import type { FactKind } from './facts/fact-row';

/**
 * The kinds whose cells are per month: their views take percentiles of days over the whole
 * range, never per period, and per day they would have almost a cell per fact. Every other kind
 * has day cells (docs/adr/0020-region-cells-beside-the-facts.md).
 */
export const MONTH_CELL_KINDS: readonly FactKind[] = ['LINK', 'STATE_TIME', 'WAIT', 'ANSWER_DELAY'];

/** A stored fact as the cells see it: what dashboard_fact's DELETE and INSERT return. */
export interface CellFact {
  readonly kind: string;
  readonly category: string;
  readonly detail: string | null;
  readonly fact_date: string;
  readonly days: number | null;
  readonly due_date: string | null;
  readonly solo_in_category: boolean;
  readonly solo_in_kind: boolean;
  readonly municipality: string | null;
  readonly age_band: string | null;
}

/** The columns of dashboard_fact a {@link CellFact} is read from, dates as ISO text. */
export const CELL_FACT_COLUMNS = `kind, category, detail, fact_date::text AS fact_date, days,
  due_date::text AS due_date, solo_in_category, solo_in_kind, municipality, age_band`;

/** One cell's change: its key's values in the table's column order, and what n gains. */
interface CellChange {
  readonly key: readonly unknown[];
  delta: number;
}

/**
 * The slices of the region a fact is counted in besides the whole region: its path's
 * municipality and its age band, each where recorded. A path's facts all have the same ones
 * (./facts/fact-row.ts), so a fact solo in its category in the region is solo in its slice.
 */
export function slicesOf(fact: Pick<CellFact, 'municipality' | 'age_band'>): string[] {
  return [
    ...(fact.municipality === null ? [] : [`municipality:${fact.municipality}`]),
    ...(fact.age_band === null ? [] : [`age_band:${fact.age_band}`]),
  ];
}

const dayKey = (fact: CellFact) => [
  fact.kind,
  fact.fact_date,
  fact.category,
  fact.detail,
  fact.due_date,
  fact.solo_in_kind,
];
const monthKey = (fact: CellFact) => [
  fact.kind,
  `${fact.fact_date.slice(0, 7)}-01`,
  fact.category,
  fact.detail,
  fact.days,
  fact.solo_in_kind,
];
const DAY_COLUMNS = ['kind', 'fact_date', 'category', 'detail', 'due_date', 'solo_in_kind'];
const DAY_TYPES = ['text', 'date', 'text', 'text', 'date', 'boolean'];
const MONTH_COLUMNS = ['kind', 'month', 'category', 'detail', 'days', 'solo_in_kind'];
const MONTH_TYPES = ['text', 'date', 'text', 'text', 'int', 'boolean'];

/**
 * The cell tables, in the order they are written, each with the keys a fact counts under: the
 * region's one cell, and a slice's cell for each of the fact's slices (the slice first in the
 * key). Day cells keep no days: the views of day cells count facts and clients, never days.
 */
const CELL_TABLES = [
  { table: 'dashboard_day_cell', grain: 'day', columns: DAY_COLUMNS, types: DAY_TYPES },
  { table: 'dashboard_month_cell', grain: 'month', columns: MONTH_COLUMNS, types: MONTH_TYPES },
  {
    table: 'dashboard_slice_day_cell',
    grain: 'day',
    sliced: true,
    columns: ['slice', ...DAY_COLUMNS],
    types: ['text', ...DAY_TYPES],
  },
  {
    table: 'dashboard_slice_month_cell',
    grain: 'month',
    sliced: true,
    columns: ['slice', ...MONTH_COLUMNS],
    types: ['text', ...MONTH_TYPES],
  },
] as const;

type CellTable = (typeof CELL_TABLES)[number];

function keysOf(table: CellTable, fact: CellFact): unknown[][] {
  const isMonth = (MONTH_CELL_KINDS as readonly string[]).includes(fact.kind);
  if ((table.grain === 'month') !== isMonth) {
    return [];
  }
  const key = isMonth ? monthKey(fact) : dayKey(fact);
  return 'sliced' in table ? slicesOf(fact).map((slice) => [slice, ...key]) : [key];
}

/**
 * Counts the facts a replace removed and added into the region's and its slices' cells, in the
 * replace's transaction. Only facts marked solo_in_category are in cells (the others are read
 * one by one, by their path). The cells are written in the order of their keys, so that two
 * transactions touching the same cells wait for each other instead of deadlocking; a cell that
 * falls to zero is deleted, so that the cells equal those a rebuild makes.
 */
export async function countIntoCells(
  em: EntityManager,
  removed: readonly CellFact[],
  added: readonly CellFact[],
): Promise<void> {
  for (const table of CELL_TABLES) {
    const changes = new Map<string, CellChange>();
    const count = (facts: readonly CellFact[], delta: number) => {
      for (const fact of facts.filter((one) => one.solo_in_category)) {
        for (const key of keysOf(table, fact)) {
          const id = JSON.stringify(key);
          const change = changes.get(id) ?? { key, delta: 0 };
          change.delta += delta;
          changes.set(id, change);
        }
      }
    };
    count(removed, -1);
    count(added, 1);
    const ordered = [...changes.entries()]
      .filter(([, change]) => change.delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, change]) => change);
    await applyChanges(em, table, ordered);
  }
}

async function applyChanges(
  em: EntityManager,
  { table, columns, types }: CellTable,
  changes: readonly CellChange[],
): Promise<void> {
  if (changes.length === 0) {
    return;
  }
  const arrays = columns.map((_, at) => changes.map((change) => change.key[at]));
  const placeholders = types.map((type, at) => `$${at + 1}::${type}[]`);
  // No CHECK (n >= 0) on the table: PostgreSQL checks the proposed row, a negative change,
  // before it finds the conflict. A cell below zero would be a fact counted out that was never
  // counted in: refused here, and the transaction with it.
  const counted = await em.query<{ n: number }[]>(
    `INSERT INTO ${table} AS cell (${columns.join(', ')}, n)
     SELECT * FROM unnest(${placeholders.join(', ')}, $${types.length + 1}::int[])
     ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET n = cell.n + excluded.n
     RETURNING n`,
    [...arrays, changes.map((change) => change.delta)],
  );
  if (counted.some((row) => row.n < 0)) {
    throw new Error(`${table}: a cell fell below zero; its facts and cells are out of step`);
  }
  if (counted.some((row) => row.n === 0)) {
    // A cell's last fact moved out (a path's open state moved on). Every zero is garbage, so those
    // under the changed keys' first three columns (never NULL: the unique index's prefix) go.
    const prefix = columns.slice(0, 3);
    await em.query(
      `DELETE FROM ${table} cell
        USING unnest(${placeholders.slice(0, 3).join(', ')}) AS changed (${prefix.join(', ')})
        WHERE cell.n = 0
          AND ${prefix.map((column) => `cell.${column} = changed.${column}`).join(' AND ')}`,
      arrays.slice(0, 3),
    );
  }
}
