import { randomUUID } from 'node:crypto';

/** An answer of the gateway, with how long it took from sending to the whole body. */
export interface GatewayAnswer {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly ms: number;
}

/** Calls the gateway's API as the demo users, with real tokens from the demo issuer. */
export interface GatewayHttp {
  readonly baseUrl: string;
  tokenOf(username: string): Promise<string>;
  call(
    method: 'GET' | 'POST',
    path: string,
    as: string,
    body?: object,
    headers?: Record<string, string>,
  ): Promise<GatewayAnswer>;
}

export function gatewayHttp(baseUrl: string): GatewayHttp {
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string): Promise<string> => {
    let token = tokens.get(username);
    if (!token) {
      token = fetch(`${baseUrl}/api/v1/dev-auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      }).then(async (response) => {
        if (!response.ok) {
          throw new Error(`dev-auth token for ${username}: ${response.status}`);
        }
        return ((await response.json()) as { access_token: string }).access_token;
      });
      tokens.set(username, token);
    }
    return token;
  };
  return {
    baseUrl,
    tokenOf,
    async call(method, path, as, body, headers = {}) {
      const authorization = `Bearer ${await tokenOf(as)}`;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      const ms = performance.now() - started;
      return { status: response.status, body: text ? JSON.parse(text) : null, ms };
    },
  };
}
