import {
  EVENT_CONTRACTS,
  isFactEventSubject,
  type EventEnvelope,
  type FactEventSubject,
  type TimelineEntryKind,
} from '@polku/contracts';
import { INTAKE_DESCRIPTIONS } from './intake-descriptions';
import { MEETINGS_DESCRIPTIONS } from './meetings-descriptions';
import { PLANS_DESCRIPTIONS } from './plans-descriptions';
import type { EntryDescription } from './summary-words';
import { TRANSITIONS_DESCRIPTIONS } from './transitions-descriptions';

/**
 * The kind and summary of every registered fact subject (state summaries are not on the
 * timeline): the mapped type fails to compile when a new event has none, and the unit test
 * iterates EVENT_CONTRACTS to be sure.
 */
export const TIMELINE_ENTRY_DESCRIPTIONS: {
  readonly [S in FactEventSubject]: EntryDescription<S>;
} = {
  ...INTAKE_DESCRIPTIONS,
  ...PLANS_DESCRIPTIONS,
  ...TRANSITIONS_DESCRIPTIONS,
  ...MEETINGS_DESCRIPTIONS,
};

/** What an event is on the timeline: its subject, kind and a summary that holds no identity. */
export interface TimelineEntryText {
  readonly subject: string;
  readonly kind: TimelineEntryKind;
  readonly summary: string;
}

type AnyDescription = { kind: TimelineEntryKind; summary: (data: unknown) => string };

const SUBJECT_OF_TYPE_VERSION = new Map(
  EVENT_CONTRACTS.filter((contract) => isFactEventSubject(contract.subject)).map((contract) => [
    `${contract.type} v${contract.version}`,
    contract.subject,
  ]),
);

/**
 * The subject, kind and summary of one event (envelopes carry type and version, not the
 * subject). An event polku does not know (a newer producer) is OTHER with its type as the
 * summary, so the timeline never loses an entry.
 */
export function describeTimelineEntry(
  envelope: Pick<EventEnvelope<unknown>, 'type' | 'version' | 'data'>,
): TimelineEntryText {
  const subject = SUBJECT_OF_TYPE_VERSION.get(`${envelope.type} v${envelope.version}`);
  const description =
    subject === undefined
      ? undefined
      : (TIMELINE_ENTRY_DESCRIPTIONS as Readonly<Record<string, AnyDescription>>)[subject];
  if (subject === undefined || description === undefined) {
    return {
      subject: subject ?? `${envelope.type}.v${envelope.version}`,
      kind: 'OTHER',
      summary: `An event of type ${envelope.type} was recorded.`,
    };
  }
  return { subject, kind: description.kind, summary: description.summary(envelope.data) };
}
