import {
  EVENT_CONTRACTS,
  isFactEventSubject,
  MEASURE_PAUSED_V1,
  TIMELINE_ENTRY_KINDS,
  type EventSubject,
  type FactEventSubject,
} from '@polku/contracts';
import { newEvent, sampleEvent } from '@polku/testing';
import { describeTimelineEntry, TIMELINE_ENTRY_DESCRIPTIONS } from './timeline-entry-description';

const SUBJECTS = EVENT_CONTRACTS.filter((contract) => isFactEventSubject(contract.subject)).map(
  (contract) => [contract.type, contract.subject] as const,
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// A Finnish personal identity code: birth date, century sign, individual number, check mark.
const PERSONAL_IDENTITY_CODE = /\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/;
const CATEGORY = /^[A-Z][A-Z0-9_]*$/;
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

/** Every string in a payload, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(stringsIn);
  }
  return [];
}

describe('timeline entry descriptions', () => {
  it.each(SUBJECTS)(
    'should have a kind and a summary for %s when it is registered',
    (_type, subject) => {
      const description = TIMELINE_ENTRY_DESCRIPTIONS[subject as FactEventSubject];

      expect(description).toBeDefined();
      expect(TIMELINE_ENTRY_KINDS).toContain(description.kind);
      const text = describeTimelineEntry(sampleEvent(subject as EventSubject));
      expect(text.subject).toBe(subject);
      expect(text.summary).toMatch(/^[A-Z0-9].*\.$/);
    },
  );

  it.each(SUBJECTS)(
    'should hold no identity, id or free text in the summary of %s when given its sample',
    (_type, subject) => {
      const event = newEvent(subject as EventSubject);
      const { summary } = describeTimelineEntry(event);

      expect(summary).not.toContain(event.clientRef);
      expect(summary).not.toContain(event.emitter.actorId);
      expect(summary).not.toMatch(UUID);
      expect(summary).not.toMatch(PERSONAL_IDENTITY_CODE);
      const freeText = stringsIn(event.data).filter(
        (text) => !CATEGORY.test(text) && !DATE_OR_INSTANT.test(text),
      );
      for (const text of freeText) {
        expect(summary).not.toContain(text);
      }
    },
  );

  it('should say only "paused" and the category when a measure is paused', () => {
    const { kind, summary } = describeTimelineEntry(
      sampleEvent(MEASURE_PAUSED_V1.subject, {
        data: { reasonCategory: 'SICK_LEAVE', expectedResume: '2027-03-01' },
      }),
    );

    expect(kind).toBe('PAUSE');
    expect(summary).toBe('The measure was paused (sick leave).');
  });

  it('should describe an event of an unknown type as OTHER when no contract is registered', () => {
    expect(describeTimelineEntry({ type: 'SomethingNew', version: 3, data: {} })).toEqual({
      subject: 'SomethingNew.v3',
      kind: 'OTHER',
      summary: 'An event of type SomethingNew was recorded.',
    });
  });
});
