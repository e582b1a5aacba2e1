import type { Person } from '../people/person';

/**
 * What the driver knows of a client's current path while it runs the story: the ids the API
 * answered and the versions it last read. Reset when the client returns on a new path.
 */
export interface PathRuntime {
  pathId?: string;
  referralId?: string;
  measureId?: string;
  measureEtag?: string;
  handoffId?: string;
  meetingId?: string;
  meetingEtag?: string;
  meeting?: {
    readonly startsAt: string;
    readonly endsAt: string;
    readonly participants: readonly { orgId: string; roles: string[] }[];
  };
  waitId?: string;
  /** Read just before a command that needs it. */
  ifMatch?: string;
  plan?: PlanView;
  followUps?: readonly { readonly followUpId: string; readonly dueDate: string }[];
  actionItemId?: string;
}

/** The activation plan as GET …/activation-plan answers it (the parts a revision resends). */
export interface PlanView {
  readonly reviewDate: string;
  readonly parties: readonly { readonly orgId: string }[];
  readonly linkedPlans: readonly {
    readonly kind: string;
    readonly reference: string;
    readonly heldByOrgId: string | null;
  }[];
  readonly goals: readonly {
    readonly goalId: string;
    readonly text: string;
    readonly gasScale: Record<string, string> | null;
  }[];
}

/** What a step's body may depend on besides the step: the day, the clock, the client. */
export interface StepContext {
  /** The Finnish calendar day the step runs on. */
  readonly on: string;
  /** The clock's time when the step runs. */
  readonly now: Date;
  /** True without a simulated clock: every step runs today, meetings lie in the past hours. */
  readonly realTime: boolean;
  readonly person: Person;
  readonly client: number;
}
