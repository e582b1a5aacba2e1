import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import {
  DEFAULT_MEASURE_ENDING_REMINDER_DAYS,
  MEASURE_ENDING_SOON_V1,
} from './measure-ending-soon.event';

const SUBJECT = MEASURE_ENDING_SOON_V1.subject;

describe('MeasureEndingSoon v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each([...DEFAULT_MEASURE_ENDING_REMINDER_DAYS, 1, 90])(
    'should accept the event when the reminder comes %i days before the end',
    (daysBefore) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { daysBefore }))).toEqual([]);
    },
  );

  it('should accept the event when the checklist names one item', () => {
    const checklist = [{ item: 'STATEMENT', done: false }];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { checklist }))).toEqual([]);
  });

  it('should use the PATH data class and the measure subject when defined', () => {
    expect(MEASURE_ENDING_SOON_V1).toMatchObject({
      subject: 'polku.transitions.measure.measure-ending-soon.v1',
      type: 'MeasureEndingSoon',
      dataClass: 'PATH',
    });
  });

  it.each(['measureId', 'plannedEndDate', 'daysBefore', 'checklist'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['item', 'done'])(
    'should reject the event and name data.checklist.0.%s when an entry leaves it out',
    (field) => {
      const entry: Record<string, unknown> = { item: 'STATEMENT', done: true };
      delete entry[field];
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { checklist: [entry] }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.checklist.0.${field} `))).toBe(true);
    },
  );

  it.each([
    [0, 'data.daysBefore must not be less than 1'],
    [91, 'data.daysBefore must not be greater than 90'],
    [7.5, 'data.daysBefore must be an integer number'],
  ])('should reject the event when daysBefore is %p', (daysBefore, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { daysBefore }))).toEqual([message]);
  });

  it('should reject the event when the checklist is empty', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { checklist: [] }))).toEqual([
      'data.checklist should not be empty',
    ]);
  });

  it('should reject the event when the checklist names an item twice', () => {
    const checklist = [
      { item: 'STATEMENT', done: true },
      { item: 'STATEMENT', done: false },
    ];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { checklist }))).toEqual([
      'data.checklist must not name an item twice',
    ]);
  });

  it.each([
    [
      { item: 'WORK_CERTIFICATE', done: true },
      'data.checklist.0.item must be one of the following values: STATEMENT, NEXT_STEP_PLAN, TRANSITION_MEETING',
    ],
    [{ item: 'STATEMENT', done: 'yes' }, 'data.checklist.0.done must be a boolean value'],
  ])('should reject the event when a checklist entry is %p', (entry, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { checklist: [entry] }))).toEqual([message]);
  });

  it.each([
    ['measureId', 'KTT-1', 'data.measureId must be a UUID'],
    ['plannedEndDate', '2026-09-31', 'data.plannedEndDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
