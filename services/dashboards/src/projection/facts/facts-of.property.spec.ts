import fc from 'fast-check';
import { randomEvents, randomPath } from '../../../test/support/random-path';
import { isIsoDate } from '@polku/timers';

describe('factsOf(foldPath(events))', () => {
  it('should give the same facts whatever order the same events arrive in', () => {
    fc.assert(
      fc.property(
        randomEvents,
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (events, keys) => {
          const story = randomPath(events);
          const stored = story.events();
          const shuffled = stored
            .map((event, index) => ({ event, key: keys[index] }))
            .sort((a, b) => a.key - b.key)
            .map(({ event }) => event);

          expect(story.facts(undefined, shuffled)).toEqual(story.facts(undefined, stored));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should give every fact a unique key, a day, an organisation and the path’s dimensions', () => {
    fc.assert(
      fc.property(randomEvents, (events) => {
        const story = randomPath(events);
        const facts = story.facts();

        expect(new Set(facts.map((fact) => fact.factKey)).size).toBe(facts.length);
        for (const fact of facts) {
          expect(fact.pathId).toBe(story.pathId);
          expect(isIsoDate(fact.factDate)).toBe(true);
          expect(fact.dueDate === null || isIsoDate(fact.dueDate)).toBe(true);
          expect(fact.orgId).toMatch(/^[0-9a-f-]{36}$/);
          expect(fact.days === null || Number.isInteger(fact.days)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
