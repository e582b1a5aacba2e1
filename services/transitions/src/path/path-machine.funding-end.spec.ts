import { UNASSIGNED_WORKER_ID } from './decisions/decide-follow-up-owner';
import { lostReasons } from './lost-paths';
import { decide } from './path-machine';
import {
  accept,
  eventNamed,
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
  STAGES,
  TE,
  walk,
} from '../../test/support/path-machine/path-fixtures';

// Issue 18 c: the follow-ups of an exited client when the provider's funding ends.
const FUNDING_TIMER = `funding-ended:${PATH_ID}:${PROVIDER}`;

describe('decide: funding ends for a path in follow-up', () => {
  it('should accept the announcement in follow-up, keep the follow-up step and set a timer for the end date', () => {
    const { state, effects } = accept(pathAt('followUp'), make.fundingEnding());

    expect(state).toMatchObject({
      state: 'FOLLOW_UP',
      fundingEndsOn: '2027-04-30',
      accountable: { orgId: PROVIDER },
      nextStep: { kind: 'FOLLOW_UP', dueDate: '2027-04-01' },
    });
    expect(eventNames(effects)).toContain('ProviderFundingEnding');
    expect(state.timers.find((t) => t.key === FUNDING_TIMER)?.dueDate).toBe('2027-04-30');
  });

  it('should move the follow-ups to the fallback organisation on the end date, for its team lead to name a worker', () => {
    const announced = accept(pathAt('followUp'), make.fundingEnding({ fallbackOrgId: TE })).state;

    const { state, effects } = fire(announced, FUNDING_TIMER);

    expect(state).toMatchObject({
      state: 'FOLLOW_UP',
      accountable: { orgId: TE, workerId: UNASSIGNED_WORKER_ID },
      fundingEndsOn: undefined,
      nextStep: { kind: 'FOLLOW_UP', dueDate: '2027-04-01', level: 'TEAM_LEAD' },
    });
    expect(eventNamed(effects, 'OwnershipTransferred').data).toEqual({
      fromOrgId: PROVIDER,
      fromWorkerId: PROVIDER_WORKER.workerId,
      toOrgId: TE,
      toWorkerId: UNASSIGNED_WORKER_ID,
      reason: 'PROVIDER_FUNDING_ENDED',
    });
    // The follow-ups' own timers stay and fire for the new owner.
    expect(state.timers.filter((t) => t.kind === 'follow-up-due')).toHaveLength(3);
    expect(lostReasons(state)).toEqual([]);
    // The due follow-up names its new owner.
    const due = fire(state, state.timers.find((t) => t.kind === 'follow-up-due')?.key ?? '');
    expect(eventNamed(due.effects, 'FollowUpDue').data.ownerOrgId).toBe(TE);
  });

  it('should let the new organisation name its worker, after which the path is an ordinary one', () => {
    const announced = accept(pathAt('followUp'), make.fundingEnding({ fallbackOrgId: TE })).state;
    const moved = fire(announced, FUNDING_TIMER).state;

    const named = accept(
      moved,
      make.responsibleWorkerChanged({
        actor: { orgId: TE, workerId: 'te-lead', role: 'CASEWORKER' },
        toWorkerId: 'te-counsellor-9',
      }),
    ).state;

    expect(named.accountable).toEqual({ orgId: TE, workerId: 'te-counsellor-9' });
  });

  it('should keep the path with the provider and raise it to its manager when no fallback is known', () => {
    const announced = accept(pathAt('followUp'), make.fundingEnding()).state;

    const { state, effects } = fire(announced, FUNDING_TIMER);

    expect(state.accountable).toEqual({ orgId: PROVIDER, workerId: PROVIDER_WORKER.workerId });
    expect(state.nextStep?.level).toBe('MANAGER');
    expect(eventNames(effects)).not.toContain('OwnershipTransferred');
    expect(lostReasons(state)).toEqual(['NEXT_STEP_OVERDUE_AT_MANAGER']);
  });

  it('should move nothing when the follow-ups were re-homed before the end date', () => {
    const announced = accept(pathAt('followUp'), make.fundingEnding({ fallbackOrgId: TE })).state;

    const rehomed = accept(
      announced,
      make.followUpsRehomed({ toOrgId: RECEIVER, toOrgRole: 'PROVIDER', toWorkerId: 'coach-7' }),
    );

    expect(rehomed.state).toMatchObject({
      accountable: { orgId: RECEIVER, workerId: 'coach-7' },
      fundingEndsOn: undefined,
    });
    expect(eventNamed(rehomed.effects, 'OwnershipTransferred').data).toMatchObject({
      toOrgId: RECEIVER,
      reason: 'PROVIDER_FUNDING_ENDED',
    });
    expect(rehomed.state.timers.some((t) => t.key === FUNDING_TIMER)).toBe(false);
  });

  it('should move the follow-ups of a path that exits after the announcement', () => {
    const funded = walk([...STAGES.measureEnded, make.fundingEnding({ fallbackOrgId: TE })]);
    const exited = accept(funded, make.exited()).state;

    expect(exited.nextStep?.kind).toBe('FOLLOW_UP');
    expect(fire(exited, FUNDING_TIMER).state.accountable?.orgId).toBe(TE);
  });

  it('should leave an open path to its REHOME step when the end date comes', () => {
    const funded = walk([...STAGES.measureEnded, make.fundingEnding({ fallbackOrgId: TE })]);

    const { state, effects } = fire(funded, FUNDING_TIMER, '2027-04-30');

    expect(state.accountable?.orgId).toBe(PROVIDER);
    expect(state.nextStep?.kind).toBe('REHOME_BEFORE_FUNDING_ENDS');
    expect(eventNames(effects)).toEqual([]);
  });
});

describe('decide: re-homing follow-ups', () => {
  it('should move the follow-ups to a named worker of the employment authority as a reassignment', () => {
    const { state, effects } = accept(pathAt('followUp'), make.followUpsRehomed());

    expect(state.accountable).toEqual({ orgId: TE, workerId: 'te-counsellor-2' });
    expect(eventNamed(effects, 'OwnershipTransferred').data).toMatchObject({
      fromOrgId: PROVIDER,
      toOrgId: TE,
      toWorkerId: 'te-counsellor-2',
      reason: 'REASSIGNED',
    });
  });

  it('should refuse before the exit, by another organisation, to an unknown or unsuitable organisation, or to itself', () => {
    expect(decide(pathAt('inMeasure'), make.followUpsRehomed(), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT', message: expect.stringContaining('hand-off') },
    });
    expect(
      decide(pathAt('followUp'), make.followUpsRehomed({ actor: OUTSIDER }), POLICY),
    ).toMatchObject({ refused: { code: 'FORBIDDEN' } });
    expect(
      decide(pathAt('followUp'), make.followUpsRehomed({ toOrgRole: null }), POLICY),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    expect(
      decide(pathAt('followUp'), make.followUpsRehomed({ toOrgRole: 'KELA' }), POLICY),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    expect(
      decide(
        pathAt('followUp'),
        make.followUpsRehomed({ toWorkerId: UNASSIGNED_WORKER_ID }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'VALIDATION_FAILED' } });
    expect(
      decide(
        pathAt('followUp'),
        make.followUpsRehomed({ toOrgId: PROVIDER, toOrgRole: 'PROVIDER' }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'ALREADY_DONE' } });
  });
});
