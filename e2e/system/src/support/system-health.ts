/**
 * The gateway's health in detail, as an operator reads it: the public /health says only up or
 * down, so this signs in as the demo registry administrator and asks /api/v1/system-health.
 * The demo token is fetched each time: the gateway may have restarted with a new demo key.
 */
export async function fetchSystemHealth(baseUrl: string, signal?: AbortSignal): Promise<Response> {
  const issued = await fetch(`${baseUrl}/api/v1/dev-auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'rea.rekisteri' }),
    ...(signal ? { signal } : {}),
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  return fetch(`${baseUrl}/api/v1/system-health`, {
    headers: { authorization: `Bearer ${token}` },
    ...(signal ? { signal } : {}),
  });
}
