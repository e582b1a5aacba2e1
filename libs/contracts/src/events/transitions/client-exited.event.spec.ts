import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import {
  DESTINATION_CATEGORIES_BY_GROUP,
  DESTINATION_GROUPS,
  STUDY_KINDS,
  SUPPORTED_EMPLOYMENT_KINDS,
} from '../shared/exit-destination';
import { CLIENT_EXITED_V1 } from './client-exited.event';

const SUBJECT = CLIENT_EXITED_V1.subject;

const EVERY_GROUP_AND_CATEGORY = DESTINATION_GROUPS.flatMap((group) =>
  DESTINATION_CATEGORIES_BY_GROUP[group].map((category) => [group, category] as const),
);

function withDestination(destination: Record<string, unknown>): Record<string, unknown> {
  return withData(SUBJECT, { destination });
}

describe('ClientExited v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(EVERY_GROUP_AND_CATEGORY)(
    'should accept the event when the destination is %s / %s without a sub-type',
    (group, category) => {
      expect(errorsOf(SUBJECT, withDestination({ group, category }))).toEqual([]);
    },
  );

  it.each(STUDY_KINDS)('should accept the event when a STUDIES exit has the kind %s', (subType) => {
    expect(
      errorsOf(
        SUBJECT,
        withDestination({ group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES', subType }),
      ),
    ).toEqual([]);
  });

  it.each(SUPPORTED_EMPLOYMENT_KINDS)(
    'should accept the event when a SUPPORTED_EMPLOYMENT exit has the kind %s',
    (subType) => {
      expect(
        errorsOf(
          SUBJECT,
          withDestination({ group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType }),
        ),
      ).toEqual([]);
    },
  );

  it('should accept the event when the exit is expected, not confirmed, and no organisation receives the client', () => {
    const event = withData(SUBJECT, {
      destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNEMPLOYED_JOBSEEKER' },
      confirmed: false,
      receivingOrgId: undefined,
    });

    expect(errorsOf(SUBJECT, event)).toEqual([]);
  });

  it('should use the transitions context and the PATH data class when defined', () => {
    expect(CLIENT_EXITED_V1).toMatchObject({
      subject: 'polku.transitions.path.client-exited.v1',
      type: 'ClientExited',
      dataClass: 'PATH',
    });
  });

  it.each(['destination', 'confirmed', 'exitDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when the category belongs to another group', () => {
    expect(
      errorsOf(SUBJECT, withDestination({ group: 'LABOUR_MARKET', category: 'PENSION' })),
    ).toEqual([
      'data.destination.category must be a category of the group LABOUR_MARKET: OPEN_LABOUR_MARKET, SUPPORTED_EMPLOYMENT',
    ]);
  });

  it('should reject the event once when the category is unknown', () => {
    expect(
      errorsOf(SUBJECT, withDestination({ group: 'LABOUR_MARKET', category: 'EMPLOYED' })),
    ).toEqual([
      expect.stringMatching(/^data\.destination\.category must be one of the following values: /),
    ]);
  });

  it('should reject the event once when the group is unknown', () => {
    expect(errorsOf(SUBJECT, withDestination({ group: 'ELSEWHERE', category: 'PENSION' }))).toEqual(
      [
        'data.destination.group must be one of the following values: OUTSIDE_LABOUR_MARKET, LABOUR_MARKET, CONTINUATION',
      ],
    );
  });

  it('should reject the event when a category without kinds has a sub-type', () => {
    expect(
      errorsOf(
        SUBJECT,
        withDestination({ group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION', subType: 'OTHER' }),
      ),
    ).toEqual([
      'data.destination.subType is allowed only when the category is STUDIES or SUPPORTED_EMPLOYMENT',
    ]);
  });

  it('should reject the event when the sub-type is a kind of the other category', () => {
    expect(
      errorsOf(
        SUBJECT,
        withDestination({
          group: 'OUTSIDE_LABOUR_MARKET',
          category: 'STUDIES',
          subType: 'PAY_SUBSIDISED_WORK',
        }),
      ),
    ).toEqual([
      'data.destination.subType must be one of the kinds of STUDIES: DEGREE_STUDIES, LABOUR_MARKET_TRAINING, APPRENTICESHIP, INTEGRATION_TRAINING, SELF_MOTIVATED_STUDIES, OTHER',
    ]);
  });

  it('should reject the event once when the sub-type is unknown', () => {
    expect(
      errorsOf(
        SUBJECT,
        withDestination({
          group: 'LABOUR_MARKET',
          category: 'SUPPORTED_EMPLOYMENT',
          subType: 'WORK_PRACTICE',
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^data\.destination\.subType must be one of the following values: /),
    ]);
  });

  it('should reject the event when the destination carries free text', () => {
    expect(
      errorsOf(
        SUBJECT,
        withDestination({
          group: 'OUTSIDE_LABOUR_MARKET',
          category: 'SICK_LEAVE',
          reason: 'Selkäleikkaus',
        }),
      ),
    ).toEqual(['data.destination.reason should not exist']);
  });

  it('should reject the event when the destination is a bare category', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination: 'PENSION' }))).toContain(
      'data.destination must be an object',
    );
  });

  it.each([
    ['confirmed', 'yes', 'data.confirmed must be a boolean value'],
    ['receivingOrgId', 'vocational-college', 'data.receivingOrgId must be a UUID'],
    ['exitDate', '2026-06-31', 'data.exitDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
