import { addCalendarDays, addCalendarMonths, type IsoDate } from '@polku/timers';
import { MONTH_CELL_KINDS } from '../projection/fact-cells';
import { factConditions, type SqlParams } from './fact-sql';
import type { ViewContext } from './view-context';

/**
 * The columns every fact source has, in the order each of its parts selects them: kind,
 * category, detail, fact_date, days, due_date, path_id, solo_in_category, solo_in_kind, the
 * three previous days (services/dashboards/src/projection/facts/client-marks.ts), n.
 */
const FACT_AS_SOURCE = `kind, category, detail, fact_date, days, due_date, path_id, solo_in_category,
   solo_in_kind, prev_in_row, prev_in_group, prev_in_kind, 1 AS n`;

/**
 * The previous days of the facts in a cell: none. Every cell's facts are their path's only one
 * of their category, so none has a previous fact in its row; a cell a view of a kind's whole
 * reads holds only facts that are their path's only one of their kind (the mark's condition
 * below), with no previous fact in their group or kind either. A view that reads cells of facts
 * solo only in their category must not look at prev_in_group or prev_in_kind.
 */
const NO_PREVIOUS_DAYS =
  'NULL::date AS prev_in_row, NULL::date AS prev_in_group, NULL::date AS prev_in_kind';

/** How a view counts the facts a {@link factSource} gives it. */
export interface SourceOptions {
  /**
   * The view counts the clients of a whole kind (by solo_in_kind), not only those of a
   * category or finer: a cell of facts not marked solo_in_kind cannot tell them.
   */
  readonly kindWholes: boolean;
  /** The facts are "now" facts, counted whatever their day (default: dated, in the range). */
  readonly dated?: boolean;
}

/** The cells a view counts from, and the slice of them it reads (none: the whole region). */
export interface Cells {
  readonly day: string;
  readonly month: string;
  readonly slice?: string;
}

/**
 * The cells that can count a view: in REGION scope (no organisation) without a filter, the
 * region's cells; with a municipality or an age band filter, that slice's cells
 * (docs/adr/0022-slice-cells.md). Undefined where none can: under a measure type filter, or a
 * municipality and an age band together, which the cells do not keep.
 */
export function cellsFor(context: ViewContext): Cells | undefined {
  if (context.orgId !== undefined || context.measureType !== undefined) {
    return undefined;
  }
  if (context.municipality !== undefined && context.ageBand !== undefined) {
    return undefined;
  }
  const slice =
    context.municipality !== undefined
      ? `municipality:${context.municipality}`
      : context.ageBand !== undefined
        ? `age_band:${context.ageBand}`
        : undefined;
  return slice === undefined
    ? { day: 'dashboard_day_cell', month: 'dashboard_month_cell' }
    : { day: 'dashboard_slice_day_cell', month: 'dashboard_slice_month_cell', slice };
}

/** The condition that keeps a view to its slice's cells, ending in AND; none for the region. */
function sliceOf(params: SqlParams, cells: Cells): string {
  return cells.slice === undefined ? '' : `slice = ${params.add(cells.slice)} AND`;
}

/**
 * Whether a view may count clients by the facts' previous days (countPerPeriod in
 * ./period-counts.ts): they are of the path's previous fact in any organisation and of any
 * measure type, so not in ORGANISATION scope or under a measure type filter, where that fact
 * may not be counted. A path's facts all have its municipality and age band (of its latest
 * intake: ../projection/facts/fact-row.ts), so those filters keep them.
 */
export function firstFactsCanCount(context: ViewContext): boolean {
  return context.orgId === undefined && context.measureType === undefined;
}

/**
 * The facts of `kinds` a view counts, as a relation of the source's columns where `n` is how
 * many facts a row stands for: a view sums n where it would count rows, and counts the clients
 * of a cell as the rows marked solo at its level (by n) plus the distinct paths of the rest
 * (clientsOf in ./fact-sql.ts). In a view the cells can count, most rows are the region's
 * cells (path_id NULL, marked solo_in_category), and only the facts that are not their path's
 * only one are read one by one (docs/adr/0020-region-cells-beside-the-facts.md); otherwise
 * every fact is a row of n = 1. Day cells keep no days: only the month cells' kinds are
 * measured in days (MONTH_CELL_KINDS).
 */
export function factSource(
  params: SqlParams,
  context: ViewContext,
  kinds: readonly string[],
  options: SourceOptions,
): string {
  const dated = options.dated ?? true;
  const cells = cellsFor(context);
  if (cells === undefined) {
    return `(${factsOf(params, context, kinds, dated, 'TRUE')})`;
  }
  // The facts a cell cannot count by clients, each through its partial index (a path's only
  // fact of a kind is its only one of its category too).
  const unmarked = options.kindWholes ? 'NOT solo_in_kind' : 'NOT solo_in_category';
  const cellMarks = options.kindWholes ? 'AND solo_in_kind' : '';
  const monthKinds = kinds.filter((kind) => (MONTH_CELL_KINDS as readonly string[]).includes(kind));
  if (monthKinds.length === 0) {
    const inRange = dated
      ? `AND fact_date BETWEEN ${params.add(context.from)}::date AND ${params.add(context.to)}::date`
      : '';
    return `(SELECT kind, category, detail, fact_date, NULL::int AS days, due_date, NULL::uuid AS path_id,
                    TRUE AS solo_in_category, solo_in_kind, ${NO_PREVIOUS_DAYS}, n
               FROM ${cells.day}
              WHERE ${sliceOf(params, cells)} kind = ANY(${params.add(kinds)}::text[]) ${inRange} ${cellMarks}
             UNION ALL
             ${factsOf(params, context, kinds, dated, unmarked)})`;
  }
  if (monthKinds.length !== kinds.length || !dated) {
    throw new Error(`fact source: ${kinds.join(', ')} mix day and month cells`);
  }
  return monthSource(params, context, cells, kinds, { unmarked, cellMarks });
}

/**
 * Month cells for the whole months of the range, with the facts they cannot count, and every
 * fact of the days before and after them (a range starts at a period's first day, which is not
 * a month's for weeks, and ends today).
 */
function monthSource(
  params: SqlParams,
  context: ViewContext,
  cells: Cells,
  kinds: readonly string[],
  marks: CellMarks,
): string {
  const parts = monthParts(params, params, context, cells, kinds, marks, MONTH_CELL_AS_SOURCE);
  if (parts === undefined) {
    return `(${factsOf(params, context, kinds, true, 'TRUE')})`;
  }
  return `(${[parts.cells, ...parts.facts].join('\nUNION ALL\n')})`;
}

/** A month cell as a row of a fact source (FACT_AS_SOURCE's columns). */
const MONTH_CELL_AS_SOURCE = `kind, category, detail, month AS fact_date, days,
  NULL::date AS due_date, NULL::uuid AS path_id, TRUE AS solo_in_category, solo_in_kind,
  ${NO_PREVIOUS_DAYS}, n`;

/** Which facts the cells count, and which are read beside them (see factSource). */
interface CellMarks {
  readonly unmarked: string;
  readonly cellMarks: string;
}

/**
 * A view of percentiles over month cells, read as two statements (./histogram-figures.ts):
 * the cells of the range's whole months (kind, category, days, n) and the facts beside them
 * (a fact source of their own), each with its own parameters. Undefined where the cells cannot
 * count the view or the range has no whole month.
 */
export function monthCellsApart(
  cellParams: SqlParams,
  factParams: SqlParams,
  context: ViewContext,
  kinds: readonly string[],
): { readonly cells: string; readonly facts: string } | undefined {
  const monthKinds = MONTH_CELL_KINDS as readonly string[];
  const cells = cellsFor(context);
  if (cells === undefined || !kinds.every((kind) => monthKinds.includes(kind))) {
    return undefined;
  }
  const marks = { unmarked: 'NOT solo_in_category', cellMarks: '' };
  const columns = 'kind, category, days, n';
  const parts = monthParts(cellParams, factParams, context, cells, kinds, marks, columns);
  return parts && { cells: parts.cells, facts: `(${parts.facts.join('\nUNION ALL\n')})` };
}

/** The month cells' statement and the facts' statements of a month source, or undefined. */
function monthParts(
  cellParams: SqlParams,
  factParams: SqlParams,
  context: ViewContext,
  cells: Cells,
  kinds: readonly string[],
  marks: CellMarks,
  cellColumns: string,
): { readonly cells: string; readonly facts: readonly string[] } | undefined {
  const months = wholeMonths(context.from, context.to);
  if (months === undefined) {
    return undefined;
  }
  const edges = [
    { from: context.from, to: addCalendarDays(months.first, -1) },
    { from: addCalendarDays(months.end, 1), to: context.to },
  ].filter((edge) => edge.from <= edge.to);
  return {
    cells: `SELECT ${cellColumns}
       FROM ${cells.month}
      WHERE ${sliceOf(cellParams, cells)} kind = ANY(${cellParams.add(kinds)}::text[])
        AND month BETWEEN ${cellParams.add(months.first)}::date AND ${cellParams.add(months.last)}::date
        ${marks.cellMarks}`,
    facts: [
      factsOf(
        factParams,
        { ...context, from: months.first, to: months.end },
        kinds,
        true,
        marks.unmarked,
      ),
      ...edges.map((edge) => factsOf(factParams, { ...context, ...edge }, kinds, true, 'TRUE')),
    ],
  };
}

/** The facts themselves, one row each, under the view's conditions and `also`. */
function factsOf(
  params: SqlParams,
  context: ViewContext,
  kinds: readonly string[],
  dated: boolean,
  also: string,
): string {
  return `SELECT ${FACT_AS_SOURCE}
            FROM dashboard_fact
           WHERE ${factConditions(params, context, kinds, { dated })} AND ${also}`;
}

/**
 * The whole months within `from`–`to`: the first one's first day, the last one's first day,
 * and the last one's last day; undefined when there is none.
 */
export function wholeMonths(
  from: IsoDate,
  to: IsoDate,
): { first: IsoDate; last: IsoDate; end: IsoDate } | undefined {
  const monthOf = (day: IsoDate) => `${day.slice(0, 7)}-01` as IsoDate;
  const first = from.endsWith('-01') ? from : addCalendarMonths(monthOf(from), 1);
  const afterTo = addCalendarDays(to, 1);
  const last = afterTo.endsWith('-01') ? monthOf(to) : addCalendarMonths(monthOf(to), -1);
  return first > last
    ? undefined
    : { first, last, end: addCalendarDays(addCalendarMonths(last, 1), -1) };
}
