import { DESTINATION_CATEGORIES_BY_GROUP } from '@polku/contracts';
import { countGroupOf, countRowOf, rowIsCategory } from './count-groups';
import type { FactKind } from './fact-row';

describe('the group a fact is counted in', () => {
  it('should place an exit by the contracts’ group of its category, else by its own', () => {
    expect(countGroupOf({ kind: 'EXIT', category: 'STUDIES', detail: 'LABOUR_MARKET' })).toBe(
      'OUTSIDE_LABOUR_MARKET',
    );
    expect(
      countGroupOf({
        kind: 'EXIT',
        category: DESTINATION_CATEGORIES_BY_GROUP.CONTINUATION[0],
        detail: null,
      }),
    ).toBe('CONTINUATION');
    expect(
      countGroupOf({ kind: 'EXIT', category: 'NOT_LISTED_YET', detail: 'LABOUR_MARKET' }),
    ).toBe('LABOUR_MARKET');
    expect(countGroupOf({ kind: 'EXIT', category: 'NOT_LISTED_YET', detail: null })).toBe(
      'UNKNOWN',
    );
  });

  it('should place a decline by its party and a follow-up status by its months', () => {
    expect(countGroupOf({ kind: 'DECLINE', category: 'HANDOFF:NO_CAPACITY', detail: null })).toBe(
      'HANDOFF',
    );
    expect(countGroupOf({ kind: 'FOLLOW_UP_STATUS', category: 'STUDIES', detail: '6' })).toBe('6');
    expect(countGroupOf({ kind: 'FOLLOW_UP_STATUS', category: 'STUDIES', detail: null })).toBe(
      'UNKNOWN',
    );
  });

  it('should keep every fact of another kind in one group', () => {
    expect(countGroupOf({ kind: 'FOLLOW_UP', category: 'DONE', detail: null })).toBe('');
    expect(countGroupOf({ kind: 'OVERDUE', category: 'HANDOFF', detail: '3' })).toBe('');
  });

  it('should place a wait and an answer delay by their category, and an answer delay’s row by its answer', () => {
    expect(countGroupOf({ kind: 'WAIT', category: 'SERVICE', detail: null })).toBe('SERVICE');
    const answer = (detail: string | null) =>
      countRowOf({ kind: 'ANSWER_DELAY', category: 'REFERRAL', detail });
    expect(new Set([answer('ACCEPTED'), answer('DECLINED'), answer(null)]).size).toBe(3);
    expect(countRowOf({ kind: 'WAIT', category: 'SERVICE', detail: 'X' })).toBe(
      countRowOf({ kind: 'WAIT', category: 'SERVICE', detail: null }),
    );
  });

  it('should tell the kinds whose row is their category alone', () => {
    expect(
      ['STATE_TIME', 'LINK', 'WAIT', 'DECLINE', 'FOLLOW_UP'].every((kind) =>
        rowIsCategory(kind as FactKind),
      ),
    ).toBe(true);
    expect(
      ['EXIT', 'FOLLOW_UP_STATUS', 'ANSWER_DELAY'].some((kind) => rowIsCategory(kind as FactKind)),
    ).toBe(false);
  });
});
