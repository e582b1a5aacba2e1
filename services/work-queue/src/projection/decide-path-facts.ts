import type { EventEnvelope } from '@polku/contracts';
import type { EventFacts } from './work-item-ops';

type Data = Record<string, unknown>;

/** Organisations that became parties of the path (organisations per client). */
export interface PartiesFact {
  readonly fact: 'parties';
  readonly orgIds: readonly string[];
}

/** Where the path stands after a decision (NextStepSet). */
export interface StepFact {
  readonly fact: 'step';
  readonly pathVersion: number;
  readonly state: string;
  readonly accountableOrgId?: string;
  readonly workerId?: string;
  readonly nextStep?: string;
  readonly dueDate?: string;
  readonly level?: string;
}

/** A measure of the path started, paused, resumed or ended. */
export interface MeasureFact {
  readonly fact: 'measure';
  readonly measureId: string;
  readonly change: 'STARTED' | 'PAUSED' | 'RESUMED' | 'ENDED';
  readonly measureType?: string;
  readonly providerOrgId?: string;
}

/** An activation plan of the path was agreed or revised. */
export interface PlanFact {
  readonly fact: 'plan';
  readonly planId: string;
  readonly planVersion: number;
  /** The linked plans of this version; absent for a revision, which does not list them. */
  readonly linkedPlans?: number;
}

/** A fact of the path's card, with the event it comes from. */
export type PathFact = (PartiesFact | StepFact | MeasureFact | PlanFact) & EventFacts;

const orgIdsOf = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((entry) => (entry as { orgId: string }).orgId) : [];

function factsOf(
  envelope: EventEnvelope<unknown>,
): Array<PartiesFact | StepFact | MeasureFact | PlanFact> {
  const data = (envelope.data ?? {}) as Data;
  const s = (field: string) => data[field] as string;
  const parties = (...orgIds: Array<string | undefined>): PartiesFact => ({
    fact: 'parties',
    orgIds: orgIds.filter((orgId): orgId is string => typeof orgId === 'string'),
  });
  switch (envelope.type) {
    case 'NextStepSet':
      return [
        {
          fact: 'step',
          pathVersion: data.pathVersion as number,
          state: s('state'),
          ...(data.accountableOrgId === undefined
            ? {}
            : { accountableOrgId: s('accountableOrgId') }),
          ...(data.workerId === undefined ? {} : { workerId: s('workerId') }),
          ...(data.nextStep === undefined ? {} : { nextStep: s('nextStep') }),
          ...(data.dueDate === undefined ? {} : { dueDate: s('dueDate') }),
          ...(data.level === undefined ? {} : { level: s('level') }),
        },
        parties(data.accountableOrgId as string | undefined),
      ];
    case 'ClientReferred':
    case 'ReferralLinked':
      return [parties(s('fromOrgId'), s('toOrgId'))];
    case 'HandoffProposed':
      return [parties(s('receivingOrgId'))];
    case 'OwnershipTransferred':
      return [parties(s('fromOrgId'), s('toOrgId'))];
    case 'FollowUpScheduled':
    case 'FollowUpDue':
      return [parties(s('ownerOrgId'))];
    case 'NetworkMeetingHeld':
      return [parties(...orgIdsOf(data.participants))];
    case 'ActivationPlanAgreed':
      return [
        {
          fact: 'plan',
          planId: s('planId'),
          planVersion: data.planVersion as number,
          linkedPlans: Array.isArray(data.linkedPlans) ? data.linkedPlans.length : 0,
        },
        parties(...orgIdsOf(data.parties)),
      ];
    case 'ActivationPlanRevised':
      return [
        { fact: 'plan', planId: s('planId'), planVersion: data.planVersion as number },
        parties(...orgIdsOf(data.parties)),
      ];
    case 'MeasureStarted': {
      const placement = (data.placement ?? {}) as { hostOrgId?: string };
      return [
        {
          fact: 'measure',
          measureId: s('measureId'),
          change: 'STARTED',
          measureType: s('measureType'),
          // The organisation that runs it: the external host, else the one that started it.
          providerOrgId: placement.hostOrgId ?? envelope.emitter.orgId,
        },
      ];
    }
    case 'MeasurePaused':
      return [{ fact: 'measure', measureId: s('measureId'), change: 'PAUSED' }];
    case 'MeasureResumed':
      return [{ fact: 'measure', measureId: s('measureId'), change: 'RESUMED' }];
    case 'MeasureEnded':
      return [{ fact: 'measure', measureId: s('measureId'), change: 'ENDED' }];
    default:
      return [];
  }
}

/**
 * What an event tells of its path's card (docs/work-queue.md, caseload): where the path stands
 * (NextStepSet), its measure, its plans, and the organisations that became its parties.
 */
export function decidePathFacts(envelope: EventEnvelope<unknown>): PathFact[] {
  const facts: EventFacts = {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt,
    pathId: envelope.pathId,
  };
  return factsOf(envelope)
    .filter((fact) => fact.fact !== 'parties' || fact.orgIds.length > 0)
    .map((fact) => ({ ...fact, ...facts }));
}
