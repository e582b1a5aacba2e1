import fc from 'fast-check';
import {
  ACTORS,
  PROVIDERS,
  REFERRERS,
  type Actor,
  type PathStep,
  type ReferStep,
  type Step,
} from './steps';

// Random steps for the path model. Out-of-order commands are the point: nothing here follows
// the path's expected course, and the actor is mostly the one who may act (so that paths get
// somewhere) but sometimes anyone. Small index ranges make steps hit the same paths often.

/** Three clients; the last has no personal identity code yet (AWAITING_REGISTRATION_CLIENT). */
const CLIENTS = 3;
const INDEX = fc.nat({ max: 3 });

/** Mostly a party that may give the command, sometimes an organisation that may not. */
function actor(preferred: Actor): fc.Arbitrary<Actor> {
  return fc.oneof(
    { arbitrary: fc.constant(preferred), weight: 4 },
    { arbitrary: fc.constantFrom(...ACTORS), weight: 1 },
  );
}

const refer: fc.Arbitrary<ReferStep> = fc.record({
  kind: fc.constant('refer' as const),
  client: fc.nat({ max: CLIENTS - 1 }),
  by: fc.constantFrom(...REFERRERS),
  to: fc.constantFrom(...PROVIDERS),
  withConsent: fc.boolean(),
});

/** A command on the path with the given index. */
function pathStep(path: fc.Arbitrary<number>): fc.Arbitrary<PathStep> {
  return fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('answerReferral' as const),
        path,
        referral: INDEX,
        answer: fc.oneof(
          { arbitrary: fc.constant('accept' as const), weight: 3 },
          { arbitrary: fc.constant('decline' as const), weight: 1 },
        ),
      }),
      weight: 5,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('grantConsent' as const),
        path,
        as: actor('referrer'),
        forOrg: fc.constantFrom(...PROVIDERS, 'socialServices' as const),
        wide: fc.boolean(),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('withdrawConsent' as const),
        path,
        consent: INDEX,
        as: actor('referrer'),
        onClientRequest: fc.boolean(),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('intake' as const), path, as: actor('receiver') }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('agreePlan' as const),
        path,
        as: actor('receiver'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('revisePlan' as const),
        path,
        as: actor('receiver'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('startMeasure' as const),
        path,
        as: actor('receiver'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('changeMeasure' as const),
        path,
        measure: INDEX,
        change: fc.constantFrom('pause' as const, 'resume' as const, 'end' as const),
        as: actor('receiver'),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('proposeHandoff' as const),
        path,
        to: fc.constantFrom(...PROVIDERS),
        as: actor('accountable'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('answerHandoff' as const),
        path,
        answer: fc.constantFrom('accept' as const, 'decline' as const, 'complete' as const),
        as: actor('handoffReceiver'),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('exit' as const),
        path,
        destination: fc.constantFrom('OPEN_LABOUR_MARKET' as const, 'UNCLEAR_PATH' as const),
        confirmed: fc.boolean(),
        as: actor('accountable'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('completeFollowUp' as const),
        path,
        followUp: INDEX,
        confirms: fc.boolean(),
        as: actor('accountable'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('close' as const), path, as: actor('accountable') }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('changeWorker' as const),
        path,
        as: actor('accountable'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('startWait' as const),
        path,
        as: actor('accountable'),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('endWait' as const),
        path,
        wait: INDEX,
        as: actor('accountable'),
      }),
      weight: 1,
    },
  );
}

/** Two commands on one path, sent together. */
const concurrently: fc.Arbitrary<Step> = INDEX.chain((path) =>
  fc
    .tuple(pathStep(fc.constant(path)), pathStep(fc.constant(path)))
    .map((steps) => ({ kind: 'concurrently' as const, steps })),
);

/** One step: a referral, a command on a path, or two commands on one path at once. */
// Few referrals, so that each path gets several commands and paths get deep into their course.
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: refer, weight: 2 },
  { arbitrary: pathStep(INDEX), weight: 14 },
  { arbitrary: concurrently, weight: 3 },
);

/** Step kinds a run leaves out (PATH_MODEL_WITHOUT), to explore past a failure already known. */
function without(kinds: readonly string[]) {
  const kept = (step: Step): boolean =>
    step.kind === 'concurrently' ? step.steps.every(kept) : !kinds.includes(step.kind);
  return kept;
}

/**
 * The expected course of one path up to a running measure: random steps after it start deep in
 * a path, where out-of-order commands meet measures, hand-offs and exits (PATH_MODEL_START).
 */
export const COURSE_TO_MEASURE: readonly Step[] = [
  { kind: 'refer', client: 0, by: 'employmentArea', to: 'tyonsilta', withConsent: true },
  { kind: 'answerReferral', path: 0, referral: 0, answer: 'accept' },
  { kind: 'intake', path: 0, as: 'receiver' },
  { kind: 'agreePlan', path: 0, as: 'receiver' },
  { kind: 'startMeasure', path: 0, as: 'receiver' },
];

/**
 * A run: it starts with a referral (there is no path without one), or with the course of a
 * path to a running measure, then anything.
 */
export function stepsArbitrary(
  maxSteps: number,
  options: { readonly withoutKinds?: readonly string[]; readonly startInMeasure?: boolean } = {},
): fc.Arbitrary<Step[]> {
  const kept = without(options.withoutKinds ?? []);
  const start: fc.Arbitrary<Step[]> = options.startInMeasure
    ? fc.constant([...COURSE_TO_MEASURE])
    : refer.map((first) => [first]);
  return fc
    .tuple(
      start,
      fc.array(stepArbitrary.filter(kept), {
        minLength: 1,
        maxLength: Math.max(1, maxSteps - 1),
      }),
    )
    .map(([first, rest]) => [...first, ...rest]);
}
