import { lastOf, ofType, type OraclePath } from './oracle-path';

/**
 * A countable thing the oracle found in the events, with the dimensions the views filter and
 * group by (the COMMON brief's fact kinds, derived here again with plain loops).
 */
export interface OracleFact {
  readonly pathId: string;
  readonly kind: string;
  readonly date: string;
  readonly org: string;
  readonly municipality: string;
  readonly ageBand: string;
  readonly measureType: string;
  readonly category: string;
  readonly detail?: string;
  readonly days?: number;
  /** What is due, for a NOW_ fact that becomes overdue as days pass (a hand-off's answer). */
  readonly due?: string;
}

/** What a fact kind's derivation gives before the path's dimensions are added. */
export type BareFact = Omit<OracleFact, 'pathId' | 'municipality' | 'ageBand' | 'measureType'>;

/**
 * Adds the path's dimensions: municipality and age band of its latest IntakeCompleted
 * ('UNKNOWN' without one), and the type of its latest measure started on or before the fact's
 * day ('NONE' before any).
 */
export function withDimensions(path: OraclePath, facts: readonly BareFact[]): OracleFact[] {
  const intake = lastOf(path, 'IntakeCompleted');
  const measures = ofType(path, 'MeasureStarted')
    .map((event) => ({
      start: event.data.schedule.startDate as string,
      type: event.data.measureType as string,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return facts.map((fact) => {
    let measureType = 'NONE';
    for (const measure of measures) {
      if (measure.start <= fact.date) {
        measureType = measure.type;
      }
    }
    return {
      ...fact,
      pathId: path.pathId,
      municipality: intake?.data.municipality ?? 'UNKNOWN',
      ageBand: intake?.data.ageBand ?? 'UNKNOWN',
      measureType,
    };
  });
}
