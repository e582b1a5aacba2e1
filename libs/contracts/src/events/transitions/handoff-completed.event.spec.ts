import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { HANDOFF_COMPLETED_V1 } from './handoff-completed.event';

const SUBJECT = HANDOFF_COMPLETED_V1.subject;

describe('HandoffCompleted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the next step is not a measure in polku', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { newMeasureId: undefined }))).toEqual([]);
  });

  it('should use the PATH data class and the handoff subject when defined', () => {
    expect(HANDOFF_COMPLETED_V1).toMatchObject({
      subject: 'polku.transitions.handoff.handoff-completed.v1',
      type: 'HandoffCompleted',
      dataClass: 'PATH',
    });
  });

  it('should reject the event and name data.transitionId when it is missing', () => {
    const errors = errorsOf(SUBJECT, withData(SUBJECT, { transitionId: undefined }));

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith('data.transitionId '))).toBe(true);
  });

  it.each([
    ['transitionId', 'HO-1'],
    ['newMeasureId', 'KTT-2026-5'],
  ])('should reject the event when %s is not a uuid', (field, value) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([
      `data.${field} must be a UUID`,
    ]);
  });

  it('should reject the event when it carries entitlement notes as free text', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { entitlementNotes: 'Palkkatukipäiviä käytetty 180' })),
    ).toEqual(['data.entitlementNotes should not exist']);
  });
});
