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
const REMINDER_2 = (days: number) => `measure-ending:${PATH_ID}:measure-2:${days}`;

describe('decide: planning and measures', () => {
  it('should ask for a measure to start in 10 business days when the plan is agreed by any plan party', () => {
    const { state } = accept(pathAt('planning'), make.planAgreed({ actor: RECEIVER_WORKER }));

    expect(state).toMatchObject({
      state: 'PLANNING',
      nextStep: { kind: 'START_MEASURE', dueDate: '2027-03-15' },
    });
  });

  it('should wait for the intake with a plan that came before it, and record a plan agreed while a measure runs', () => {
    expect(decide(pathAt('intake'), make.planAgreed(), POLICY)).toMatchObject({
      refused: { code: 'EARLY' },
    });
    const inMeasure = pathAt('inMeasure');
    expect(decide(inMeasure, make.planAgreed(), POLICY)).toEqual({
      state: inMeasure,
      effects: [],
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

  it('should wait for the intake with a measure that came before it, refuse one without an id, and plan the next step today for one ending in the past', () => {
    expect(decide(pathAt('intake'), make.measureStarted(), POLICY)).toMatchObject({
      refused: { code: 'EARLY' },
    });
    expect(
      decide(pathAt('planAgreed'), make.measureStarted({ measureId: ' ' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
    const { state } = accept(
      pathAt('planAgreed'),
      make.measureStarted({ plannedEndDate: '2027-02-28' }),
    );
    expect(state).toMatchObject({
      state: 'IN_MEASURE',
      nextStep: { kind: 'PLAN_NEXT_STEP', dueDate: DAY0 },
    });
  });

  it('should suspend every timer of the path but the RESUME_MEASURE ladder when a measure is paused', () => {
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
    // The plan-next-step ladder belongs to a step that is no longer next; RESUME_MEASURE gets
    // its own, which runs; the rest stand still.
    expect(cancelledKeys(effects)).toEqual([`next-step:${PATH_ID}:WORKER`]);
    expect(scheduledKeys(effects)).toEqual([`next-step:${PATH_ID}:WORKER`]);
    expect(effects).toContainEqual({
      type: 'suspendTimers',
      keys: [REMINDER(30), REMINDER(14), REMINDER(7)],
      on: '2027-04-01',
    });
    expect(state.timers.map((t) => [t.key, t.suspendedOn])).toEqual([
      [REMINDER(30), '2027-04-01'],
      [REMINDER(14), '2027-04-01'],
      [REMINDER(7), '2027-04-01'],
      [`next-step:${PATH_ID}:WORKER`, null],
    ]);
  });

  it('should escalate a pause without an expected date up the ladder while the reminders stand still', () => {
    let state = accept(pathAt('inMeasure'), make.measurePaused()).state;
    const seen: [string, string][] = [];
    for (const level of ['WORKER', 'TEAM_LEAD', 'MANAGER']) {
      const key = `next-step:${PATH_ID}:${level}`;
      const decision = fire(state, key);
      const event = eventNamed(decision.effects, 'NextStepOverdue');
      seen.push([event.data.nextStep, event.data.level]);
      state = decision.state;
    }

    expect(seen).toEqual([
      ['RESUME_MEASURE', 'WORKER'],
      ['RESUME_MEASURE', 'TEAM_LEAD'],
      ['RESUME_MEASURE', 'MANAGER'],
    ]);
    expect(state).toMatchObject({ state: 'PAUSED', nextStep: { level: 'MANAGER' } });
    expect(state.timers.map((t) => t.key)).toEqual([REMINDER(30), REMINDER(14), REMINDER(7)]);
    expect(state.timers.every((t) => t.suspendedOn === DAY0)).toBe(true);
    const resumed = accept(state, make.measureResumed({ at: '2027-04-12' })).state;
    expect(resumed.nextStep).toMatchObject({ kind: 'PLAN_NEXT_STEP', level: 'WORKER' });
  });

  it('should give RESUME_MEASURE 20 business days when the pause names no expected date', () => {
    const { state } = accept(pathAt('inMeasure'), make.measurePaused());

    expect(state.nextStep).toEqual({
      kind: 'RESUME_MEASURE',
      dueDate: '2027-03-31',
      level: 'WORKER',
    });
  });

  it('should wait for the start of a paused measure not seen yet and for the resume before a second pause, and ignore a resume date already past', () => {
    expect(
      decide(pathAt('inMeasure'), make.measurePaused({ measureId: 'measure-2' }), POLICY),
    ).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('start is on its way') },
    });
    expect(decide(pathAt('paused'), make.measurePaused(), POLICY)).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('resume is on its way') },
    });
    const { state } = accept(
      pathAt('inMeasure'),
      make.measurePaused({ expectedResume: '2027-02-01' }),
    );
    expect(state.nextStep).toMatchObject({ kind: 'RESUME_MEASURE', dueDate: '2027-03-31' });
    expect(state.activeMeasure?.expectedResume).toBeUndefined();
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
      refused: { code: 'EARLY', message: expect.stringContaining('pause is on its way') },
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

describe('decide: measure facts that arrive out of order or in a race', () => {
  it('should wait for the start of a measure that ended when no measure runs here, and record its repeat', () => {
    expect(decide(pathAt('planning'), make.measureEnded(), POLICY)).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('start is on its way') },
    });
    const ended = pathAt('measureEnded');
    expect(decide(ended, make.measureEnded(), POLICY)).toEqual({ state: ended, effects: [] });
  });

  it('should record as ended a measure never seen started while another one runs, and then only record its start', () => {
    // One measure runs at a time: measure-9 ran before or after measure-1 and is over either way.
    const { state } = accept(pathAt('inMeasure'), make.measureEnded({ measureId: 'measure-9' }));

    expect(state).toMatchObject({
      state: 'IN_MEASURE',
      activeMeasure: { measureId: 'measure-1' },
      endedMeasureIds: ['measure-9'],
    });
    for (const late of [
      make.measureStarted({ measureId: 'measure-9' }),
      make.measurePaused({ measureId: 'measure-9' }),
      make.measureResumed({ measureId: 'measure-9' }),
    ]) {
      expect(decide(state, late, POLICY)).toEqual({ state, effects: [] });
    }
  });

  it('should wait for the end of the running measure before starting the next one', () => {
    const next = make.measureStarted({ measureId: 'measure-2', plannedEndDate: '2027-12-31' });

    expect(decide(pathAt('inMeasure'), next, POLICY)).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('measure-1 is still running') },
    });
    expect(accept(pathAt('measureEnded'), next).state).toMatchObject({
      state: 'IN_MEASURE',
      activeMeasure: { measureId: 'measure-2' },
      nextStep: { kind: 'PLAN_NEXT_STEP', dueDate: '2027-12-31' },
    });
  });

  it('should record a measure started while a hand-off is pending, keep waiting for the answer, and complete the hand-off only once it ends', () => {
    const { state, effects } = accept(
      pathAt('handoffAccepted'),
      make.measureStarted({ measureId: 'measure-2' }),
    );

    expect(state).toMatchObject({
      state: 'TRANSITION_PENDING',
      activeMeasure: { measureId: 'measure-2', paused: false },
      pendingHandoff: { handoffId: 'transition-1', accepted: true },
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
    expect(scheduledKeys(effects)).toEqual([REMINDER_2(30), REMINDER_2(14), REMINDER_2(7)]);
    expect(decide(state, make.handoffCompleted(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('has not ended yet') },
    });
    const ended = accept(state, make.measureEnded({ measureId: 'measure-2' })).state;
    expect(ended).toMatchObject({
      activeMeasure: null,
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
    expect(accept(ended, make.handoffCompleted()).state.state).toBe('PLANNING');
  });

  it('should record a plan agreed while a hand-off is pending, for the receiver plans once it completes', () => {
    const pending = pathAt('handoffPending');

    expect(decide(pending, make.planAgreed(), POLICY)).toEqual({ state: pending, effects: [] });
  });

  it('should record a pause and a resume between steps without stopping the hand-off answer, moving the planned end', () => {
    const proposed = walk([...STAGES.inMeasure, make.handoffProposed()]);
    const paused = accept(proposed, make.measurePaused({ at: '2027-04-01' }));

    expect(paused.state).toMatchObject({
      state: 'TRANSITION_PENDING',
      activeMeasure: { paused: true, pausedOn: '2027-04-01' },
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
    expect(cancelledKeys(paused.effects)).toEqual([REMINDER(30), REMINDER(14), REMINDER(7)]);
    expect(paused.state.timers.every((t) => t.suspendedOn === null)).toBe(true);

    const resumed = accept(paused.state, make.measureResumed({ at: '2027-04-11' }));
    expect(resumed.state).toMatchObject({
      state: 'TRANSITION_PENDING',
      activeMeasure: { plannedEndDate: '2027-10-10', paused: false },
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER' },
    });
    expect(scheduledKeys(resumed.effects)).toEqual([REMINDER(30), REMINDER(14), REMINDER(7)]);
  });

  it('should record a measure started in a race with an exit to an unclear path, keeping the review', () => {
    const { state } = accept(pathAt('unclear'), make.measureStarted({ measureId: 'measure-2' }));

    expect(state).toMatchObject({
      state: 'UNCLEAR_PATH',
      activeMeasure: { measureId: 'measure-2' },
      nextStep: { kind: 'REVIEW_UNCLEAR_PATH' },
    });
    expect(accept(state, make.measureEnded({ measureId: 'measure-2' })).state).toMatchObject({
      state: 'UNCLEAR_PATH',
      activeMeasure: null,
      endedMeasureIds: ['measure-1', 'measure-2'],
    });
  });

  it('should record a measure started in a race with an exit to follow-up, and not close the path while it runs', () => {
    const { state } = accept(pathAt('followUp'), make.measureStarted({ measureId: 'measure-2' }));

    expect(state).toMatchObject({
      state: 'FOLLOW_UP',
      activeMeasure: { measureId: 'measure-2' },
      nextStep: { kind: 'FOLLOW_UP' },
    });
    expect(decide(state, make.pathClosed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('back in a measure') },
    });
    expect(accept(state, make.measurePaused({ measureId: 'measure-2' })).state).toMatchObject({
      state: 'FOLLOW_UP',
      activeMeasure: { paused: true },
    });
  });

  it('should record measure facts on a finished path without a step or a timer', () => {
    const reentered = accept(pathAt('followUp'), make.returnedAsNewPath()).state;
    const started = accept(reentered, make.measureStarted({ measureId: 'measure-2' })).state;

    expect(started).toMatchObject({
      state: 'REENTERED',
      activeMeasure: { measureId: 'measure-2' },
      nextStep: null,
      timers: [],
    });
    expect(accept(started, make.measureEnded({ measureId: 'measure-2' })).state).toMatchObject({
      state: 'REENTERED',
      activeMeasure: null,
    });
    for (const fact of [make.planAgreed(), make.intakeCompleted(), make.referralAccepted()]) {
      expect(decide(reentered, fact, POLICY)).toEqual({ state: reentered, effects: [] });
    }
  });
});
