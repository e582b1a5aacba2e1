import { percentilesOf } from './histogram-figures';

const bars = (...entries: [number | null, number, number?][]) =>
  new Map(entries.map(([days, n, solo]) => [days, { n, solo: solo ?? n }]));

describe('percentilesOf', () => {
  it('should take the first days whose cumulative share reaches a half and nine tenths', () => {
    // 10 facts: 4 at 1 day, 2 at 3, 3 at 7, 1 at 30; the 5th is at 3 days, the 9th at 7.
    expect(percentilesOf(bars([7, 3], [1, 4], [30, 1], [3, 2]))).toEqual({
      n: 10,
      clients: 10,
      median_days: 3,
      p90_days: 7,
    });
  });

  it('should take the lower value when exactly half the facts are at or below it', () => {
    expect(percentilesOf(bars([2, 1], [5, 1]))).toMatchObject({ median_days: 2, p90_days: 5 });
  });

  it('should count facts without days but leave them out of the percentiles', () => {
    expect(percentilesOf(bars([null, 5, 2], [4, 1], [9, 1]))).toEqual({
      n: 7,
      clients: 4,
      median_days: 4,
      p90_days: 9,
    });
    expect(percentilesOf(bars([null, 2]))).toEqual({
      n: 2,
      clients: 2,
      median_days: null,
      p90_days: null,
    });
  });

  it('should count as clients only the facts that are one each', () => {
    expect(percentilesOf(bars([1, 3, 1], [2, 2, 0]))).toMatchObject({ n: 5, clients: 1 });
  });
});
