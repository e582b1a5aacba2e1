import type { IsoDate } from '@polku/timers';

/** When and by whom something happened on the path: one event. */
export interface Occurrence {
  readonly eventId: string;
  /** The instant, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly at: string;
  /** The Europe/Helsinki calendar day of the instant. */
  readonly day: IsoDate;
  /** The emitting organisation (polku's own for a system process). */
  readonly orgId: string;
}

/** Where the path stood after a decision (NextStepSet), one per path version. */
export interface Step extends Occurrence {
  readonly version: number;
  readonly state: string;
  readonly accountableOrgId?: string;
  readonly nextStep?: string;
  readonly dueDate?: IsoDate;
  readonly level?: string;
}

/** A referral made on the path and its answer. */
export interface Referral {
  readonly referralId: string;
  asked?: Occurrence;
  answer?: Occurrence & {
    readonly accepted: boolean;
    readonly byOrgId: string;
    readonly reasonCategory?: string;
  };
}

/** An intake: the dimensions the figures are broken down by. */
export interface Intake extends Occurrence {
  readonly ageBand?: string;
  readonly municipality?: string;
}

/** An activation plan: its first agreement and the linked plans of its latest agreed version. */
export interface Plan {
  readonly planId: string;
  firstAgreed?: Occurrence;
  linkedVersion: number;
  linkedPlans: number;
}

/** A measure the client started. */
export interface Measure extends Occurrence {
  readonly measureId: string;
  readonly measureType: string;
  readonly startDate: IsoDate;
}

/** A hand-off: its proposal, answer, completion and escalations. */
export interface Handoff {
  readonly handoffId: string;
  proposed?: Occurrence & { readonly receivingOrgId: string; readonly answerDueDate: IsoDate };
  answer?: Occurrence & { readonly accepted: boolean; readonly reasonCategory?: string };
  completed?: Occurrence;
  readonly escalations: Array<Occurrence & { readonly level: string; readonly toOrgId: string }>;
}

/** An exit with its destination. */
export interface Exit extends Occurrence {
  readonly exitDate: IsoDate;
  readonly group: string;
  readonly category: string;
}

/** A follow-up after an exit. */
export interface FollowUp {
  readonly followUpId: string;
  dueDate?: IsoDate;
  /** The organisation that follows up: the latest named by its schedule, due or miss. */
  ownerOrgId?: string;
  scheduled?: Occurrence;
  completed?: Occurrence & {
    readonly statusNow: string;
    readonly group?: string;
    readonly category?: string;
  };
  missed?: Occurrence;
}

/** The escalation signals counted as overdue (docs/dashboards.md). */
export type SignalType =
  | 'HandoffEscalated'
  | 'NextStepOverdue'
  | 'FollowUpMissed'
  | 'PlanReviewOverdue'
  | 'ActionItemOverdue'
  | 'WaitExceeded';

/** One escalation signal. */
export interface Signal extends Occurrence {
  readonly type: SignalType;
  /** The rung, for the signals that climb a ladder. */
  readonly level?: string;
  /** The organisation it is escalated to or owned by, when the payload names it. */
  readonly targetOrgId?: string;
  /** The hand-off, follow-up, action item, plan or wait it is about. */
  readonly ref?: string;
  readonly nextStep?: string;
  readonly dueDate?: IsoDate;
}

/** A wait between services. */
export interface Wait {
  readonly waitId: string;
  started?: Occurrence & { readonly waitingFor: string };
  /** The day the wait began and its kind, as WaitExceeded repeats them. */
  exceeded?: Occurrence & { readonly since: IsoDate; readonly waitingFor: string };
  endedOn?: IsoDate;
}

/** A goal's latest follow-up with a GAS level. */
export interface Goal extends Occurrence {
  readonly goalId: string;
  readonly gasLevel: number;
  readonly recordedAt: string;
}

/** A return to the intermediate labour market that opened this path. */
export interface Return extends Occurrence {
  readonly loopCount: number;
}

/**
 * Everything the facts of one path are made of, folded from its stored events in one fixed
 * order (fold-path.ts), so that the same events give the same history whatever order they
 * arrived in. Lists are in that order unless said otherwise.
 */
export interface PathHistory {
  readonly pathId: string;
  /** The path's first event. */
  readonly first?: Occurrence;
  /** The first ClientReferred. */
  readonly referral?: Occurrence;
  readonly referrals: readonly Referral[];
  readonly intakes: readonly Intake[];
  readonly plans: readonly Plan[];
  /** The first ActivationPlanAgreed of any plan. */
  readonly firstPlan?: Occurrence;
  /** By start date. */
  readonly measures: readonly Measure[];
  readonly handoffs: readonly Handoff[];
  readonly exits: readonly Exit[];
  readonly followUps: readonly FollowUp[];
  /** By path version, one per version. */
  readonly steps: readonly Step[];
  readonly signals: readonly Signal[];
  readonly completedActionItems: ReadonlySet<string>;
  readonly waits: readonly Wait[];
  readonly goals: readonly Goal[];
  readonly returns: readonly Return[];
  /** Markers of returns from this path to a new one. */
  readonly reentries: readonly Occurrence[];
  /** Every organisation that has been a party of the path. */
  readonly parties: ReadonlySet<string>;
}
