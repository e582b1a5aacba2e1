import { PathInvariantError } from './path-invariants';
import { decide } from './path-machine';
import { PATH_TIMER_KINDS, inputFromTimer, MalformedTimerError, timerKey } from './path-timers';
import {
  accept,
  eventNamed,
  fire,
  make,
  PATH_ID,
  pathAt,
  POLICY,
  PROVIDER,
  STAGES,
  walk,
} from '../../test/support/path-machine/path-fixtures';

describe('decide: the next-step ladder', () => {
  it('should tell the worker, then the team lead, then the manager when a step stays late', () => {
    let state = pathAt('measureEnded');
    const seen: [string, string][] = [];
    for (const level of ['WORKER', 'TEAM_LEAD', 'MANAGER']) {
      const key = `next-step:${PATH_ID}:${level}`;
      const on = state.timers.find((t) => t.key === key)?.dueDate ?? 'none';
      const decision = fire(state, key);
      const event = eventNamed(decision.effects, 'NextStepOverdue');
      expect(event.data).toMatchObject({
        nextStep: 'DECIDE_NEXT_STEP',
        dueDate: '2027-03-08',
        accountableOrgId: PROVIDER,
      });
      seen.push([event.data.level, on]);
      state = decision.state;
    }

    expect(seen).toEqual([
      ['WORKER', '2027-03-09'],
      ['TEAM_LEAD', '2027-03-16'],
      ['MANAGER', '2027-03-23'],
    ]);
    expect(state.timers).toEqual([]);
  });

  it('should start a new ladder when the step changes', () => {
    const late = fire(pathAt('measureEnded'), `next-step:${PATH_ID}:WORKER`).state;
    const escalated = fire(late, `next-step:${PATH_ID}:TEAM_LEAD`).state;
    const { state, effects } = accept(escalated, make.planAgreed({ at: '2027-03-17' }));

    expect(state.nextStep).toMatchObject({ kind: 'START_MEASURE', level: 'WORKER' });
    expect(effects).toEqual([
      { type: 'cancelTimer', key: `next-step:${PATH_ID}:MANAGER` },
      expect.objectContaining({ type: 'scheduleTimer' }),
    ]);
  });
});

describe('decide: timers that are no longer live', () => {
  it('should change nothing when a cancelled or already fired timer comes in', () => {
    const state = pathAt('measureEnded');
    const stale = decide(
      state,
      { type: 'nextStepOverdue', level: 'TEAM_LEAD', at: '2027-03-20' },
      POLICY,
    );
    expect(stale).toEqual({ state, effects: [] });

    const closed = walk([...STAGES.followUp, make.returnedAsNewPath()]);
    expect(
      decide(closed, { type: 'followUpDue', followUpId: 'x', at: '2027-04-01' }, POLICY),
    ).toEqual({
      state: closed,
      effects: [],
    });
  });

  it('should not fire a suspended timer while the measure is paused', () => {
    const paused = pathAt('paused');
    const input = {
      type: 'measureEndingSoon',
      measureId: 'measure-1',
      daysBefore: 30,
      at: '2027-08-31',
    } as const;

    expect(decide(paused, input, POLICY)).toEqual({ state: paused, effects: [] });
  });
});

describe('inputFromTimer', () => {
  it('should rebuild the input of every kind of timer the machine schedules', () => {
    const states = [
      pathAt('inMeasure'),
      pathAt('handoffPending'),
      pathAt('unclear'),
      pathAt('followUp'),
      walk([...STAGES.inMeasure, make.waitingStarted()]),
    ];
    const kinds = new Set<string>();
    for (const state of states) {
      for (const timer of state.timers) {
        const { pathId, input } = inputFromTimer(timer, timer.dueDate);
        expect(pathId).toBe(PATH_ID);
        expect(timerKey(PATH_ID, input)).toBe(timer.key);
        expect(timer.key).toContain(`:${PATH_ID}:`);
        kinds.add(timer.kind);
      }
    }
    const due = fire(pathAt('followUp'), pathAt('followUp').timers[0].key).state;
    for (const timer of due.timers) {
      kinds.add(timer.kind);
      expect(timerKey(PATH_ID, inputFromTimer(timer, timer.dueDate).input)).toBe(timer.key);
    }
    expect([...kinds].sort()).toEqual(Object.values(PATH_TIMER_KINDS).sort());
  });

  it('should throw on a timer that is not the path machine’s or lacks its fields', () => {
    expect(() =>
      inputFromTimer({ kind: 'plan-review', payload: { pathId: PATH_ID } }, '2027-03-01'),
    ).toThrow(MalformedTimerError);
    expect(() =>
      inputFromTimer(
        { kind: 'next-step-overdue', payload: { pathId: PATH_ID, level: 'BOSS' } },
        '2027-03-01',
      ),
    ).toThrow(MalformedTimerError);
    expect(() =>
      inputFromTimer({ kind: 'follow-up-due', payload: { followUpId: 'f' } }, '2027-03-01'),
    ).toThrow('pathId is missing');
  });
});

describe('decide: waits', () => {
  it('should record a wait and raise it when it outlasts its threshold', () => {
    const started = accept(
      pathAt('inMeasure'),
      make.waitingStarted({ waitingForOrgId: 'org-housing' }),
    );
    expect(started.state.waits).toEqual([
      {
        waitId: 'wait-1',
        waitingFor: 'HOUSING',
        waitingForOrgId: 'org-housing',
        since: '2027-03-01',
        thresholdBusinessDays: 10,
        exceeded: false,
      },
    ]);
    expect(eventNamed(started.effects, 'WaitingStarted').data.thresholdBusinessDays).toBe(10);

    const { state, effects } = fire(started.state, `wait-exceeded:${PATH_ID}:wait-1`);
    expect(state.waits[0].exceeded).toBe(true);
    expect(eventNamed(effects, 'WaitExceeded').data).toEqual({
      waitId: 'wait-1',
      waitingFor: 'HOUSING',
      since: '2027-03-01',
      thresholdBusinessDays: 10,
    });
  });

  it('should stop the wait’s timer when the wait ends', () => {
    const started = walk([...STAGES.inMeasure, make.waitingStarted()]);
    const { state, effects } = accept(started, make.waitingEnded({ at: '2027-03-05' }));

    expect(state.waits).toEqual([]);
    expect(effects).toEqual([
      { type: 'cancelTimer', key: `wait-exceeded:${PATH_ID}:wait-1` },
      {
        type: 'emit',
        event: { name: 'WaitingEnded', data: { waitId: 'wait-1', endedOn: '2027-03-05' } },
      },
    ]);
  });

  it('should suspend at once the timer of a wait recorded while the measure is paused', () => {
    const { state, effects } = accept(pathAt('paused'), make.waitingStarted());

    expect(effects.map((e) => e.type)).toEqual(['scheduleTimer', 'emit', 'suspendTimers']);
    expect(state.timers.filter((t) => t.suspendedOn === null).map((t) => t.key)).toEqual([
      `next-step:${PATH_ID}:WORKER`,
    ]);
  });

  it('should refuse a wait recorded twice, with a bad threshold, or an unknown wait ending', () => {
    const started = walk([...STAGES.inMeasure, make.waitingStarted()]);
    expect(decide(started, make.waitingStarted(), POLICY)).toMatchObject({
      refused: { code: 'ALREADY_DONE' },
    });
    for (const thresholdBusinessDays of [0, 121, 2.5]) {
      expect(
        decide(pathAt('inMeasure'), make.waitingStarted({ thresholdBusinessDays }), POLICY),
      ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    }
    expect(decide(pathAt('inMeasure'), make.waitingEnded(), POLICY)).toMatchObject({
      refused: { code: 'NOT_FOUND' },
    });
  });
});

describe('decide: timer bookkeeping bugs', () => {
  it('should throw, not refuse, when a live timer has outlived what it watched', () => {
    const ended = pathAt('measureEnded');
    const stray = {
      key: `measure-ending:${PATH_ID}:measure-1:7`,
      kind: PATH_TIMER_KINDS.measureEndingSoon,
      dueDate: '2027-09-23',
      payload: { pathId: PATH_ID, measureId: 'measure-1', daysBefore: 7 },
      suspendedOn: null,
    };
    const input = {
      type: 'measureEndingSoon',
      measureId: 'measure-1',
      daysBefore: 7,
      at: '2027-09-23',
    } as const;

    expect(() => decide({ ...ended, timers: [...ended.timers, stray] }, input, POLICY)).toThrow(
      PathInvariantError,
    );
  });
});
