import type { IsoDate } from '@polku/timers';
import type { PathHistory } from '../fold/path-history';

/** The kinds of fact the dashboards count (docs/dashboards.md, "How the figures are kept"). */
export const FACT_KINDS = [
  'EXIT',
  'FOLLOW_UP_STATUS',
  'SUSTAINED_EXIT',
  'LINK',
  'STATE_TIME',
  'WAIT',
  'ANSWER_DELAY',
  'DECLINE',
  'FOLLOW_UP',
  'OVERDUE',
  'REENTRY',
  'LOOP',
  'PLANS',
  'ORGANISATIONS',
  'GAS',
  'NOW_OPEN',
  'NOW_UNCLEAR',
  'NOW_HANDOFF',
  'NOW_LOST',
] as const;

/** One of {@link FACT_KINDS}. */
export type FactKind = (typeof FACT_KINDS)[number];

/** What a municipality, age band or measure type is when the path does not say. */
export const UNKNOWN_DIMENSION = 'UNKNOWN';
/** The measure type of a fact counted before any measure started. */
export const NO_MEASURE = 'NONE';

/** One row of dashboard_fact. */
export interface DashboardFactRow {
  readonly pathId: string;
  readonly factKey: string;
  readonly kind: FactKind;
  readonly factDate: IsoDate;
  readonly orgId: string;
  readonly municipality: string;
  readonly ageBand: string;
  readonly measureType: string;
  readonly category: string;
  readonly detail: string | null;
  readonly days: number | null;
  readonly dueDate: IsoDate | null;
}

/** A fact as a family decides it; the path's dimensions are added by {@link factRow}. */
export interface FactDraft {
  readonly key: string;
  readonly kind: FactKind;
  readonly factDate: IsoDate;
  readonly orgId: string;
  readonly category: string;
  readonly detail?: string | null;
  readonly days?: number | null;
  readonly dueDate?: IsoDate | null;
}

/**
 * The measure type of a fact: the path's latest measure started on or before its day (measures
 * are in start-date order), or NONE.
 */
export function measureTypeOn(history: PathHistory, day: IsoDate): string {
  let measureType = NO_MEASURE;
  for (const measure of history.measures) {
    if (measure.startDate <= day) {
      measureType = measure.measureType;
    }
  }
  return measureType;
}

/**
 * The row of a fact: the path's municipality and age band from its latest intake (the client's
 * situation as last recorded), the measure type on the fact's day.
 */
export function factRow(history: PathHistory, draft: FactDraft): DashboardFactRow {
  const intake = history.intakes.at(-1);
  return {
    pathId: history.pathId,
    factKey: draft.key,
    kind: draft.kind,
    factDate: draft.factDate,
    orgId: draft.orgId,
    municipality: intake?.municipality ?? UNKNOWN_DIMENSION,
    ageBand: intake?.ageBand ?? UNKNOWN_DIMENSION,
    measureType: measureTypeOn(history, draft.factDate),
    category: draft.category,
    detail: draft.detail ?? null,
    days: draft.days ?? null,
    dueDate: draft.dueDate ?? null,
  };
}
