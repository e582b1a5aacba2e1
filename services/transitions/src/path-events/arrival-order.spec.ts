import { randomUUID } from 'node:crypto';
import { decide, isRefused, pathPolicy, type PathInput, type PathState } from '../path';
import { arrivedEarly } from './arrival-order';
import type { EventInput } from './event-inputs';

const TE = randomUUID();
const PROVIDER = randomUUID();
const OTHER = randomUUID();
const DAY0 = '2027-03-01';
const PATH_ID = randomUUID();
const MEASURE = randomUUID();

const by = (orgId: string) => ({
  at: DAY0,
  actor: { orgId, workerId: `usr_${orgId.slice(0, 6)}`, role: 'CASEWORKER' as const },
});

const INPUTS = {
  referred: (): EventInput => ({
    type: 'referred',
    ...by(TE),
    pathId: PATH_ID,
    referralId: 'referral-1',
    fromOrgId: TE,
    toOrgId: PROVIDER,
    referrerWorkerId: 'usr_te',
  }),
  accepted: (referralId = 'referral-1'): EventInput => ({
    type: 'referralAccepted',
    ...by(PROVIDER),
    referralId,
  }),
  declined: (): EventInput => ({
    type: 'referralDeclined',
    ...by(PROVIDER),
    referralId: 'referral-1',
    reasonCategory: 'NO_CAPACITY',
  }),
  intake: (): EventInput => ({ type: 'intakeCompleted', ...by(PROVIDER) }),
  plan: (): EventInput => ({ type: 'planAgreed', ...by(TE) }),
  started: (): EventInput => ({
    type: 'measureStarted',
    ...by(PROVIDER),
    measureId: MEASURE,
    plannedEndDate: '2027-06-30',
  }),
  paused: (): EventInput => ({ type: 'measurePaused', ...by(PROVIDER), measureId: MEASURE }),
  resumed: (): EventInput => ({ type: 'measureResumed', ...by(PROVIDER), measureId: MEASURE }),
  ended: (): EventInput => ({ type: 'measureEnded', ...by(PROVIDER), measureId: MEASURE }),
  returned: (): EventInput => ({ type: 'returnedAsNewPath', ...by(TE), newPathId: randomUUID() }),
};

function walk(...inputs: PathInput[]): PathState {
  let state: PathState | undefined;
  for (const input of inputs) {
    const decision = decide(state, input, pathPolicy());
    if (isRefused(decision)) {
      throw new Error(`${input.type}: ${decision.refused.message}`);
    }
    state = decision.state;
  }
  if (state === undefined) {
    throw new Error('no inputs');
  }
  return state;
}

type Verdict = 'MOVE' | 'RECORD' | 'EARLY' | 'REFUSED';

/** What the consumer does with the event: the machine moves the path, records it, or refuses it. */
function verdict(before: PathState | undefined, input: EventInput): Verdict {
  const decision = decide(before, input, pathPolicy());
  if (isRefused(decision)) {
    return arrivedEarly(decision.refused) ? 'EARLY' : 'REFUSED';
  }
  return before !== undefined && decision.state.state === before.state ? 'RECORD' : 'MOVE';
}

const referred = () => walk(INPUTS.referred());
const intake = () => walk(INPUTS.referred(), INPUTS.accepted());
const planning = () => walk(INPUTS.referred(), INPUTS.accepted(), INPUTS.intake());
const inMeasure = () =>
  walk(INPUTS.referred(), INPUTS.accepted(), INPUTS.intake(), INPUTS.started());
const paused = () =>
  walk(INPUTS.referred(), INPUTS.accepted(), INPUTS.intake(), INPUTS.started(), INPUTS.paused());
const STAGE = { referred, intake, planning, inMeasure, paused };

describe('arrivedEarly', () => {
  it.each([
    ['ReferralAccepted before its ClientReferred', undefined, INPUTS.accepted()],
    ['IntakeCompleted before its ClientReferred', undefined, INPUTS.intake()],
    ['IntakeCompleted before ReferralAccepted', 'referred', INPUTS.intake()],
    ['ActivationPlanAgreed before IntakeCompleted', 'intake', INPUTS.plan()],
    ['MeasureStarted before IntakeCompleted', 'intake', INPUTS.started()],
    ['MeasurePaused before MeasureStarted', 'planning', INPUTS.paused()],
    ['MeasureEnded before MeasureStarted', 'planning', INPUTS.ended()],
    ['MeasureResumed before MeasurePaused', 'inMeasure', INPUTS.resumed()],
    ['a second MeasurePaused before the MeasureResumed between them', 'paused', INPUTS.paused()],
    ['a return before the path it ends', undefined, INPUTS.returned()],
    [
      'the acceptance of a referral that has not arrived (a re-referral after a decline on its way)',
      'referred',
      INPUTS.accepted('referral-2'),
    ],
    [
      'a new referral when the decline of the previous one has not arrived',
      'referred',
      { ...INPUTS.referred(), referralId: 'referral-2' },
    ],
  ] as const)('should retry %s', (_case, stage, input) => {
    const before = stage === undefined ? undefined : STAGE[stage]();

    expect(verdict(before, input)).toBe('EARLY');
  });

  it.each([
    ['a second ReferralAccepted after the intake began', 'intake', INPUTS.accepted()],
    ['a ReferralDeclined overtaken by a later acceptance', 'intake', INPUTS.declined()],
    ['ActivationPlanAgreed after the measure started', 'inMeasure', INPUTS.plan()],
    ['a return while the path is still in a measure', 'inMeasure', INPUTS.returned()],
    ['IntakeCompleted once planning has begun', 'planning', INPUTS.intake()],
  ] as const)('should record %s without moving the path', (_case, stage, input) => {
    expect(verdict(STAGE[stage](), input)).toBe('RECORD');
  });

  it('should refuse, for the dead-letter path, a referral of the path that names another referrer than its emitter', () => {
    const forged: EventInput = { ...INPUTS.referred(), actor: by(OTHER).actor };

    expect(verdict(undefined, forged)).toBe('REFUSED');
  });

  it('should never call a refused command early', () => {
    const exit: PathInput = {
      type: 'exited',
      ...by(PROVIDER),
      destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      confirmed: true,
      exitDate: DAY0,
    };
    const decision = decide(inMeasure(), exit, pathPolicy());

    expect(isRefused(decision) && arrivedEarly(decision.refused)).toBe(false);
    expect(decision).toMatchObject({ refused: { code: 'CONFLICT' } });
  });
});
