import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { FOLLOW_UP_COMPLETED_V1, FOLLOW_UP_HELP_KINDS } from './follow-up-completed.event';

const SUBJECT = FOLLOW_UP_COMPLETED_V1.subject;

describe('FollowUpCompleted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(['SAME', 'BACK_IN_VTM', 'UNKNOWN'])(
    'should accept the event when the status is %s and no destination is given',
    (statusNow) => {
      expect(
        errorsOf(
          SUBJECT,
          withData(SUBJECT, { statusNow, destination: undefined, confirmsDestination: false }),
        ),
      ).toEqual([]);
    },
  );

  it('should accept the event when the client could not be reached and no help is recorded', () => {
    const changes = {
      statusNow: 'UNKNOWN',
      destination: undefined,
      contactMode: 'NO_CONTACT',
      helpGiven: [],
      confirmsDestination: false,
    };

    expect(errorsOf(SUBJECT, withData(SUBJECT, changes))).toEqual([]);
  });

  it('should accept the event when every kind of help but NONE was given', () => {
    const helpGiven = FOLLOW_UP_HELP_KINDS.filter((kind) => kind !== 'NONE');

    expect(errorsOf(SUBJECT, withData(SUBJECT, { helpGiven }))).toEqual([]);
  });

  it('should accept the event when it records that no help was given', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { helpGiven: ['NONE'] }))).toEqual([]);
  });

  it('should use the PATH data class and the follow-up subject when defined', () => {
    expect(FOLLOW_UP_COMPLETED_V1).toMatchObject({
      subject: 'polku.transitions.follow-up.follow-up-completed.v1',
      type: 'FollowUpCompleted',
      dataClass: 'PATH',
    });
  });

  it.each(['followUpId', 'contactMode', 'helpGiven', 'confirmsDestination'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event and name data.statusNow when it is missing', () => {
    const errors = errorsOf(
      SUBJECT,
      withData(SUBJECT, { statusNow: undefined, destination: undefined }),
    );

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith('data.statusNow '))).toBe(true);
  });

  it('should reject the event when the status changed and the new destination is missing', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination: undefined }))).toEqual([
      'data.destination is required when statusNow is CHANGED',
    ]);
  });

  it('should reject the event when the status is the same and a destination is given', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { statusNow: 'SAME' }))).toEqual([
      'data.destination is allowed only when statusNow is CHANGED',
    ]);
  });

  it('should reject the event when the new destination’s category belongs to another group', () => {
    const destination = { group: 'LABOUR_MARKET', category: 'PENSION' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination }))).toEqual([
      'data.destination.category must be a category of the group LABOUR_MARKET: OPEN_LABOUR_MARKET, SUPPORTED_EMPLOYMENT',
    ]);
  });

  it('should reject the event when the new destination is sent as an array', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination: [] }))).toContain(
      'data.destination must be an object',
    );
  });

  it('should reject the event when it confirms the destination of a client whose status is unknown', () => {
    const changes = { statusNow: 'UNKNOWN', destination: undefined, confirmsDestination: true };

    expect(errorsOf(SUBJECT, withData(SUBJECT, changes))).toEqual([
      'data.confirmsDestination must be false when statusNow is UNKNOWN',
    ]);
  });

  it.each([
    [
      'statusNow',
      'EMPLOYED',
      'data.statusNow must be one of the following values: SAME, CHANGED, BACK_IN_VTM, UNKNOWN',
    ],
    [
      'contactMode',
      'HOME_VISIT',
      'data.contactMode must be one of the following values: PHONE, MEETING, MESSAGE, REGISTER_CHECK, NO_CONTACT',
    ],
    [
      'helpGiven',
      ['JOB_APPLICATIONS', 'Apua Kelan hakemuksen kanssa'],
      'data.helpGiven must contain only the following values: NONE, JOB_APPLICATIONS, BENEFIT_APPLICATIONS, REFERRAL_TO_SERVICE, COUNSELLING, OTHER',
    ],
    ['helpGiven', ['COUNSELLING', 'COUNSELLING'], 'data.helpGiven must not contain duplicates'],
    ['helpGiven', ['NONE', 'COUNSELLING'], 'data.helpGiven must list NONE only alone'],
    ['helpGiven', 'COUNSELLING', 'data.helpGiven must be an array'],
    ['confirmsDestination', 'yes', 'data.confirmsDestination must be a boolean value'],
    ['followUpId', 'FU-1', 'data.followUpId must be a UUID'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toContain(message);
  });

  it(`should reject the event when helpGiven has more than ${FOLLOW_UP_HELP_KINDS.length} items`, () => {
    const helpGiven = [...FOLLOW_UP_HELP_KINDS.filter((kind) => kind !== 'NONE'), 'OTHER', 'OTHER'];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { helpGiven }))).toContain(
      `data.helpGiven must contain no more than ${FOLLOW_UP_HELP_KINDS.length} elements`,
    );
  });

  it('should reject the event when the follow-up carries notes of the conversation', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { notes: 'Sairaslomalla selkävaivan takia' })),
    ).toEqual(['data.notes should not exist']);
  });
});
