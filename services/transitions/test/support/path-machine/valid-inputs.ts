import { MEETING_KINDS } from '@polku/contracts';
import { addCalendarDays, type IsoDate } from '@polku/timers';
import type { PathActor, PathInput } from '../../../src/path/path-inputs';
import type { PathDestination, PathState, PathStateName } from '../../../src/path/path-state';

// A second, independent statement of what each state allows, for the property tests: from a
// path's state it lists the inputs a caseworker (or another service) could validly send now,
// each with its parameters drawn from the dice. The machine must accept every one of them.

/** Deterministic choices from one integer seed (mulberry32), so fast-check can replay a run. */
export class Dice {
  private seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
  }

  int(n: number): number {
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  }

  flag(): boolean {
    return this.int(2) === 1;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export const ORGS = ['org-te', 'org-social', 'org-provider-1', 'org-provider-2', 'org-provider-3'];
const PROVIDERS = ORGS.filter((org) => org.startsWith('org-provider'));
const WORKERS_PER_ORG = 3;

function workerOf(orgId: string, n: number): string {
  return `${orgId}/worker-${n}`;
}

export function actorOf(orgId: string, dice: Dice): PathActor {
  return { orgId, workerId: workerOf(orgId, dice.int(WORKERS_PER_ORG) + 1), role: 'CASEWORKER' };
}

const EXIT_DESTINATIONS: readonly PathDestination[] = [
  { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
  { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType: 'PAY_SUBSIDISED_WORK' },
  { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES', subType: 'APPRENTICESHIP' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION_INVESTIGATION' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNEMPLOYED_JOBSEEKER' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'HEALTH_CARE_TREATMENT' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'SICK_LEAVE' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'REHABILITATION_PERIOD' },
];

export const UNCLEAR_DESTINATION: PathDestination = {
  group: 'OUTSIDE_LABOUR_MARKET',
  category: 'UNCLEAR_PATH',
};

const HANDOFF_DESTINATIONS: readonly PathDestination[] = [
  { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
  { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType: 'WORK_TRIAL' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
  { group: 'OUTSIDE_LABOUR_MARKET', category: 'REHABILITATION_PERIOD' },
];

/** Fresh ids for a run: waits, measures, hand-offs and new paths. */
export interface IdSource {
  next(prefix: string): string;
}

type Candidate = () => PathInput;

const HANDOFF_STATES: readonly PathStateName[] = [
  'INTAKE',
  'PLANNING',
  'IN_MEASURE',
  'TRANSITION_PENDING',
  'UNCLEAR_PATH',
];
const EXIT_STATES: readonly PathStateName[] = [
  'REFERRED',
  'INTAKE',
  'PLANNING',
  'TRANSITION_PENDING',
  'UNCLEAR_PATH',
];
const FUNDING_STATES: readonly PathStateName[] = [...HANDOFF_STATES, 'PAUSED', 'FOLLOW_UP'];

interface Context {
  readonly state: PathState;
  readonly today: IsoDate;
  readonly dice: Dice;
  readonly ids: IdSource;
}

function later(ctx: Context, maxDays: number): IsoDate {
  return addCalendarDays(ctx.today, ctx.dice.int(maxDays + 1));
}

function byOwner(ctx: Context): PathActor {
  const accountable = ctx.state.accountable;
  if (accountable === null) {
    throw new Error('no owner');
  }
  return actorOf(accountable.orgId, ctx.dice);
}

function anyOrg(ctx: Context): PathActor {
  return actorOf(ctx.dice.pick(ORGS), ctx.dice);
}

function ownershipInputs(ctx: Context): Candidate[] {
  const { state, today, dice, ids } = ctx;
  const accountable = state.accountable;
  if (accountable === null) {
    return [];
  }
  const candidates: Candidate[] = [
    () => {
      const others = [1, 2, 3]
        .map((n) => workerOf(accountable.orgId, n))
        .filter((w) => w !== accountable.workerId);
      return {
        type: 'responsibleWorkerChanged',
        at: today,
        actor: byOwner(ctx),
        toWorkerId: dice.pick(others),
        reasonCategory: 'TURNOVER',
      };
    },
    () => ({
      type: 'waitingStarted',
      at: today,
      actor: anyOrg(ctx),
      waitId: ids.next('wait'),
      waitingFor: 'HOUSING',
      thresholdBusinessDays: dice.int(30) + 1,
    }),
  ];
  if (state.waits.length > 0) {
    candidates.push(() => ({
      type: 'waitingEnded',
      at: today,
      actor: anyOrg(ctx),
      waitId: dice.pick(state.waits).waitId,
    }));
  }
  if (FUNDING_STATES.includes(state.state) && PROVIDERS.includes(accountable.orgId)) {
    candidates.push(() => ({
      type: 'fundingEnding',
      at: today,
      actor: byOwner(ctx),
      providerOrgId: accountable.orgId,
      endDate: addCalendarDays(today, dice.int(90) + 1),
      // The path's employment authority, or none known (the provider's manager then).
      fallbackOrgId: dice.pick(['org-te', null]),
    }));
  }
  if (state.state === 'FOLLOW_UP') {
    candidates.push(() => {
      const toOrgId = dice.pick(ORGS.filter((org) => org !== accountable.orgId));
      return {
        type: 'followUpsRehomed',
        at: today,
        actor: byOwner(ctx),
        toOrgId,
        toOrgRole: toOrgId === 'org-social' ? 'SOCIAL_SERVICES' : 'EMPLOYMENT_AUTHORITY',
        toWorkerId: workerOf(toOrgId, 1),
      };
    });
  }
  return candidates;
}

function handoffInputs(ctx: Context): Candidate[] {
  const { state, today, dice, ids } = ctx;
  const pending = state.pendingHandoff;
  if (pending === null) {
    return HANDOFF_STATES.includes(state.state)
      ? [
          () => ({
            type: 'handoffProposed',
            at: today,
            actor: byOwner(ctx),
            handoffId: ids.next('transition'),
            receivingOrgId: dice.pick(ORGS.filter((org) => org !== state.accountable?.orgId)),
            destination: dice.pick(HANDOFF_DESTINATIONS),
            proposedDate: later(ctx, 40),
          }),
        ]
      : [];
  }
  const receiver = () => actorOf(pending.receivingOrgId, dice);
  const candidates: Candidate[] = [
    () => ({
      type: 'handoffDeclined',
      at: today,
      actor: receiver(),
      handoffId: pending.handoffId,
      reasonCategory: 'NO_CAPACITY',
    }),
  ];
  if (!pending.accepted) {
    candidates.push(() => ({
      type: 'handoffAccepted',
      at: today,
      actor: receiver(),
      handoffId: pending.handoffId,
      ...(dice.flag() ? { startDate: later(ctx, 30) } : {}),
    }));
  }
  if (pending.accepted && state.activeMeasure === null) {
    candidates.push(() => ({
      type: 'handoffCompleted',
      at: today,
      actor: receiver(),
      handoffId: pending.handoffId,
    }));
  }
  return candidates;
}

function exitInputs(ctx: Context): Candidate[] {
  const { state, today, dice } = ctx;
  const free =
    state.pendingReferral === null && state.pendingHandoff === null && state.activeMeasure === null;
  if (!EXIT_STATES.includes(state.state) || !free) {
    return [];
  }
  const destinations =
    state.state === 'UNCLEAR_PATH'
      ? EXIT_DESTINATIONS
      : [...EXIT_DESTINATIONS, UNCLEAR_DESTINATION];
  return [
    () => ({
      type: 'exited',
      at: today,
      actor: byOwner(ctx),
      destination: dice.pick(destinations),
      confirmed: dice.flag(),
      exitDate: addCalendarDays(today, -dice.int(4)),
    }),
  ];
}

function followUpInputs(ctx: Context): Candidate[] {
  const { state, today, dice } = ctx;
  const open = state.followUps.filter((f) => f.status !== 'COMPLETED');
  const candidates: Candidate[] = open.map((followUp) => () => {
    const statusNow = dice.pick(['SAME', 'CHANGED', 'BACK_IN_VTM', 'UNKNOWN'] as const);
    const destination =
      statusNow === 'CHANGED' && dice.flag() ? dice.pick(EXIT_DESTINATIONS) : undefined;
    const mayConfirm = statusNow === 'SAME' || destination !== undefined;
    return {
      type: 'followUpCompleted',
      at: today,
      actor: byOwner(ctx),
      followUpId: followUp.followUpId,
      statusNow,
      confirmsDestination: mayConfirm && dice.flag(),
      ...(destination === undefined ? {} : { destination }),
    };
  });
  if (state.exit?.confirmed === true && open.length === 0) {
    candidates.push(() => ({ type: 'pathClosed', at: today, actor: byOwner(ctx) }));
  }
  return candidates;
}

function measureInputs(ctx: Context): Candidate[] {
  const { state, today, dice, ids } = ctx;
  const measure = state.activeMeasure;
  const by = () => anyOrg(ctx);
  switch (state.state) {
    case 'PLANNING':
      return [
        () => ({ type: 'planAgreed', at: today, actor: by() }),
        () => ({
          type: 'measureStarted',
          at: today,
          actor: by(),
          measureId: ids.next('measure'),
          plannedEndDate: addCalendarDays(today, dice.int(200) + 5),
        }),
      ];
    case 'IN_MEASURE':
    case 'PAUSED':
    case 'TRANSITION_PENDING': {
      if (measure === null) {
        return state.pendingHandoff === null
          ? [() => ({ type: 'planAgreed', at: today, actor: by() })]
          : [];
      }
      const id = measure.measureId;
      const candidates: Candidate[] = [
        () => ({ type: 'measureEnded', at: today, actor: by(), measureId: id }),
      ];
      if (state.state === 'IN_MEASURE') {
        candidates.push(() => ({
          type: 'measurePaused',
          at: today,
          actor: by(),
          measureId: id,
          ...(dice.flag() ? { expectedResume: later(ctx, 60) } : {}),
        }));
      }
      if (state.state === 'PAUSED') {
        candidates.push(() => ({ type: 'measureResumed', at: today, actor: by(), measureId: id }));
      }
      return candidates;
    }
    default:
      return [];
  }
}

function stageInputs(ctx: Context): Candidate[] {
  const { state, today, dice, ids } = ctx;
  switch (state.state) {
    case 'REFERRED': {
      const pending = state.pendingReferral;
      if (pending !== null) {
        return [
          () => ({
            type: 'referralAccepted',
            at: today,
            actor: actorOf(pending.toOrgId, dice),
            referralId: pending.referralId ?? '',
          }),
          () => ({
            type: 'referralDeclined',
            at: today,
            actor: actorOf(pending.toOrgId, dice),
            referralId: pending.referralId ?? '',
            reasonCategory: 'NO_CAPACITY',
          }),
        ];
      }
      return [
        () => {
          const actor = byOwner(ctx);
          return {
            type: 'referred',
            at: today,
            actor,
            pathId: state.pathId,
            referralId: ids.next('referral'),
            fromOrgId: actor.orgId,
            toOrgId: dice.pick(PROVIDERS),
            referrerWorkerId: actor.workerId,
          };
        },
      ];
    }
    case 'INTAKE':
      return [() => ({ type: 'intakeCompleted', at: today, actor: byOwner(ctx) })];
    case 'UNCLEAR_PATH':
      return [
        () => ({
          type: 'unclearPathReviewed',
          at: today,
          actor: byOwner(ctx),
          ...(dice.flag() ? { nextReviewDate: later(ctx, 60) } : {}),
        }),
        () => ({
          type: 'returnedAsNewPath',
          at: today,
          actor: anyOrg(ctx),
          newPathId: ids.next('path'),
        }),
      ];
    case 'FOLLOW_UP':
      return [
        ...followUpInputs(ctx),
        () => ({
          type: 'returnedAsNewPath',
          at: today,
          actor: anyOrg(ctx),
          newPathId: ids.next('path'),
        }),
      ];
    default:
      return [];
  }
}

/** network-meetings' held meeting of any kind, for the pending hand-off, another or none. */
function meetingInputs(ctx: Context): Candidate[] {
  const { state, today, dice, ids } = ctx;
  return [
    () => {
      const named = dice.int(3);
      const handoffId =
        named === 0
          ? state.pendingHandoff?.handoffId
          : named === 1
            ? ids.next('handoff')
            : undefined;
      return {
        type: 'meetingHeld',
        at: today,
        actor: anyOrg(ctx),
        meetingId: ids.next('meeting'),
        kind: dice.pick(MEETING_KINDS),
        heldAt: `${today}T09:00:00.000Z`,
        ...(handoffId === undefined ? {} : { handoffId }),
      };
    },
  ];
}

/** Every input the path allows now; empty for a finished path. */
export function validInputs(
  state: PathState,
  today: IsoDate,
  dice: Dice,
  ids: IdSource,
): Candidate[] {
  if (state.state === 'CLOSED' || state.state === 'REENTERED') {
    return [];
  }
  const ctx: Context = { state, today, dice, ids };
  return [
    ...stageInputs(ctx),
    ...measureInputs(ctx),
    ...handoffInputs(ctx),
    ...exitInputs(ctx),
    ...ownershipInputs(ctx),
    ...meetingInputs(ctx),
  ];
}

/** A first referral of a new path, from any organisation to a provider. */
export function referral(pathId: string, today: IsoDate, dice: Dice): PathInput {
  const actor = actorOf(dice.pick(['org-te', 'org-social']), dice);
  return {
    type: 'referred',
    at: today,
    actor,
    pathId,
    referralId: `${pathId}/referral-1`,
    fromOrgId: actor.orgId,
    toOrgId: dice.pick(PROVIDERS),
    referrerWorkerId: actor.workerId,
  };
}
