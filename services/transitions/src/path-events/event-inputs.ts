import type {
  ActivationPlanAgreedPayload,
  ActivationPlanRevisedPayload,
  ClientReferredPayload,
  ClientReturnedToIntermediateMarketPayload,
  EventEnvelope,
  IntakeCompletedPayload,
  MeasureEndedPayload,
  MeasurePausedPayload,
  MeasureResumedPayload,
  MeasureStartedPayload,
  NetworkMeetingHeldPayload,
  ReferralAcceptedPayload,
  ReferralDeclinedPayload,
} from '@polku/contracts';
import { finnishDateOf, type IsoDate } from '@polku/timers';
import type { PathActor, PathInputOf } from '../path';

// Other services' events as inputs of the path machine. The actor is whoever the event's
// emitter names; the day is the Finnish day it happened on, so a late or redelivered event
// counts its due dates from when it happened, not from when it arrived.

/** Which path an event moves, and how. */
export interface PathEventInput<T extends EventInputType> {
  readonly pathId: string;
  readonly input: PathInputOf<T>;
}

/** An input other services' events give the machine. */
export type EventInput = PathInputOf<EventInputType>;

export type EventInputType =
  | 'referred'
  | 'referralAccepted'
  | 'referralDeclined'
  | 'intakeCompleted'
  | 'planAgreed'
  | 'measureStarted'
  | 'measurePaused'
  | 'measureResumed'
  | 'measureEnded'
  | 'returnedAsNewPath'
  | 'meetingHeld';

function actorOf(envelope: EventEnvelope<unknown>): PathActor {
  const { orgId, actorId, actorRole } = envelope.emitter;
  return { orgId, workerId: actorId, role: actorRole };
}

function dayOf(instant: string): IsoDate {
  return finnishDateOf(new Date(instant));
}

function byEmitter(envelope: EventEnvelope<unknown>, at: IsoDate = dayOf(envelope.occurredAt)) {
  return { pathId: envelope.pathId, at, actor: actorOf(envelope) };
}

export function referredInput(
  envelope: EventEnvelope<ClientReferredPayload>,
): PathEventInput<'referred'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return {
    pathId,
    input: {
      type: 'referred',
      at,
      actor,
      pathId,
      referralId: envelope.data.referralId,
      fromOrgId: envelope.data.fromOrgId,
      toOrgId: envelope.data.toOrgId,
      referrerWorkerId: actor.workerId,
    },
  };
}

export function referralAcceptedInput(
  envelope: EventEnvelope<ReferralAcceptedPayload>,
): PathEventInput<'referralAccepted'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return {
    pathId,
    input: { type: 'referralAccepted', at, actor, referralId: envelope.data.referralId },
  };
}

export function referralDeclinedInput(
  envelope: EventEnvelope<ReferralDeclinedPayload>,
): PathEventInput<'referralDeclined'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return {
    pathId,
    input: {
      type: 'referralDeclined',
      at,
      actor,
      referralId: envelope.data.referralId,
      reasonCategory: envelope.data.reasonCategory,
    },
  };
}

export function intakeCompletedInput(
  envelope: EventEnvelope<IntakeCompletedPayload>,
): PathEventInput<'intakeCompleted'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return { pathId, input: { type: 'intakeCompleted', at, actor } };
}

/** An agreed plan, or a revision that agrees the plan of a path waiting for one. */
export function planAgreedInput(
  envelope: EventEnvelope<ActivationPlanAgreedPayload | ActivationPlanRevisedPayload>,
): PathEventInput<'planAgreed'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return { pathId, input: { type: 'planAgreed', at, actor } };
}

export function measureStartedInput(
  envelope: EventEnvelope<MeasureStartedPayload>,
): PathEventInput<'measureStarted'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return {
    pathId,
    input: {
      type: 'measureStarted',
      at,
      actor,
      measureId: envelope.data.measureId,
      plannedEndDate: envelope.data.schedule.plannedEndDate,
    },
  };
}

export function measurePausedInput(
  envelope: EventEnvelope<MeasurePausedPayload>,
): PathEventInput<'measurePaused'> {
  // The pause began when the provider says, which may be before it was recorded.
  const { pathId, at, actor } = byEmitter(envelope, dayOf(envelope.data.pausedAt));
  const { measureId, expectedResume } = envelope.data;
  return {
    pathId,
    input: {
      type: 'measurePaused',
      at,
      actor,
      measureId,
      ...(expectedResume === undefined ? {} : { expectedResume }),
    },
  };
}

export function measureResumedInput(
  envelope: EventEnvelope<MeasureResumedPayload>,
): PathEventInput<'measureResumed'> {
  const { pathId, at, actor } = byEmitter(envelope, dayOf(envelope.data.resumedAt));
  return {
    pathId,
    input: { type: 'measureResumed', at, actor, measureId: envelope.data.measureId },
  };
}

export function measureEndedInput(
  envelope: EventEnvelope<MeasureEndedPayload>,
): PathEventInput<'measureEnded'> {
  const { pathId, at, actor } = byEmitter(envelope);
  return {
    pathId,
    input: { type: 'measureEnded', at, actor, measureId: envelope.data.measureId },
  };
}

/** The return opens a new path (the envelope's); the previous one is continued by it. */
export function returnedInput(
  envelope: EventEnvelope<ClientReturnedToIntermediateMarketPayload>,
): PathEventInput<'returnedAsNewPath'> {
  const { at, actor } = byEmitter(envelope);
  return {
    pathId: envelope.data.previousPathId,
    input: { type: 'returnedAsNewPath', at, actor, newPathId: envelope.pathId },
  };
}

/** A network meeting held; the day is the day it was held, not the day it was recorded. */
export function meetingHeldInput(
  envelope: EventEnvelope<NetworkMeetingHeldPayload>,
): PathEventInput<'meetingHeld'> {
  const { pathId, at, actor } = byEmitter(envelope, dayOf(envelope.data.heldAt));
  const { meetingId, kind, heldAt, handoffId } = envelope.data;
  return {
    pathId,
    input: {
      type: 'meetingHeld',
      at,
      actor,
      meetingId,
      kind,
      heldAt,
      ...(handoffId === undefined ? {} : { handoffId }),
    },
  };
}
