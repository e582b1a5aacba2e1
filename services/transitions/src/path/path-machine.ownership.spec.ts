import { decide } from './path-machine';
import {
  accept,
  eventNamed,
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
  STAGES,
  TE,
  TE_WORKER,
  walk,
} from '../../test/support/path-machine/path-fixtures';

describe('decide: responsible worker', () => {
  it('should change the named worker within the accountable organisation', () => {
    const { state, effects } = accept(pathAt('inMeasure'), make.responsibleWorkerChanged());

    expect(state.accountable).toEqual({ orgId: PROVIDER, workerId: 'workshop-coach-2' });
    expect(eventNamed(effects, 'ResponsibleWorkerChanged').data).toEqual({
      orgId: PROVIDER,
      fromWorkerId: PROVIDER_WORKER.workerId,
      toWorkerId: 'workshop-coach-2',
      reasonCategory: 'TURNOVER',
    });
  });

  it('should refuse a change by another organisation, to the same worker, or to nobody', () => {
    expect(
      decide(pathAt('inMeasure'), make.responsibleWorkerChanged({ actor: TE_WORKER }), POLICY),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
    expect(
      decide(pathAt('referred'), make.responsibleWorkerChanged({ actor: PROVIDER_WORKER }), POLICY),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
    expect(
      decide(
        pathAt('inMeasure'),
        make.responsibleWorkerChanged({ toWorkerId: PROVIDER_WORKER.workerId }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'ALREADY_DONE' } });
    expect(
      decide(pathAt('inMeasure'), make.responsibleWorkerChanged({ toWorkerId: '' }), POLICY),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
  });

  it('should not reset how far a late step has climbed when the worker changes', () => {
    const late = fire(pathAt('measureEnded'), `next-step:${PATH_ID}:WORKER`).state;
    const escalated = fire(late, `next-step:${PATH_ID}:TEAM_LEAD`).state;
    const { state, effects } = accept(
      escalated,
      make.responsibleWorkerChanged({ at: '2027-03-16' }),
    );

    expect(state.nextStep?.level).toBe('TEAM_LEAD');
    expect(state.timers.map((t) => t.key)).toEqual([`next-step:${PATH_ID}:MANAGER`]);
    expect(effects.filter((e) => e.type !== 'emit')).toEqual([]);
  });

  it('should let the referrer change its worker while the referral waits', () => {
    const { state } = accept(
      pathAt('referred'),
      make.responsibleWorkerChanged({ actor: TE_WORKER, toWorkerId: 'te-counsellor-2' }),
    );

    expect(state.accountable).toEqual({ orgId: TE, workerId: 'te-counsellor-2' });
  });
});

describe('decide: provider funding ending', () => {
  it('should make rehoming the next step, due the day before the funding ends', () => {
    const { state, effects } = accept(pathAt('inMeasure'), make.fundingEnding());

    expect(state).toMatchObject({
      fundingEndsOn: '2027-04-30',
      nextStep: { kind: 'REHOME_BEFORE_FUNDING_ENDS', dueDate: '2027-04-29', level: 'WORKER' },
    });
    expect(eventNamed(effects, 'ProviderFundingEnding').data).toEqual({
      providerOrgId: PROVIDER,
      endDate: '2027-04-30',
    });
    expect(state.timers.find((t) => t.kind === 'next-step-overdue')?.dueDate).toBe('2027-04-30');
  });

  it('should keep rehoming ahead of the ordinary steps until the path has a new owner', () => {
    const funded = walk([...STAGES.measureEnded, make.fundingEnding()]);
    expect(funded.nextStep?.kind).toBe('REHOME_BEFORE_FUNDING_ENDS');

    const proposed = accept(funded, make.handoffProposed()).state;
    expect(proposed.nextStep?.kind).toBe('AWAIT_HANDOFF_ANSWER');

    const declined = accept(proposed, make.handoffDeclined()).state;
    expect(declined.nextStep).toMatchObject({
      kind: 'REHOME_BEFORE_FUNDING_ENDS',
      dueDate: '2027-04-29',
    });

    const handedOver = walk([
      ...STAGES.measureEnded,
      make.fundingEnding(),
      make.handoffProposed(),
      make.handoffAccepted(),
      make.handoffCompleted(),
    ]);
    expect(handedOver).toMatchObject({
      accountable: { orgId: RECEIVER },
      fundingEndsOn: undefined,
      nextStep: { kind: 'AGREE_PLAN' },
    });
  });

  it('should leave a pending hand-off as the step to watch', () => {
    const { state } = accept(pathAt('handoffPending'), make.fundingEnding());

    expect(state.nextStep?.kind).toBe('AWAIT_HANDOFF_ANSWER');
    expect(state.fundingEndsOn).toBe('2027-04-30');
  });

  it('should wait for the resume of a paused measure before asking to rehome', () => {
    const paused = accept(pathAt('paused'), make.fundingEnding()).state;
    expect(paused.nextStep?.kind).toBe('RESUME_MEASURE');

    const resumed = accept(paused, make.measureResumed({ at: '2027-03-05' })).state;
    expect(resumed.nextStep).toMatchObject({
      kind: 'REHOME_BEFORE_FUNDING_ENDS',
      dueDate: '2027-04-29',
    });
  });

  it('should refuse an announcement for another provider, by another organisation, in the past, or before the referral is answered', () => {
    expect(
      decide(pathAt('inMeasure'), make.fundingEnding({ actor: OUTSIDER }), POLICY),
    ).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });
    expect(
      decide(
        pathAt('inMeasure'),
        make.fundingEnding({ actor: RECEIVER_WORKER, providerOrgId: RECEIVER }),
        POLICY,
      ),
    ).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('not with the provider') },
    });
    expect(
      decide(pathAt('inMeasure'), make.fundingEnding({ endDate: '2027-03-01' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
    expect(
      decide(
        pathAt('referred'),
        make.fundingEnding({ actor: TE_WORKER, providerOrgId: TE }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'CONFLICT' } });
  });
});

describe('decide: funding ending on an unclear path', () => {
  it('should keep the review as the next step and bring it forward to the rehoming date', () => {
    const { state } = accept(pathAt('unclear'), make.fundingEnding({ endDate: '2027-03-20' }));

    expect(state.nextStep).toEqual({
      kind: 'REVIEW_UNCLEAR_PATH',
      dueDate: '2027-03-19',
      level: 'WORKER',
    });
    expect(
      accept(pathAt('unclear'), make.fundingEnding({ endDate: '2027-06-01' })).state.nextStep,
    ).toMatchObject({ kind: 'REVIEW_UNCLEAR_PATH', dueDate: '2027-03-31' });
  });
});
