import type {
  AbsenceReasonCategory,
  EmploymentContractType,
  MeasureEndReason,
  MeasurePauseReasonCategory,
  MeasureType,
  PlacementKind,
} from '@polku/contracts';
import type { CursorPosition } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';

// SQL of measures, their pauses and attendance. Dates are read as `YYYY-MM-DD` text.

type Runner = EntityManager | DataSource;

export type MeasureStatus = 'ACTIVE' | 'PAUSED' | 'ENDED';

export interface MeasureRow {
  id: string;
  plan_id: string;
  path_id: string;
  measure_type: MeasureType;
  placement_kind: PlacementKind;
  host_org_id: string | null;
  days_per_week: number;
  /** numeric(4,2): node-postgres reads it as a string. */
  hours_per_day: string;
  start_date: string;
  planned_end_date: string;
  contract_type: EmploymentContractType | null;
  status: MeasureStatus;
  end_date: string | null;
  end_reason: MeasureEndReason | null;
  started_by_org_id: string;
  started_at: Date;
  updated_at: Date;
  /** Raised by each change of status; the ETag a caller sends back in If-Match. */
  version: number;
}

export interface PauseRow {
  id: string;
  measure_id: string;
  reason_category: MeasurePauseReasonCategory;
  paused_at: Date;
  expected_resume: string | null;
  resumed_at: Date | null;
}

export interface AttendanceCountRow {
  measure_id: string;
  kind: 'PRESENT' | 'PARTIAL' | 'ABSENT';
  days: number;
}

const MEASURE_COLUMNS = `id, plan_id, path_id, measure_type, placement_kind, host_org_id,
  days_per_week, hours_per_day, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(planned_end_date, 'YYYY-MM-DD') AS planned_end_date, contract_type, status,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason, started_by_org_id, started_at,
  updated_at, version`;

const PAUSE_COLUMNS = `id, measure_id, reason_category, paused_at,
  to_char(expected_resume, 'YYYY-MM-DD') AS expected_resume, resumed_at`;

export async function insertMeasure(
  em: EntityManager,
  measure: {
    id: string;
    planId: string;
    pathId: string;
    measureType: MeasureType;
    placementKind: PlacementKind;
    hostOrgId: string | null;
    daysPerWeek: number;
    hoursPerDay: number;
    startDate: string;
    plannedEndDate: string;
    contractType: EmploymentContractType | null;
    startedByOrgId: string;
  },
): Promise<MeasureRow> {
  const [row] = await em.query<MeasureRow[]>(
    `INSERT INTO measure (id, plan_id, path_id, measure_type, placement_kind, host_org_id,
       days_per_week, hours_per_day, start_date, planned_end_date, contract_type,
       started_by_org_id, started_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     RETURNING ${MEASURE_COLUMNS}`,
    [
      measure.id,
      measure.planId,
      measure.pathId,
      measure.measureType,
      measure.placementKind,
      measure.hostOrgId,
      measure.daysPerWeek,
      measure.hoursPerDay,
      measure.startDate,
      measure.plannedEndDate,
      measure.contractType,
      measure.startedByOrgId,
      // The process's clock, not PostgreSQL's now(): see updateMeasureStatus.
      new Date(),
    ],
  );
  return row;
}

/** A measure of the path, locked for the transaction; undefined when the path has no such one. */
export async function measureOfPathForUpdate(
  em: EntityManager,
  { pathId, measureId }: { pathId: string; measureId: string },
): Promise<MeasureRow | undefined> {
  const [row] = await em.query<MeasureRow[]>(
    `SELECT ${MEASURE_COLUMNS} FROM measure WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [measureId, pathId],
  );
  return row;
}

/** The ordering of a path's measures, oldest first; a cursor of another list is refused. */
export const MEASURES_SORT = 'measures-oldest-first';

/**
 * One page of the path's measures, oldest first by (started_at, id): limit + 1 rows, with the
 * sort key each row's cursor carries.
 */
export async function measurePageOfPath(
  runner: Runner,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(MeasureRow & { sort_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['timestamp'], id: 'uuid' });
  return runner.query<(MeasureRow & { sort_key: string })[]>(
    `SELECT ${MEASURE_COLUMNS}, ${keysetTimestampSql('started_at')} AS sort_key FROM measure
      WHERE path_id = $1 AND ($2::timestamptz IS NULL OR (started_at, id) > ($2, $3::uuid))
      ORDER BY started_at, id LIMIT $4`,
    [query.pathId, after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}

/** Whether any measure of the path is paused now (the path's timers are then suspended). */
export async function pathHasPausedMeasure(runner: Runner, pathId: string): Promise<boolean> {
  const [row] = await runner.query<unknown[]>(
    `SELECT 1 FROM measure WHERE path_id = $1 AND status = 'PAUSED' LIMIT 1`,
    [pathId],
  );
  return row !== undefined;
}

export async function updateMeasureStatus(
  em: EntityManager,
  change: {
    measureId: string;
    status: MeasureStatus;
    endDate?: string;
    endReason?: MeasureEndReason;
  },
): Promise<MeasureRow> {
  // updated_at of an ENDED measure is when it ended, which the path's state compares with the
  // times of events (path-stage.repository.ts): so it comes from the process's clock like they
  // do, never PostgreSQL's now(), which the demo's simulated clock does not move.
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[MeasureRow[], number]>(
    `UPDATE measure SET status = $2, end_date = COALESCE($3, end_date),
       end_reason = COALESCE($4, end_reason), updated_at = $5,
       version = version + 1
      WHERE id = $1 RETURNING ${MEASURE_COLUMNS}`,
    [change.measureId, change.status, change.endDate ?? null, change.endReason ?? null, new Date()],
  );
  return row;
}

export async function insertPause(
  em: EntityManager,
  pause: {
    id: string;
    measureId: string;
    reasonCategory: MeasurePauseReasonCategory;
    pausedAt: Date;
    expectedResume: string | null;
    orgId: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO measure_pause (id, measure_id, reason_category, paused_at, expected_resume,
       paused_by_org_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      pause.id,
      pause.measureId,
      pause.reasonCategory,
      pause.pausedAt,
      pause.expectedResume,
      pause.orgId,
    ],
  );
}

export async function closeOpenPause(
  em: EntityManager,
  { measureId, resumedAt }: { measureId: string; resumedAt: Date },
): Promise<void> {
  await em.query(
    'UPDATE measure_pause SET resumed_at = $2 WHERE measure_id = $1 AND resumed_at IS NULL',
    [measureId, resumedAt],
  );
}

export async function pausesOf(runner: Runner, measureIds: readonly string[]): Promise<PauseRow[]> {
  return runner.query<PauseRow[]>(
    `SELECT ${PAUSE_COLUMNS} FROM measure_pause WHERE measure_id = ANY($1::uuid[])
      ORDER BY paused_at, id`,
    [measureIds],
  );
}

/** Records one day of a measure; false when the day already has an entry. */
export async function insertAttendanceEntry(
  em: EntityManager,
  entry: {
    measureId: string;
    date: string;
    kind: 'PRESENT' | 'PARTIAL' | 'ABSENT';
    reasonCategory: AbsenceReasonCategory | null;
    orgId: string;
  },
): Promise<boolean> {
  const rows = await em.query<unknown[]>(
    `INSERT INTO attendance (measure_id, date, kind, reason_category, recorded_by_org_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (measure_id, date) DO NOTHING RETURNING 1`,
    [entry.measureId, entry.date, entry.kind, entry.reasonCategory, entry.orgId],
  );
  return rows.length === 1;
}

export async function attendanceCountsOf(
  runner: Runner,
  measureIds: readonly string[],
): Promise<AttendanceCountRow[]> {
  return runner.query<AttendanceCountRow[]>(
    `SELECT measure_id, kind, count(*)::int AS days FROM attendance
      WHERE measure_id = ANY($1::uuid[]) GROUP BY measure_id, kind`,
    [measureIds],
  );
}
