import { decide } from './path-machine';
import {
  accept,
  DAY0,
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
  TE,
  TE_WORKER,
  UNCLEAR,
  walk,
} from '../../test/support/path-machine/path-fixtures';

describe('decide: referral and entry', () => {
  it('should open the path with the referrer accountable and the receiver to answer in 10 business days when a client is referred', () => {
    const { state, effects } = accept(undefined, make.referred());

    expect(state).toMatchObject({
      pathId: PATH_ID,
      state: 'REFERRED',
      accountable: { orgId: TE, workerId: TE_WORKER.workerId },
      pendingReferral: { toOrgId: PROVIDER, answerDueDate: '2027-03-15' },
      nextStep: { kind: 'ANSWER_REFERRAL', dueDate: '2027-03-15', level: 'WORKER' },
      version: 1,
    });
    expect(scheduledKeys(effects)).toEqual([`next-step:${PATH_ID}:WORKER`]);
    // Late from the start of the day after the due date.
    expect(state.timers[0]).toMatchObject({ kind: 'next-step-overdue', dueDate: '2027-03-16' });
  });

  it('should wait for the referral with any other event, and refuse any command, when the path does not exist yet', () => {
    expect(decide(undefined, make.intakeCompleted(), POLICY)).toEqual({
      refused: { code: 'EARLY', message: expect.stringContaining('not been referred') },
    });
    expect(decide(undefined, make.exited(), POLICY)).toEqual({
      refused: { code: 'CONFLICT', message: expect.stringContaining('not been referred') },
    });
  });

  it('should refuse a referral sent in the name of another organisation', () => {
    expect(decide(undefined, make.referred({ actor: OUTSIDER }), POLICY)).toMatchObject({
      refused: { code: 'FORBIDDEN' },
    });
  });

  it('should refuse a referral without a receiver or with a malformed day', () => {
    expect(decide(undefined, make.referred({ toOrgId: '' }), POLICY)).toMatchObject({
      refused: { code: 'VALIDATION_FAILED', message: 'toOrgId is required.' },
    });
    expect(decide(undefined, make.referred({ at: '2027-02-30' }), POLICY)).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
  });

  it('should make the receiver accountable with COMPLETE_INTAKE when it accepts the referral', () => {
    const { state } = accept(pathAt('referred'), make.referralAccepted({ workerId: 'coach-9' }));

    expect(state).toMatchObject({
      state: 'INTAKE',
      accountable: { orgId: PROVIDER, workerId: 'coach-9' },
      pendingReferral: null,
      nextStep: { kind: 'COMPLETE_INTAKE', dueDate: '2027-03-15' },
    });
  });

  it('should wait for the referral an acceptance names when another one is pending here', () => {
    // client-intake lets only the receiver of the pending referral answer it: this answers a
    // re-referral whose referral (and the decline before it) are on their way.
    expect(
      decide(
        pathAt('referred'),
        make.referralAccepted({ referralId: 'referral-2', actor: RECEIVER_WORKER }),
        POLICY,
      ),
    ).toMatchObject({ refused: { code: 'EARLY' } });
  });

  it('should return the path to the referrer with FIND_NEW_SERVICE when the referral is declined', () => {
    const { state } = accept(pathAt('referred'), make.referralDeclined());

    expect(state).toMatchObject({
      state: 'REFERRED',
      accountable: { orgId: TE, workerId: TE_WORKER.workerId },
      pendingReferral: null,
      nextStep: { kind: 'FIND_NEW_SERVICE', dueDate: '2027-03-15' },
    });
  });

  it('should let the referrer refer again after a decline, and not before', () => {
    const declined = walk([make.referred(), make.referralDeclined()]);
    const { state } = accept(
      declined,
      make.referred({ referralId: 'referral-2', toOrgId: RECEIVER, at: '2027-03-03' }),
    );

    expect(state.pendingReferral).toEqual({
      referralId: 'referral-2',
      toOrgId: RECEIVER,
      answerDueDate: '2027-03-17',
    });
    // client-intake re-refers only after every earlier referral was declined: the decline of
    // the one still pending here is on its way.
    expect(
      decide(pathAt('referred'), make.referred({ referralId: 'referral-2' }), POLICY),
    ).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('still waiting') },
    });
    // Whoever client-intake let re-refer is accountable until the receiver answers.
    expect(
      accept(
        declined,
        make.referred({ referralId: 'referral-2', actor: PROVIDER_WORKER, fromOrgId: PROVIDER }),
      ).state.accountable,
    ).toEqual({ orgId: PROVIDER, workerId: TE_WORKER.workerId });
    expect(decide(declined, make.referred({ pathId: 'path-other' }), POLICY)).toMatchObject({
      refused: { code: 'VALIDATION_FAILED' },
    });
  });

  it('should record an answer overtaken by the path, and wait for the referral of an answer when none is pending', () => {
    const intake = pathAt('intake');
    for (const input of [make.referralAccepted(), make.referralDeclined(), make.referred()]) {
      expect(decide(intake, input, POLICY)).toEqual({ state: intake, effects: [] });
    }
    const declined = walk([make.referred(), make.referralDeclined()]);
    expect(decide(declined, make.referralAccepted(), POLICY)).toMatchObject({
      refused: { code: 'EARLY', message: expect.stringContaining('on its way') },
    });
  });

  it('should converge when a re-referral and its answer overtake the decline of the referral before', () => {
    // client-intake: referral-1 to the provider, declined; referral-2 to the receiver, accepted.
    const reReferral = make.referred({ referralId: 'referral-2', toOrgId: RECEIVER });
    const acceptance = make.referralAccepted({ referralId: 'referral-2', actor: RECEIVER_WORKER });
    const referred = pathAt('referred');

    expect(decide(referred, acceptance, POLICY)).toMatchObject({ refused: { code: 'EARLY' } });
    expect(decide(referred, reReferral, POLICY)).toMatchObject({ refused: { code: 'EARLY' } });
    const { state } = accept(
      accept(accept(referred, make.referralDeclined()).state, reReferral).state,
      acceptance,
    );
    expect(state).toMatchObject({ state: 'INTAKE', accountable: { orgId: RECEIVER } });
  });

  it('should record a decline that overtook its referral, and then the referral itself', () => {
    // referral-1 declined, referral-2 declined, referral-3 pending: referral-3 overtook
    // referral-2 while that one waited here for the decline of referral-1.
    const afterFirstDecline = accept(pathAt('referred'), make.referralDeclined()).state;
    const third = accept(afterFirstDecline, make.referred({ referralId: 'referral-3' })).state;
    const secondDeclined = accept(
      third,
      make.referralDeclined({ referralId: 'referral-2', actor: RECEIVER_WORKER }),
    ).state;
    expect(secondDeclined).toMatchObject({
      pendingReferral: { referralId: 'referral-3' },
      declinedReferralIds: ['referral-2'],
    });
    const late = make.referred({ referralId: 'referral-2', toOrgId: RECEIVER });
    expect(decide(secondDeclined, late, POLICY)).toEqual({ state: secondDeclined, effects: [] });
  });

  it('should let the referrer record an exit after a decline but not while the referral waits', () => {
    const declined = walk([make.referred(), make.referralDeclined()]);

    expect(
      accept(declined, make.exited({ actor: TE_WORKER, destination: UNCLEAR })).state.state,
    ).toBe('UNCLEAR_PATH');
    expect(decide(pathAt('referred'), make.exited({ actor: TE_WORKER }), POLICY)).toMatchObject({
      refused: { code: 'CONFLICT' },
    });
  });

  it('should move the path to PLANNING with AGREE_PLAN when the accountable provider completes the intake', () => {
    const { state } = accept(pathAt('intake'), make.intakeCompleted({ at: '2027-03-02' }));

    expect(state).toMatchObject({
      state: 'PLANNING',
      nextStep: { kind: 'AGREE_PLAN', dueDate: '2027-03-16' },
    });
    // client-intake checked who may record the intake: any party it allows moves the path.
    expect(accept(pathAt('intake'), make.intakeCompleted({ actor: TE_WORKER })).state.state).toBe(
      'PLANNING',
    );
    // Past intake (a hand-off or an exit from intake, or an intake recorded again): recorded.
    const planning = pathAt('planning');
    expect(decide(planning, make.intakeCompleted(), POLICY)).toEqual({
      state: planning,
      effects: [],
    });
    expect(decide(pathAt('referred'), make.intakeCompleted(), POLICY)).toMatchObject({
      refused: { code: 'EARLY' },
    });
  });

  it('should refuse a malformed day on any input', () => {
    expect(
      decide(pathAt('intake'), make.intakeCompleted({ at: '1.3.2027' }), POLICY),
    ).toMatchObject({
      refused: { code: 'VALIDATION_FAILED', message: 'at must be a calendar date (YYYY-MM-DD).' },
    });
  });

  it('should count business days past Easter when a step is due', () => {
    const { state } = accept(undefined, make.referred({ at: '2027-03-22' }));

    // 26 (Good Friday) and 29 March (Easter Monday) are not business days.
    expect(state.nextStep?.dueDate).toBe('2027-04-07');
    expect(DAY0).toBe('2027-03-01');
  });
});
