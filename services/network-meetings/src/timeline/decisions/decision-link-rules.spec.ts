import { decideDecisionLink, type DecisionLinkFacts } from './decision-link-rules';

const ORG = '00000000-0000-4000-8000-00000000000a';
const DECISION = '00000000-0000-4000-8000-0000000000d1';

const facts = (overrides: Partial<DecisionLinkFacts> = {}): DecisionLinkFacts => ({
  decisionId: DECISION,
  callerOrgId: ORG,
  held: {
    decisions: [{ decisionId: DECISION, kind: 'PAUSE' }],
    participants: [{ orgId: ORG, roles: ['INDIVIDUAL_COACH'] }],
  },
  alreadyLinked: false,
  carryingEventType: 'MeasurePaused',
  ...overrides,
});

describe('linking a meeting decision to what carried it out', () => {
  it('should link a pause to MeasurePaused in activation-plans when the meeting lists it', () => {
    expect(decideDecisionLink(facts())).toEqual({
      ok: true,
      kind: 'PAUSE',
      eventType: 'MeasurePaused',
      service: 'activation-plans',
    });
  });

  it('should link a transition decision to a hand-off event in transitions when one carried it out', () => {
    const decided = decideDecisionLink(
      facts({
        held: {
          decisions: [{ decisionId: DECISION, kind: 'TRANSITION_DECISION' }],
          participants: [{ orgId: ORG, roles: ['SOCIAL_WORKER'] }],
        },
        carryingEventType: 'HandoffProposed',
      }),
    );

    expect(decided).toMatchObject({ ok: true, service: 'transitions' });
  });

  it.each([
    ['the meeting is not held', { held: undefined }, 409, 'MEETING_NOT_HELD'],
    ['the decision is not the meeting’s', { decisionId: ORG }, 422, 'DECISION_NOT_IN_MEETING'],
    ['the decision is linked already', { alreadyLinked: true }, 409, 'DECISION_ALREADY_LINKED'],
    [
      'it is linked already, whoever asks',
      { alreadyLinked: true, callerOrgId: DECISION, carryingEventType: undefined },
      409,
      'DECISION_ALREADY_LINKED',
    ],
    ['the caller was not there', { callerOrgId: DECISION }, 422, 'NOT_A_MEETING_PARTY'],
    [
      'the event is not on the path',
      { carryingEventType: undefined },
      422,
      'CARRYING_EVENT_NOT_ON_PATH',
    ],
    [
      'the event is of another kind',
      { carryingEventType: 'ActivationPlanRevised' },
      422,
      'EVENT_DOES_NOT_CARRY_DECISION',
    ],
  ] as const)('should refuse the link when %s', (_label, overrides, status, rule) => {
    expect(decideDecisionLink(facts(overrides))).toMatchObject({
      ok: false,
      problem: { status, rule },
    });
  });
});
