import { randomUUID } from 'node:crypto';
import { DASHBOARD_COMMANDS, type DashboardTable } from '@polku/contracts';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { fact, person, seedFacts, type Fact } from './support/facts';
import { cellAt, shown } from './support/tables';

// Small cells are small by their clients (docs/dashboards.md, "Suppression"): a cell, a TOTAL,
// a group's whole or the total row of 1–4 clients is hidden however many facts they have, and
// one of 5 clients is shown whatever its facts.
describe('dashboards: small cells counted in clients', () => {
  let service: DashboardsService;
  let orgId: string;
  const range = { period: 'MONTH', from: '2025-01-01', to: '2025-02-28' };

  beforeAll(async () => {
    service = await startDashboardsService();
  });

  beforeEach(() => {
    orgId = randomUUID();
  });

  afterAll(async () => {
    await service?.close();
  });

  const view = (name: string) =>
    service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, person(orgId, 'MANAGER'), {
      view: name,
      ...range,
    });
  /** `n` facts of one client's path. */
  const ofOnePath = (n: number, given: Omit<Parameters<typeof fact>[0], 'orgId'>): Fact[] => {
    const pathId = randomUUID();
    return Array.from({ length: n }, (_, i) =>
      fact({ ...given, orgId, pathId, days: given.days ?? i }),
    );
  };
  /** One fact each of `n` clients. */
  const ofPaths = (n: number, given: Omit<Parameters<typeof fact>[0], 'orgId'>): Fact[] =>
    Array.from({ length: n }, (_, i) => fact({ ...given, orgId, days: given.days ?? i }));

  it('should hide six waits of one client as a small cell, with its whole', async () => {
    await seedFacts(service.dataSource, [
      ...ofOnePath(6, { kind: 'WAIT', category: 'HOUSING', factDate: '2025-01-20' }),
    ]);

    const table = await view('waiting');

    expect(shown(table, 'HOUSING', 'WAIT')).toEqual(['<5', '<5', '<5']);
    expect(shown(table, 'TOTAL', 'WAIT')).toEqual(['<5', '<5', '<5']);
    expect(cellAt(table, 'HOUSING', 'total', 'WAIT')).toEqual({
      value: null,
      display: '<5',
      suppressed: 'SMALL_CELL',
    });
  });

  it('should show the waits of five clients, one each, as 5', async () => {
    await seedFacts(service.dataSource, [
      ...ofPaths(5, { kind: 'WAIT', category: 'HOUSING', factDate: '2025-01-20' }),
    ]);

    const table = await view('waiting');

    expect(shown(table, 'HOUSING', 'WAIT')).toEqual(['5', '2', '4']);
  });

  it('should hide six escalations of two clients in a month, and the row they are alone in', async () => {
    const signal = { kind: 'OVERDUE', category: 'NextStepOverdue', factDate: '2025-02-03' };
    await seedFacts(service.dataSource, [
      ...ofOnePath(3, signal),
      ...ofOnePath(3, signal),
      ...ofPaths(5, { ...signal, category: 'FollowUpMissed', factDate: '2025-01-10' }),
    ]);

    const table = await view('overdue-trends');

    expect(shown(table, 'NextStepOverdue', 'NextStepOverdue')).toEqual(['0', '<5', '<5']);
    // February's whole is the same two clients, hidden too; the 11 signals are of 7 clients. The
    // five missed follow-ups (of five clients) are hidden beside them, else subtraction tells.
    expect(shown(table, 'total')).toEqual(['..', '<5', '11']);
    expect(shown(table, 'FollowUpMissed', 'FollowUpMissed')).toEqual(['..', '0', '..']);
  });

  it('should hide a total row of goals whose clients are fewer than five', async () => {
    // Two clients, each with three goals at −1 and three at +1: 12 goals of 2 clients.
    const gas = { kind: 'GAS', factDate: '2025-02-20' };
    const clients = [randomUUID(), randomUUID()];
    await seedFacts(
      service.dataSource,
      clients.flatMap((pathId) => [
        ...Array.from({ length: 3 }, () => fact({ ...gas, orgId, pathId, category: '-1' })),
        ...Array.from({ length: 3 }, () => fact({ ...gas, orgId, pathId, category: '+1' })),
      ]),
    );

    const table = await view('goal-attainment');

    expect(shown(table, '-1')).toEqual(['<5', '<5']);
    expect(shown(table, '+1')).toEqual(['<5', '<5']);
    expect(shown(table, 'total')).toEqual(['<5', '<5']);
    expect(table.total!.cells[0]).toEqual({ value: null, display: '<5', suppressed: 'SMALL_CELL' });
  });

  it('should count a client who exits twice once, in the row’s TOTAL, its group and the total', async () => {
    // Four clients exit to the open labour market in January, one of them again in February.
    const exit = {
      kind: 'EXIT',
      category: 'OPEN_LABOUR_MARKET',
      detail: 'LABOUR_MARKET',
      factDate: '2025-01-15',
    };
    const twice = randomUUID();
    await seedFacts(service.dataSource, [
      ...ofPaths(3, exit),
      fact({ ...exit, orgId, pathId: twice }),
      fact({ ...exit, orgId, pathId: twice, factDate: '2025-02-15' }),
    ]);

    const table = await view('destinations');

    // Five exits, but of four clients: every TOTAL of them is small.
    const hidden = ['<5', '<5', '<5', '<5'];
    expect(shown(table, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual(hidden);
    expect(shown(table, 'TOTAL', 'LABOUR_MARKET')).toEqual(hidden);
    expect(shown(table, 'total')).toEqual(hidden);
  });

  it('should hide a link one client took twice however many times, and show one of five', async () => {
    const link = { kind: 'LINK', factDate: '2025-01-15' };
    await seedFacts(service.dataSource, [
      ...ofOnePath(6, { ...link, category: 'DEST:STUDIES>DEST:PENSION', detail: 'DEST:STUDIES' }),
      ...ofPaths(5, { ...link, category: 'REFERRAL>INTAKE', detail: 'REFERRAL' }),
    ]);

    const table = await view('flows');

    expect(shown(table, 'DEST:STUDIES>DEST:PENSION', 'DEST>DEST')).toEqual(['<5', '<5']);
    expect(shown(table, 'REFERRAL>INTAKE', 'REFERRAL>INTAKE')).toEqual(['5', '2']);
  });
});
