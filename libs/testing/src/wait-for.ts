/**
 * Polls until check returns a value other than undefined/false, or fails after timeoutMs with
 * the description and the last error. Tests wait for conditions, never for fixed sleeps.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  {
    timeoutMs = 10_000,
    intervalMs = 100,
    description = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; description?: string | (() => string) } = {},
): Promise<T> {
  // performance.now(): a test may run the simulated clock, whose Date jumps (libs/clock).
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      const what = typeof description === 'function' ? description() : description;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
