import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  INTAKE_COMPLETED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_HELD_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import {
  intakeCompletedInput,
  measureEndedInput,
  measurePausedInput,
  measureResumedInput,
  measureStartedInput,
  meetingHeldInput,
  planAgreedInput,
  referralAcceptedInput,
  referralDeclinedInput,
  referredInput,
  returnedInput,
  type EventInput,
} from './event-inputs';

// Every event the path machine is fed (the handlers of this folder), with the input it is fed
// as, so that a parked event is fed again exactly as it was when it arrived: from its stored
// envelope, whatever handler parked it.

/** A parkable event's subject and how it moves its path. */
export interface ParkableEvent {
  /** The contract subject, without namespace. */
  readonly subject: string;
  readonly pathIdAndInput: (envelope: EventEnvelope<never>) => {
    readonly pathId: string;
    readonly input: EventInput;
  };
}

function parkable(
  contract: { readonly subject: string; readonly type: string; readonly version: number },
  pathIdAndInput: ParkableEvent['pathIdAndInput'],
): [string, ParkableEvent] {
  return [`${contract.type}.v${contract.version}`, { subject: contract.subject, pathIdAndInput }];
}

const PARKABLE = new Map<string, ParkableEvent>([
  parkable(CLIENT_REFERRED_V1, referredInput),
  parkable(REFERRAL_ACCEPTED_V1, referralAcceptedInput),
  parkable(REFERRAL_DECLINED_V1, referralDeclinedInput),
  parkable(INTAKE_COMPLETED_V1, intakeCompletedInput),
  parkable(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1, returnedInput),
  parkable(ACTIVATION_PLAN_AGREED_V1, planAgreedInput),
  // Fed only as the agreement of a path waiting for a plan (PathEventFeed.feedPlanRevision).
  parkable(ACTIVATION_PLAN_REVISED_V1, planAgreedInput),
  parkable(MEASURE_STARTED_V1, measureStartedInput),
  parkable(MEASURE_PAUSED_V1, measurePausedInput),
  parkable(MEASURE_RESUMED_V1, measureResumedInput),
  parkable(MEASURE_ENDED_V1, measureEndedInput),
  parkable(NETWORK_MEETING_HELD_V1, meetingHeldInput),
]);

/** The parkable event an envelope is, by its type and version; undefined for any other. */
export function parkableEventOf(envelope: EventEnvelope<unknown>): ParkableEvent | undefined {
  return PARKABLE.get(`${envelope.type}.v${envelope.version}`);
}
