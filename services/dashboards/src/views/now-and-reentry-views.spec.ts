import type { DashboardTable } from '@polku/contracts';
import { dashboardTable } from './dashboard-table';
import { openPathsLayout, type NowFigures } from './open-paths.view';
import { reentryLayout, type ReentryCount } from './re-entry.view';
import type { ViewContext } from './view-context';

const context: ViewContext = {
  scope: 'ORGANISATION',
  orgId: '0d8f7a1e-5c4b-4a2e-8f3d-9b6c1e2a7d40',
  period: 'MONTH',
  from: '2025-01-01',
  to: '2025-02-28',
  periods: ['2025-01-01', '2025-02-01'],
  today: '2026-12-07',
};

const shown = (table: DashboardTable, key: string, group?: string) =>
  table.rows.find((r) => r.key === key && r.group === group)!.cells.map((cell) => cell.display);

describe('open-paths', () => {
  const now = (
    kind: string,
    rowKey: string | null,
    level: number,
    n: number,
    median: number,
    clients = n,
  ): NowFigures => ({
    kind,
    row_key: rowKey,
    level,
    n,
    clients,
    median_days: median,
    p90_days: median + 10,
  });

  it('should show open paths by state, unclear by age, hand-offs by standing and the lost, with ages', () => {
    const table = dashboardTable(
      'open-paths',
      context,
      openPathsLayout([
        now('NOW_OPEN', 'IN_MEASURE', 0, 20, 45),
        now('NOW_OPEN', 'PLANNING', 0, 3, 5),
        now('NOW_OPEN', null, 1, 23, 40),
        now('NOW_HANDOFF', 'OVERDUE', 0, 6, 12),
        // Five escalated hand-offs of four paths (one path awaits two answers).
        now('NOW_HANDOFF', 'ESCALATED', 0, 5, 20, 4),
        now('NOW_HANDOFF', null, 1, 11, 15),
        now('NOW_LOST', 'ALL', 0, 7, 30),
        now('NOW_LOST', null, 1, 7, 30),
      ]),
    );
    expect(table.total).toBeUndefined();
    expect(shown(table, 'PLANNING', 'OPEN')).toEqual(['<5', '<5', '<5']);
    // PLANNING alone hidden among the open paths: the smallest other one goes with it.
    expect(shown(table, 'IN_MEASURE', 'OPEN')).toEqual(['..', '..', '..']);
    expect(shown(table, 'TOTAL', 'OPEN')).toEqual(['23', '40', '50']);
    expect(shown(table, 'TOTAL', 'UNCLEAR')).toEqual(['0', '', '']);
    expect(shown(table, 'ON_TIME', 'HANDOFF')).toEqual(['0', '', '']);
    expect(shown(table, 'ESCALATED', 'HANDOFF')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'OVERDUE', 'HANDOFF')).toEqual(['..', '..', '..']);
    expect(shown(table, 'TOTAL', 'HANDOFF')).toEqual(['11', '15', '25']);
    expect(shown(table, 'TOTAL', 'LOST')).toEqual(['7', '30', '40']);
    expect(table.rows.at(-1)).toMatchObject({ key: 'TOTAL', group: 'LOST' });
  });
});

describe('re-entry', () => {
  const record = (row: string, period: string | null, n: number, clients = n): ReentryCount => ({
    row,
    period,
    n,
    clients,
  });

  it('should take each row as counted, its TOTAL of its own clients, and share the re-entries', () => {
    const table = dashboardTable(
      're-entry',
      context,
      reentryLayout(context.periods, [
        record('EXITS', '2025-01-01', 10),
        record('EXITS', '2025-02-01', 10),
        // A client who exited in both months is one client of the TOTAL.
        record('EXITS', null, 20, 19),
        record('EXITS_6_MONTHS_AGO', '2025-01-01', 10),
        record('EXITS_6_MONTHS_AGO', '2025-02-01', 10),
        record('EXITS_6_MONTHS_AGO', null, 20, 19),
        record('REENTERED_WITHIN_6_MONTHS', '2025-01-01', 5),
        record('REENTERED_WITHIN_6_MONTHS', null, 5),
        record('EXITS_12_MONTHS_AGO', '2025-01-01', 10),
        record('EXITS_12_MONTHS_AGO', null, 10),
        record('REENTERED_WITHIN_12_MONTHS', '2025-01-01', 5),
        record('REENTERED_WITHIN_12_MONTHS', null, 5),
        record('LOOP:2', '2025-02-01', 8),
        record('LOOP:2', null, 8),
        // Five returns of three clients.
        record('LOOP:3+', '2025-02-01', 5, 3),
        record('LOOP:3+', null, 5, 3),
        record('LOOP:TOTAL', '2025-02-01', 13, 11),
        record('LOOP:TOTAL', null, 13, 11),
      ]),
    );
    expect(shown(table, 'EXITS', 'REENTRY')).toEqual(['10', '10', '20', '']);
    expect(shown(table, 'REENTERED_WITHIN_6_MONTHS', 'REENTRY')).toEqual(['5', '0', '5', '25.0']);
    expect(shown(table, 'EXITS_12_MONTHS_AGO', 'REENTRY')).toEqual(['10', '0', '10', '']);
    expect(shown(table, 'REENTERED_WITHIN_12_MONTHS', 'REENTRY')).toEqual(['5', '0', '5', '50.0']);
    expect(shown(table, '3+', 'LOOP')).toEqual(['0', '<5', '<5', '<5']);
    expect(shown(table, '2', 'LOOP')).toEqual(['0', '..', '..', '..']);
    expect(shown(table, 'TOTAL', 'LOOP')).toEqual(['0', '13', '13', '']);
  });
});
