/** Percentiles of a sample, in the sample's unit (nearest-rank method). */
export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

function nearestRank(sorted: readonly number[], fraction: number): number {
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) {
    return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    p99: nearestRank(sorted, 0.99),
    max: sorted[sorted.length - 1],
    mean: sum / sorted.length,
  };
}

/** Rounds every number of a distribution to `digits` decimals, for reports. */
export function rounded(d: Distribution, digits = 2): Distribution {
  const r = (value: number) => Number(value.toFixed(digits));
  return {
    count: d.count,
    p50: r(d.p50),
    p95: r(d.p95),
    p99: r(d.p99),
    max: r(d.max),
    mean: r(d.mean),
  };
}

export function perSecond(count: number, durationMs: number): number {
  return durationMs > 0 ? Math.round((count * 1000) / durationMs) : 0;
}
