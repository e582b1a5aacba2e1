import type { EventSubject } from '@polku/contracts';
import fc from 'fast-check';
import { ORGS, PathStory, type Emitter } from './path-story';

/** A few ids per kind, so that random events meet: answers their questions, misses their follow-ups. */
const id = (n: number): string => `0190f0a0-0000-7000-8000-00000000000${n}`;
const day = (offset: number): string =>
  new Date(Date.UTC(2026, 0, 5 + offset)).toISOString().slice(0, 10);
const EMITTERS: readonly Emitter[] = [ORGS.provider, ORGS.authority, ORGS.social, 'SYSTEM'];
const DESTINATIONS = [
  { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' },
] as const;
const STATES = [
  'REFERRED',
  'INTAKE',
  'PLANNING',
  'IN_MEASURE',
  'UNCLEAR_PATH',
  'FOLLOW_UP',
  'CLOSED',
];
const LEVELS = ['WORKER', 'TEAM_LEAD', 'MANAGER'] as const;

/** One random event: what it is, when (day and minute: several share an instant) and its ids. */
export interface RandomEvent {
  readonly kind: number;
  readonly day: number;
  readonly minute: number;
  readonly n: number;
  readonly by: number;
}

type Make = (e: RandomEvent) => [EventSubject, Record<string, unknown>];

/** Every consumed subject with data drawn from small pools of ids, states and dates. */
const MAKERS: readonly Make[] = [
  (e) => ['polku.intake.referral.client-referred.v1', { referralId: id(e.n % 2) }],
  (e) => ['polku.intake.referral.referral-accepted.v1', { referralId: id(e.n % 2) }],
  (e) => ['polku.intake.referral.referral-declined.v1', { referralId: id(e.n % 2) }],
  () => ['polku.intake.referral.referral-linked.v1', {}],
  (e) => ['polku.intake.intake.intake-completed.v1', { municipality: e.n % 2 ? '205' : '765' }],
  (e) => ['polku.plans.plan.activation-plan-agreed.v1', { planId: id(e.n % 2), planVersion: e.n }],
  (e) => ['polku.plans.plan.activation-plan-revised.v1', { planId: id(e.n % 2) }],
  (e) => [
    'polku.plans.goal.goal-progress-recorded.v1',
    { goalId: id(e.n % 2), gasLevel: (e.n % 5) - 2, recordedAt: `${day(e.day)}T09:00:00.000Z` },
  ],
  () => ['polku.plans.plan.plan-review-overdue.v1', {}],
  (e) => [
    'polku.plans.measure.measure-started.v1',
    {
      measureId: id(e.n),
      measureType: e.n % 2 ? 'WORK_TRIAL' : 'REHABILITATIVE_WORK_ACTIVITY',
      schedule: { daysPerWeek: 3, hoursPerDay: 6, startDate: day(e.day), plannedEndDate: day(99) },
    },
  ],
  (e) => ['polku.transitions.handoff.handoff-proposed.v1', { handoffId: id(e.n % 2) }],
  (e) => ['polku.transitions.handoff.handoff-accepted.v1', { handoffId: id(e.n % 2) }],
  (e) => ['polku.transitions.handoff.handoff-declined.v1', { handoffId: id(e.n % 2) }],
  (e) => ['polku.transitions.handoff.handoff-completed.v1', { handoffId: id(e.n % 2) }],
  (e) => [
    'polku.transitions.handoff.handoff-escalated.v1',
    { handoffId: id(e.n % 2), level: LEVELS[e.n % 3] },
  ],
  () => ['polku.transitions.path.ownership-transferred.v1', {}],
  (e) => [
    'polku.transitions.path.client-exited.v1',
    { destination: DESTINATIONS[e.n % 3], exitDate: day(e.day) },
  ],
  (e) => [
    'polku.transitions.follow-up.follow-up-scheduled.v1',
    {
      ownerOrgId: ORGS.provider,
      followUps: [{ followUpId: id(e.n % 3), dueDate: day(e.day + 30) }],
    },
  ],
  (e) => ['polku.transitions.follow-up.follow-up-due.v1', { followUpId: id(e.n % 3) }],
  (e) => [
    'polku.transitions.follow-up.follow-up-completed.v1',
    { followUpId: id(e.n % 3), statusNow: (['SAME', 'BACK_IN_VTM'] as const)[e.n % 2] },
  ],
  (e) => ['polku.transitions.follow-up.follow-up-missed.v1', { followUpId: id(e.n % 3) }],
  (e) => [
    'polku.transitions.path.next-step-set.v1',
    { pathVersion: e.n, state: STATES[(e.n + e.day) % STATES.length], dueDate: day(e.day + 5) },
  ],
  (e) => ['polku.transitions.path.next-step-overdue.v1', { level: LEVELS[e.n % 3] }],
  (e) => [
    'polku.meetings.action-item.action-item-overdue.v1',
    { actionItemId: id(e.n % 2), level: 'MANAGER' },
  ],
  (e) => ['polku.meetings.action-item.action-item-completed.v1', { actionItemId: id(e.n % 2) }],
  (e) => ['polku.transitions.wait.waiting-started.v1', { waitId: id(e.n % 2) }],
  (e) => ['polku.transitions.wait.waiting-ended.v1', { waitId: id(e.n % 2), endedOn: day(e.day) }],
  (e) => [
    'polku.transitions.wait.wait-exceeded.v1',
    { waitId: id(e.n % 2), since: day(e.day - 3) },
  ],
  () => ['polku.meetings.meeting.network-meeting-held.v1', {}],
  (e) => [
    'polku.intake.path.client-returned-to-intermediate-market.v1',
    { loopCount: e.n, previousPathId: id(9) },
  ],
];

/** The random events of one path. */
export const randomEvents: fc.Arbitrary<RandomEvent[]> = fc.array(
  fc.record({
    kind: fc.integer({ min: 0, max: MAKERS.length - 1 }),
    day: fc.integer({ min: 0, max: 60 }),
    minute: fc.integer({ min: 0, max: 1 }),
    n: fc.integer({ min: 1, max: 6 }),
    by: fc.integer({ min: 0, max: EMITTERS.length - 1 }),
  }),
  { maxLength: 40 },
);

/** The path of the random events, as the projection keeps them. */
export function randomPath(events: readonly RandomEvent[]): PathStory {
  const story = new PathStory();
  for (const event of events) {
    const [subject, data] = MAKERS[event.kind](event);
    // Events of one day share one of two instants: the fold must order them by themselves alone.
    story.on(day(event.day), event.minute).add(subject, data as never, EMITTERS[event.by]);
  }
  return story;
}
