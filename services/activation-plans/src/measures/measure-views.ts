import type { AttendanceCountRow, MeasureRow, PauseRow } from './measure.repository';

/** A measure as the API shows it to anyone who sees the path (PATH data). */
export function measureView(row: MeasureRow) {
  return {
    measureId: row.id,
    planId: row.plan_id,
    measureType: row.measure_type,
    placement: {
      kind: row.placement_kind,
      ...(row.host_org_id === null ? {} : { hostOrgId: row.host_org_id }),
    },
    schedule: {
      daysPerWeek: row.days_per_week,
      hoursPerDay: Number(row.hours_per_day),
      startDate: row.start_date,
      plannedEndDate: row.planned_end_date,
    },
    contractType: row.contract_type,
    status: row.status,
    endDate: row.end_date,
    endReason: row.end_reason,
    startedByOrgId: row.started_by_org_id,
    startedAt: row.started_at.toISOString(),
    version: row.version,
  };
}

export function pauseView(row: PauseRow) {
  return {
    reasonCategory: row.reason_category,
    pausedAt: row.paused_at.toISOString(),
    expectedResume: row.expected_resume,
    resumedAt: row.resumed_at?.toISOString() ?? null,
  };
}

/** Days recorded per kind: present, partly present, absent. */
export function attendanceCountsView(rows: readonly AttendanceCountRow[]) {
  const days = (kind: AttendanceCountRow['kind']) =>
    rows.find((row) => row.kind === kind)?.days ?? 0;
  return { present: days('PRESENT'), partial: days('PARTIAL'), absent: days('ABSENT') };
}

/**
 * The path's measures, each with its pauses and attendance counts only when the caller sees
 * them; `withheld` names what was held back.
 */
export function measureListView(list: {
  measures: readonly MeasureRow[];
  pauses: readonly PauseRow[] | undefined;
  counts: readonly AttendanceCountRow[] | undefined;
}) {
  const { measures, pauses, counts } = list;
  return {
    items: measures.map((measure) => ({
      ...measureView(measure),
      ...(pauses === undefined
        ? {}
        : {
            pauses: pauses.filter((pause) => pause.measure_id === measure.id).map(pauseView),
          }),
      ...(counts === undefined
        ? {}
        : {
            attendance: attendanceCountsView(
              counts.filter((count) => count.measure_id === measure.id),
            ),
          }),
    })),
    withheld: [
      ...(pauses === undefined ? ['pauses'] : []),
      ...(counts === undefined ? ['attendance'] : []),
    ],
  };
}
