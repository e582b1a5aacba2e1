import { ProblemException } from '../problem/problem.exception';
import { timelineQueryOf } from './timeline-query';

describe('the timeline’s query string', () => {
  it('should make one kind a list of one when the parameter is given once', () => {
    expect(timelineQueryOf({ kind: 'MEETING' })).toMatchObject({ kind: ['MEETING'] });
  });

  it('should keep every kind when the parameter repeats', () => {
    expect(timelineQueryOf({ kind: ['MEETING', 'PAUSE'], order: 'asc' })).toMatchObject({
      kind: ['MEETING', 'PAUSE'],
      order: 'asc',
    });
  });

  it('should leave out the page parameters when they come with the filters', () => {
    expect({ ...timelineQueryOf({ limit: '10', cursor: 'abc', orgId: undefined }) }).toEqual({});
  });

  it.each([
    ['an unknown kind', { kind: 'SECRETS' }],
    ['a kind twice', { kind: ['PLAN', 'PLAN'] }],
    ['an organisation that is not a uuid', { orgId: 'tyonsilta' }],
    ['a period without its time zone', { to: '2027-01-01T00:00:00' }],
  ])('should answer a validation problem when the query has %s', (_label, query) => {
    expect(() => timelineQueryOf(query)).toThrow(ProblemException);
  });
});
