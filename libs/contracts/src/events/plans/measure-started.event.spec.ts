import {
  aValidEvent,
  errorsOf,
  IDS,
  VALID_PAYLOADS,
  withData,
} from '../../../test/event-factories';
import { MEASURE_STARTED_V1 } from './measure-started.event';

const SUBJECT = MEASURE_STARTED_V1.subject;
const SCHEDULE = VALID_PAYLOADS[SUBJECT].schedule;

describe('MeasureStarted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the placement is in-house with no host', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { placement: { kind: 'IN_HOUSE' } }))).toEqual([]);
  });

  it.each(['FIXED_TERM', 'OPEN_ENDED', undefined])(
    'should accept the event when pay-subsidised work has the contract type %s',
    (contractType) => {
      expect(
        errorsOf(SUBJECT, withData(SUBJECT, { measureType: 'PAY_SUBSIDISED_WORK', contractType })),
      ).toEqual([]);
    },
  );

  it('should accept the event when the planned period is one day', () => {
    const schedule = { ...SCHEDULE, startDate: '2026-03-09', plannedEndDate: '2026-03-09' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toEqual([]);
  });

  it('should accept the event when hoursPerDay has two decimals', () => {
    const schedule = { ...SCHEDULE, hoursPerDay: 7.25 };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toEqual([]);
  });

  it('should use the PATH data class and the measure subject when defined', () => {
    expect(MEASURE_STARTED_V1).toMatchObject({
      subject: 'polku.plans.measure.measure-started.v1',
      type: 'MeasureStarted',
      dataClass: 'PATH',
    });
  });

  it.each(['measureId', 'planId', 'measureType', 'placement', 'schedule'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['daysPerWeek', 'hoursPerDay', 'startDate', 'plannedEndDate'])(
    'should reject the event and name data.schedule.%s when the schedule leaves it out',
    (field) => {
      const schedule: Record<string, unknown> = { ...SCHEDULE };
      delete schedule[field];
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { schedule }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.schedule.${field} `))).toBe(true);
    },
  );

  it.each(['measureId', 'planId'])('should reject the event when %s is not a uuid', (field) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: 'M-1' }))).toEqual([
      `data.${field} must be a UUID`,
    ]);
  });

  it('should reject the event when measureType is a historic measure', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { measureType: 'WORK_PRACTICE' }))).toEqual([
      'data.measureType must be one of the following values: REHABILITATIVE_WORK_ACTIVITY, SOCIAL_WELFARE_WORK_ACTIVITY, WORK_TRIAL, PAY_SUBSIDISED_WORK, KELA_JOB_COACHING, LABOUR_MARKET_TRAINING, WORK_COACHING, OTHER',
    ]);
  });

  it('should reject the event when placement.kind is not a placement kind', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { placement: { kind: 'REMOTE' } }))).toEqual([
      'data.placement.kind must be one of the following values: IN_HOUSE, EXTERNAL_HOST',
    ]);
  });

  it('should reject the event when an external placement names no host', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { placement: { kind: 'EXTERNAL_HOST' } }))).toEqual([
      'data.placement.hostOrgId is required when kind is EXTERNAL_HOST',
    ]);
  });

  it('should reject the event when an in-house placement names a host', () => {
    const placement = { kind: 'IN_HOUSE', hostOrgId: IDS.hostOrgId };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { placement }))).toEqual([
      'data.placement.hostOrgId is allowed only when kind is EXTERNAL_HOST',
    ]);
  });

  it('should reject the event when the host is named rather than given by id', () => {
    const placement = { kind: 'EXTERNAL_HOST', hostOrgId: 'Kaupungin puistotoimi' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { placement }))).toEqual([
      'data.placement.hostOrgId must be a UUID',
    ]);
  });

  it.each([
    [0, 'data.schedule.daysPerWeek must not be less than 1'],
    [8, 'data.schedule.daysPerWeek must not be greater than 7'],
    [2.5, 'data.schedule.daysPerWeek must be an integer number'],
  ])('should reject the event when daysPerWeek is %p', (daysPerWeek, message) => {
    const schedule = { ...SCHEDULE, daysPerWeek };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toEqual([message]);
  });

  it.each([
    [0, 'data.schedule.hoursPerDay must be a positive number'],
    [24.5, 'data.schedule.hoursPerDay must not be greater than 24'],
    [4.125, 'data.schedule.hoursPerDay must be a number conforming to the specified constraints'],
    ['4', 'data.schedule.hoursPerDay must be a number conforming to the specified constraints'],
  ])('should reject the event when hoursPerDay is %p', (hoursPerDay, message) => {
    const schedule = { ...SCHEDULE, hoursPerDay };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toContain(message);
  });

  it('should reject the event when plannedEndDate is before startDate', () => {
    const schedule = { ...SCHEDULE, startDate: '2026-03-09', plannedEndDate: '2026-03-08' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toEqual([
      'data.schedule.plannedEndDate must not be before startDate',
    ]);
  });

  it.each([
    ['startDate', '2026-02-29', 'data.schedule.startDate must be a real calendar date'],
    ['plannedEndDate', '09.09.2026', 'data.schedule.plannedEndDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when schedule.%s is %s', (field, value, message) => {
    const schedule = { ...SCHEDULE, [field]: value };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toContain(message);
  });

  it('should reject the event when a measure other than pay-subsidised work has a contract', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { measureType: 'WORK_TRIAL', contractType: 'FIXED_TERM' }),
      ),
    ).toEqual(['data.contractType is allowed only when measureType is PAY_SUBSIDISED_WORK']);
  });

  it('should reject the event when contractType is not a contract type', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { measureType: 'PAY_SUBSIDISED_WORK', contractType: 'ZERO_HOURS' }),
      ),
    ).toEqual(['data.contractType must be one of the following values: FIXED_TERM, OPEN_ENDED']);
  });

  it('should reject the event when the schedule carries a field the contract does not define', () => {
    const schedule = { ...SCHEDULE, note: 'Ei aamuvuoroja lääkityksen takia' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { schedule }))).toEqual([
      'data.schedule.note should not exist',
    ]);
  });
});
