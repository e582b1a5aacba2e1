import { ForbiddenCommandError, PathStateConflictError } from '@polku/service-runtime';
import {
  assertIntakeByAccountable,
  assertMayRecordIntake,
  assertMayReferAgain,
  assertReferralAnswerable,
} from './path-order-rules';
import { knownPathState, type PathStage } from './path-stage';

const RECEIVER = '00000000-0000-4000-8000-0000000000a2';

function stageWith(overrides: Partial<PathStage> = {}): PathStage {
  return {
    exited: false,
    latestReferral: { id: 'r1', toOrgId: RECEIVER, status: 'PENDING' },
    intakeRecorded: false,
    handoffsProposed: 0,
    handoffsCompleted: 0,
    ...overrides,
  };
}

const accepted = { id: 'r1', toOrgId: RECEIVER, status: 'ACCEPTED' as const };
const declined = { id: 'r1', toOrgId: RECEIVER, status: 'DECLINED' as const };

/** The refusal a rule throws, or undefined when it passes. */
function refusalOf(rule: () => void): unknown {
  try {
    rule();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('knownPathState', () => {
  it.each([
    ['a waiting referral', stageWith(), 'REFERRED'],
    ['a declined referral', stageWith({ latestReferral: declined }), 'REFERRED'],
    ['an accepted referral', stageWith({ latestReferral: accepted }), 'INTAKE'],
    [
      'a recorded intake',
      stageWith({ latestReferral: accepted, intakeRecorded: true }),
      'PLANNING',
    ],
    [
      'a hand-off under way',
      stageWith({ latestReferral: accepted, intakeRecorded: true, handoffsProposed: 1 }),
      'TRANSITION_PENDING',
    ],
    [
      'a completed hand-off',
      stageWith({ latestReferral: accepted, handoffsProposed: 1, handoffsCompleted: 1 }),
      'PLANNING',
    ],
    ['an exit', stageWith({ latestReferral: accepted, exited: true }), 'FOLLOW_UP'],
  ])('should name the state after %s', (_case, stage, state) => {
    expect(knownPathState(stage)).toBe(state);
  });
});

describe('assertMayReferAgain', () => {
  it('should let the referrer refer again after a decline', () => {
    expect(refusalOf(() => assertMayReferAgain(stageWith({ latestReferral: declined })))).toBe(
      undefined,
    );
  });

  it('should refuse while the referral still waits, naming REFERRED and the receiver', () => {
    const refusal = refusalOf(() => assertMayReferAgain(stageWith()));

    expect(refusal).toBeInstanceOf(PathStateConflictError);
    expect(refusal).toMatchObject({ pathState: 'REFERRED' });
    expect((refusal as Error).message).toContain(`the referral to ${RECEIVER} is still waiting`);
  });

  it('should refuse once the receiver accepted: the path moves on by hand-offs', () => {
    const refusal = refusalOf(() => assertMayReferAgain(stageWith({ latestReferral: accepted })));

    expect(refusal).toMatchObject({ pathState: 'INTAKE' });
    expect((refusal as Error).message).toContain('hand-off');
  });
});

describe('assertReferralAnswerable', () => {
  it('should let a waiting referral be answered', () => {
    expect(
      refusalOf(() => assertReferralAnswerable(stageWith(), { id: 'r1', status: 'PENDING' })),
    ).toBe(undefined);
  });

  it.each([
    [accepted, 'INTAKE'],
    [declined, 'REFERRED'],
  ])('should refuse a second answer to a referral already %o', (referral, state) => {
    const refusal = refusalOf(() =>
      assertReferralAnswerable(stageWith({ latestReferral: referral }), referral),
    );

    expect(refusal).toBeInstanceOf(PathStateConflictError);
    expect(refusal).toMatchObject({ pathState: state });
  });

  it('should refuse an answer once the client has left', () => {
    const refusal = refusalOf(() =>
      assertReferralAnswerable(stageWith({ exited: true }), { id: 'r1', status: 'PENDING' }),
    );

    expect(refusal).toMatchObject({ pathState: 'FOLLOW_UP' });
  });
});

describe('assertMayRecordIntake', () => {
  it('should accept the intake once the referral is accepted', () => {
    expect(refusalOf(() => assertMayRecordIntake(stageWith({ latestReferral: accepted })))).toBe(
      undefined,
    );
  });

  it.each([
    ['before the referral is accepted', stageWith(), 'REFERRED'],
    ['after a decline', stageWith({ latestReferral: declined }), 'REFERRED'],
    ['a second time', stageWith({ latestReferral: accepted, intakeRecorded: true }), 'PLANNING'],
    [
      'while a hand-off is under way',
      stageWith({ latestReferral: accepted, handoffsProposed: 1 }),
      'TRANSITION_PENDING',
    ],
    ['after the exit', stageWith({ latestReferral: accepted, exited: true }), 'FOLLOW_UP'],
  ])('should refuse the intake %s', (_case, stage, state) => {
    const refusal = refusalOf(() => assertMayRecordIntake(stage));

    expect(refusal).toBeInstanceOf(PathStateConflictError);
    expect(refusal).toMatchObject({ pathState: state });
  });
});

describe('assertIntakeByAccountable', () => {
  it('should refuse the intake of an organisation that did not accept the referral', () => {
    expect(
      refusalOf(() =>
        assertIntakeByAccountable(
          stageWith({ latestReferral: accepted }),
          '00000000-0000-4000-8000-0000000000a9',
        ),
      ),
    ).toBeInstanceOf(ForbiddenCommandError);
    expect(
      refusalOf(() => assertIntakeByAccountable(stageWith({ latestReferral: accepted }), RECEIVER)),
    ).toBe(undefined);
  });
});
