import type {
  BasicNeedIssueKind,
  BasicNeedResolution,
  ClientBenefit,
  CompleteIntakeCommand,
  DestinationCategory,
  DestinationGroup,
  DestinationSubType,
  FollowUpContactMode,
  FollowUpHelpKind,
  FollowUpStatus,
  FundingKind,
  HandoffAlternativeCategory,
  HandoffDeclineReasonCategory,
  HandoffRationaleCategory,
  LinkedPlanKind,
  MeasureEndReason,
  MeasurePauseReasonCategory,
  MeasureType,
  MeetingDecisionKind,
  MeetingKind,
  MeetingParticipantRole,
  ParallelService,
  PlanRevisionReason,
  ReferralDeclineReasonCategory,
  ReferralReasonCategory,
  WaitingForCategory,
} from '@polku/contracts';
import type { DEMO_ORGANISATIONS } from '@polku/demo';

// A client's story is a list of steps, each a real command of polku's API on a day of the
// client's path (days after the first referral). A step names what is decided (kinds,
// categories, durations), never ids or dates: the driver resolves the path's ids when it runs,
// and driver/requests.ts builds each body from the step and the day it runs on.

/** An organisation of the demo directory, by its short name. */
export type OrgKey = keyof typeof DEMO_ORGANISATIONS;

export interface Destination {
  readonly group: DestinationGroup;
  readonly category: DestinationCategory;
  readonly subType?: DestinationSubType;
}

/** The coded intake, without what the driver fills in on the day (age band, municipality). */
export type IntakeSituation = Omit<
  CompleteIntakeCommand,
  'basicNeedIssues' | 'ageBand' | 'municipality' | 'currentBenefits'
> & {
  readonly currentBenefits: ClientBenefit[];
  readonly issues: readonly { readonly kind: BasicNeedIssueKind; readonly owner: OrgKey }[];
};

export interface GoalDraft {
  readonly text: string;
  /** With a GAS scale of five described levels. */
  readonly gas: boolean;
}

/** The parameters of each kind of step. */
export interface StepParams {
  refer: {
    readonly toOrg: OrgKey;
    readonly measure: MeasureType;
    readonly reason: ReferralReasonCategory;
    readonly funding: FundingKind;
    /** Every organisation the client consents to see the path, plan, attendance and health flag. */
    readonly consentOrgs: readonly OrgKey[];
    readonly languageSupport: boolean;
    /** A return after an exit: a new path (the driver forgets the old one). */
    readonly newPath: boolean;
  };
  acceptReferral: { readonly startInDays: number };
  declineReferral: { readonly reason: ReferralDeclineReasonCategory };
  completeIntake: { readonly situation: IntakeSituation };
  referParallelService: { readonly service: ParallelService; readonly toOrg?: OrgKey };
  resolveBasicNeed: { readonly resolution: BasicNeedResolution };
  agreePlan: {
    readonly parties: readonly OrgKey[];
    readonly goals: readonly GoalDraft[];
    readonly linkedPlans: readonly LinkedPlanKind[];
  };
  revisePlan: {
    readonly reason: PlanRevisionReason;
    readonly addParty?: OrgKey;
    /** A revision must change something: a new goal, or the party added, or the review date. */
    readonly newGoal?: string;
  };
  recordGoalProgress: { readonly gasLevel: number };
  startMeasure: {
    readonly measure: MeasureType;
    readonly months: number;
    readonly daysPerWeek: number;
    readonly hoursPerDay: number;
    readonly hostOrg?: OrgKey;
  };
  pauseMeasure: { readonly reason: MeasurePauseReasonCategory; readonly resumeInDays: number };
  resumeMeasure: Record<string, never>;
  endMeasure: { readonly reason: MeasureEndReason };
  scheduleMeeting: {
    readonly meetingKind: MeetingKind;
    readonly invitees: readonly {
      readonly org: OrgKey;
      readonly roles: readonly MeetingParticipantRole[];
    }[];
    /** Days from scheduling to the meeting (the driver records it the day after). */
    readonly inDays: number;
    /** A transition meeting held for the pending hand-off. */
    readonly forHandoff: boolean;
  };
  recordMeeting: {
    readonly decisions: readonly MeetingDecisionKind[];
    readonly clientPresent: boolean;
  };
  startWait: {
    readonly waitingFor: WaitingForCategory;
    readonly waitingForOrg?: OrgKey;
    readonly thresholdBusinessDays: number;
  };
  endWait: Record<string, never>;
  proposeHandoff: {
    readonly toOrg: OrgKey;
    readonly destination: Destination;
    readonly rationale: HandoffRationaleCategory;
    readonly proposedInDays: number;
  };
  acceptHandoff: { readonly startInDays: number };
  declineHandoff: {
    readonly reason: HandoffDeclineReasonCategory;
    readonly alternative: HandoffAlternativeCategory;
  };
  completeHandoff: Record<string, never>;
  exit: { readonly destination: Destination; readonly confirmed: boolean };
  completeFollowUp: {
    /** Which follow-up, in the order of their due dates (0 = the first). */
    readonly followUp: number;
    readonly statusNow: FollowUpStatus;
    readonly destination?: Destination;
    readonly contactMode: FollowUpContactMode;
    readonly helpGiven: readonly FollowUpHelpKind[];
    readonly confirms: boolean;
  };
  closePath: Record<string, never>;
  reviewUnclearPath: Record<string, never>;
}

export type StepKind = keyof StepParams;

/** One step: on day `day` of the story, a worker of `org` does `kind`. */
export type Step = {
  [K in StepKind]: { readonly kind: K; readonly day: number; readonly org: OrgKey } & StepParams[K];
}[StepKind];

export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** A client's whole story: the person, the persona and the steps in the order of their days. */
export interface Story {
  readonly persona: string;
  readonly steps: readonly Step[];
}
