import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** An answer of the gateway. */
export interface Answer {
  readonly status: number;
  readonly etag: string | undefined;
  // A JSON answer of any shape: each caller reads the members it knows.
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  readonly body?: unknown;
  readonly ifMatch?: string;
}

/** The demo issuer's tokens last 8 hours (docs/auth.md); a new one is taken after 7. */
const TOKEN_RENEWAL_MS = 7 * 3_600_000;

/** How often a request is sent again when the gateway is busy (429) or a service is away (503). */
const MAX_TRANSPORT_ATTEMPTS = 8;

/**
 * The gateway's API as demo users call it: a token from the demo issuer per user, an
 * Idempotency-Key on every POST (the same on a retry, so a command is never done twice), and
 * retries where the gateway asks for them (429 and 503 with Retry-After) or the connection broke.
 * Counts the requests it sends.
 */
export class GatewayApi {
  private readonly tokens = new Map<string, { token: Promise<string>; issuedAt: number }>();
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    /** The time the gateway checks a token's expiry at: the simulated clock's, when there is one. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  private token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    const now = this.now().getTime();
    if (known !== undefined && now - known.issuedAt < TOKEN_RENEWAL_MS) {
      return known.token;
    }
    // A new token before the old one expires: an expired token's 401 counts against the
    // gateway's limit of refused sign-ins, which a simulated day's jump would soon reach.
    const token = this.issue(username);
    this.tokens.set(username, { token, issuedAt: now });
    token.catch(() => this.tokens.delete(username));
    return token;
  }

  private async issue(username: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/v1/dev-auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (!response.ok) {
      throw new Error(
        `the demo issuer answered ${response.status} for ${username}: is the gateway running with POLKU_DEMO=true?`,
      );
    }
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    as: string,
    options: CallOptions = {},
  ): Promise<Answer> {
    const idempotencyKey = method === 'POST' ? randomUUID() : undefined;
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.send(method, path, as, options, idempotencyKey).catch(
        (error: unknown) => {
          if (attempt >= MAX_TRANSPORT_ATTEMPTS) {
            throw error;
          }
          return undefined;
        },
      );
      if (answer === undefined) {
        await sleep(250 * attempt);
        continue;
      }
      const retryAfter = answer.retryAfterS;
      if ((answer.status === 429 || answer.status === 503) && attempt < MAX_TRANSPORT_ATTEMPTS) {
        await sleep(Math.min(Math.max(retryAfter ?? 1, 0.2), 10) * 1_000);
        continue;
      }
      return answer;
    }
  }

  private async send(
    method: string,
    path: string,
    as: string,
    options: CallOptions,
    idempotencyKey: string | undefined,
  ): Promise<Answer & { retryAfterS: number | undefined }> {
    this.requests += 1;
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(as)}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
        ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const retryAfter = response.headers.get('retry-after');
    return {
      status: response.status,
      etag: response.headers.get('etag') ?? undefined,
      body: text === '' ? null : JSON.parse(text),
      retryAfterS: retryAfter === null ? undefined : Number(retryAfter),
    };
  }
}
