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
}

/** The columns of dashboard_fact a {@link CellFact} is read from, dates as ISO text. */
export const CELL_FACT_COLUMNS = `kind, category, detail, fact_date::text AS fact_date, days,
  due_date::text AS due_date, solo_in_category, solo_in_kind`;

/** One cell's change: its key's values in the table's column order, and what n gains. */
interface CellChange {
  readonly key: readonly unknown[];
  delta: number;
}

const CELL_TABLES = {
  day: {
    table: 'dashboard_day_cell',
    // No days: the views of day cells count facts and clients, never their days.
    columns: ['kind', 'fact_date', 'category', 'detail', 'due_date', 'solo_in_kind'],
    types: ['text', 'date', 'text', 'text', 'date', 'boolean'],
    keyOf: (fact: CellFact) => [
      fact.kind,
      fact.fact_date,
      fact.category,
      fact.detail,
      fact.due_date,
      fact.solo_in_kind,
    ],
  },
  month: {
    table: 'dashboard_month_cell',
    columns: ['kind', 'month', 'category', 'detail', 'days', 'solo_in_kind'],
    types: ['text', 'date', 'text', 'text', 'int', 'boolean'],
    keyOf: (fact: CellFact) => [
      fact.kind,
      `${fact.fact_date.slice(0, 7)}-01`,
      fact.category,
      fact.detail,
      fact.days,
      fact.solo_in_kind,
    ],
  },
} as const;

type Grain = keyof typeof CELL_TABLES;

const grainOf = (kind: string): Grain =>
  (MONTH_CELL_KINDS as readonly string[]).includes(kind) ? 'month' : 'day';

/**
 * Counts the facts a replace removed and added into the region's cells, in the replace's
 * transaction. Only facts marked solo_in_category are in cells (the others are read one by one,
 * by their path). The cells are written in the order of their keys, so that two transactions
 * touching the same cells wait for each other instead of deadlocking; a cell that falls to
 * zero is deleted, so that the cells equal those a rebuild makes.
 */
export async function countIntoCells(
  em: EntityManager,
  removed: readonly CellFact[],
  added: readonly CellFact[],
): Promise<void> {
  const changes: Record<Grain, Map<string, CellChange>> = { day: new Map(), month: new Map() };
  const count = (facts: readonly CellFact[], delta: number) => {
    for (const fact of facts.filter((one) => one.solo_in_category)) {
      const grain = grainOf(fact.kind);
      const key = CELL_TABLES[grain].keyOf(fact);
      const id = JSON.stringify(key);
      const change = changes[grain].get(id) ?? { key, delta: 0 };
      change.delta += delta;
      changes[grain].set(id, change);
    }
  };
  count(removed, -1);
  count(added, 1);
  for (const grain of ['day', 'month'] as const) {
    const ordered = [...changes[grain].entries()]
      .filter(([, change]) => change.delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, change]) => change);
    await applyChanges(em, grain, ordered);
  }
}

async function applyChanges(
  em: EntityManager,
  grain: Grain,
  changes: readonly CellChange[],
): Promise<void> {
  if (changes.length === 0) {
    return;
  }
  const { table, columns, types } = CELL_TABLES[grain];
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
