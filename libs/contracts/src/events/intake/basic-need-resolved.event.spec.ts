import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { BASIC_NEED_RESOLVED_V1 } from './basic-need-resolved.event';
import { BASIC_NEED_RESOLUTIONS } from './basic-needs';

const SUBJECT = BASIC_NEED_RESOLVED_V1.subject;

describe('BasicNeedResolved v1', () => {
  it.each(BASIC_NEED_RESOLUTIONS)('should accept the event when resolution is %s', (resolution) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { resolution }))).toEqual([]);
  });

  it('should accept the event when the payload is the valid example', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the same data class as BasicNeedIssueFlagged when defined', () => {
    expect(BASIC_NEED_RESOLVED_V1).toMatchObject({
      subject: 'polku.intake.basic-need.basic-need-resolved.v1',
      type: 'BasicNeedResolved',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['issueId', 'actionItemId', 'resolution'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when resolution is not a resolution category', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { resolution: 'FIXED' }))).toEqual([
      'data.resolution must be one of the following values: IN_ORDER, PAYMENT_PLAN_AGREED, DECISION_RECEIVED, SERVICE_STARTED, NO_LONGER_RELEVANT, CLIENT_DECLINED',
    ]);
  });

  it.each(['issueId', 'actionItemId'])('should reject the event when %s is not a uuid', (field) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 42 }))).toEqual([
      `data.${field} must be a UUID`,
    ]);
  });
});
