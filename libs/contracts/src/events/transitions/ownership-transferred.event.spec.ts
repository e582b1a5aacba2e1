import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import { OWNERSHIP_TRANSFERRED_V1 } from './ownership-transferred.event';

const SUBJECT = OWNERSHIP_TRANSFERRED_V1.subject;

describe('OwnershipTransferred v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(['PROVIDER_FUNDING_ENDED', 'REASSIGNED'])(
    'should accept the event when the reason is %s and no hand-off is named',
    (reason) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { reason, transitionId: undefined }))).toEqual([]);
    },
  );

  it('should accept the event when a worker id is the identity provider’s subject id', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { toWorkerId: 'auth0:5f3a9c21' }))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(OWNERSHIP_TRANSFERRED_V1).toMatchObject({
      subject: 'polku.transitions.path.ownership-transferred.v1',
      type: 'OwnershipTransferred',
      dataClass: 'PATH',
    });
  });

  it.each(['fromOrgId', 'fromWorkerId', 'toOrgId', 'toWorkerId', 'transitionId'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event and name data.reason when it is missing', () => {
    const errors = errorsOf(
      SUBJECT,
      withData(SUBJECT, { reason: undefined, transitionId: undefined }),
    );

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith('data.reason '))).toBe(true);
  });

  it('should reject the event when a completed hand-off names no transition', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { transitionId: undefined }))).toEqual([
      'data.transitionId is required when reason is HANDOFF_COMPLETED',
    ]);
  });

  it('should reject the event when a reassignment names a transition', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { reason: 'REASSIGNED', transitionId: IDS.transitionId }),
      ),
    ).toEqual(['data.transitionId is allowed only when reason is HANDOFF_COMPLETED']);
  });

  it('should reject the event when reason is not a transfer reason', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { reason: 'SICK_LEAVE', transitionId: undefined })),
    ).toEqual([
      'data.reason must be one of the following values: HANDOFF_COMPLETED, PROVIDER_FUNDING_ENDED, REASSIGNED',
    ]);
  });

  it.each([
    ['toWorkerId', 'Maija Mallikas'],
    ['fromWorkerId', ''],
    ['toWorkerId', 'x'.repeat(129)],
    ['toWorkerId', 'maija.mallikas@example.fi'],
  ])('should reject the event when %s is %p, not a pseudonymous user id', (field, value) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([
      `data.${field} must be an id of 1 to 128 characters A-Z a-z 0-9 _ . : -`,
    ]);
  });

  it('should reject the event when a worker id is a personal identity code', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { fromWorkerId: '131052-308T' }))).toEqual([
      'data.fromWorkerId must not contain a personal identity code (identity stays in client-intake)',
    ]);
  });

  it.each(['fromOrgId', 'toOrgId', 'transitionId'])(
    'should reject the event when %s is not a uuid',
    (field) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'org-1' }))).toEqual([
        `data.${field} must be a UUID`,
      ]);
    },
  );
});
