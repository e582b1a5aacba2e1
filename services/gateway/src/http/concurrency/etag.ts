/**
 * Strong ETags from a resource's version: version 7 is `"7"`. The version alone identifies the
 * representation, because every change increments it (versionedUpdate in @polku/persistence).
 */
export function etagOf(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new TypeError(`a version must be a non-negative integer, got ${version}`);
  }
  return `"${version}"`;
}

export type ParsedIfMatch =
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: string };

/** The one form of If-Match accepted: a strong ETag of a version, `"7"` (also in the OpenAPI document). */
export const STRONG_VERSION_TAG = /^"(0|[1-9][0-9]{0,15})"$/;
// RFC 9110 entity-tag: optional W/, then a quoted string of etagc characters.
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * Reads `If-Match` as the version the client last read. Exactly one strong ETag of ours is
 * accepted: `*`, lists and weak tags cannot name the version a change was based on.
 */
export function parseIfMatch(header: string): ParsedIfMatch {
  const value = header.trim();
  if (value === '*') {
    return { kind: 'invalid', reason: 'If-Match: * does not say which version you read' };
  }
  if (value.includes(',')) {
    return { kind: 'invalid', reason: 'If-Match must name exactly one ETag' };
  }
  if (value.startsWith('W/')) {
    return { kind: 'invalid', reason: 'If-Match needs the strong ETag, not a weak one (W/)' };
  }
  const match = STRONG_VERSION_TAG.exec(value);
  const version = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(version)) {
    return { kind: 'invalid', reason: 'If-Match must be an ETag this API gave, like "7"' };
  }
  return { kind: 'version', version };
}

/**
 * Whether `If-None-Match` matches the current ETag, by weak comparison (RFC 9110 §13.1.2): `*`,
 * or any listed tag with the same quoted value, W/ or not. A malformed header matches nothing,
 * so the client simply gets the full answer.
 */
export function ifNoneMatchMatches(header: string, currentEtag: string): boolean {
  const value = header.trim();
  if (value === '*') {
    return true;
  }
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  const tags = value.split(',').map((tag) => tag.trim());
  if (!tags.every((tag) => ENTITY_TAG.test(tag))) {
    return false;
  }
  return tags.some((tag) => opaque(tag) === opaque(currentEtag));
}
