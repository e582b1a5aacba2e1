import { lostReasons } from './lost-paths';
import { decide } from './path-machine';
import {
  accept,
  cancelledKeys,
  eventNamed,
  eventsOf,
  eventNames,
  fire,
  make,
  OUTSIDER,
  PATH_ID,
  pathAt,
  POLICY,
  PROVIDER,
  PROVIDER_WORKER,
  RECEIVER,
  RECEIVER_WORKER,
  scheduledKeys,
  STAGES,
  STUDIES,
  TE_WORKER,
  UNCLEAR,
  walk,
} from '../../test/support/path-machine/path-fixtures';

const ANSWER_KEY = (level: string) => `handoff-answer:${PATH_ID}:transition-1:${level}`;

describe('decide: hand-offs', () => {
  it('should keep the sender accountable and wait 10 business days for the answer when a hand-off is proposed', () => {
    const { state, effects } = accept(pathAt('measureEnded'), make.handoffProposed());

    expect(state).toMatchObject({
      state: 'TRANSITION_PENDING',
      accountable: { orgId: PROVIDER, workerId: PROVIDER_WORKER.workerId },
      pendingHandoff: {
        handoffId: 'transition-1',
        receivingOrgId: RECEIVER,
        answerDueDate: '2027-03-15',
        accepted: false,
        proposedDate: '2027-04-01',
      },
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER', dueDate: '2027-03-15', level: 'WORKER' },
    });
    expect(eventNamed(effects, 'HandoffProposed').data).toEqual({
      handoffId: 'transition-1',
      receivingOrgId: RECEIVER,
      destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
      proposedDate: '2027-04-01',
      answerDueDate: '2027-03-15',
    });
    expect(scheduledKeys(effects)).toEqual([ANSWER_KEY('WORKER')]);
    expect(cancelledKeys(effects)).toEqual([`next-step:${PATH_ID}:WORKER`]);
  });

  it('should name the running measure when a hand-off is proposed during it', () => {
    const { effects } = accept(pathAt('inMeasure'), make.handoffProposed());

    expect(eventNamed(effects, 'HandoffProposed').data.fromMeasureId).toBe('measure-1');
  });

  it('should allow only one pending hand-off at a time', () => {
    expect(
      decide(pathAt('handoffPending'), make.handoffProposed({ handoffId: 'transition-2' }), POLICY),
    ).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('one hand-off at a time') },
    });
  });

  it('should refuse a hand-off by another organisation than the accountable one', () => {
    expect(
      decide(pathAt('measureEnded'), make.handoffProposed({ actor: TE_WORKER }), POLICY),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
  });

  it('should refuse a hand-off to the sender itself, to an unclear path, to a wrong destination or in the past', () => {
    const ended = pathAt('measureEnded');
    for (const input of [
      make.handoffProposed({ receivingOrgId: PROVIDER }),
      make.handoffProposed({ destination: UNCLEAR }),
      make.handoffProposed({ destination: { group: 'LABOUR_MARKET', category: 'PENSION' } }),
      make.handoffProposed({ destination: { ...STUDIES, subType: 'PAY_SUBSIDISED_WORK' } }),
      make.handoffProposed({ proposedDate: '2027-02-27' }),
    ]) {
      expect(decide(ended, input, POLICY)).toMatchObject({
        refused: { code: 'VALIDATION_FAILED' },
      });
    }
  });

  it('should refuse a hand-off while the measure is paused, before intake, or after the exit', () => {
    for (const stage of ['paused', 'referred', 'followUp'] as const) {
      expect(decide(pathAt(stage), make.handoffProposed(), POLICY)).toMatchObject({
        refused: { code: 'CONFLICT' },
      });
    }
  });

  it('should wait for the completion by the start date when the receiver accepts', () => {
    const { state, effects } = accept(
      pathAt('handoffPending'),
      make.handoffAccepted({ startDate: '2027-04-12' }),
    );

    expect(state).toMatchObject({
      accountable: { orgId: PROVIDER },
      pendingHandoff: { accepted: true, proposedDate: '2027-04-12', answerDueDate: '2027-04-12' },
      nextStep: { kind: 'AWAIT_HANDOFF_ANSWER', dueDate: '2027-04-12', level: 'WORKER' },
    });
    expect(eventNamed(effects, 'HandoffAccepted').data).toEqual({
      handoffId: 'transition-1',
      startDate: '2027-04-12',
    });
    expect(timerDue(state, ANSWER_KEY('WORKER'))).toBe('2027-04-13');
  });

  it('should refuse an answer by anyone but the receiver, for another hand-off, or twice', () => {
    const pending = pathAt('handoffPending');
    expect(decide(pending, make.handoffAccepted({ actor: PROVIDER_WORKER }), POLICY)).toMatchObject(
      {
        refused: { code: 'FORBIDDEN' },
      },
    );
    expect(decide(pending, make.handoffDeclined({ actor: OUTSIDER }), POLICY)).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });
    expect(
      decide(pending, make.handoffAccepted({ handoffId: 'transition-9' }), POLICY),
    ).toMatchObject({ refused: { code: 'NOT_FOUND' } });
    expect(decide(pathAt('handoffAccepted'), make.handoffAccepted(), POLICY)).toMatchObject({
      refused: { code: 'ALREADY_DONE', message: 'The hand-off has already been accepted.' },
    });
    expect(decide(pathAt('measureEnded'), make.handoffDeclined(), POLICY)).toMatchObject({
      refused: { code: 'NOT_FOUND' },
    });
  });

  it('should return the path to the sender with DECIDE_NEXT_STEP when the receiver declines', () => {
    const { state, effects } = accept(pathAt('handoffPending'), make.handoffDeclined());

    expect(state).toMatchObject({
      state: 'TRANSITION_PENDING',
      accountable: { orgId: PROVIDER, workerId: PROVIDER_WORKER.workerId },
      pendingHandoff: null,
      nextStep: { kind: 'DECIDE_NEXT_STEP', dueDate: '2027-03-08' },
    });
    expect(eventNamed(effects, 'HandoffDeclined').data.reasonCategory).toBe('NO_CAPACITY');
    expect(cancelledKeys(effects)).toEqual([ANSWER_KEY('WORKER')]);
  });

  it('should put the path back in its running measure when a hand-off proposed during it is declined', () => {
    const proposed = accept(pathAt('inMeasure'), make.handoffProposed()).state;
    const { state } = accept(proposed, make.handoffDeclined());

    // activation-plans never saw the path leave the measure: both say IN_MEASURE again.
    expect(state).toMatchObject({
      state: 'IN_MEASURE',
      pendingHandoff: null,
      activeMeasure: { measureId: 'measure-1', paused: false },
      nextStep: { kind: 'PLAN_NEXT_STEP', dueDate: state.activeMeasure?.plannedEndDate },
    });
  });

  it('should put the path back in its paused measure, timers standing still, when a hand-off is declined after the measure was paused', () => {
    const proposed = accept(pathAt('inMeasure'), make.handoffProposed()).state;
    // The provider paused the measure after the proposal: recorded on the measure only.
    const paused = accept(proposed, make.measurePaused()).state;
    const { state } = accept(paused, make.handoffDeclined());

    expect(state).toMatchObject({
      state: 'PAUSED',
      pendingHandoff: null,
      activeMeasure: { measureId: 'measure-1', paused: true },
      nextStep: { kind: 'RESUME_MEASURE' },
    });
    // All but the RESUME_MEASURE step's own ladder, which runs while paused.
    expect(state.timers.filter((timer) => timer.suspendedOn === null).map((t) => t.key)).toEqual([
      `next-step:${PATH_ID}:WORKER`,
    ]);
  });

  it('should refuse a decline without its reason', () => {
    expect(
      decide(pathAt('handoffPending'), make.handoffDeclined({ reasonCategory: '' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED', message: 'reasonCategory is required.' },
    });
  });

  it('should let the receiver withdraw an acceptance by declining before completion', () => {
    const { state } = accept(pathAt('handoffAccepted'), make.handoffDeclined());

    expect(state.nextStep?.kind).toBe('DECIDE_NEXT_STEP');
  });

  it('should transfer ownership to the receiver with AGREE_PLAN when it completes the hand-off', () => {
    const { state, effects } = accept(
      pathAt('handoffAccepted'),
      make.handoffCompleted({ at: '2027-04-01', workerId: 'association-coach-2' }),
    );

    expect(state).toMatchObject({
      state: 'PLANNING',
      accountable: { orgId: RECEIVER, workerId: 'association-coach-2' },
      pendingHandoff: null,
      nextStep: { kind: 'AGREE_PLAN', dueDate: '2027-04-15' },
    });
    expect(eventNames(effects)).toEqual(['HandoffCompleted', 'OwnershipTransferred']);
    expect(eventNamed(effects, 'OwnershipTransferred').data).toEqual({
      fromOrgId: PROVIDER,
      fromWorkerId: PROVIDER_WORKER.workerId,
      toOrgId: RECEIVER,
      toWorkerId: 'association-coach-2',
      reason: 'HANDOFF_COMPLETED',
      handoffId: 'transition-1',
    });
  });

  it('should refuse the completion before acceptance, by another organisation, or while the measure runs', () => {
    expect(decide(pathAt('handoffPending'), make.handoffCompleted(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: 'Accept the hand-off before completing it.' },
    });
    expect(
      decide(pathAt('handoffAccepted'), make.handoffCompleted({ actor: TE_WORKER }), POLICY),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
    const duringMeasure = walk([
      ...STAGES.inMeasure,
      make.handoffProposed(),
      make.handoffAccepted(),
    ]);
    expect(decide(duringMeasure, make.handoffCompleted(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('has not ended yet') },
    });
  });

  it('should escalate an unanswered hand-off to the worker, then the team lead, then the manager', () => {
    let state = pathAt('handoffPending');
    const fired: { level: string; on: string; days: number }[] = [];
    const reached: [string, string, string][] = [];
    for (const level of ['WORKER', 'TEAM_LEAD', 'MANAGER']) {
      const on = timerDue(state, ANSWER_KEY(level));
      const decision = fire(state, ANSWER_KEY(level));
      const event = eventNamed(decision.effects, 'HandoffEscalated');
      fired.push({ level: event.data.level, on, days: event.data.businessDaysOverdue });
      for (const { name, data } of eventsOf(decision.effects)) {
        if (name === 'HandoffEscalated') {
          reached.push([data.level, data.escalatedToParty, data.escalatedToOrgId]);
        }
      }
      state = decision.state;
    }

    // The sender's worker, then both organisations' team leads and managers.
    expect(reached).toEqual([
      ['WORKER', 'SENDER', PROVIDER],
      ['TEAM_LEAD', 'SENDER', PROVIDER],
      ['TEAM_LEAD', 'RECEIVER', RECEIVER],
      ['MANAGER', 'SENDER', PROVIDER],
      ['MANAGER', 'RECEIVER', RECEIVER],
    ]);

    expect(fired).toEqual([
      { level: 'WORKER', on: '2027-03-16', days: 1 },
      { level: 'TEAM_LEAD', on: '2027-03-23', days: 6 },
      // Ten business days after the deadline skip Good Friday and Easter Monday.
      { level: 'MANAGER', on: '2027-04-01', days: 11 },
    ]);
    expect(state.nextStep?.level).toBe('MANAGER');
    expect(state.timers).toEqual([]);
    expect(lostReasons(state)).toEqual(['NEXT_STEP_OVERDUE_AT_MANAGER']);
    // An answer, even late, ends the escalation.
    const answered = accept(state, make.handoffDeclined({ at: '2027-04-01' })).state;
    expect(lostReasons(answered)).toEqual([]);
  });

  it('should let a path leave UNCLEAR_PATH by a hand-off', () => {
    const { state } = accept(pathAt('unclear'), make.handoffProposed());

    expect(state).toMatchObject({ state: 'TRANSITION_PENDING', exit: null });
    expect(eventNames(accept(state, make.handoffAccepted()).effects)).toEqual(['HandoffAccepted']);
  });

  it('should not let a hand-off be answered by the receiver of an earlier one', () => {
    const second = walk([
      ...STAGES.handoffPending,
      make.handoffDeclined(),
      make.handoffProposed({ handoffId: 'transition-2', receivingOrgId: 'org-third' }),
    ]);

    expect(
      decide(
        second,
        make.handoffAccepted({ actor: RECEIVER_WORKER, handoffId: 'transition-2' }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
  });
});

function timerDue(
  state: { timers: readonly { key: string; dueDate: string }[] },
  key: string,
): string {
  const timer = state.timers.find((t) => t.key === key);
  if (timer === undefined) {
    throw new Error(`no timer ${key}`);
  }
  return timer.dueDate;
}
