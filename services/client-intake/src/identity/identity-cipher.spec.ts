import { inspect } from 'node:util';
import fc from 'fast-check';
import {
  IdentityCipher,
  IdentityCipherError,
  type IdentityCipherErrorCode,
} from './identity-cipher';

const keyOf = (fill: number) => Buffer.alloc(32, fill);
const K1 = { id: 'k1', key: keyOf(1) };
const K2 = { id: 'k2', key: keyOf(2) };
const AD = 'client:0b7c5d2e-0000-4000-8000-000000000001:name';

/** The code of the IdentityCipherError open threw, or a failure when it threw none. */
function cipherErrorOf(open: () => unknown): { code: IdentityCipherErrorCode; message: string } {
  try {
    open();
  } catch (error) {
    if (error instanceof IdentityCipherError) {
      return { code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an IdentityCipherError');
}

/** sealed with one base64url segment (2 iv, 3 ciphertext, 4 tag) replaced by change(bytes). */
function withSegment(sealed: string, index: number, change: (bytes: Buffer) => Buffer): string {
  const parts = sealed.split('.');
  parts[index] = change(Buffer.from(parts[index], 'base64url')).toString('base64url');
  return parts.join('.');
}

describe('IdentityCipher', () => {
  describe('encrypt and decrypt', () => {
    it('should open what it sealed when given the same associated data', () => {
      const cipher = new IdentityCipher([K1]);

      const sealed = cipher.encrypt('{"givenNames":"Maija","familyName":"Mäkinotkelma"}', AD);

      expect(cipher.decrypt(sealed, AD)).toBe('{"givenNames":"Maija","familyName":"Mäkinotkelma"}');
    });

    it('should write v1.<keyId>.<iv>.<ciphertext>.<tag> with a 96-bit IV and 128-bit tag when sealing', () => {
      const sealed = new IdentityCipher([K1]).encrypt('131052-308T', AD);
      const [version, keyId, iv, ciphertext, tag] = sealed.split('.');

      expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      expect([version, keyId]).toEqual(['v1', 'k1']);
      expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
      expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(11);
      expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
      expect(sealed).not.toContain('131052');
    });

    it('should give a different sealed value each time when the same text is sealed twice', () => {
      const cipher = new IdentityCipher([K1]);

      expect(cipher.encrypt('131052-308T', AD)).not.toBe(cipher.encrypt('131052-308T', AD));
    });

    it('should seal and open the empty string when given it', () => {
      const cipher = new IdentityCipher([K1]);

      expect(cipher.decrypt(cipher.encrypt('', AD), AD)).toBe('');
    });

    it('should round-trip any text with any associated data', () => {
      const cipher = new IdentityCipher([K2, K1]);
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 1 }), (text, ad) => {
          expect(cipher.decrypt(cipher.encrypt(text, ad), ad)).toBe(text);
        }),
      );
    });

    it('should refuse to seal without associated data', () => {
      expect(() => new IdentityCipher([K1]).encrypt('x', '')).toThrow(TypeError);
    });

    it('should refuse to seal text that is not well-formed Unicode', () => {
      expect(() => new IdentityCipher([K1]).encrypt('\ud800', AD)).toThrow(TypeError);
    });
  });

  describe('associated data', () => {
    it('should refuse with NOT_AUTHENTIC when a value is copied to another row', () => {
      const cipher = new IdentityCipher([K1]);
      const sealed = cipher.encrypt('Maija', 'client:a:name');

      expect(cipherErrorOf(() => cipher.decrypt(sealed, 'client:b:name')).code).toBe(
        'NOT_AUTHENTIC',
      );
    });

    it('should refuse with NOT_AUTHENTIC when a value is copied to another column of the row', () => {
      const cipher = new IdentityCipher([K1]);
      const sealed = cipher.encrypt('Maija', 'client:a:name');

      expect(cipherErrorOf(() => cipher.decrypt(sealed, 'client:a:address')).code).toBe(
        'NOT_AUTHENTIC',
      );
    });
  });

  describe('tampering', () => {
    it.each([
      ['the IV', 2],
      ['the ciphertext', 3],
      ['the tag', 4],
    ])('should refuse with NOT_AUTHENTIC when a bit of %s is flipped', (_part, index) => {
      const cipher = new IdentityCipher([K1]);
      const sealed = cipher.encrypt('131052-308T', AD);
      const flipped = withSegment(sealed, index, (bytes) => {
        const copy = Buffer.from(bytes);
        copy[0] ^= 0x01;
        return copy;
      });

      expect(cipherErrorOf(() => cipher.decrypt(flipped, AD)).code).toBe('NOT_AUTHENTIC');
    });

    it('should refuse with NOT_AUTHENTIC when the key id is changed to another key of the ring', () => {
      const cipher = new IdentityCipher([K1, K2]);
      const relabelled = cipher.encrypt('131052-308T', AD).replace(/^v1\.k1\./, 'v1.k2.');

      expect(cipherErrorOf(() => cipher.decrypt(relabelled, AD)).code).toBe('NOT_AUTHENTIC');
    });

    it('should refuse with NOT_AUTHENTIC when the key id names other key material than it was sealed with', () => {
      const sealed = new IdentityCipher([K1]).encrypt('131052-308T', AD);
      const impostor = new IdentityCipher([{ id: 'k1', key: keyOf(7) }]);

      expect(cipherErrorOf(() => impostor.decrypt(sealed, AD)).code).toBe('NOT_AUTHENTIC');
    });

    it('should refuse as MALFORMED when the tag is cut short, rather than check fewer bits', () => {
      const cipher = new IdentityCipher([K1]);
      const short = withSegment(cipher.encrypt('x', AD), 4, (bytes) => bytes.subarray(0, 4));

      expect(cipherErrorOf(() => cipher.decrypt(short, AD)).code).toBe('MALFORMED');
    });
  });

  describe('errors', () => {
    it('should name the key id, and no data, when a value is sealed with a key the ring does not hold', () => {
      const sealed = new IdentityCipher([{ id: 'k0', key: keyOf(9) }]).encrypt('131052-308T', AD);

      const error = cipherErrorOf(() => new IdentityCipher([K2, K1]).decrypt(sealed, AD));

      expect(error).toEqual({
        code: 'UNKNOWN_KEY',
        message:
          'identity value is sealed with key "k0", which IDENTITY_ENCRYPTION_KEYS does not hold (it holds k2, k1)',
      });
    });

    it.each([
      ['an empty string', '', 'MALFORMED'],
      ['plain text', '131052-308T', 'MALFORMED'],
      ['four parts', 'v1.k1.AAAAAAAAAAAAAAAA.AA', 'MALFORMED'],
      ['a later format', 'v2.k1.a.b.c', 'UNSUPPORTED_VERSION'],
      ['no version', 'x1.k1.a.b.c', 'MALFORMED'],
      ['an upper-case key id', 'v1.K1.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA', 'MALFORMED'],
      ['padded base64', 'v1.k1.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA==', 'MALFORMED'],
      ['standard base64 characters', 'v1.k1.AAAAAAAAAAAAAAA+..AAAAAAAAAAAAAAAAAAAAAA', 'MALFORMED'],
      ['an IV of 8 bytes', 'v1.k1.AAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA', 'MALFORMED'],
    ] as const)('should throw %s as %s when opening it', (_case, sealed, code) => {
      expect(cipherErrorOf(() => new IdentityCipher([K1]).decrypt(sealed, AD)).code).toBe(code);
    });

    it('should never put the plaintext or associated data in an error message', () => {
      const cipher = new IdentityCipher([K1]);
      const sealed = cipher.encrypt('131052-308T', 'client:secret-row:code');

      const { message } = cipherErrorOf(() => cipher.decrypt(sealed, 'client:other-row:code'));

      expect(message).not.toMatch(/131052|secret-row|other-row/);
    });
  });

  describe('key rotation', () => {
    it('should seal with the first key and open values of every key in the ring', () => {
      const old = new IdentityCipher([K1]).encrypt('Maija', AD);
      const rotated = new IdentityCipher([K2, K1]);

      expect(rotated.activeKeyId).toBe('k2');
      expect(rotated.keyIdOf(rotated.encrypt('Maija', AD))).toBe('k2');
      expect(rotated.decrypt(old, AD)).toBe('Maija');
    });

    it('should say a value needs re-encryption only when it was sealed with a key other than the active one', () => {
      const rotated = new IdentityCipher([K2, K1]);
      const old = new IdentityCipher([K1]).encrypt('Maija', AD);

      expect(rotated.needsReencryption(old)).toBe(true);
      expect(rotated.needsReencryption(rotated.encrypt('Maija', AD))).toBe(false);
    });

    it('should reseal an old value with the active key, and leave a current one as it is, when re-encrypting', () => {
      const rotated = new IdentityCipher([K2, K1]);
      const old = new IdentityCipher([K1]).encrypt('Maija', AD);
      const current = rotated.encrypt('Maija', AD);

      const resealed = rotated.reencrypt(old, AD);

      expect(rotated.keyIdOf(resealed)).toBe('k2');
      expect(new IdentityCipher([K2]).decrypt(resealed, AD)).toBe('Maija');
      expect(rotated.reencrypt(current, AD)).toBe(current);
    });

    it('should refuse to re-encrypt a value under other associated data', () => {
      const rotated = new IdentityCipher([K2, K1]);
      const old = new IdentityCipher([K1]).encrypt('Maija', 'client:a:name');

      expect(cipherErrorOf(() => rotated.reencrypt(old, 'client:b:name')).code).toBe(
        'NOT_AUTHENTIC',
      );
    });
  });

  describe('construction', () => {
    it.each([
      ['no keys', []],
      ['a key of 16 bytes', [{ id: 'k1', key: Buffer.alloc(16) }]],
      ['a repeated key id', [K1, { id: 'k1', key: keyOf(3) }]],
      ['a key id with a dot', [{ id: 'k.1', key: keyOf(3) }]],
    ])('should throw when given %s', (_case, ring) => {
      expect(() => new IdentityCipher(ring)).toThrow(RangeError);
    });

    it('should keep its own copy of the keys when the caller changes the buffer afterwards', () => {
      const key = keyOf(1);
      const cipher = new IdentityCipher([{ id: 'k1', key }]);
      const sealed = cipher.encrypt('Maija', AD);

      key.fill(0);

      expect(cipher.decrypt(sealed, AD)).toBe('Maija');
    });

    it('should show key ids and no key material when inspected or serialised', () => {
      const cipher = new IdentityCipher([K2, K1]);

      expect(inspect(cipher)).toBe('IdentityCipher(active k2; keys k2, k1)');
      expect(JSON.stringify(cipher)).toBe('{"activeKeyId":"k2"}');
    });
  });
});
