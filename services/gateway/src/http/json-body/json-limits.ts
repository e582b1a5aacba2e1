/**
 * How complex a JSON request body may be. Every command of the API fits far inside these; a body
 * outside them is an attack or a bug, refused before it is parsed (docs/security.md).
 */
export interface JsonLimits {
  /** Objects and arrays nested inside each other: `{"a":[1]}` is depth 2. */
  readonly maxDepth: number;
  /** Object members in the whole body, at every depth. */
  readonly maxKeys: number;
  /** Characters of one string (key or value) as written in the body, escapes included. */
  readonly maxStringLength: number;
}

/** The gateway's limits. The deepest command DTO nests 5 levels; the longest text is 3,000. */
export const JSON_BODY_LIMITS: JsonLimits = {
  maxDepth: 64,
  maxKeys: 2_000,
  maxStringLength: 10_000,
};

/** Which limit a body broke, and where: the offset of the character that broke it. */
export interface LimitBreach {
  readonly limit: keyof JsonLimits;
  readonly offset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;

/**
 * The first limit `text` breaks, or undefined. One pass over the characters with counters only
 * (no recursion, no allocation), so a body nested a million levels deep costs no stack: it is
 * checked before JSON.parse and everything after it (validation, reserved-field checks) walks a
 * tree of bounded depth. Text that is not JSON at all is left for JSON.parse to refuse.
 */
export function firstLimitBreach(text: string, limits: JsonLimits): LimitBreach | undefined {
  let depth = 0;
  let keys = 0;
  let inString = false;
  let stringStart = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (inString) {
      if (code === BACKSLASH) {
        offset++;
      } else if (code === QUOTE) {
        inString = false;
      }
      if (offset - stringStart > limits.maxStringLength) {
        return { limit: 'maxStringLength', offset };
      }
      continue;
    }
    switch (code) {
      case QUOTE:
        inString = true;
        stringStart = offset + 1;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (++depth > limits.maxDepth) {
          return { limit: 'maxDepth', offset };
        }
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        depth--;
        break;
      case COLON:
        // Outside strings a colon only ever separates a key from its value.
        if (++keys > limits.maxKeys) {
          return { limit: 'maxKeys', offset };
        }
        break;
    }
  }
  return undefined;
}
