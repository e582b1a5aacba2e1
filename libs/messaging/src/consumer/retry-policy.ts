/** Delay before the next delivery after a failed attempt: 1 s, 2 s, 4 s, … capped. */
export function redeliveryDelayMs(
  deliveryCount: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, deliveryCount - 1));
}
