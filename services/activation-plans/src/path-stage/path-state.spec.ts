import { PathStateConflictError } from '@polku/service-runtime';
import { pathStateOf, type PathStageFacts } from './path-state';
import {
  assertMayAgreePlan,
  assertMayEndMeasure,
  assertMayPauseMeasure,
  assertMayStartMeasure,
  assertPathStillOpen,
} from './path-state-rules';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 11, 9, minute));

function factsOf(overrides: Partial<PathStageFacts> = {}): PathStageFacts {
  return {
    intakeCompletedAt: null,
    exit: null,
    closedAt: null,
    continuedByPathId: null,
    handoffPending: false,
    lastHandoffCompletedAt: null,
    hasPlan: false,
    lastPlanVersionAt: null,
    runningMeasure: null,
    lastMeasureEndedAt: null,
    ...overrides,
  };
}

const planned = { intakeCompletedAt: at(0), hasPlan: true, lastPlanVersionAt: at(1) };

function refusedState(check: () => void): string | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof PathStateConflictError) {
      return error.pathState;
    }
    throw error;
  }
  return undefined;
}

describe('pathStateOf', () => {
  it.each<[string, Partial<PathStageFacts>, string]>([
    ['nothing known yet', {}, 'INTAKE'],
    ['intake completed', { intakeCompletedAt: at(0) }, 'PLANNING'],
    ['a plan agreed', planned, 'PLANNING'],
    ['a measure running', { ...planned, runningMeasure: 'ACTIVE' }, 'IN_MEASURE'],
    ['a measure paused', { ...planned, runningMeasure: 'PAUSED' }, 'PAUSED'],
    [
      'a measure ended after the plan',
      { ...planned, lastMeasureEndedAt: at(5) },
      'TRANSITION_PENDING',
    ],
    [
      'the plan revised after the measure ended',
      { ...planned, lastMeasureEndedAt: at(5), lastPlanVersionAt: at(6) },
      'PLANNING',
    ],
    [
      'a hand-off pending while a measure runs',
      { ...planned, runningMeasure: 'ACTIVE', handoffPending: true },
      'TRANSITION_PENDING',
    ],
    ['a hand-off pending in intake', { handoffPending: true }, 'TRANSITION_PENDING'],
    ['a hand-off completed without intake', { lastHandoffCompletedAt: at(3) }, 'PLANNING'],
    [
      'an exit to an unclear path',
      { ...planned, exit: { at: at(7), category: 'UNCLEAR_PATH' } },
      'UNCLEAR_PATH',
    ],
    [
      'an exit to work',
      { ...planned, exit: { at: at(7), category: 'OPEN_LABOUR_MARKET' } },
      'FOLLOW_UP',
    ],
    [
      'a hand-off completed after an unclear exit',
      { ...planned, exit: { at: at(7), category: 'UNCLEAR_PATH' }, lastHandoffCompletedAt: at(9) },
      'PLANNING',
    ],
    [
      'closed',
      { ...planned, exit: { at: at(7), category: 'OPEN_LABOUR_MARKET' }, closedAt: at(9) },
      'CLOSED',
    ],
    [
      'continued by a new path',
      { ...planned, closedAt: at(9), continuedByPathId: 'p2' },
      'REENTERED',
    ],
  ])('should answer the state when %s', (_case, facts, state) => {
    expect(pathStateOf(factsOf(facts))).toBe(state);
  });
});

describe('the rules of the path state', () => {
  it('should refuse a plan in intake and while a hand-off is pending, and allow it in planning', () => {
    expect(refusedState(() => assertMayAgreePlan(factsOf()))).toBe('INTAKE');
    expect(
      refusedState(() =>
        assertMayAgreePlan(factsOf({ intakeCompletedAt: at(0), handoffPending: true })),
      ),
    ).toBe('TRANSITION_PENDING');
    expect(refusedState(() => assertMayAgreePlan(factsOf({ intakeCompletedAt: at(0) })))).toBe(
      undefined,
    );
  });

  it('should refuse a measure without a plan as PLANNING and a second running one as IN_MEASURE', () => {
    expect(refusedState(() => assertMayStartMeasure(factsOf({ intakeCompletedAt: at(0) })))).toBe(
      'PLANNING',
    );
    expect(
      refusedState(() => assertMayStartMeasure(factsOf({ ...planned, runningMeasure: 'ACTIVE' }))),
    ).toBe('IN_MEASURE');
    expect(refusedState(() => assertMayStartMeasure(factsOf(planned)))).toBe(undefined);
  });

  it('should let a measure end after the exit, but not be paused', () => {
    const exited = factsOf({ ...planned, exit: { at: at(7), category: 'OPEN_LABOUR_MARKET' } });
    expect(refusedState(() => assertMayEndMeasure(exited, 'ACTIVE'))).toBe(undefined);
    expect(refusedState(() => assertMayPauseMeasure(exited, 'ACTIVE'))).toBe('FOLLOW_UP');
    expect(refusedState(() => assertMayPauseMeasure(factsOf(planned), 'PAUSED'))).toBe('PAUSED');
  });

  it('should allow follow-up records after the exit and refuse them once the path is closed', () => {
    const exited = { ...planned, exit: { at: at(7), category: 'OPEN_LABOUR_MARKET' } };
    expect(refusedState(() => assertPathStillOpen(factsOf(exited), 'revise the plan'))).toBe(
      undefined,
    );
    expect(
      refusedState(() => assertPathStillOpen(factsOf({ ...exited, closedAt: at(9) }), 'revise')),
    ).toBe('CLOSED');
  });
});
