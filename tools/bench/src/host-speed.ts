/** A fixed object the size and shape of an event envelope. */
const SAMPLE = {
  id: '019ab1c2-7d3e-7f00-8a1b-0c2d3e4f5a6b',
  type: 'ClientReferred',
  version: 1,
  occurredAt: '2026-11-24T04:00:00.000Z',
  pathId: '5f0c2b1e-3d4a-4b6c-9e8f-7a6b5c4d3e2f',
  clientRef: 'client-1a2b3c4d',
  emitter: {
    orgId: '0d1e2f3a-4b5c-4d6e-8f7a-6b5c4d3e2f1a',
    orgRole: 'EMPLOYMENT_AUTHORITY',
    actorId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    actorRole: 'CASEWORKER',
  },
  correlationId: '019ab1c2-7d3e-7f00-8a1b-0c2d3e4f5a6b',
  causationId: null,
  dataClass: 'PATH',
  legalBasis: 'Act on Public Employment and Business Services 380/2023',
  data: {
    referralId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
    fromOrgId: '0d1e2f3a-4b5c-4d6e-8f7a-6b5c4d3e2f1a',
    toOrgId: '7e6d5c4b-3a2f-4e1d-9c0b-a9f8e7d6c5b4',
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2026-12-01',
  },
};

/**
 * How fast this machine runs JavaScript right now: JSON round trips of an envelope-sized object
 * per millisecond, in one thread. The bench runs on shared virtual machines whose speed drifts
 * (the same code measured up to 2× apart within an hour, docs/performance.md); this figure,
 * taken before and after the end-to-end phases, says which kind of hour a run had.
 */
export function hostSpeedIndex(): number {
  // The best of five short rounds: a round can meet a GC of the bench's own heap.
  let best = 0;
  for (let round = 0; round < 5; round += 1) {
    best = Math.max(best, jsonRoundTripsPerMs(10_000));
  }
  return best;
}

function jsonRoundTripsPerMs(count: number): number {
  let keep = 0;
  const began = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    keep += (JSON.parse(JSON.stringify(SAMPLE)) as { version: number }).version;
  }
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  return keep === count ? Math.round(count / ms) : 0;
}
