import { DashboardFilters } from '@polku/contracts';
import { ProblemException } from '../problem/problem.exception';
import { dashboardQueryOf, DashboardViewParameters, filtersOf } from './dashboard-query';

function problemOf(run: () => unknown): {
  status: number;
  errors: { field: string; message: string }[];
} {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem as never;
  }
  throw new Error('no problem was raised');
}

describe('a dashboard’s query string', () => {
  it('should take every filter of the contract', () => {
    const query = {
      scope: 'REGION',
      period: 'QUARTER',
      from: '2025-01-01',
      to: '2026-06-30',
      municipality: '205',
      measureType: 'WORK_TRIAL',
      ageBand: 'AGE_18_24',
    };
    expect({ ...dashboardQueryOf(DashboardFilters, query) }).toEqual(query);
  });

  it('should take format on a view and leave it out of the filters sent to the service', () => {
    const parameters = dashboardQueryOf(DashboardViewParameters, {
      format: 'csv',
      scope: 'REGION',
    });
    expect(parameters.format).toBe('csv');
    expect({ ...filtersOf(parameters) }).toEqual({ scope: 'REGION' });
  });

  it.each([
    ['an organisation', { orgId: '6f1c0c1e-4f0e-4b7e-9a53-1d6f4c1b2a10' }, 'orgId'],
    ['a page size', { limit: '10' }, 'limit'],
    ['an unknown scope', { scope: 'EVERYONE' }, 'scope'],
    ['a scope given twice', { scope: ['ORGANISATION', 'REGION'] }, 'scope'],
    ['a date that is not a day', { from: '2026-02-30' }, 'from'],
    ['a municipality that is a name', { municipality: 'Kajaani' }, 'municipality'],
    ['an unknown measure type', { measureType: 'HOLIDAY' }, 'measureType'],
    ['an unknown age band', { ageBand: 'OLD' }, 'ageBand'],
  ])('should answer a 400 naming the parameter when the query has %s', (_l, query, field) => {
    const problem = problemOf(() => dashboardQueryOf(DashboardViewParameters, query));
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.field)).toEqual([field]);
  });

  it('should refuse format on the page, which answers JSON only', () => {
    const problem = problemOf(() => dashboardQueryOf(DashboardFilters, { format: 'csv' }));
    expect(problem.errors.map((error) => error.field)).toEqual(['format']);
  });

  it('should refuse a format other than json or csv', () => {
    const problem = problemOf(() => dashboardQueryOf(DashboardViewParameters, { format: 'xlsx' }));
    expect(problem.errors.map((error) => error.field)).toEqual(['format']);
  });

  it('should never echo a refused value', () => {
    const problem = problemOf(() =>
      dashboardQueryOf(DashboardViewParameters, {
        orgId: 'secret-org-value',
        scope: 'secret-scope',
      }),
    );
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
