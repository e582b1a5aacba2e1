import { answerShapeProblem } from './answer-shape.interceptor';

describe('answerShapeProblem', () => {
  it('should accept a page with items and a cursor, or the last page, when a page is declared', () => {
    expect(answerShapeProblem('page', { items: [], nextCursor: null })).toBeUndefined();
    expect(answerShapeProblem('page', { items: [1], nextCursor: 'abc', count: 3 })).toBeUndefined();
  });

  it.each([
    ['a bare array', [{ id: 1 }]],
    ['items without nextCursor', { items: [] }],
    ['a numeric cursor', { items: [], nextCursor: 7 }],
    ['no items', { nextCursor: null }],
    ['nothing', undefined],
  ])('should refuse %s when a page is declared', (_label, body) => {
    expect(answerShapeProblem('page', body)).toMatch(/declares answer 'page'/);
  });

  it('should refuse only a top-level array when one resource is declared', () => {
    expect(answerShapeProblem('one', [{ id: 1 }])).toMatch(/top-level array/);
    expect(answerShapeProblem('one', { parties: [] })).toBeUndefined();
    expect(answerShapeProblem('one', undefined)).toBeUndefined();
  });
});
