import { createHmac } from 'node:crypto';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** 1..255 visible ASCII characters (no spaces, no control characters); in the OpenAPI document too. */
export const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;
// The draft makes the header a Structured Field string ("…"); a bare token is accepted too.
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;

export type ParsedIdempotencyKey =
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'key'; readonly key: string };

/**
 * Reads the Idempotency-Key header: `"abc"` (a Structured Field string, as the IETF draft
 * writes it) and `abc` give the same key. The key must be 1..255 visible ASCII characters.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): ParsedIdempotencyKey {
  if (header === undefined) {
    return { kind: 'missing' };
  }
  if (Array.isArray(header)) {
    return { kind: 'invalid' };
  }
  const value = header.trim();
  const quoted = SF_STRING.exec(value);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : value;
  return VISIBLE_ASCII.test(key) ? { kind: 'key', key } : { kind: 'invalid' };
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (Buffer.isBuffer(value)) {
    return { $base64: value.toString('base64') };
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * HMAC-SHA256 (hex) of what makes two requests "the same": the path with its query (the route
 * template alone would let one key stand for two resources) and the canonical JSON body. Keyed
 * (IDEMPOTENCY_FINGERPRINT_KEY) because a body may hold a personal identity code and names: an
 * unkeyed hash of it in the gateway's database could be confirmed by guessing.
 */
export function requestFingerprint(
  request: { readonly url: string; readonly body: unknown },
  key: Buffer,
): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ url: request.url, body: request.body ?? null }))
    .digest('hex');
}
