import { decide } from './path-machine';
import {
  accept,
  cancelledKeys,
  DAY0,
  eventNamed,
  eventNames,
  fire,
  make,
  PATH_ID,
  pathAt,
  POLICY,
  RECEIVER_WORKER,
  scheduledKeys,
  walk,
  STAGES,
} from '../../test/support/path-machine/path-fixtures';

const REMINDER = (days: number) => `measure-ending:${PATH_ID}:measure-1:${days}`;

describe('decide: planning and measures', () => {
  it('should ask for a measure to start in 10 business days when the plan is agreed by any plan party', () => {
    const { state } = accept(pathAt('planning'), make.planAgreed({ actor: RECEIVER_WORKER }));

    expect(state).toMatchObject({
      state: 'PLANNING',
      nextStep: { kind: 'START_MEASURE', dueDate: '2027-03-15' },
    });
  });

  it('should refuse a plan before the intake is complete or while a measure runs', () => {
    expect(decide(pathAt('intake'), make.planAgreed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(decide(pathAt('inMeasure'), make.planAgreed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
  });

  it('should start a new planning step when a plan is agreed after a measure ended', () => {
    const { state } = accept(pathAt('measureEnded'), make.planAgreed());

    expect(state).toMatchObject({ state: 'PLANNING', nextStep: { kind: 'START_MEASURE' } });
  });

  it('should plan the next step by the planned end and remind 30, 14 and 7 days before it when a measure starts', () => {
    const { state, effects } = accept(pathAt('planAgreed'), make.measureStarted());

    expect(state).toMatchObject({
      state: 'IN_MEASURE',
      activeMeasure: { measureId: 'measure-1', plannedEndDate: '2027-09-30', paused: false },
      nextStep: { kind: 'PLAN_NEXT_STEP', dueDate: '2027-09-30', level: 'WORKER' },
    });
    expect(scheduledKeys(effects)).toEqual([
      REMINDER(30),
      REMINDER(14),
      REMINDER(7),
      `next-step:${PATH_ID}:WORKER`,
    ]);
    expect(state.timers.map((t) => t.dueDate)).toEqual([
      '2027-08-31',
      '2027-09-16',
      '2027-09-23',
      '2027-10-01',
    ]);
  });

  it('should leave out the reminders already past when a short measure starts', () => {
    const { effects } = accept(
      pathAt('planAgreed'),
      make.measureStarted({ plannedEndDate: '2027-03-10' }),
    );

    expect(scheduledKeys(effects)).toEqual([REMINDER(7), `next-step:${PATH_ID}:WORKER`]);
  });

  it('should refuse a measure outside planning, without an id or ending in the past', () => {
    expect(decide(pathAt('intake'), make.measureStarted(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(
      decide(pathAt('planAgreed'), make.measureStarted({ measureId: ' ' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
    expect(
      decide(pathAt('planAgreed'), make.measureStarted({ plannedEndDate: '2027-02-28' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED', message: expect.stringContaining('before today') },
    });
  });

  it('should suspend every timer of the path and wait for the resume when a measure is paused', () => {
    const before = pathAt('inMeasure');
    const { state, effects } = accept(
      before,
      make.measurePaused({ at: '2027-04-01', expectedResume: '2027-05-03' }),
    );

    expect(state).toMatchObject({
      state: 'PAUSED',
      activeMeasure: { paused: true, pausedOn: '2027-04-01', expectedResume: '2027-05-03' },
      nextStep: { kind: 'RESUME_MEASURE', dueDate: '2027-05-03' },
    });
    // The plan-next-step ladder belongs to a step that is no longer next; the rest stand still.
    expect(cancelledKeys(effects)).toEqual([`next-step:${PATH_ID}:WORKER`]);
    expect(effects).toContainEqual({
      type: 'suspendTimers',
      keys: [REMINDER(30), REMINDER(14), REMINDER(7)],
      on: '2027-04-01',
    });
    expect(state.timers.every((t) => t.suspendedOn === '2027-04-01')).toBe(true);
  });

  it('should give RESUME_MEASURE 20 business days when the pause names no expected date', () => {
    const { state } = accept(pathAt('inMeasure'), make.measurePaused());

    expect(state.nextStep).toEqual({
      kind: 'RESUME_MEASURE',
      dueDate: '2027-03-31',
      level: 'WORKER',
    });
  });

  it('should refuse a pause of another measure, of a paused one, or with a resume date in the past', () => {
    expect(
      decide(pathAt('inMeasure'), make.measurePaused({ measureId: 'measure-2' }), POLICY),
    ).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(decide(pathAt('paused'), make.measurePaused(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(
      decide(pathAt('inMeasure'), make.measurePaused({ expectedResume: '2027-02-01' }), POLICY),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
  });

  it('should run the timers again later by the days paused, and move the planned end with them, when the measure resumes', () => {
    const paused = walk([...STAGES.inMeasure, make.measurePaused({ at: '2027-04-01' })]);
    const { state, effects } = accept(paused, make.measureResumed({ at: '2027-04-11' }));

    expect(state).toMatchObject({
      state: 'IN_MEASURE',
      activeMeasure: { measureId: 'measure-1', plannedEndDate: '2027-10-10', paused: false },
      nextStep: { kind: 'PLAN_NEXT_STEP', dueDate: '2027-10-10', level: 'WORKER' },
    });
    expect(effects).toContainEqual({
      type: 'resumeTimers',
      timers: [
        { key: REMINDER(30), dueDate: '2027-09-10' },
        { key: REMINDER(14), dueDate: '2027-09-26' },
        { key: REMINDER(7), dueDate: '2027-10-03' },
      ],
      on: '2027-04-11',
    });
    expect(state.timers.every((t) => t.suspendedOn === null)).toBe(true);
    expect(decide(pathAt('inMeasure'), make.measureResumed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
  });

  it('should cancel the reminders and ask to decide the next step in 5 business days when the measure ends', () => {
    const { state, effects } = accept(pathAt('inMeasure'), make.measureEnded());

    expect(state).toMatchObject({
      state: 'TRANSITION_PENDING',
      activeMeasure: null,
      nextStep: { kind: 'DECIDE_NEXT_STEP', dueDate: '2027-03-08' },
    });
    expect(cancelledKeys(effects)).toEqual(
      expect.arrayContaining([REMINDER(30), REMINDER(14), REMINDER(7)]),
    );
    expect(state.timers.map((t) => t.key)).toEqual([`next-step:${PATH_ID}:WORKER`]);
  });

  it('should resume the other timers when a paused measure ends', () => {
    const paused = walk([
      ...STAGES.inMeasure,
      make.waitingStarted({ at: DAY0 }),
      make.measurePaused({ at: DAY0 }),
    ]);
    const { state, effects } = accept(paused, make.measureEnded({ at: '2027-03-08' }));

    expect(effects).toContainEqual({
      type: 'resumeTimers',
      timers: [{ key: `wait-exceeded:${PATH_ID}:wait-1`, dueDate: '2027-03-23' }],
      on: '2027-03-08',
    });
    expect(state.timers.every((t) => t.suspendedOn === null)).toBe(true);
  });

  it('should keep waiting for the hand-off answer when the measure ends after a hand-off was proposed', () => {
    const proposed = walk([...STAGES.inMeasure, make.handoffProposed()]);
    const { state } = accept(proposed, make.measureEnded());

    expect(state).toMatchObject({
      state: 'TRANSITION_PENDING',
      activeMeasure: null,
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
  });

  it('should raise MeasureEndingSoon when a reminder fires', () => {
    const { state, effects } = fire(pathAt('inMeasure'), REMINDER(14));

    expect(eventNamed(effects, 'MeasureEndingSoon').data).toEqual({
      measureId: 'measure-1',
      plannedEndDate: '2027-09-30',
      daysBefore: 14,
    });
    expect(state.timers.map((t) => t.key)).not.toContain(REMINDER(14));
    expect(eventNames(effects)).toEqual(['MeasureEndingSoon']);
  });
});

describe('decide: refusals around measures', () => {
  it('should refuse the end of a measure that is not running', () => {
    expect(decide(pathAt('planning'), make.measureEnded(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
    expect(
      decide(pathAt('inMeasure'), make.measureEnded({ measureId: 'measure-9' }), POLICY),
    ).toMatchObject({
      refused: {
        code: 'CONFLICT',
        message: 'The measure running on this path is measure-1, not measure-9.',
      },
    });
    expect(decide(pathAt('measureEnded'), make.measureEnded(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: 'The path has no measure running.' },
    });
  });

  it('should refuse a plan while a hand-off is pending', () => {
    expect(decide(pathAt('handoffPending'), make.planAgreed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('hand-off') },
    });
  });
});
