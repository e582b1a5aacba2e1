// The vocabulary of the model-based test (docs/testing.md, "The path model"): every command a
// caseworker can give a path through the gateway, as plain data. A step names no ids: it refers to
// the run's clients, paths, referrals, consents, measures and follow-ups by number, resolved when
// it runs (modulo what exists then), so that any sequence is valid to run, shrinks well and reads
// as a regression test.

/** Organisations that may refer (a statutory referrer, docs/auth.md). */
export const REFERRERS = ['employmentArea', 'socialServices', 'typ'] as const;
export type Referrer = (typeof REFERRERS)[number];

/** Organisations that run measures and receive referrals and hand-offs. */
export const PROVIDERS = ['tyonsilta', 'kumppaniksi'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Every organisation a step can name. */
export type OrgKey = Referrer | Provider | 'healthCentre';

/**
 * Who gives a command on a path, resolved when it runs: the path's first referrer, the receiver
 * of its latest referral, the organisation transitions holds accountable now, the receiver of its
 * latest hand-off, or an organisation that takes no part (its commands must be refused).
 */
export const ACTORS = [
  'referrer',
  'receiver',
  'accountable',
  'handoffReceiver',
  'outsider',
] as const;
export type Actor = (typeof ACTORS)[number];

/** A command on one existing path; `path` is an index into the run's paths. */
export type PathStep =
  | { kind: 'answerReferral'; path: number; referral: number; answer: 'accept' | 'decline' }
  | { kind: 'grantConsent'; path: number; as: Actor; forOrg: OrgKey; wide: boolean }
  | {
      kind: 'withdrawConsent';
      path: number;
      consent: number;
      as: Actor;
      onClientRequest: boolean;
    }
  | { kind: 'intake'; path: number; as: Actor }
  | { kind: 'agreePlan'; path: number; as: Actor }
  | { kind: 'revisePlan'; path: number; as: Actor }
  | { kind: 'startMeasure'; path: number; as: Actor }
  | {
      kind: 'changeMeasure';
      path: number;
      measure: number;
      change: 'pause' | 'resume' | 'end';
      as: Actor;
    }
  | { kind: 'proposeHandoff'; path: number; to: Provider; as: Actor }
  | { kind: 'answerHandoff'; path: number; answer: 'accept' | 'decline' | 'complete'; as: Actor }
  | {
      kind: 'exit';
      path: number;
      destination: 'OPEN_LABOUR_MARKET' | 'UNCLEAR_PATH';
      confirmed: boolean;
      as: Actor;
    }
  | { kind: 'completeFollowUp'; path: number; followUp: number; confirms: boolean; as: Actor }
  | { kind: 'close'; path: number; as: Actor }
  | { kind: 'changeWorker'; path: number; as: Actor }
  | { kind: 'startWait'; path: number; as: Actor }
  | { kind: 'endWait'; path: number; wait: number; as: Actor };

/**
 * A referral of one of the run's clients (a client referred again is a re-referral, joined to its
 * open path or held on a path of its own, docs/auth.md); with or without the client's consent for
 * the receiver.
 */
export interface ReferStep {
  readonly kind: 'refer';
  readonly client: number;
  readonly by: Referrer;
  readonly to: Provider;
  readonly withConsent: boolean;
}

/** Two commands on one path sent at the same moment (Promise.all). */
export interface ConcurrentStep {
  readonly kind: 'concurrently';
  readonly steps: readonly [PathStep, PathStep];
}

export type Step = ReferStep | PathStep | ConcurrentStep;

/** One line per step, as a counterexample prints it. */
export function describeStep(step: Step): string {
  if (step.kind === 'concurrently') {
    return `concurrently(${step.steps.map(describeStep).join(' ‖ ')})`;
  }
  const { kind, ...rest } = step;
  return `${kind} ${JSON.stringify(rest)}`;
}
