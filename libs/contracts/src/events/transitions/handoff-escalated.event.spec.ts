import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { HANDOFF_ESCALATED_V1 } from './handoff-escalated.event';
import { ESCALATION_LEVELS } from './next-step';

const SUBJECT = HANDOFF_ESCALATED_V1.subject;

describe('HandoffEscalated v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(ESCALATION_LEVELS)('should accept the event when the level is %s', (level) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { level }))).toEqual([]);
  });

  it('should accept the event on the deadline’s own business day, zero days overdue', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { businessDaysOverdue: 0 }))).toEqual([]);
  });

  it('should accept the event when the system timer emits it', () => {
    const emitter = {
      orgId: '00000000-0000-4000-8000-000000000000',
      orgRole: 'SYSTEM',
      actorId: 'transitions:handoff-timer',
      actorRole: 'SYSTEM',
    };

    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT, { emitter }))).toEqual([]);
  });

  it('should use the PATH data class and the handoff subject when defined', () => {
    expect(HANDOFF_ESCALATED_V1).toMatchObject({
      subject: 'polku.transitions.handoff.handoff-escalated.v1',
      type: 'HandoffEscalated',
      dataClass: 'PATH',
    });
  });

  it.each(['transitionId', 'level', 'escalatedToOrgId', 'answerDueDate', 'businessDaysOverdue'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    [
      'level',
      'DIRECTOR',
      'data.level must be one of the following values: WORKER, TEAM_LEAD, MANAGER',
    ],
    ['businessDaysOverdue', -1, 'data.businessDaysOverdue must not be less than 0'],
    ['businessDaysOverdue', 2.5, 'data.businessDaysOverdue must be an integer number'],
    ['escalatedToOrgId', 'provider', 'data.escalatedToOrgId must be a UUID'],
    ['answerDueDate', '2026-02-29', 'data.answerDueDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
