import { ListCaseloadQuery, ListWorkQueueQuery } from '@polku/contracts';
import { ProblemException } from '../problem/problem.exception';
import { listFiltersOf } from './list-filters';

const workQueue = (query: Record<string, unknown>) =>
  listFiltersOf(ListWorkQueueQuery, query, {
    single: ['scope', 'pathId', 'workerId'],
    repeatable: ['kind'],
    booleans: ['overdue', 'unread', 'lost'],
  });

const caseload = (query: Record<string, unknown>) =>
  listFiltersOf(ListCaseloadQuery, query, {
    single: ['scope', 'measureType', 'providerOrgId', 'workerId'],
    repeatable: ['state', 'nextStep'],
    booleans: ['overdue'],
  });

function problemOf(run: () => unknown): { status: number; errors: { field: string }[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem as never;
  }
  throw new Error('no problem was raised');
}

describe('a list’s filters from the query string', () => {
  it('should make one kind a list of one and keep every kind when the parameter repeats', () => {
    expect(workQueue({ kind: 'ESCALATION' })).toMatchObject({ kind: ['ESCALATION'] });
    expect(workQueue({ kind: ['PATH_STEP', 'ESCALATION'] })).toMatchObject({
      kind: ['PATH_STEP', 'ESCALATION'],
    });
    expect(caseload({ state: 'INTAKE', nextStep: ['COMPLETE_INTAKE'] })).toMatchObject({
      state: ['INTAKE'],
      nextStep: ['COMPLETE_INTAKE'],
    });
  });

  it('should read true and false as booleans when a boolean filter is given', () => {
    expect(workQueue({ overdue: 'true', unread: 'false', lost: 'true' })).toMatchObject({
      overdue: true,
      unread: false,
      lost: true,
    });
  });

  it('should leave out the page parameters and parameters the list does not take', () => {
    expect({ ...workQueue({ limit: '10', cursor: 'abc', other: 'x' }) }).toEqual({});
  });

  it.each([
    ['a boolean written as 1', { overdue: '1' }, 'overdue'],
    ['a boolean written as yes', { unread: 'yes' }, 'unread'],
    ['an empty boolean', { lost: '' }, 'lost'],
    ['a boolean given twice', { lost: ['true', 'false'] }, 'lost'],
    ['an unknown kind', { kind: 'SECRETS' }, 'kind'],
    ['a kind twice', { kind: ['PATH_STEP', 'PATH_STEP'] }, 'kind'],
    ['an unknown scope', { scope: 'EVERYONE' }, 'scope'],
    ['a scope given twice', { scope: ['MINE', 'TEAM'] }, 'scope'],
    ['a path that is not a uuid', { pathId: 'polku-1' }, 'pathId'],
    ['a worker id with a space', { workerId: 'demo user' }, 'workerId'],
  ])(
    'should answer a 400 naming the field when the work queue’s query has %s',
    (_l, query, field) => {
      const problem = problemOf(() => workQueue(query));
      expect(problem.status).toBe(400);
      expect(problem.errors.map((error) => error.field)).toEqual(expect.arrayContaining([field]));
    },
  );

  it.each([
    ['an unknown state', { state: 'LIMBO' }, 'state'],
    ['an unknown next step', { nextStep: ['NAP'] }, 'nextStep'],
    ['an unknown measure type', { measureType: 'HOLIDAY' }, 'measureType'],
    ['a provider that is not a uuid', { providerOrgId: 'tyonsilta' }, 'providerOrgId'],
    ['overdue written as TRUE', { overdue: 'TRUE' }, 'overdue'],
  ])(
    'should answer a 400 naming the field when the caseload’s query has %s',
    (_l, query, field) => {
      const problem = problemOf(() => caseload(query));
      expect(problem.status).toBe(400);
      expect(problem.errors.map((error) => error.field)).toEqual([field]);
    },
  );
});
