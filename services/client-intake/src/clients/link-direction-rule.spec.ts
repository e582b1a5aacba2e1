import { linkedPair } from './link-direction-rule';

const CLIENT = '00000000-0000-4000-8000-0000000000c1';
const OTHER = '00000000-0000-4000-8000-0000000000c2';
const HASH = 'a'.repeat(64);

const unverified = (id: string, recordedCodeHash: string | null = null) => ({
  id,
  identity_status: 'UNVERIFIED' as const,
  identity_hash: null,
  recorded_code_hash: recordedCodeHash,
});
const verified = (id: string, hash = HASH) => ({
  id,
  identity_status: 'VERIFIED' as const,
  identity_hash: hash,
  recorded_code_hash: null,
});

describe('linkedPair', () => {
  it('should point the path’s unverified client to the verified client that has its code', () => {
    expect(
      linkedPair({ client: unverified(CLIENT, HASH), other: verified(OTHER), match: 'SAME_CODE' }),
    ).toEqual({ unverifiedClientId: CLIENT, verifiedClientId: OTHER });
  });

  it('should refuse a SAME_CODE pair whose verified client no longer has the recorded code', () => {
    expect(
      linkedPair({
        client: unverified(CLIENT, HASH),
        other: verified(OTHER, 'b'.repeat(64)),
        match: 'SAME_CODE',
      }),
    ).toBeUndefined();
  });

  it('should refuse a SAME_CODE pair when the path’s client is linked meanwhile', () => {
    expect(
      linkedPair({
        client: { ...unverified(CLIENT, HASH), identity_status: 'LINKED' },
        other: verified(OTHER),
        match: 'SAME_CODE',
      }),
    ).toBeUndefined();
  });

  it('should point the other unverified client to the path’s client verified by its code', () => {
    expect(
      linkedPair({
        client: verified(CLIENT),
        other: unverified(OTHER),
        match: 'SAME_NAMES_AND_BIRTH_DATE',
      }),
    ).toEqual({ unverifiedClientId: OTHER, verifiedClientId: CLIENT });
  });

  it('should refuse a names match whose other client was verified or linked meanwhile', () => {
    for (const status of ['VERIFIED', 'LINKED'] as const) {
      expect(
        linkedPair({
          client: verified(CLIENT),
          other: { ...unverified(OTHER), identity_status: status },
          match: 'SAME_NAMES_AND_BIRTH_DATE',
        }),
      ).toBeUndefined();
    }
  });
});
