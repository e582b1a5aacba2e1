import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { TRANSITION_PROPOSED_V1 } from './transition-proposed.event';

const SUBJECT = TRANSITION_PROPOSED_V1.subject;

describe('TransitionProposed v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the client is between measures', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { fromMeasureId: undefined }))).toEqual([]);
  });

  it('should accept the event when the next step is another measure in the intermediate labour market', () => {
    const destination = { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination }))).toEqual([]);
  });

  it('should use the transitions context, the handoff aggregate and the PATH data class when defined', () => {
    expect(TRANSITION_PROPOSED_V1).toMatchObject({
      subject: 'polku.transitions.handoff.transition-proposed.v1',
      type: 'TransitionProposed',
      dataClass: 'PATH',
    });
  });

  it.each([
    'transitionId',
    'destination',
    'receivingOrgId',
    'proposedDate',
    'answerDueDate',
    'rationaleCategory',
    'proposedBy',
  ])('should reject the event and name data.%s when that required field is missing', (field) => {
    const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
  });

  it.each([
    ['UNCLEAR_PATH', 'OUTSIDE_LABOUR_MARKET'],
    ['RETURNED_TO_VTM', 'CONTINUATION'],
  ])('should reject the event when the hand-off goes to %s', (category, group) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination: { group, category } }))).toEqual([
      'data.destination must not have the category UNCLEAR_PATH or RETURNED_TO_VTM',
    ]);
  });

  it('should reject the event when the destination’s category belongs to another group', () => {
    const destination = { group: 'LABOUR_MARKET', category: 'STUDIES' };

    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination }))).toEqual([
      'data.destination.category must be a category of the group LABOUR_MARKET: OPEN_LABOUR_MARKET, SUPPORTED_EMPLOYMENT',
    ]);
  });

  it('should reject the event when the destination is a bare category', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { destination: 'STUDIES' }))).toContain(
      'data.destination must be an object',
    );
  });

  it.each([
    [
      'rationaleCategory',
      'BURNOUT',
      'data.rationaleCategory must be one of the following values: NEXT_MEASURE_IN_PLAN, MEASURE_ENDING, CLIENT_READY_FOR_MORE, CLIENT_WISH, NEEDS_ASSESSMENT, PROVIDER_FUNDING_ENDING, OTHER',
    ],
    [
      'proposedBy',
      'MANAGER',
      'data.proposedBy must be one of the following values: WORKER, CLIENT, NETWORK_PARTY',
    ],
    ['transitionId', 'HO-1', 'data.transitionId must be a UUID'],
    ['fromMeasureId', 'measure-1', 'data.fromMeasureId must be a UUID'],
    ['receivingOrgId', 'Kainuun ammattiopisto', 'data.receivingOrgId must be a UUID'],
    ['proposedDate', '2026-02-30', 'data.proposedDate must be a real calendar date'],
    ['answerDueDate', '21.8.2026', 'data.answerDueDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toContain(message);
  });

  it('should reject the event when it carries the rationale as free text', () => {
    expect(
      errorsOf(
        SUBJECT,
        withData(SUBJECT, { rationale: 'Jaksaa nyt paremmin, lääkitys vaihdettu' }),
      ),
    ).toEqual(['data.rationale should not exist']);
  });
});
