const WINDOW_MS = 60_000;
/** Beyond this many tracked IPs, windows that have ended are swept before a new one is added. */
const SWEEP_ABOVE = 10_000;

/**
 * Counts refused authentications (no token or a bad one) per client IP in one-minute windows.
 * The per-user rate limit runs after authentication, so without this a caller sending bad tokens
 * would never be limited: each attempt costs a signature check, or a key fetch for an unknown
 * `kid`. In the memory of each gateway process, like the per-user limit.
 */
export class FailedAuthenticationLimiter {
  private readonly windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(
    private readonly limitPerMinute: number,
    // A window is a duration: performance.now(), which the demo's simulated clock leaves alone.
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Records one refusal from `ip`. Returns the seconds until its window ends when `ip` is over
   * the limit (answer 429 with Retry-After), undefined while it is not.
   */
  recordFailure(ip: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(ip);
    if (window === undefined || now - window.startedAt >= WINDOW_MS) {
      this.sweep(now);
      window = { startedAt: now, failures: 0 };
      this.windows.set(ip, window);
    }
    window.failures++;
    return window.failures > this.limitPerMinute
      ? Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000))
      : undefined;
  }

  private sweep(now: number): void {
    if (this.windows.size < SWEEP_ABOVE) {
      return;
    }
    for (const [ip, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) {
        this.windows.delete(ip);
      }
    }
  }
}
