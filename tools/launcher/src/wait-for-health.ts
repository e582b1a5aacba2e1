/** The gateway's GET /health body, as far as the launcher reads it. */
interface HealthBody {
  readonly status: 'up' | 'down';
  readonly services?: Record<string, { status: string; detail?: string }>;
  readonly gateway?: { status: string };
}

/**
 * Polls GET /health until every service is up. Rejects after timeoutMs with what was still
 * down, so a failed start names its cause.
 */
export async function waitForHealthy(
  healthUrl: string,
  timeoutMs: number,
  isAborted: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'the gateway did not answer';
  while (Date.now() < deadline && !isAborted()) {
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(3_000) });
      const body = (await response.json()) as HealthBody;
      if (body.status === 'up') {
        return;
      }
      const down = Object.entries(body.services ?? {})
        .filter(([, report]) => report.status !== 'up')
        .map(([name, report]) => `${name}${report.detail ? ` (${report.detail})` : ''}`);
      if (body.gateway !== undefined && body.gateway.status !== 'up') {
        down.unshift('gateway');
      }
      // The public /health says only up or down; the details are at /api/v1/system-health.
      lastProblem =
        down.length > 0
          ? `still down: ${down.join(', ')}`
          : 'the gateway reports down (details: GET /api/v1/system-health as REGISTRY_ADMIN, or the services’ logs)';
    } catch (error) {
      lastProblem = `the gateway did not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `not every service came up within ${Math.round(timeoutMs / 1000)} s; ${lastProblem}`,
  );
}
