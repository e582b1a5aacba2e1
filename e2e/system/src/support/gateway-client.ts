/** An answer of the gateway as the system tests read it. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type ApiCall = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  as: string,
  body?: object,
  headers?: Record<string, string>,
) => Promise<Answer>;

/**
 * Calls the gateway's API as a demo user (a token from the demo issuer, kept per user). POSTs
 * get a fresh Idempotency-Key unless the caller sets one.
 */
export function gatewayClient(baseUrl: () => string): {
  api: ApiCall;
  /** The user's bearer token, for requests the API client cannot make (event streams). */
  tokenOf: (username: string) => Promise<string>;
} {
  const tokens = new Map<string, string>();

  async function tokenOf(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) {
      return known;
    }
    const response = await fetch(`${baseUrl()}/api/v1/dev-auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    tokens.set(username, token);
    return token;
  }

  const api: ApiCall = async (method, path, as, body, headers = {}) => {
    const response = await fetch(`${baseUrl()}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenOf(as)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  return { api, tokenOf };
}
