/** An offset for people: `- 730 d 4 h 12 min` or `+ 0 ms`. */
export function describeOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  let rest = Math.abs(offsetMs);
  if (rest < 60_000) {
    return `${sign} ${rest} ms`;
  }
  const parts: string[] = [];
  for (const [unit, ms] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ] as const) {
    const whole = Math.floor(rest / ms);
    rest -= whole * ms;
    if (whole > 0) {
      parts.push(`${whole} ${unit}`);
    }
  }
  return `${sign} ${parts.join(' ')}`;
}
