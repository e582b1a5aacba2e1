import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import { RESPONSIBLE_WORKER_CHANGED_V1 } from './responsible-worker-changed.event';

const SUBJECT = RESPONSIBLE_WORKER_CHANGED_V1.subject;

describe('ResponsibleWorkerChanged v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(RESPONSIBLE_WORKER_CHANGED_V1).toMatchObject({
      subject: 'polku.transitions.path.responsible-worker-changed.v1',
      type: 'ResponsibleWorkerChanged',
      dataClass: 'PATH',
    });
  });

  it.each(['orgId', 'fromWorkerId', 'toWorkerId', 'reasonCategory'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when the new worker is the old one', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { toWorkerId: IDS.workerId }))).toEqual([
      'data.toWorkerId must differ from fromWorkerId',
    ]);
  });

  it.each([
    [
      'reasonCategory',
      'BURNOUT',
      'data.reasonCategory must be one of the following values: TURNOVER, ROLE_SPLIT, ABSENCE, WORKLOAD, OTHER',
    ],
    [
      'toWorkerId',
      'Matti Meikäläinen',
      'data.toWorkerId must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -',
    ],
    [
      'fromWorkerId',
      '010203A123B',
      'data.fromWorkerId must not contain a personal identity code (identity stays in client-intake)',
    ],
    ['orgId', 'provider', 'data.orgId must be a UUID'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
