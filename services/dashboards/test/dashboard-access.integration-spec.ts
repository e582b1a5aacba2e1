import { randomUUID } from 'node:crypto';
import {
  DASHBOARD_COMMANDS,
  DASHBOARD_VIEWS,
  type DashboardPage,
  type DashboardTable,
} from '@polku/contracts';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { startDashboardsService, type DashboardsService } from './support/dashboards-service';
import { facts, person, seedFacts, type Fact } from './support/facts';
import { shown } from './support/tables';

// Who may read the dashboards, whose figures they see, and that nothing of one client leaves.
describe('dashboards: access, scope and privacy', () => {
  let service: DashboardsService;
  const orgA = randomUUID();
  const orgB = randomUUID();
  // Municipalities of this file's own, so that REGION answers count only its facts.
  const kajaani = '945';
  const kuhmo = '946';
  const range = { from: '2025-03-01', to: '2025-03-31' };
  const seeded: Fact[] = [];

  beforeAll(async () => {
    service = await startDashboardsService();
    const exit = (orgId: string, category: string, municipality: string) =>
      ({ kind: 'EXIT', orgId, category, municipality, factDate: '2025-03-14', days: 90 }) as const;
    seeded.push(
      ...facts(6, exit(orgA, 'OPEN_LABOUR_MARKET', kajaani)),
      ...facts(5, { ...exit(orgA, 'PENSION', kuhmo), ageBand: 'AGE_50_59' }),
      ...facts(7, {
        ...exit(orgB, 'OPEN_LABOUR_MARKET', kajaani),
        measureType: 'PAY_SUBSIDISED_WORK',
      }),
      ...facts(5, {
        kind: 'LINK',
        orgId: orgA,
        category: 'REFERRAL>INTAKE',
        municipality: kajaani,
        factDate: '2025-03-02',
        days: 4,
      }),
      ...facts(5, {
        kind: 'NOW_OPEN',
        orgId: orgA,
        category: 'IN_MEASURE',
        municipality: kajaani,
        factDate: '2025-03-02',
      }),
    );
    await seedFacts(service.dataSource, seeded);
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each([['CASEWORKER'], ['TEAM_LEAD']] as const)(
    'should refuse a %s any view and any page as forbidden',
    async (role) => {
      const caller = person(orgA, role);
      await expect(
        service.askError(DASHBOARD_COMMANDS.view, caller, { view: 'destinations' }),
      ).resolves.toMatchObject({ code: 'FORBIDDEN' });
      await expect(service.askError(DASHBOARD_COMMANDS.page, caller, {})).resolves.toMatchObject({
        code: 'FORBIDDEN',
      });
    },
  );

  it.each([
    ['an unknown view', { view: 'clients' }],
    ['an organisation to look at', { view: 'destinations', orgId: orgB }],
    [
      'a to after today',
      { view: 'destinations', to: addCalendarDays(finnishDateOf(new Date()), 1) },
    ],
    ['a from after to', { view: 'destinations', from: '2025-03-02', to: '2025-03-01' }],
    ['a range over the longest', { view: 'destinations', from: '2021-01-01', to: '2025-01-01' }],
    ['a municipality that is not a code', { view: 'destinations', municipality: 'Kajaani' }],
  ])('should refuse %s as a validation error', async (_name, body) => {
    await expect(
      service.askError(DASHBOARD_COMMANDS.view, person(orgA, 'MANAGER'), body),
    ).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('should never count another organisation’s facts in ORGANISATION scope', async () => {
    const ofA = await service.ask<DashboardTable>(
      DASHBOARD_COMMANDS.view,
      person(orgA, 'MANAGER'),
      {
        view: 'destinations',
        ...range,
      },
    );
    const ofB = await service.ask<DashboardTable>(
      DASHBOARD_COMMANDS.view,
      person(orgB, 'MANAGER'),
      {
        view: 'destinations',
        scope: 'ORGANISATION',
        ...range,
      },
    );

    expect(ofA.orgId).toBe(orgA);
    expect(shown(ofA, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual(['6', '6', '54.5']);
    expect(shown(ofA, 'total')).toEqual(['11', '11', '100.0']);
    expect(ofB.orgId).toBe(orgB);
    expect(shown(ofB, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual(['7', '7', '100.0']);
    expect(shown(ofB, 'PENSION', 'OUTSIDE_LABOUR_MARKET')).toEqual(['0', '0', '0.0']);
  });

  it('should count every organisation together in REGION scope, never by organisation', async () => {
    const page = await service.ask<DashboardPage>(
      DASHBOARD_COMMANDS.page,
      person(orgA, 'MANAGER'),
      {
        scope: 'REGION',
        municipality: kajaani,
        ...range,
      },
    );
    const destinations = page.views.find((table) => table.view === 'destinations')!;

    expect(shown(destinations, 'OPEN_LABOUR_MARKET', 'LABOUR_MARKET')).toEqual([
      '13',
      '13',
      '100.0',
    ]);
    for (const table of page.views) {
      expect(table).toMatchObject({ scope: 'REGION', filters: { municipality: kajaani } });
      expect(table.orgId).toBeUndefined();
    }
    const answer = JSON.stringify(page);
    expect(answer).not.toContain(orgA);
    expect(answer).not.toContain(orgB);
  });

  it('should narrow by municipality, measure type and age band', async () => {
    const ask = (filters: Record<string, unknown>) =>
      service.ask<DashboardTable>(DASHBOARD_COMMANDS.view, person(orgA, 'MANAGER'), {
        view: 'destinations',
        scope: 'REGION',
        ...range,
        ...filters,
      });

    const inKuhmo = await ask({ municipality: kuhmo });
    const paySubsidised = await ask({ municipality: kajaani, measureType: 'PAY_SUBSIDISED_WORK' });
    const older = await ask({ municipality: kuhmo, ageBand: 'AGE_50_59' });
    const younger = await ask({ municipality: kuhmo, ageBand: 'AGE_18_24' });

    expect(shown(inKuhmo, 'total')).toEqual(['5', '5', '100.0']);
    expect(inKuhmo.filters).toEqual({ municipality: kuhmo });
    expect(shown(paySubsidised, 'total')).toEqual(['7', '7', '100.0']);
    expect(shown(older, 'PENSION', 'OUTSIDE_LABOUR_MARKET')).toEqual(['5', '5', '100.0']);
    expect(shown(younger, 'total')).toEqual(['0', '0', '']);
  });

  it('should answer a page of every view, none of them naming a path or a fact of one', async () => {
    const page = await service.ask<DashboardPage>(
      DASHBOARD_COMMANDS.page,
      person(orgA, 'MANAGER'),
      {
        period: 'WEEK',
        ...range,
      },
    );

    expect(page.views.map((table) => table.view)).toEqual([...DASHBOARD_VIEWS]);
    for (const table of page.views) {
      expect(table).toMatchObject({
        scope: 'ORGANISATION',
        orgId: orgA,
        period: 'WEEK',
        from: '2025-02-24',
        to: '2025-03-31',
      });
    }
    const answer = JSON.stringify(page);
    for (const one of seeded) {
      expect(answer).not.toContain(one.pathId);
      expect(answer).not.toContain(one.factKey);
    }
    // Only the figures' own fields: no member could carry a client's data.
    for (const table of page.views) {
      for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
        expect(
          Object.keys(row).every((key) => ['key', 'group', 'from', 'to', 'cells'].includes(key)),
        ).toBe(true);
        for (const cell of row.cells) {
          expect(
            Object.keys(cell).every((key) => ['value', 'display', 'suppressed'].includes(key)),
          ).toBe(true);
        }
      }
    }
  });
});
